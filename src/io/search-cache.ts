// The search index of a library, kept on disk at <library>/cache/search-index.bin so that a search
// does not re-read every abstract. It is derived data: missing, unreadable or from another version,
// it is rebuilt; behind the library (papers imported since, or changed), searchPapers adds what is
// missing and the caller saves it back. Imports do not touch it: the next search catches up.
//
// Saved with every paper in view, it is stamped with the generation of the database
// (io/db/, meta generation) it is current with, and carries the papers' facts (core/search/facts.ts):
// then a search needs neither the papers nor a catch-up, and reads only the hits it prints
// (cli/query-search.ts searchLibraryLean). Format: core/search/binary.ts, one read, no decoding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryPaper } from '../core/library.js';
import { addToIndex, createSearchIndex, paperFacts, type PaperFacts, type SearchIndex } from '../core/search/index.js';
import { decodeIndexBinary, encodeIndexBinary } from '../core/search/binary.js';
import { writeFileAtomic } from './atomic.js';

export function searchCachePath(libraryDir: string): string {
  return join(libraryDir, 'cache', 'search-index.bin');
}

/** The papers' facts in library order, as columns (small JSON). */
export interface FactsColumns {
  count: number;
  /** bit 0 new, 1 seen, 2 has an abstract, 3+k has a link of kinds[k] */
  flags: number[];
  kinds: string[];
  minDay: Array<string | null>;
  /** null when the same as minDay */
  maxDay: Array<string | null>;
  /** [library position, arxiv id] where the paper has one */
  arxiv: Array<[number, string]>;
  /** [library position, ...aliases] where the paper has some */
  aliases: Array<[number, ...string[]]>;
}

interface Stamp {
  /** The paper cache generation the index and the facts are current with; null when not known to be. */
  generation: string | null;
  facts: FactsColumns | null;
}

/** What the library is at the moment of a save that had every paper in view. */
export interface CurrentLibrary {
  generation: string;
  papers: readonly LibraryPaper[];
  latestDigest: string | null;
}

export interface SearchCache {
  index: SearchIndex;
  generation: string | null;
  facts: FactsColumns | null;
}

/** Generation of the index as loaded or last saved, and the stamp then: save only when something changed. */
const saved = new WeakMap<SearchIndex, { generation: number; stamp: string | null }>();

/** The cached index with its stamp, or null when there is none usable. */
export function loadSearchCache(libraryDir: string): SearchCache | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(searchCachePath(libraryDir));
  } catch {
    return null;
  }
  try {
    const { index, stamp } = decodeIndexBinary(bytes);
    const s = (stamp ?? {}) as Partial<Stamp>;
    const generation = typeof s.generation === 'string' ? s.generation : null;
    saved.set(index, { generation: index.generation, stamp: generation });
    return { index, generation, facts: generation !== null && s.facts ? s.facts : null };
  } catch {
    // Corrupt or from another version: rebuild (it is only a cache).
    return null;
  }
}

/** The cached index of the library, or an empty one (filled by the first search) when there is none usable. */
export function loadSearchIndex(libraryDir: string): SearchIndex {
  return loadSearchCache(libraryDir)?.index ?? createSearchIndex();
}

/**
 * Writes the index atomically when it changed since it was loaded or saved, or gains a stamp.
 * `current`: the index holds every paper of the library as it is now (stamp it). Failure only costs time next run.
 */
export function saveSearchIndex(libraryDir: string, index: SearchIndex, current?: CurrentLibrary): void {
  const before = saved.get(index);
  const generation = current?.generation ?? null;
  if (before && before.generation === index.generation && (current === undefined || before.stamp === generation)) return;
  try {
    const stamp: Stamp = { generation, facts: current ? factsColumns(current.papers, current.latestDigest) : null };
    writeFileAtomic(searchCachePath(libraryDir), encodeIndexBinary(index, stamp));
    saved.set(index, { generation: index.generation, stamp: generation });
  } catch {
    /* a read-only library still searches, just without the cache */
  }
}

export function factsColumns(papers: readonly LibraryPaper[], latestDigest: string | null): FactsColumns {
  const kinds: string[] = [];
  const out: FactsColumns = { count: papers.length, flags: [], kinds, minDay: [], maxDay: [], arxiv: [], aliases: [] };
  papers.forEach((p, rank) => {
    const f = paperFacts(p, latestDigest);
    let flags = (f.isNew ? 1 : 0) | (f.seen ? 2 : 0) | (f.hasAbstract ? 4 : 0);
    for (const k of f.links) {
      let i = kinds.indexOf(k);
      if (i < 0) i = kinds.push(k) - 1;
      flags |= 1 << (3 + i);
    }
    out.flags.push(flags);
    out.minDay.push(f.minDay);
    out.maxDay.push(f.maxDay === f.minDay ? null : f.maxDay);
    if (f.arxivId !== null) out.arxiv.push([rank, f.arxivId]);
    if (f.aliases.length > 0) out.aliases.push([rank, ...f.aliases]);
  });
  return out;
}

