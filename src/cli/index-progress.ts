// Building the search index for papers it lacks (a first search, or a search after a rebuild) takes
// seconds at tens of thousands of papers: done here in chunks under a progress bar, before the
// search proper, which then finds nothing left to add.
import type { LibraryPaper } from '../core/library.js';
import { addToIndex, type SearchIndex } from '../core/search/index.js';
import { startProgress } from './progress.js';

const CHUNK = 500;

/** Adds the papers the index has never seen, with a bar on a terminal when it takes over a second. */
export function catchUpIndex(index: SearchIndex, papers: readonly LibraryPaper[]): void {
  // Only unseen ids: a paper whose text changed is re-indexed by the search itself (rare, and quick).
  const unseen = papers.filter((p) => !index.docById.has(p.id));
  if (unseen.length === 0) return;
  const bar = startProgress('indexing', unseen.length);
  try {
    for (let i = 0; i < unseen.length; i += CHUNK) {
      addToIndex(index, unseen.slice(i, i + CHUNK));
      bar.update(Math.min(i + CHUNK, unseen.length));
    }
  } finally {
    bar.done();
  }
}
