// The lean library search (cli/query-search.ts searchLibraryLean: index, facts and the hits' papers
// only) against the full-snapshot search it stands in for: same hits, same order, same scores,
// same totals, on the seed and on a synthetic library of a few thousand papers with re-sightings,
// tags and notes.
import { describe, expect, it } from 'vitest';
import { compileOrThrow, searchLibraryLean, searchLoaded } from '../../src/cli/query-search.js';
import { openLibrary, type LibraryStore } from '../../src/io/library-store.js';
import { loadSearchCache, saveSearchIndex } from '../../src/io/search-cache.js';
import { syntheticDigest, syntheticPapers } from '../../bench/synthetic.js';
import { parsed, SEED_TEXT, tempDir } from '../io/library-helpers.js';

const NOW = new Date('2025-07-01T12:00:00Z');

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
];

function compare(store: () => LibraryStore, limits: ReadonlyArray<number | undefined>): number {
  let compared = 0;
  for (const text of QUERIES) {
    const query = compileOrThrow(text, NOW);
    for (const limit of limits) {
      const options = limit === undefined ? {} : { limit };
      const full = store();
      const expected = searchLoaded({ store: full }, full.snapshot(), query, options);
      const lean = searchLibraryLean(store(), query, options);
      expect(lean, `${text}: lean path refused`).not.toBeNull();
      const got = { total: lean!.total, hits: lean!.hits.map((h) => [h.paper.id, h.score]) };
      expect(got, `${text} (limit ${limit})`).toEqual({ total: expected.total, hits: expected.hits.map((h) => [h.paper.id, h.score]) });
      // the papers returned are the library's, in full
      for (const h of lean!.hits) expect(h.paper).toEqual(expected.hits.find((e) => e.paper.id === h.paper.id)!.paper);
      if (expected.total > 0) compared++;
    }
  }
  return compared;
}

describe('lean library search', () => {
  it('finds what the full search finds on the seed', async () => {
    const dir = tempDir();
    const open = () => openLibrary(dir, { now: () => NOW });
    const store = open();
    store.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    const ids = store.snapshot().papers.map((p) => p.id);
    await store.tag(ids.slice(0, 10), ['to-read'], []);
    await store.setNote(ids[3]!, 'a note');
    expect(compare(open, [undefined, 3])).toBeGreaterThan(QUERIES.length / 2);
  });

  it('finds what the full search finds on a synthetic library of 3,000 papers', async () => {
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

  it('falls back (null) when the index is not stamped current, and the full search stamps it again', () => {
    const dir = tempDir();
    const open = () => openLibrary(dir, { now: () => NOW });
    open().importDigest(parsed(SEED_TEXT, 'seed.txt'));
    const query = compileOrThrow('protein design', NOW);
    const full = () => {
      const store = open();
      searchLoaded({ store }, store.snapshot(), query);
    };
    expect(searchLibraryLean(open(), query)).toBeNull(); // no index yet: the full search builds and stamps it
    full();
    expect(searchLibraryLean(open(), query)).not.toBeNull();
    open().importDigest(parsed(syntheticDigest(syntheticPapers(50, 3)), 'more.txt'));
    expect(searchLibraryLean(open(), query)).toBeNull(); // behind the import
    full();
    expect(searchLibraryLean(open(), query)).not.toBeNull();
    // an index saved without knowing the library (as by a partial catch-up): not trusted
    const { index } = loadSearchCache(dir)!;
    index.generation++;
    saveSearchIndex(dir, index);
    expect(loadSearchCache(dir)!.generation).toBeNull();
    expect(searchLibraryLean(open(), query)).toBeNull();
    const store = open();
    searchLoaded({ store }, store.snapshot(), query);
    expect(searchLibraryLean(open(), query)).not.toBeNull();
  });
});
