// Paper references typed on the command line (id, alias, unique prefix, row of the last listing) to ids.
import { usageError } from '../core/errors.js';
import { resolveRefs } from '../core/refs.js';
import type { LibraryStore } from '../io/library-store.js';

export function resolvePapers(store: LibraryStore, refs: readonly string[]): string[] {
  if (refs.length === 0) throw usageError('no paper named; give ids, unique prefixes of ids, or row numbers of the last listing');
  return resolveRefs(refs, store.idIndex(), store.lastListing());
}
