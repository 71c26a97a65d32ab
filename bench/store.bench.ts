// The SQLite store's budgets at 1k, 10k, 100k and 1M papers: every command as a whole process,
// as a ratio to `node -e 0` run right before it (medians of paired runs), so that the load of a
// shared machine cancels out. Libraries are built once under bench/.data/ by one bulk import
// (bench/build-library.ts, in a process of its own so that its peak RSS is reported) and reused;
// PAPERS_BENCH_REBUILD=1 regenerates them. The same rows can run against another checkout, e.g.
// the release before the SQLite store, on copies of the same digests and decisions (that release
// builds its caches on first open), side by side in each pair.
//   PAPERS_BENCH_STORE_SIZES=1000,10000   the sizes (default 1000,10000,100000,1000000)
//   PAPERS_BENCH_YEAR=0                   skip the year of 365 daily imports
//   PAPERS_BENCH_BASELINE=/path/checkout  also run its bin/papers.js (built) on the same rows
//   PAPERS_BENCH_BASELINE_MAX=100000      the largest size the baseline is run at (default 100000)
// Ends with the whole table in Markdown, to paste into a note.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticDigest, syntheticPapers } from './synthetic.js';
import { median, timed, type Timed } from './paired.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'papers.js');
const SIZES = (process.env.PAPERS_BENCH_STORE_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
const PAIRS = 5;
const BASELINE = process.env.PAPERS_BENCH_BASELINE ? join(process.env.PAPERS_BENCH_BASELINE, 'bin', 'papers.js') : null;
const BASELINE_MAX = Number(process.env.PAPERS_BENCH_BASELINE_MAX ?? 100_000);
/** Only the rows whose label contains one of these (comma-separated), e.g. `search,tag`; all by default. */
const ROWS = process.env.PAPERS_BENCH_STORE_ROWS?.split(',') ?? null;
const wanted = (label: string) => ROWS === null || ROWS.some((r) => label.includes(r));

interface Measured {
  ratio: number;
  ms: number;
  rssMB: number;
}

/** One binary's command line for a row, or null when that binary does not run the row. */
type Command = (bin: string, dir: string, i: number) => string[];

interface Side {
  bin: string;
  dir: string;
}

/**
 * Median ratio of `command` to `node -e 0`, each run right after its own `node -e 0`; also the
 * median wall and the peak RSS. With a baseline, each pair runs both binaries after the same
 * `node -e 0`, so that both ratios see the same load.
 */
function paired(command: Command, sides: Side[], pairs = PAIRS): Array<Measured | string> {
  const ratios = sides.map(() => [] as number[]);
  const walls = sides.map(() => [] as number[]);
  const rss = sides.map(() => 0);
  // a baseline that cannot run the row (an option it lacks) is reported, not fatal
  const failed: Array<string | null> = sides.map(() => null);
  for (let i = 0; i < pairs; i++) {
    const base = timed(['-e', '0']);
    sides.forEach((side, k) => {
      if (failed[k]) return;
      let run: Timed;
      try {
        run = timed(command(side.bin, side.dir, i));
      } catch (e) {
        if (k === 0) throw e;
        failed[k] = `failed: ${(e as Error).message.replace(/\s+/g, ' ').slice(0, 160)}`;
        return;
      }
      ratios[k]!.push(run.ms / base.ms);
      walls[k]!.push(run.ms);
      rss[k] = Math.max(rss[k]!, run.rssMB);
    });
  }
  return sides.map((_, k) => failed[k] ?? { ratio: median(ratios[k]!), ms: median(walls[k]!), rssMB: rss[k]! });
}

interface TableRow {
  label: string;
  size: number;
  ours: Measured | null;
  budget: string;
  baseline: Measured | string | null;
}

const table: TableRow[] = [];

/** A figure, or '-' for one a row does not have (a build has no ratio, a size no time). */
const num = (x: number, digits = 0, unit = '') => (Number.isFinite(x) ? `${x.toFixed(digits)}${unit}` : '-');

function report(r: TableRow): void {
  table.push(r);
  const m = r.ours;
  const base = r.baseline === null ? '' : typeof r.baseline === 'string' ? `   baseline: ${r.baseline}` : `   baseline ${num(r.baseline.ratio, 2, 'x')} (${num(r.baseline.ms)} ms, ${num(r.baseline.rssMB)} MB)`;
  const ours = m ? `${num(m.ratio, 2, 'x').padStart(6)} node   ${num(m.ms).padStart(6)} ms   ${num(m.rssMB).padStart(5)} MB peak` : '';
  console.log(`  ${r.label.padEnd(34)} ${ours}${r.budget ? `   budget ${r.budget}` : ''}${base}`);
}

/** Runs a row for this checkout and, when there is one for this size, the baseline. */
function row(label: string, size: number, sides: Side[], command: Command, budget: string, pairs = PAIRS, skipBaseline: string | null = null): void {
  const [ours, baseline] = paired(command, skipBaseline ? sides.slice(0, 1) : sides, pairs);
  report({ label, size, ours: ours as Measured, budget, baseline: skipBaseline ?? (sides.length > 1 ? baseline! : null) });
}

function markdownTable(): string {
  const fmt = (m: Measured | null) => (m ? num(m.ratio, 2, 'x') : '');
  const lines = ['| command | size | ratio | ms | peak MB | budget | baseline ratio |', '| --- | ---: | ---: | ---: | ---: | --- | --- |'];
  for (const r of table) {
    const base = r.baseline === null ? '' : typeof r.baseline === 'string' ? r.baseline : `${fmt(r.baseline)} (${num(r.baseline.ms)} ms, ${num(r.baseline.rssMB)} MB)`;
    lines.push(`| ${r.label} | ${r.size.toLocaleString('en')} | ${fmt(r.ours)} | ${r.ours ? num(r.ours.ms) : ''} | ${r.ours ? num(r.ours.rssMB) : ''} | ${r.budget} | ${base} |`);
  }
  return lines.join('\n');
}

/** The library built in a child process: its wall time and peak RSS. */
function build(dir: string, n: number): void {
  const r = timed(['--import', 'tsx', join(ROOT, 'bench', 'build-library.ts'), dir, String(n)]);
  console.log(`  built ${n.toLocaleString('en')} papers in ${(r.ms / 1000).toFixed(1)} s, ${r.rssMB.toFixed(0)} MB peak (one bulk import)`);
  report({ label: 'build (one bulk import)', size: n, ours: { ratio: Number.NaN, ms: r.ms, rssMB: r.rssMB }, budget: '300 MB at 1M', baseline: null });
}

/**
 * The baseline's own library: a copy of the digests and decisions, its caches built by its first
 * command (timed once, reported). Null, with the reason, when it cannot be had in reasonable time.
 */
function baselineLibrary(dir: string, n: number): { side: Side } | { skip: string } | null {
  if (!BASELINE) return null;
  if (n > BASELINE_MAX) return { skip: `not run above ${BASELINE_MAX.toLocaleString('en')} papers (PAPERS_BENCH_BASELINE_MAX): it reads the whole library into memory` };
  if (!existsSync(BASELINE)) return { skip: `${BASELINE} does not exist` };
  const base = join(ROOT, 'bench', '.data', `baseline-${n}`);
  const fresh = !existsSync(join(base, 'cache')) || process.env.PAPERS_BENCH_REBUILD === '1';
  if (fresh) {
    rmSync(base, { recursive: true, force: true });
    cpSync(join(dir, 'digests'), join(base, 'digests'), { recursive: true });
    cpSync(join(dir, 'decisions.yaml'), join(base, 'decisions.yaml'));
    try {
      const r = timed([BASELINE, '--library', base, 'list', '--limit', '1', '--plain']);
      console.log(`  baseline built its caches in ${(r.ms / 1000).toFixed(1)} s, ${r.rssMB.toFixed(0)} MB peak`);
    } catch (e) {
      return { skip: `could not build its caches: ${(e as Error).message.split('\n')[0]}` };
    }
  }
  return { side: { bin: BASELINE, dir: base } };
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
  console.log(`### ${n.toLocaleString('en')} papers (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  if (!existsSync(join(dir, 'cache', 'papers.db')) || process.env.PAPERS_BENCH_REBUILD === '1') build(dir, n);
  const baseline = baselineLibrary(dir, n);
  if (baseline && 'skip' in baseline) console.log(`  baseline skipped: ${baseline.skip}`);
  const sides: Side[] = [{ bin: BIN, dir }, ...(baseline && 'side' in baseline ? [baseline.side] : [])];
  const skipped = baseline && 'skip' in baseline ? `skipped: ${baseline.skip}` : null;
  const lib = (bin: string, d: string, ...args: string[]) => [bin, '--library', d, ...args];
  const run = (label: string, command: Command, budget: string, pairs = PAIRS) => {
    if (wanted(label)) row(label, n, sides, command, budget, pairs, skipped);
  };
  const inbox = mkdtempSync(join(tmpdir(), 'papers-bench-store-'));
  try {
    run('import a new 50-paper digest', (bin, d, i) => {
      const file = join(inbox, `new-${Date.now()}-${i}.txt`);
      writeFileSync(file, syntheticDigest(syntheticPapers(50, 99, 10_000_000 + (Date.now() % 1_000_000) + i * 50)));
      return lib(bin, d, 'import', file);
    }, '3x at 100k, 4x at 1M');
    for (const q of ['language model', 'langauge', '"language model"', 'model -language']) run(`search ${q}`, (bin, d) => lib(bin, d, 'search', q, '--limit', '20'), '4x at 100k, 6x at 1M');
    run('list --limit 50', (bin, d) => lib(bin, d, 'list', '--limit', '50', '--plain'), '3x at 100k, 4x at 1M');
    run('list +to-read --limit 50', (bin, d) => lib(bin, d, 'list', '--tag', 'to-read', '--limit', '50', '--plain'), '3x at 100k, 4x at 1M');
    run('list --sort date --limit 50', (bin, d) => lib(bin, d, 'list', '--sort', 'date', '--limit', '50', '--plain'), '');
    const id = (JSON.parse(spawnSync(process.execPath, lib(BIN, dir, 'list', '--json', '--limit', '1'), { encoding: 'utf8' }).stdout) as Array<{ id: string }>)[0]!.id;
    run('show ID', (bin, d) => lib(bin, d, 'show', id), '3x at 100k, 4x at 1M');
    run('tag ID', (bin, d, i) => lib(bin, d, 'tag', id, i % 2 === 0 ? '+bench' : '-bench'), '3x at 100k, 4x at 1M');
    run('list --json (all)', (bin, d) => lib(bin, d, 'list', '--json'), '1.5 s, 200 MB at 100k', 3);
    if (ROWS !== null) return;
    const frames: number[] = [];
    for (let i = 0; i < 3; i++) frames.push(await firstFrame(dir));
    const node = median([0, 1, 2].map(() => timed(['-e', '0']).ms));
    report({ label: 'UI first frame', size: n, ours: { ratio: median(frames) / node, ms: median(frames), rssMB: Number.NaN }, budget: '400 ms at 100k', baseline: null });
    const db = sizeOf(join(dir, 'cache'), (f) => f.startsWith('papers.db'));
    const raw = sizeOf(join(dir, 'digests'), (f) => f.endsWith('.txt'));
    console.log(`  database ${(db / 1e6).toFixed(1)} MB vs raw digests ${(raw / 1e6).toFixed(1)} MB: ${(db / raw).toFixed(2)}x   budget 2x at 100k`);
    report({ label: `database size ${(db / 1e6).toFixed(0)} MB / raw ${(raw / 1e6).toFixed(0)} MB`, size: n, ours: { ratio: db / raw, ms: Number.NaN, rssMB: Number.NaN }, budget: '2x at 100k', baseline: null });
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
  console.log(`\n${markdownTable()}`);
}
