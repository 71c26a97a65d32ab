// Start-up: what a command costs before it does its work. `papers --version` and `papers list --plain`
// on the seed (a fresh PAPERS_HOME, no config file) as whole processes against `node -e 0`, paired
// medians (bench/paired.ts); then loading the config in process, which every command does once.
//   PAPERS_BENCH_STARTUP_PAIRS=11   pairs per row (default 11)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/io/config-file.js';
import { paired, row } from './paired.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'papers.js');
const PAIRS = Number(process.env.PAPERS_BENCH_STARTUP_PAIRS ?? 11);

export async function run(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'papers-bench-startup-'));
  try {
    const config = join(home, 'config');
    mkdirSync(config);
    const env: NodeJS.ProcessEnv = { ...process.env, PAPERS_HOME: join(home, 'library'), XDG_CONFIG_HOME: config, PAPERS_CONFIG: undefined };
    row('papers --version', paired(() => [BIN, '--version'], PAIRS, env));
    row('papers list --plain (the seed)', paired(() => [BIN, 'list', '--plain'], PAIRS, env), '1.8x');
    writeFileSync(join(config, 'config.yaml'), 'quick-tags:\n  3: later\nexport:\n  format: bibtex\n');
    row('  the same with a config file', paired(() => [BIN, 'list', '--plain'], PAIRS, env));

    // in process: what reading the config adds to every command
    writeFileSync(join(config, 'config.yaml'), 'quick-tags:\n  3: later\nranking:\n  positive: [to-read, read, fav]\nexport:\n  format: bibtex\ncolor: auto\n');
    for (const [label, file] of [['no file', join(config, 'missing.yaml')], ['a 7-line file', join(config, 'config.yaml')]] as const) {
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) loadConfig([], { PAPERS_CONFIG: file });
      console.log(`  loadConfig, ${label}: ${((performance.now() - t0) / 1000).toFixed(3)} ms per call`);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
