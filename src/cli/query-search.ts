// Running a query from the command line: compile it (a malformed one is a usage error with a caret
// under the bad token) and search a snapshot, with the library's on-disk index when there is one.
// Shared by `papers search`, `papers list -q` and any command taking a QUERY.
import { usageError } from '../core/errors.js';
import type { Snapshot } from '../core/library.js';
import { compileQuery, formatQueryError, type Query } from '../core/query/index.js';
import { createSearchIndex, searchDocs, searchPapers, type QueryPlan, type SearchHit, type SearchOptions, type SearchResults } from '../core/search/index.js';
import type { LibraryStore } from '../io/library-store.js';
import { factsReader, loadSearchCache, loadSearchIndex, saveSearchIndex } from '../io/search-cache.js';
import type { Loaded } from './source.js';
import { catchUpIndex } from './index-progress.js';

/** The query compiled, or a usage error (exit 2) showing the query with a caret under the bad token. */
export function compileOrThrow(text: string, now = new Date()): Query {
  // The same day as `--since today` (core/filter.ts parseDateFlag) means.
  const compiled = compileQuery(text, { today: now.toISOString().slice(0, 10) });
  if (!compiled.ok) throw usageError(`query: ${compiled.error.message}\n${formatQueryError(text, compiled.error)}\n(see 'papers help query')`);
  return compiled.query;
}

/**
 * Runs a query over a snapshot of what `loaded` holds. For the library on disk the index comes
 * from its cache (and goes back to it when the search had to index papers, stamped as current
 * when the snapshot is the whole library); otherwise, for files and the bundled seed, it is built here.
 */
export function searchLoaded(loaded: Pick<Loaded, 'store'>, snapshot: Snapshot, query: Query, options: SearchOptions = {}): SearchResults {
  const store = loaded.store && !loaded.store.showingSeed() ? loaded.store : null;
  const index = store ? loadSearchIndex(store.dir) : createSearchIndex();
  catchUpIndex(index, snapshot.papers); // a progress bar while a cold index is built (issue 9)
  const results = searchPapers(index, query, snapshot, options);
  if (store) {
    const generation = store.cacheGeneration();
    const whole = generation !== null && snapshot.papers.length === store.count();
    saveSearchIndex(store.dir, index, whole ? { generation, papers: snapshot.papers, latestDigest: snapshot.latestDigest } : undefined);
  }
  return results;
}

/** Results of searchLibraryLean: the hits' papers only, with a snapshot holding just them. */
export interface LeanResults {
  total: number;
  hits: SearchHit[];
  plan: QueryPlan;
  /** papers: the hits' papers; decisions and latestDigest: the library's. */
  snapshot: Snapshot;
  /** Papers in the library (what was searched). */
  searched: number;
}

/**
 * The same search as searchLoaded over the whole library, without loading it: when the cached
 * index is stamped current with the library's paper cache, candidates, filters and ranking come
 * from the index and its facts, and only the hits returned are read from disk. Null when the
 * index is not known to be current (or only the seed is shown): use searchLoaded then, which
 * brings the index up to date for next time.
 */
export function searchLibraryLean(store: LibraryStore | undefined, query: Query, options: SearchOptions = {}): LeanResults | null {
  if (!store || store.showingSeed()) return null;
  const generation = store.cacheGeneration();
  if (generation === null) return null;
  const cache = loadSearchCache(store.dir);
  if (!cache || cache.generation !== generation || !cache.facts) return null;
  const { index, facts } = cache;
  const { ids } = store.idIndex();
  if (facts.count !== ids.length) return null;
  const docRank = new Int32Array(index.ids.length).fill(-1);
  for (let rank = 0; rank < ids.length; rank++) {
    const d = index.docById.get(ids[rank]!);
    if (d === undefined) return null; // not indexed after all: let the full path catch up
    if (docRank[d]! < 0) docRank[d] = rank;
  }
  const decisions = store.decisionsById();
  const results = searchDocs(index, query, { docRank, decisions, factsAt: factsReader(facts, ids) }, options);
  const papers = store.papersById(results.hits.map((h) => ids[h.rank]!));
  if (papers.length !== results.hits.length) return null;
  const hits = results.hits.map((h, i): SearchHit => ({ paper: papers[i]!, score: h.score }));
  return { total: results.total, hits, plan: results.plan, snapshot: { papers: hits.map((h) => h.paper), decisions, latestDigest: store.latestDigest() }, searched: ids.length };
}

/** Lean when it can be, else the full snapshot path (which stamps the index for next time). */
export function searchLibraryOrLoaded(loaded: Pick<Loaded, 'store' | 'handle'>, query: Query, options: SearchOptions = {}): LeanResults {
  const lean = searchLibraryLean(loaded.store, query, options);
  if (lean) return lean;
  const snapshot = loaded.handle.snapshot();
  const results = searchLoaded(loaded, snapshot, query, options);
  return { ...results, snapshot, searched: snapshot.papers.length };
}
