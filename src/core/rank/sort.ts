// The orders a listing can take: library order, interest, newest, most upvoted, title. Pure.
import type { LibraryPaper, Snapshot } from '../library.js';
import { rankByInterest, type InterestOptions, type InterestRanking } from './interest.js';

export const SORT_KEYS = ['library', 'interest', 'date', 'upvotes', 'title'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function isSortKey(key: string): key is SortKey {
  return (SORT_KEYS as readonly string[]).includes(key);
}

/**
 * Newest first by the paper's own date; undated papers after every dated one (an import day is
 * no publication date), newest seen first among themselves.
 */
function byDate(a: Sortable, b: Sortable): number {
  if ((a.date === null) !== (b.date === null)) return a.date === null ? 1 : -1;
  const x = a.date ?? a.lastSeen ?? '';
  const y = b.date ?? b.lastSeen ?? '';
  return x === y ? 0 : x < y ? 1 : -1;
}

let collator: Intl.Collator | undefined;
/** localeCompare(b, 'en', { sensitivity: 'base' }) builds a collator on every call: one is made here, once. */
const titleOrder = () => (collator ??= new Intl.Collator('en', { sensitivity: 'base' }));

/** The --sort title order of two titles (0 for ties, which keep library order). */
export function compareTitles(a: string, b: string): number {
  return titleOrder().compare(a, b);
}

/** What the orders but interest read of a paper (a listing without abstracts has it). */
export type Sortable = Pick<LibraryPaper, 'date' | 'lastSeen' | 'upvotes' | 'title'>;

/** The papers in an order of their own fields; ties keep the given order. */
export function sortByField<T extends Sortable>(papers: readonly T[], key: Exclude<SortKey, 'interest'>): T[] {
  const at = new Map(papers.map((p, i) => [p, i]));
  const stable = (a: T, b: T) => at.get(a)! - at.get(b)!;
  switch (key) {
    case 'library':
      return [...papers];
    case 'date':
      return [...papers].sort((a, b) => byDate(a, b) || stable(a, b));
    case 'upvotes':
      return [...papers].sort((a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1) || stable(a, b));
    case 'title':
      return [...papers].sort((a, b) => compareTitles(a.title, b.title) || stable(a, b));
  }
}

/**
 * The papers in the order `key` asks for; ties keep library order. `interest` learns from the whole
 * snapshot (every tagged paper counts, whatever the listing shows) and also returns the ranking,
 * whose `reason` says when it fell back.
 */
export function sortPapers(
  papers: readonly LibraryPaper[],
  key: SortKey,
  whole: Snapshot,
  options: InterestOptions = {},
): { papers: LibraryPaper[]; ranking: InterestRanking | null } {
  if (key !== 'interest') return { papers: sortByField(papers, key), ranking: null };
  const at = new Map(papers.map((p, i) => [p, i]));
  const ranking = rankByInterest(whole, options);
  const place = new Map(ranking.ids.map((id, i) => [id, i]));
  const of = (p: LibraryPaper) => place.get(p.id) ?? Number.MAX_SAFE_INTEGER;
  return { papers: [...papers].sort((a, b) => of(a) - of(b) || at.get(a)! - at.get(b)!), ranking };
}
