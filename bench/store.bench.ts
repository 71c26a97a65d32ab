// The SQLite store's budgets at 1k, 10k, 100k and 1M papers: every command as a whole process,
// as a ratio to `node -e 0` run right before it (medians of paired runs), so that the load of a
// shared machine cancels out. Libraries are built once under bench/.data/ by one bulk import
// (bench/synthetic-library.ts) and reused; PAPERS_BENCH_REBUILD=1 regenerates them.
//   PAPERS_BENCH_STORE_SIZES=1000,10000   the sizes (default 1000,10000,100000,1000000)
//   PAPERS_BENCH_YEAR=0                   skip the year of 365 daily imports
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeDecisions, type Decisions } from '../src/core/decisions.js';
import { prng, syntheticDigest, syntheticPapers } from './synthetic.js';
import { writeSyntheticLibrary } from './synthetic-library.js';
import { median, paired, row, timed } from './paired.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'papers.js');
const SIZES = (process.env.PAPERS_BENCH_STORE_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);

function build(dir: string, n: number): void {
  const t0 = performance.now();
  const { papers } = writeSyntheticLibrary(dir, n);
  const rand = prng(7);
  const decisions: Decisions = new Map();
  for (const p of papers) {
    const r = rand();
    if (r < 0.02) decisions.set(p.id, { tags: { 'to-read': '2025-06-01T08:00:00.000Z' }, note: null });
    else if (r < 0.12) decisions.set(p.id, { tags: { skip: '2025-06-01T08:00:00.000Z' }, note: null });
  }
  writeFileSync(join(dir, 'decisions.yaml'), serializeDecisions(decisions));
  console.log(`  built ${papers.length} papers in ${((performance.now() - t0) / 1000).toFixed(1)} s (one bulk import)`);
}

function sizeOf(dir: string, match: (f: string) => boolean): number {
  return readdirSync(dir).filter(match).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Spawn to the first frame of the UI under script(1), in ms. */
function firstFrame(dir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, PAPERS_HOME: dir, FORCE_COLOR: '0', TERM: 'xterm-256color' };
  delete env.CI;
  delete env.NO_COLOR;
  const start = performance.now();
  const child = spawn('script', ['-qec', `stty cols 120 rows 40; exec ${process.execPath} ${BIN}`, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'ignore'] });
  let screen = '';
  let seen = false;
  child.stdin.on('error', () => {}); // the UI may have quit already
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no first frame after 60 s')), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      if (seen) return;
      screen += d.toString();
      if (screen.includes('q quit')) {
        seen = true;
        clearTimeout(timer);
        const ms = performance.now() - start;
        child.stdin.write('q');
        child.on('close', () => resolve(ms));
      }
    });
  });
}

async function measure(n: number): Promise<void> {
  const dir = join(ROOT, 'bench', '.data', `store-${n}`);
  console.log(`### ${n.toLocaleString('en')} papers`);
  if (!existsSync(join(dir, 'cache', 'papers.db')) || process.env.PAPERS_BENCH_REBUILD === '1') build(dir, n);
  const lib = (...args: string[]) => [BIN, '--library', dir, ...args];
  const inbox = mkdtempSync(join(tmpdir(), 'papers-bench-store-'));
  try {
    row('import a new 50-paper digest', paired((i) => {
      const file = join(inbox, `new-${Date.now()}-${i}.txt`);
      writeFileSync(file, syntheticDigest(syntheticPapers(50, 99, 10_000_000 + Date.now() % 1_000_000 + i * 50)));
      return lib('import', file);
    }), '3x at 100k, 4x at 1M');
    for (const q of ['language model', 'langauge', '"language model"', 'model -language']) row(`search ${q}`, paired(() => lib('search', q, '--limit', '20')), '4x at 100k, 6x at 1M');
    row('list --limit 50', paired(() => lib('list', '--limit', '50', '--plain')), '3x at 100k, 4x at 1M');
    const id = (JSON.parse(spawnSync(process.execPath, lib('list', '--json', '--limit', '1'), { encoding: 'utf8' }).stdout) as Array<{ id: string }>)[0]!.id;
    row('show ID', paired(() => lib('show', id)), '3x at 100k, 4x at 1M');
    row('tag ID', paired((i) => lib('tag', id, i % 2 === 0 ? '+bench' : '-bench')), '3x at 100k, 4x at 1M');
    row('list --json (all)', paired(() => lib('list', '--json'), 3), '1.5 s, 200 MB at 100k');
    const frames: number[] = [];
    for (let i = 0; i < 3; i++) frames.push(await firstFrame(dir));
    const node = median([0, 1, 2].map(() => timed(['-e', '0']).ms));
    console.log(`  UI first frame                     ${(median(frames) / node).toFixed(2).padStart(6)}x node   ${median(frames).toFixed(0).padStart(6)} ms   budget 400 ms at 100k`);
    const db = sizeOf(join(dir, 'cache'), (f) => f.startsWith('papers.db'));
    const raw = sizeOf(join(dir, 'digests'), (f) => f.endsWith('.txt'));
    console.log(`  database ${(db / 1e6).toFixed(1)} MB vs raw digests ${(raw / 1e6).toFixed(1)} MB: ${(db / raw).toFixed(2)}x   budget 2x at 100k`);
  } finally {
    rmSync(inbox, { recursive: true, force: true });
  }
}

/** 365 daily `papers import` processes of 50 papers each into an empty library: the whole year's wall time. */
function year(): void {
  const dir = mkdtempSync(join(tmpdir(), 'papers-bench-year-'));
  const inbox = mkdtempSync(join(tmpdir(), 'papers-bench-year-in-'));
  try {
    const t0 = performance.now();
    for (let day = 0; day < 365; day++) {
      const file = join(inbox, `day-${day}.txt`);
      writeFileSync(file, syntheticDigest(syntheticPapers(50, 5, day * 50)));
      const r = spawnSync(process.execPath, [BIN, '--library', dir, 'import', file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`day ${day}: ${r.stderr}`);
    }
    console.log(`### a year of 365 daily imports (50 papers each) into an empty library: ${((performance.now() - t0) / 1000).toFixed(1)} s   budget 60 s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(inbox, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  for (const n of SIZES) await measure(n);
  if (process.env.PAPERS_BENCH_YEAR !== '0') year();
}
