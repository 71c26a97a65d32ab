// The papers of a snapshot a query selects, for commands that take a QUERY (export): the query
// language of src/core/query run by the search of src/core/search, over the cached search index.
import { usageError } from '../core/errors.js';
import type { LibraryPaper, Snapshot } from '../core/library.js';
import { compileQuery, formatQueryError } from '../core/query/index.js';
import { searchPapers } from '../core/search/index.js';
import { loadSearchIndex } from '../io/search-cache.js';

/** The matching papers in library order (a selection, not a ranking: lists stay stable as ranking evolves). */
export function selectByQuery(snapshot: Snapshot, text: string, libraryDir: string): LibraryPaper[] {
  const compiled = compileQuery(text);
  if (!compiled.ok) throw usageError(`query: ${compiled.error.message}\n${formatQueryError(text, compiled.error)}`);
  const hits = new Set(searchPapers(loadSearchIndex(libraryDir), compiled.query, snapshot).hits.map((h) => h.paper.id));
  return snapshot.papers.filter((p) => hits.has(p.id));
}
