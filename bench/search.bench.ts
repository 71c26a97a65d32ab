// Search on synthetic libraries of 1k, 10k and 100k papers (bench/synthetic.ts): index
// build, serialise / load, per-query p50/p95 over a fixed query set (typos, several words, phrases,
// OR, exclusions, fields), memory at 100k, and the same queries through `fzf --filter` over one line
// per paper (title + abstract). Budgets: p95 <= 16 ms at 10k and <= 50 ms at 100k; build <= 1 s at
// 10k; <= 400 MB at 100k.
//
// Each timed query starts with the word-expansion cache cleared, so every run pays for its typo and
// prefix look-ups as the first keystroke of a new word would: the figures are the cold path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asLibraryPapers, type Snapshot } from '../src/core/library.js';
import { compileQuery, type Query } from '../src/core/query/index.js';
import { buildSearchIndex, matchDetails, searchPapers, type SearchIndex } from '../src/core/search/index.js';
import { syntheticPapers } from './synthetic.js';

/** Our query and the closest fzf query (fzf has no fields; `\ ` is its escaped space). */
const QUERIES: Array<[kind: string, ours: string, fzf: string]> = [
  ['typo', 'protien desing', 'protien desing'],
  ['typo', 'atention mechansim', 'atention mechansim'],
  ['typo', 'transfomer', 'transfomer'],
  ['words', 'linear attention', 'linear attention'],
  ['words', 'large language model', 'large language model'],
  ['words', 'gradient descent optimization', 'gradient descent optimization'],
  ['phrase', '"linear attention"', "'linear\\ attention"],
  ['phrase', '"in-context learning"', "'in-context\\ learning"],
  ['or', 'diffusion | flow', 'diffusion | flow'],
  ['or', 'mamba | transformer video', 'mamba | transformer video'],
  ['exclude', 'attention -quantization', 'attention !quantization'],
  ['exclude', 'model !diffusion !language', 'model !diffusion !language'],
  ['field', 'title:diffusion has:code', 'diffusion github'],
  ['prefix', 'quant', 'quant'],
  ['short', 'lora', 'lora'],
];

const LIMIT = 50;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function compiled(): Query[] {
  return QUERIES.map(([, q]) => {
    const c = compileQuery(q);
    if (!c.ok) throw new Error(`${q}: ${c.error.message}`);
    return c.query;
  });
}

function timeQueries(index: SearchIndex, snapshot: Snapshot, queries: readonly Query[], runs: number): { all: number[]; perQuery: number[] } {
  const all: number[] = [];
  const perQuery: number[] = [];
  for (const q of queries) searchPapers(index, q, snapshot, { limit: LIMIT }); // warm the JIT
  queries.forEach((q) => {
    const mine: number[] = [];
    for (let r = 0; r < runs; r++) {
      index.derived.delete('expansions');
      const start = process.hrtime.bigint();
      const results = searchPapers(index, q, snapshot, { limit: LIMIT });
      // What a screen shows: highlights and snippets for the first rows.
      for (const hit of results.hits.slice(0, 20)) matchDetails(results.plan, hit.paper);
      mine.push(ms(start));
    }
    mine.sort((a, b) => a - b);
    perQuery.push(percentile(mine, 50));
    all.push(...mine);
  });
  all.sort((a, b) => a - b);
  return { all, perQuery };
}

/** fzf takes about a minute a query over 100k abstracts: at 100k only these are run, once. */
const FZF_AT_100K = new Set(['protien desing', 'linear attention', '"linear attention"', 'attention -quantization']);

function fzfTimes(snapshot: Snapshot, runs: number, only?: ReadonlySet<string>): Array<number | undefined> | null {
  if (spawnSync('fzf', ['--version']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'papers-bench-fzf-'));
  const file = join(dir, 'corpus.txt');
  writeFileSync(file, snapshot.papers.map((p) => `${p.title} ${p.abstract}`.replace(/\s+/g, ' ')).join('\n') + '\n');
  const times = QUERIES.map(([, ours, fzfQuery]) => {
    if (only && !only.has(ours)) return undefined;
    const t: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = process.hrtime.bigint();
      spawnSync('sh', ['-c', `fzf --filter "$Q" < "$F" > /dev/null`], { env: { ...process.env, Q: fzfQuery, F: file } });
      t.push(ms(start));
    }
    return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  });
  rmSync(dir, { recursive: true, force: true });
  return times;
}

