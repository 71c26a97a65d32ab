// Costs around the commands: a progress tick (called per item), Tab completion of ids and tags
// through the built binary, and `papers doctor` (check, --repair) on a synthetic library of N papers
// (PAPERS_BENCH_COMPLETION_N, default 20,000) under bench/.data/. Start-up and the config: startup.bench.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProgress } from '../src/cli/progress.js';
import { serializeDecisions, type Decisions } from '../src/core/decisions.js';
import { writeSyntheticLibrary } from './synthetic-library.js';
import { loadTextWidth } from '../src/core/text/columns.js';

await loadTextWidth(); // as the program does before it measures text

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.PAPERS_BENCH_COMPLETION_N ?? 20_000);
const DIR = join(ROOT, 'bench', '.data', `completion-${N}`);

function build(): string[] {
  const merger = writeSyntheticLibrary(DIR, N);
  const decisions: Decisions = new Map();
  merger.papers.forEach((p, i) => {
    if (i % 50 === 0) decisions.set(p.id, { tags: { 'to-read': '2025-06-01T08:00:00.000Z', [`topic-${i % 7}`]: '2025-06-01T08:00:00.000Z' }, note: null });
  });
  writeFileSync(join(DIR, 'decisions.yaml'), serializeDecisions(decisions));
  return merger.papers.map((p) => p.id);
}

function cli(args: string[]): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'papers.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, PAPERS_HOME: DIR, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (r.status !== 0 && !(args[0] === 'doctor' && r.status === 1)) throw new Error(`papers ${args.join(' ')}: ${r.stderr}`);
  return { ms, out: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timesOf = (n: number, f: () => number) => median(Array.from({ length: n }, f));

export async function run(): Promise<void> {
  // progress: per-tick cost, silent (a pipe) and drawing (a terminal, redraws throttled)
  const TICKS = 5_000_000;
  for (const isTTY of [false, true]) {
    const stream = { isTTY, columns: 100, write: () => true };
    const p = startProgress('bench', TICKS, { stream, delayMs: 0 });
    const t0 = performance.now();
    for (let i = 0; i < TICKS; i++) p.tick();
    const ms = performance.now() - t0;
    p.done();
    console.log(`progress tick (${isTTY ? 'terminal' : 'pipe'}): ${((ms * 1e6) / TICKS).toFixed(1)} ns per call`);
  }

  if (!existsSync(join(DIR, 'cache', 'index.json')) || process.env.PAPERS_BENCH_REBUILD === '1') {
    const t0 = performance.now();
    build();
    console.log(`built a library of ${N} papers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const ids = cli(['__complete', 'ids']).out.trim().split('\n');
  const some = ids[Math.floor(ids.length / 2)]!;
  const base = timesOf(5, () => cli(['--version']).ms);
  console.log(`papers --version (start-up floor): ${base.toFixed(0)} ms`);
  const one = timesOf(5, () => cli(['__complete', 'line', '--', `papers show ${some.slice(0, -1)}`]).ms);
  const many = timesOf(5, () => cli(['__complete', 'line', '--', 'papers show ']).ms);
  const tags = timesOf(5, () => cli(['__complete', 'line', '--', 'papers list --tag ']).ms);
  const cmds = timesOf(5, () => cli(['__complete', 'line', '--', 'papers ']).ms);
  console.log(`Tab at ${N} papers: a command ${cmds.toFixed(0)} ms, a tag ${tags.toFixed(0)} ms, an id from a prefix ${one.toFixed(0)} ms, all ${ids.length} ids ${many.toFixed(0)} ms`);

  const check = cli(['doctor']);
  console.log(`papers doctor at ${N} papers: ${(check.ms / 1000).toFixed(2)} s`);
  const repair = cli(['doctor', '--repair']);
  console.log(`papers doctor --repair at ${N} papers (rebuild cache and search index, check twice): ${(repair.ms / 1000).toFixed(2)} s`);
  const after = cli(['doctor']);
  console.log(`papers doctor after the repair (with a search index to compare): ${(after.ms / 1000).toFixed(2)} s`);
}
