// The search index of a library, kept on disk at <library>/cache/search-index.json so that a search
// does not re-read every abstract. It is derived data: missing, unreadable or from another version,
// it is rebuilt; behind the library (papers imported since, or changed), searchPapers adds what is
// missing and the caller saves it back. Every import also updates it (registered below).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryPaper } from '../core/library.js';
import { addToIndex, createSearchIndex, deserialiseIndex, serialiseIndex, type ByteCodec, type SearchIndex } from '../core/search/index.js';
import { writeFileAtomic } from './atomic.js';
import { registerDerivedCache } from './library-store.js';

export function searchCachePath(libraryDir: string): string {
  return join(libraryDir, 'cache', 'search-index.json');
}

/** Node's native base64: the same text as core's own codec, many times faster on 100k papers. */
const NATIVE: ByteCodec = {
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  decode: (text) => {
    const b = Buffer.from(text, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
};

/** Generation of the index as loaded or last saved: save only when a search changed it. */
const savedGeneration = new WeakMap<SearchIndex, number>();

/** The cached index of the library, or an empty one (filled by the first search) when there is none usable. */
export function loadSearchIndex(libraryDir: string): SearchIndex {
  let text: string;
  try {
    text = readFileSync(searchCachePath(libraryDir), 'utf8');
  } catch {
    return createSearchIndex();
  }
  try {
    const index = deserialiseIndex(JSON.parse(text), NATIVE);
    savedGeneration.set(index, index.generation);
    return index;
  } catch {
    // Corrupt or from another version: rebuild (it is only a cache).
    return createSearchIndex();
  }
}

/** Writes the index atomically when it changed since it was loaded or saved. Failure only costs time next run. */
export function saveSearchIndex(libraryDir: string, index: SearchIndex): void {
  if (savedGeneration.get(index) === index.generation) return;
  try {
    // Serialising keeps live papers only, so entries left by papers whose text changed go away here.
    writeFileAtomic(searchCachePath(libraryDir), JSON.stringify(serialiseIndex(index, NATIVE)));
    savedGeneration.set(index, index.generation);
  } catch {
    /* a read-only library still searches, just without the cache */
  }
}

/**
 * Brings the on-disk index up to date with the library's papers (called by every import). With
 * `changed` (the ids an import added or updated) only those are looked at; a search catches up
 * with anything else that changed behind the cache's back.
 */
export function updateSearchCache(libraryDir: string, papers: readonly LibraryPaper[], changed?: ReadonlySet<string>): void {
  const index = loadSearchIndex(libraryDir);
  addToIndex(index, changed && index.ids.length > 0 ? papers.filter((p) => changed.has(p.id)) : papers);
  saveSearchIndex(libraryDir, index);
}

registerDerivedCache({
  name: 'search index',
  update: (dir, papers, change) => updateSearchCache(dir, papers, new Set([...change.added, ...change.updated])),
});