export async function run(): Promise<void> {
  const queries = compiled();
  console.log(`${QUERIES.length} queries (${[...new Set(QUERIES.map((q) => q[0]))].join(', ')}), limit ${LIMIT}, highlights + snippets for 20 rows; cold word expansions`);
  for (const n of [1_000, 10_000, 100_000]) {
    const papers = asLibraryPapers(syntheticPapers(n), 'bench', '2025-01-01T00:00:00.000Z');
    const snapshot: Snapshot = { papers, decisions: new Map(), latestDigest: 'bench' };
    gc();
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const heapBefore = used();
    const rssBefore = process.memoryUsage().rss;
    let start = process.hrtime.bigint();
    const index = buildSearchIndex(papers);
    const buildMs = ms(start);
    gc();
    const indexHeap = used() - heapBefore;
    const typed = index.tokens.byteLength + index.postings.reduce((s, p) => s + p.byteLength, 0);
    // First search: binds the snapshot (hashes every paper) and builds the vocabulary helpers.
    start = process.hrtime.bigint();
    searchPapers(index, queries[0]!, snapshot, { limit: LIMIT });
    const firstMs = ms(start);
    // A search session's memory: papers + index + the per-paper scratch.
    gc();
    const mem = process.memoryUsage();

    const runs = n >= 100_000 ? 5 : n >= 10_000 ? 15 : 30;
    const { all, perQuery } = timeQueries(index, snapshot, queries, runs);
    const p50 = percentile(all, 50);
    const p95 = percentile(all, 95);
    const fzf = n >= 100_000 ? fzfTimes(snapshot, 1, FZF_AT_100K) : fzfTimes(snapshot, 3);

    console.log(`\n### ${n.toLocaleString('en')} papers`);
    console.log(`build ${buildMs.toFixed(0)} ms (${index.terms.length.toLocaleString('en')} words, ${index.tokenCount.toLocaleString('en')} tokens); first search ${firstMs.toFixed(0)} ms; index ~${mb(indexHeap)} (heap + array buffers; postings and forward index ${mb(typed)})`);
    console.log(`query p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${all[all.length - 1]!.toFixed(2)} ms (${all.length} runs)`);
    console.log(`memory after the first search: heap ${mb(mem.heapUsed)} + array buffers ${mb(mem.arrayBuffers)}, rss ${mb(mem.rss)} (papers alone: heap + buffers ${mb(heapBefore)}, rss ${mb(rssBefore)})`);
    console.log('query                                  ours p50   fzf p50   ours/fzf');
    QUERIES.forEach(([kind, q], i) => {
      const f = fzf?.[i];
      console.log(`${`${kind.padEnd(8)} ${q}`.padEnd(38)} ${perQuery[i]!.toFixed(2).padStart(8)} ${f === undefined ? '       -' : f.toFixed(1).padStart(9)} ${f === undefined ? '' : (perQuery[i]! / f).toFixed(3).padStart(10)}`);
    });
    if (fzf) {
      let ours = 0;
      let theirs = 0;
      fzf.forEach((f, i) => {
        if (f === undefined) return;
        ours += perQuery[i]!;
        theirs += f;
      });
      console.log(`queries run by both: ours ${ours.toFixed(1)} ms, fzf ${theirs.toFixed(1)} ms (fzf includes starting the process and reading the corpus), ours/fzf ${(ours / theirs).toFixed(4)}`);
    }
    const budget = n === 10_000 ? { p95: 16, build: 1000 } : n === 100_000 ? { p95: 50, build: Infinity } : null;
    if (budget) {
      const verdicts = [`p95 ${p95 <= budget.p95 ? 'within' : 'OVER'} ${budget.p95} ms`];
      if (Number.isFinite(budget.build)) verdicts.push(`build ${buildMs <= budget.build ? 'within' : 'OVER'} ${budget.build} ms`);
      if (n === 100_000) {
        const searchMem = mem.heapUsed + mem.arrayBuffers - heapBefore;
        verdicts.push(`search memory (index + scratch) ${mb(searchMem)}: ${searchMem <= 400e6 ? 'within' : 'OVER'} 400 MB; whole process rss ${mb(mem.rss)} ${mem.rss <= 400e6 ? 'within' : 'over'} 400 MB`);
      }
      console.log(`budget: ${verdicts.join('; ')}`);
    }
  }
}
