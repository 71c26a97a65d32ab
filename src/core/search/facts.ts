// What the query's non-text clauses (tag:, id:, since:, until:, has:) need of a paper, apart from
// the user's decisions: small enough to be cached for a whole library next to the search index,
// so that a search filters without loading every paper (src/io/search-cache.ts).
import type { LibraryPaper } from '../library.js';
import type { Comparison } from '../query/ast.js';
import { words } from './tokenize.js';

export interface PaperFacts {
  id: string;
  arxivId: string | null;
  aliases: readonly string[];
  /** First seen in the latest import (the virtual tag `new`). */
  isNew: boolean;
  /** Seen in more than one digest (the virtual tag `seen`). */
  seen: boolean;
  /** Earliest / latest day it was seen (each sighting's digest date, else its import day; without sightings its date). */
  minDay: string | null;
  maxDay: string | null;
  hasAbstract: boolean;
  /** Kinds of its links. */
  links: readonly string[];
  /** Each author's name as normalised words. */
  authors: ReadonlyArray<readonly string[]>;
  /** arXiv categories, lower-case, primary first. */
  categories: readonly string[];
  upvotes: number | null;
  venue: readonly string[];
}

/** Whether `seq` occurs in `list` as a run of adjacent items. */
export function containsRun(list: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= list.length; i++) {
    for (let j = 0; j < seq.length; j++) if (list[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** cat:X (archive: X or X.anything), against the paper's categories; `primary`: its first only. */
export function inCategory(categories: readonly string[], cat: string, archive: boolean, primary: boolean): boolean {
  const matches = (c: string) => c === cat || (archive && c.startsWith(`${cat}.`));
  return primary ? categories.length > 0 && matches(categories[0]!) : categories.some(matches);
}

export function compare(value: number | null, op: Comparison, bound: number): boolean {
  if (value === null) return false;
  switch (op) {
    case '>=':
      return value >= bound;
    case '>':
      return value > bound;
    case '<=':
      return value <= bound;
    case '<':
      return value < bound;
    case '=':
      return value === bound;
  }
}

export function paperFacts(paper: LibraryPaper, latestDigest: string | null): PaperFacts {
  const sightings = paper.sightings ?? [];
  let minDay: string | null = null;
  let maxDay: string | null = null;
  if (sightings.length === 0) minDay = maxDay = paper.date;
  for (const s of sightings) {
    const day = s.date ?? s.importedAt.slice(0, 10);
    if (minDay === null || day < minDay) minDay = day;
    if (maxDay === null || day > maxDay) maxDay = day;
  }
  return {
    id: paper.id,
    arxivId: paper.arxivId ?? null,
    aliases: paper.aliases ?? [],
    isNew: latestDigest !== null && (sightings[0]?.run ?? sightings[0]?.digest) === latestDigest,
    seen: new Set(sightings.map((s) => s.digest)).size > 1,
    minDay,
    maxDay,
    hasAbstract: paper.abstract.trim() !== '',
    links: [...new Set(paper.links.map((l) => l.kind))],
    authors: paper.authors.map((a) => words(a)),
    categories: paper.categories.map((c) => c.toLowerCase()),
    upvotes: paper.upvotes,
    venue: paper.venue === null ? [] : words(paper.venue),
  };
}
