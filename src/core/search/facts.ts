// What the query's non-text clauses (tag:, id:, since:, until:, has:) need of a paper, apart from
// the user's decisions: small enough to be cached for a whole library next to the search index,
// so that a search filters without loading every paper (src/io/search-cache.ts).
import type { LibraryPaper } from '../library.js';

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
  };
}
