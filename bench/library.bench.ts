// The library at 100,000 papers: a generator writes synthetic digests (bench/synthetic.ts,
// sentences of the seed) into a library under bench/.data/, then measures
//   - `papers list --tag to-read --json` through the built binary (target < 300 ms),
//   - a full load of every paper with its abstract (target < 1.5 s, within 400 MB peak RSS),
//   - against re-parsing and merging the raw digests (what a cache-less library would pay),
//   - one tag change + undo on a held handle (what the UI pays per keystroke).
// The library is built the way a rebuild builds it (every digest kept, the database filled in one
// transaction); bench/store.bench.ts measures every command at 1k to 1M papers.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { prng } from './synthetic.js';
import { writeSyntheticLibrary } from './synthetic-library.js';
import { serializeDecisions, type Decisions } from '../src/core/decisions.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.PAPERS_BENCH_LIBRARY_N ?? 100_000);
const DIR = join(ROOT, 'bench', '.data', `library-${N}`);

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

function build(): { toRead: number; decisions: number } {
  const t0 = performance.now();
  const merger = writeSyntheticLibrary(DIR, N);
  // decisions: 2% to-read, 10% skip, a few notes
  const rand = prng(7);
  const decisions: Decisions = new Map();
  let toRead = 0;
  for (const p of merger.papers) {
    const r = rand();
    if (r < 0.02) {
      decisions.set(p.id, { tags: { 'to-read': '2025-06-01T08:00:00.000Z' }, note: r < 0.002 ? { text: 'a note', at: '2025-06-01T08:00:00.000Z' } : null });
      toRead++;
    } else if (r < 0.12) decisions.set(p.id, { tags: { skip: '2025-06-01T08:00:00.000Z' }, note: null });
  }
  writeFileSync(join(DIR, 'decisions.yaml'), serializeDecisions(decisions));
  console.log(`built ${merger.papers.length} papers from ${merger.digests.length} digests in ${((performance.now() - t0) / 1000).toFixed(1)} s (${toRead} to-read, ${decisions.size} decisions)`);
  return { toRead, decisions: decisions.size };
}

function child(mode: string, ...args: string[]): { ms: number; cpuMs: number; papers: number; maxRssMB: number; openMs?: number; medianChangeMs?: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'library-child.ts'), mode, DIR, ...args], { encoding: 'utf8', cwd: ROOT });
  if (r.status !== 0) throw new Error(`bench child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Wall time, and CPU time (user + sys) when /usr/bin/time exists: on a busy shared machine CPU time is the steadier figure. */
function cli(args: string[]): { ms: number; cpuMs: number; bytes: number } {
  const argv = [join(ROOT, 'bin', 'papers.js'), '--library', DIR, ...args];
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '@@%U %S', process.execPath, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } })
    : spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`papers ${args.join(' ')} failed: ${r.stderr}`);
  const cpu = /@@([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN, bytes: r.stdout.length };
}

const fmt = (runs: Array<{ ms: number; cpuMs: number }>) => `${median(runs.map((r) => r.ms)).toFixed(0)} ms wall, ${median(runs.map((r) => r.cpuMs)).toFixed(0)} ms CPU (median of ${runs.length})`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  if (!existsSync(join(DIR, 'cache', 'papers.db')) || process.env.PAPERS_BENCH_REBUILD === '1') build();
  else console.log(`reusing ${DIR} (PAPERS_BENCH_REBUILD=1 to regenerate)`);
  console.log(`papers.db ${mb(statSync(join(DIR, 'cache', 'papers.db')).size)}, decisions.yaml ${mb(statSync(join(DIR, 'decisions.yaml')).size)}`);

  cli(['list', '--tag', 'to-read', '--json']); // warm the page cache and the decisions cache
  const baseline = [0, 1, 2, 3, 4].map(() => cli(['--version']));
  const listRuns = [0, 1, 2, 3, 4].map(() => cli(['list', '--tag', 'to-read', '--json']));
  console.log(`papers list --tag to-read --json: ${fmt(listRuns)}; ${listRuns[0]!.bytes} bytes out  target < 300 ms`);
  console.log(`  (node + papers --version alone: ${fmt(baseline)})`);
  const selects = [0, 1, 2].map(() => child('select'));
  const select = [...selects].sort((a, b) => a.ms - b.ms)[1]!;
  console.log(`  in process, open + select --tag to-read (${select.papers} papers, no rendering): ${select.ms} ms wall, ${select.cpuMs} ms CPU (median of 3)`);
  const idsOut = spawnSync(process.execPath, [join(ROOT, 'bin', 'papers.js'), '--library', DIR, 'list', '--tag', 'to-read', '--json', '--limit', '1'], { encoding: 'utf8' }).stdout;
  const firstId = (JSON.parse(idsOut) as Array<{ id: string }>)[0]!.id;
  const tagRuns = [0, 1, 2].map(() => cli(['tag', firstId, '+bench']));
  cli(['tag', firstId, '-bench']);
  console.log(`papers tag ID +bench: ${fmt(tagRuns)}`);
  console.log(`papers show ID --json: ${fmt([0, 1, 2].map(() => cli(['show', firstId, '--json'])))}`);

  const loads = [0, 1, 2].map(() => child('load'));
  const load = [...loads].sort((a, b) => a.ms - b.ms)[1]!;
  console.log(`full load (snapshot of ${load.papers} papers with abstracts): ${load.ms} ms wall, ${load.cpuMs} ms CPU (median of 3), peak RSS ${Math.max(...loads.map((l) => l.maxRssMB))} MB  target < 1500 ms, < 400 MB`);
  const reparse = child('reparse');
  console.log(`re-parsing the ${Math.ceil(N / 1_000)} raw digests instead: ${reparse.ms} ms wall, ${reparse.cpuMs} ms CPU, peak RSS ${reparse.maxRssMB} MB (${reparse.papers} papers)`);
  const tagged = child('tag', firstId);
  console.log(`held handle (UI): open ${tagged.openMs} ms, tag() or undo() ${tagged.medianChangeMs} ms median (lock, re-read, journal, decisions.yaml + its cache, fsyncs)`);
}
