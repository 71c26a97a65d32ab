// Paper references typed on the command line (id, alias, unique prefix, row of the last listing) to
// ids; which listings become "the last listing"; and how a change names the papers it touched.
import { usageError } from '../core/errors.js';
import { resolveRefs } from '../core/refs.js';
import type { LibraryStore } from '../io/library-store.js';
import type { Output } from './output.js';

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

/**
 * Remembers the rows of a listing for `papers show 3`, `papers tag 3 +x`, but only of one a person
 * saw on a terminal: a listing piped into another program or printed as JSON is for a script, and
 * must not change what "row 3" means under the user.
 */
export function recordShownListing(store: Pick<LibraryStore, 'recordListing'> | undefined, output: Pick<Output, 'isTTY'>, options: { json?: boolean }, ids: readonly string[]): void {
  if (store && output.isTTY && !options.json) store.recordListing(ids);
}

const SHOWN_TITLES = 5;

/** Titles by id, quoted (“…”), for confirming a change; ids not in the library are left out. */
export function quotedTitles(store: Pick<LibraryStore, 'papersById'>, ids: readonly string[]): Map<string, string> {
  return new Map(store.papersById(ids).map((p) => [p.id, `“${p.title}”`]));
}

/** `: ID “title”` for each paper (up to five, then how many more), after a change's summary: one inline, several on lines of their own. */
export function namePapers(store: Pick<LibraryStore, 'papersById'>, ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const titles = quotedTitles(store, ids.slice(0, SHOWN_TITLES));
  const named = ids.slice(0, SHOWN_TITLES).map((id) => (titles.has(id) ? `${id} ${titles.get(id)}` : id));
  if (ids.length === 1) return `: ${named[0]}`;
  const more = ids.length - named.length;
  return `:\n${named.map((n) => `  ${n}`).join('\n')}${more > 0 ? `\n  … and ${more} more` : ''}`;
}
