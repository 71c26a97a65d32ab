// Running a query from the command line: compile it (a malformed one is a usage error with a caret
// under the bad token) and search a snapshot, with the library's on-disk index when there is one.
// Shared by `papers search`, `papers list -q` and any command taking a QUERY.
import { usageError } from '../core/errors.js';
import type { Snapshot } from '../core/library.js';
import { compileQuery, formatQueryError, type Query } from '../core/query/index.js';
import { createSearchIndex, searchPapers, type SearchOptions, type SearchResults } from '../core/search/index.js';
import { loadSearchIndex, saveSearchIndex } from '../io/search-cache.js';
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
 * from its cache (and goes back to it when the search had to index papers); otherwise, for files
 * and the bundled seed, it is built here.
 */
export function searchLoaded(loaded: Pick<Loaded, 'store'>, snapshot: Snapshot, query: Query, options: SearchOptions = {}): SearchResults {
  const dir = loaded.store && !loaded.store.showingSeed() ? loaded.store.dir : null;
  const index = dir ? loadSearchIndex(dir) : createSearchIndex();
  catchUpIndex(index, snapshot.papers); // a progress bar while a cold index is built (issue 9)
  const results = searchPapers(index, query, snapshot, options);
  if (dir) saveSearchIndex(dir, index);
  return results;
}

