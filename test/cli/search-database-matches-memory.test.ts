// The library database's search (cli/query-search.ts searchSnapshot: SQL for the candidates and
// filters, the pure scorer for the ranking) against the in-memory engine of core/search over the
// same snapshot: same hits, same order, same scores, same totals, on the seed and on a synthetic
// library of a few thousand papers with re-sightings, tags and notes.
import { describe, expect, it } from 'vitest';
import { compileOrThrow, searchSnapshot } from '../../src/cli/query-search.js';
import { createSearchIndex, searchPapers } from '../../src/core/search/index.js';
import { asLibraryPapers } from '../../src/core/library.js';
import { openLibrary, type LibraryStore } from '../../src/io/library-store.js';
import { syntheticDigest, syntheticPapers } from '../../bench/synthetic.js';
import { parsed, SEED_TEXT, tempDir } from '../io/library-helpers.js';

const NOW = new Date('2025-07-01T12:00:00Z');
const CONTEXT = { today: '2025-07-01', searches: { tagged: '+to-read | +skip' } };

const QUERIES = [
  'protien desing',
  'protein design',
  'attention -quantization',
  'language model',
  '"state space" | mamba',
  'title:diffusion',
  'abstract:reasoning',
  "'transformer",
  'model +to-read',
  'tag:to-read',
  '-tag:untriaged',
  'tag:new',
  'tag:seen learning',
  'tag:untriaged -tag:seen',
  'since:2025-01 has:code',
  'until:2024-06-30 model',
  'since:2024-03-01 until:2024-09-30 -has:code',
  'has:note',
  'has:abstract -language',
  'has:project | has:dataset',
  'id:t',
  'id:24 | id:25',
  '-model',
  'learning -tag:skip -has:note',
  'model -@tagged',
  '@tagged learning',
  'has:authors -model',
  'cat:cs | upvotes:>=10',
  'model -author:wang',
  'learning -"language model"',
  'learning -model | -attention',
  'language model -zzzzqx',
];

function compare(store: () => LibraryStore, limits: ReadonlyArray<number | undefined>): number {
  let compared = 0;
  const snapshot = store().snapshot();
  const index = createSearchIndex();
  for (const text of QUERIES) {
    const query = compileOrThrow(text, CONTEXT);
    for (const limit of limits) {
      const options = limit === undefined ? {} : { limit };
      const expected = searchPapers(index, query, snapshot, options);
      const got = searchSnapshot(snapshot, query, options);
      if (limit === undefined) {
        // Every match, the same ones; beyond its first CANDIDATES (bm25's best) the database keeps bm25's order.
        expect({ total: got.total, ids: got.hits.map((h) => h.paper.id).sort() }, text).toEqual({ total: expected.total, ids: expected.hits.map((h) => h.paper.id).sort() });
        if (expected.total <= 1000) expect(got.hits.map((h) => [h.paper.id, h.score]), text).toEqual(expected.hits.map((h) => [h.paper.id, h.score]));
      } else {
        expect({ total: got.total, hits: got.hits.map((h) => [h.paper.id, h.score]) }, `${text} (limit ${limit})`).toEqual({ total: expected.total, hits: expected.hits.map((h) => [h.paper.id, h.score]) });
      }
      if (expected.total > 0) compared++;
    }
  }
  return compared;
}

describe('search over the library database', () => {
  it('finds what the in-memory search finds on the seed', async () => {
    const dir = tempDir();
    const open = () => openLibrary(dir, { now: () => NOW });
    const store = open();
    store.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    const ids = store.snapshot().papers.map((p) => p.id);
    await store.tag(ids.slice(0, 10), ['to-read'], []);
    await store.setNote(ids[3]!, 'a note');
    expect(compare(open, [undefined, 3])).toBeGreaterThan(QUERIES.length / 2);
  });

  it('finds what the in-memory search finds on a synthetic library of 3,000 papers', async () => {
    const dir = tempDir();
    const open = () => openLibrary(dir, { now: () => NOW });
    const store = open();
    const papers = syntheticPapers(3000, 11);
    for (let i = 0; i < papers.length; i += 600) store.importDigest(parsed(syntheticDigest(papers.slice(i, i + 600)), `synthetic-${i}.txt`));
    // some papers seen again in a later digest (tags seen; new is the latest digest's)
    const again = papers.slice(100, 400).map((p) => ({ ...p, date: '2025-06-15' }));
    store.importDigest(parsed(syntheticDigest(again), 'again.txt'));
    const ids = store.snapshot().papers.map((p) => p.id);
    await store.tag(ids.filter((_, i) => i % 37 === 0), ['to-read'], []);
    await store.tag(ids.filter((_, i) => i % 11 === 0), ['skip'], []);
    await store.setNote(ids[5]!, 'note');
    await store.setNote(ids[200]!, 'another');
    expect(compare(open, [undefined, 5])).toBeGreaterThan(QUERIES.length / 2);
  });

  it('ranks a large title tier by the scorer, not by bm25: a long abstract full of the words is not passed over', () => {
    // 1,400 papers with the words in their titles and short abstracts (bm25's favourites, as it
    // divides by length), and one, neither first nor last, whose long abstract names them again and again
    const filler = 'an unrelated sentence about other things entirely. '.repeat(40);
    const papers = asLibraryPapers(
      syntheticPapers(1400, 5).map((p, i) => ({
        ...p,
        title: `Language Model Study ${i}`,
        abstract: i === 1100 ? `${filler}language model. `.repeat(6) : 'A language model.',
      })),
      'synthetic.txt',
      '2025-07-01T00:00:00.000Z',
    );
    const snapshot = { papers, decisions: new Map(), latestDigest: null };
    const query = compileOrThrow('language model', CONTEXT);
    // the others tie: which of them follow depends on which were candidates, so only the first is compared
    const expected = searchPapers(createSearchIndex(), query, snapshot, { limit: 1 });
    expect(expected.hits[0]!.paper.title).toBe('Language Model Study 1100');
    const got = searchSnapshot(snapshot, query, { limit: 1 });
    expect(got.hits.map((h) => [h.paper.id, h.score])).toEqual(expected.hits.map((h) => [h.paper.id, h.score]));
  });

  it('counts matches up to 10,000 and says "at least" past that; a smaller count is exact', () => {
    // titles only (an index of abstracts would only cost time), every one with the word model
    const papers = asLibraryPapers(syntheticPapers(11_000, 3).map((p) => ({ ...p, title: `Model ${p.title}`, abstract: '' })), 'synthetic.txt', '2025-07-01T00:00:00.000Z');
    const snapshot = { papers, decisions: new Map(), latestDigest: null };
    const counts = ['model', 'network'].map((text) => {
      const query = compileOrThrow(text, CONTEXT);
      const got = searchSnapshot(snapshot, query, { limit: 5 });
      return { text, got: [got.total, got.totalAtLeast ?? false], all: searchSnapshot(snapshot, query).hits.length };
    });
    expect(counts[0]!.all).toBeGreaterThan(10_000);
    expect(counts[1]!.all).toBeGreaterThan(1000);
    expect(counts.map((c) => [c.text, ...c.got])).toEqual([
      ['model', 10_000, true],
      ['network', counts[1]!.all, false],
    ]);
  });
});
