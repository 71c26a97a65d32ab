// Paper references typed on the command line (id, alias, unique prefix, row of the last listing) to ids.
import { usageError } from '../core/errors.js';
import { resolveRefs } from '../core/refs.js';
import type { LibraryStore } from '../io/library-store.js';

export function resolvePapers(store: LibraryStore, refs: readonly string[]): string[] {
  if (refs.length === 0) throw usageError('no paper named; give ids, unique prefixes of ids, or row numbers of the last listing');
  const listing = store.lastListing();
  // exact ids, aliases and rows are single look-ups; only prefixes (and errors) need every id
  const direct = refs.map((ref) => {
    const r = ref.trim();
    const key = /^\d+$/.test(r) ? listing?.ids[Number(r) - 1] : r;
    return key === undefined || key === '' ? null : store.resolveId(key);
  });
  if (direct.every((id): id is string => id !== null)) return [...new Set(direct)];
  return resolveRefs(refs, store.idIndex(), listing);
}
