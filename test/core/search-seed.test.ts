// Search over the bundled seed (seeds/000_8fc7cc936e25f888.txt, a Hugging Face Daily Papers page
// with 100 papers): typical queries with the papers they must find, and a reviewed snapshot of a fixed set of rankings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { asLibraryPapers, type Snapshot } from '../../src/core/library.js';
import { parseDigest } from '../../src/core/parse/index.js';
import { compileQuery } from '../../src/core/query/index.js';
import { createSearchIndex, searchPapers, type SearchIndex } from '../../src/core/search/index.js';
import { databaseOfPapers } from '../../src/io/db/bridge.js';
import { searchDatabase } from '../../src/io/db/search.js';

const SEED = fileURLToPath(new URL('../../seeds/000_8fc7cc936e25f888.txt', import.meta.url));

let snapshot: Snapshot;
let index: SearchIndex;

beforeAll(() => {
  const parsed = parseDigest(readFileSync(SEED, 'utf8'), { file: 'seed.txt', year: 2026, yearSource: 'flag' });
  snapshot = { papers: asLibraryPapers(parsed.papers, 'seed', '2026-03-12T00:00:00.000Z'), decisions: new Map(), latestDigest: 'seed' };
  index = createSearchIndex();
});

function search(text: string) {
  const compiled = compileQuery(text);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return searchPapers(index, compiled.query, snapshot);
}

const titles = (text: string) => search(text).hits.map((h) => h.paper.title);
/** Whether the paper's text has a word starting with `prefix` (independent of the search code). */
const mentions = (p: { title: string; abstract: string }, prefix: string) => new RegExp(`\\b${prefix}`, 'i').test(`${p.title} ${p.abstract}`);

describe('search over the seed', () => {
  it('the seed parses into 100 papers', () => {
    expect(snapshot.papers).toHaveLength(100);
  });

  it('"protien desing" (two typos) finds the protein design paper first', () => {
    const first = titles('protien desing')[0];
    expect(first).toMatch(/protein design/i);
  });

  it('"linear attention" ranks the papers with that phrase in their title first', () => {
    const withPhrase = snapshot.papers.filter((p) => /linear attention/i.test(p.title)).map((p) => p.title);
    expect(withPhrase.length).toBeGreaterThan(1);
    const ranked = titles('linear attention');
    expect(ranked.length).toBeGreaterThan(withPhrase.length);
    expect(ranked.slice(0, withPhrase.length).sort()).toEqual([...withPhrase].sort());
  });

  it('-quantization excludes the papers that mention it, and only those', () => {
    const all = search('model').hits.map((h) => h.paper);
    const kept = search('model -quantization').hits.map((h) => h.paper);
    const mentioning = all.filter((p) => mentions(p, 'quantization'));
    expect(mentioning.length).toBeGreaterThan(0);
    expect(kept.some((p) => mentions(p, 'quantization'))).toBe(false);
    expect(kept.length).toBe(all.length - mentioning.length);
  });

  it('a query that matches nothing gives no hits', () => {
    expect(search('zebrafish').total).toBe(0);
  });

  // Reviewed by hand: the top of each ranking should be what a reader expects.
  const QUERIES = [
    'protien desing',
    'linear attention',
    '"linear attention"',
    'atention entropy',
    'low rank adaptation',
    'lora -quantization',
    'diffusion | flow transformer',
    'title:quantization llm',
    'in-context learning',
    'knowledge distilation',
    'mamba | "state space"',
    'sparse -title:sparse',
    'has:code pruning',
    'mixture of experts',
  ];

  it('the ranking of a fixed set of queries', () => {
    const rankings = Object.fromEntries(
      QUERIES.map((q) => {
        const r = search(q);
        return [q, { total: r.total, top: r.hits.slice(0, 5).map((h) => `${h.score.toFixed(2)}  ${h.paper.title}`) }];
      }),
    );
    expect(rankings).toMatchSnapshot();
  });

  it('the library database ranks them the same: same totals, same order, same scores', () => {
    const db = databaseOfPapers(snapshot.papers, snapshot.latestDigest);
    for (const q of QUERIES) {
      const compiled = compileQuery(q);
      if (!compiled.ok) throw new Error(compiled.error.message);
      const memory = search(q);
      const fromDb = searchDatabase(db, compiled.query, snapshot.decisions);
      expect({ total: fromDb.total, hits: fromDb.hits.map((h) => [h.id, h.score]) }, q).toEqual({ total: memory.total, hits: memory.hits.map((h) => [h.paper.id, h.score]) });
    }
  });
});
