// What the user may type to name a paper: its id, an alias, a unique prefix of either, or the row
// number of the last listing. Pure.
import { usageError } from './errors.js';

export interface IdIndex {
  /** Paper ids, in library order. */
  ids: readonly string[];
  /** alias -> paper id */
  aliases: ReadonlyMap<string, string>;
}

/** Ids of the rows the last `papers list` / `papers search` printed (row 1 first). */
export interface LastListing {
  ids: readonly string[];
  at: string;
}

/**
 * Resolves one reference to a paper id. A reference of digits only (no dot) is a row number of the
 * last listing; anything else an id or alias, exact first, else a unique prefix (case-insensitive).
 */
export function resolveRef(ref: string, index: IdIndex, listing: LastListing | null): string {
  const r = ref.trim();
  if (r === '') throw usageError('an empty paper reference; give an id, a prefix of one, or a row number of the last listing');
  // a linear scan: building a set of 100,000 ids would cost more than the few look-ups made here
  const ids = { has: (id: string) => index.ids.includes(id) };
  if (/^\d+$/.test(r)) {
    const row = Number(r);
    if (!listing) throw usageError(`${r}: no listing to take row ${r} from; run "papers list" first, or give the paper id`);
    const id = listing.ids[row - 1];
    if (row < 1 || id === undefined) throw usageError(`${r}: the last listing has ${listing.ids.length} row${listing.ids.length === 1 ? '' : 's'}; give a row from 1 to ${listing.ids.length}, or the paper id`);
    const known = ids.has(id) ? id : index.aliases.get(id);
    if (known === undefined) throw usageError(`${r}: row ${row} of the last listing is ${id}, which is not in the library; import its digest first`);
    return known;
  }
  if (ids.has(r)) return r;
  const alias = index.aliases.get(r);
  if (alias !== undefined) return alias;
  const lower = r.toLowerCase();
  const candidates = new Set<string>();
  for (const id of index.ids) if (id.toLowerCase().startsWith(lower)) candidates.add(id);
  for (const [a, id] of index.aliases) if (a.toLowerCase().startsWith(lower)) candidates.add(id);
  if (candidates.size === 1) return [...candidates][0]!;
  if (candidates.size === 0) throw usageError(`${r}: no paper has this id or an id starting with it; see "papers list"`);
  const shown = [...candidates].slice(0, 10);
  throw usageError(`${r}: ambiguous, ${candidates.size} papers start with it: ${shown.join(', ')}${candidates.size > shown.length ? ', ...' : ''}; type more of the id`);
}

/** Resolves several references; duplicates collapse, order kept. */
export function resolveRefs(refs: readonly string[], index: IdIndex, listing: LastListing | null): string[] {
  return [...new Set(refs.map((r) => resolveRef(r, index, listing)))];
}

/** Taskwarrior-style tag words: +t adds, -t removes; anything else is a paper reference. */
export function splitTagArgs(args: readonly string[]): { refs: string[]; add: string[]; remove: string[] } {
  const refs: string[] = [];
  const add: string[] = [];
  const remove: string[] = [];
  for (const a of args) {
    if (a.startsWith('+') && a.length > 1) add.push(a.slice(1));
    else if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) remove.push(a.slice(1));
    else refs.push(a);
  }
  return { refs, add, remove };
}
