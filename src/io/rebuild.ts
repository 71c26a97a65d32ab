// The library's derived files rebuilt from its sources of truth: the raw digests
// (digests/<sha256>.txt with their .json) and decisions.yaml. Used by `papers doctor`.
// Never writes or deletes a source of truth, the undo journal or the backups.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryPaper } from '../core/library.js';
import { createMerger } from '../core/merge.js';
import { formatByName, parseDigest } from '../core/parse/index.js';
import { readDigestText, readMetas, type DigestMeta } from './digest-store.js';
import { cachePaths, closeIndex, writeCache } from './library-cache.js';
import { withLock } from './lock.js';
import { openLibrary } from './library-store.js';
import { addToIndex, createSearchIndex } from '../core/search/index.js';
import { saveSearchIndex, searchCachePath } from './search-cache.js';

/** Papers indexed between two progress ticks. */
const INDEX_CHUNK = 500;

export interface FromDigests {
  papers: LibraryPaper[];
  /** Digests merged, in import order. */
  digests: string[];
  /** Recorded digests whose text is missing (their papers cannot be rebuilt). */
  missing: DigestMeta[];
}

/** Every paper as the digests give them, merged in import order, exactly as an import does. */
export function papersFromDigests(dir: string, onDigest?: (done: number, total: number) => void): FromDigests {
  const metas = readMetas(dir);
  const merger = createMerger([]);
  const digests: string[] = [];
  const missing: DigestMeta[] = [];
  metas.forEach((meta, i) => {
    const text = readDigestText(dir, meta.digest);
    if (text === null) missing.push(meta);
    else {
      const options = { file: meta.file, ...(meta.year !== null ? { year: meta.year } : {}), ...(meta.yearSource ? { yearSource: meta.yearSource } : {}) };
      const result = parseDigest(text, options, formatByName(meta.format));
      merger.add(result.papers, { digest: meta.digest, file: meta.file, importedAt: meta.importedAt });
      digests.push(meta.digest);
    }
    onDigest?.(i + 1, metas.length);
  });
  return { papers: merger.papers, digests, missing };
}

/** The derived files of the paper store, relative to the library folder. */
export const DERIVED_FILES = ['cache/library.json', 'cache/index.json', 'cache/decisions.json', 'cache/search-index.bin'] as const;

export interface Rebuilt {
  papers: number;
  digests: number;
  missing: DigestMeta[];
  /** What the derived files were written from. */
  built: FromDigests;
}

/**
 * Deletes and rewrites every derived file under the library lock (a stale lock is broken by
 * taking it): the paper cache and the search index from the digests, the decisions cache from
 * decisions.yaml (unless it is invalid: then it is left for the user to fix, and not cached).
 */
export function rebuildDerived(dir: string, onStep?: (phase: 'digests' | 'search index', done: number, total: number) => void, known?: FromDigests): Rebuilt {
  const rebuilt = withLock(dir, () => {
    for (const file of DERIVED_FILES) rmSync(join(dir, file), { force: true });
    // papers merged a moment ago (by doctor's check) serve if no import came in since
    const built = known && stillCurrent(dir, known) ? known : papersFromDigests(dir, (done, total) => onStep?.('digests', done, total));
    if (built.digests.length > 0 || built.missing.length > 0) {
      const cache = writeCache(dir, built.papers, built.digests, built.digests[built.digests.length - 1] ?? null);
      closeIndex(cache);
      const index = createSearchIndex();
      for (let i = 0; i < built.papers.length; i += INDEX_CHUNK) {
        addToIndex(index, built.papers.slice(i, i + INDEX_CHUNK));
        onStep?.('search index', Math.min(i + INDEX_CHUNK, built.papers.length), built.papers.length);
      }
      saveSearchIndex(dir, index, { generation: cache.generation, papers: built.papers, latestDigest: cache.latestDigest });
    }
    return { papers: built.papers.length, digests: built.digests.length, missing: built.missing, built };
  });
  try {
    openLibrary(dir).decisions(); // reading decisions.yaml writes cache/decisions.json
  } catch {
    /* an invalid decisions.yaml: doctor reports it */
  }
  return rebuilt;
}

/** Whether the digests on disk are still exactly those `built` was merged from. */
function stillCurrent(dir: string, built: FromDigests): boolean {
  const metas = readMetas(dir);
  const missing = new Set(built.missing.map((m) => m.digest));
  const merged = metas.filter((m) => !missing.has(m.digest)).map((m) => m.digest);
  return metas.length === built.digests.length + built.missing.length && merged.every((d, i) => d === built.digests[i]);
}

export { searchCachePath };

export { cachePaths };
