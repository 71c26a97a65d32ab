// The library's derived files rebuilt from its sources of truth: the raw digests
// (digests/<sha256>.txt with their .json) and decisions.yaml. Used by `papers doctor`.
// Never writes or deletes a source of truth, the undo journal or the backups.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryPaper } from '../core/library.js';
import { digestTextPath, readHeads, type DigestMeta } from './digest-store.js';
import { withLock } from './lock.js';
import { openLibrary } from './library-store.js';
import { rebuildFromDigests } from './db/build.js';
import { memoryDatabase } from './db/connection.js';
import { recreateLocked } from './db/open.js';
import { digestHashes, readAllPapers } from './db/read.js';

export interface FromDigests {
  papers: LibraryPaper[];
  /** Digests merged, in import order. */
  digests: string[];
  /** Recorded digests whose text is missing (their papers cannot be rebuilt). */
  missing: DigestMeta[];
}

/** Every paper as the digests give them, merged in import order exactly as an import does (in memory; nothing written). */
export function papersFromDigests(dir: string, label = 'comparing caches'): FromDigests {
  const db = memoryDatabase();
  try {
    const built = rebuildFromDigests(db, dir, { writeRecords: false, label });
    const missing = new Set(built.missing.map((m) => m.digest));
    return { papers: readAllPapers(db), digests: digestHashes(db).filter((d) => !missing.has(d)), missing: built.missing };
  } finally {
    db.close();
  }
}

/** The derived files of the library, relative to its folder. */
const DERIVED_FILES = ['cache/papers.db', 'cache/decisions.json'] as const;

interface Rebuilt {
  papers: number;
  digests: number;
  missing: DigestMeta[];
}

/**
 * Deletes and rewrites every derived file under the library lock (a stale lock is broken by
 * taking it): the database from the digests, the decisions cache from decisions.yaml (unless it
 * is invalid: then it is left for the user to fix, and not cached). The full-text index is part
 * of the database.
 */
export function rebuildDerived(dir: string): Rebuilt {
  const rebuilt = withLock(dir, () => {
    for (const file of [...DERIVED_FILES.slice(1), 'cache/search-index.bin']) rmSync(join(dir, file), { force: true }); // the last: an index file of older releases
    const metas = readHeads(dir);
    if (metas.length === 0) {
      for (const file of ['cache/papers.db', 'cache/papers.db-wal', 'cache/papers.db-shm']) rmSync(join(dir, file), { force: true });
      return { papers: 0, digests: 0, missing: [] };
    }
    const { db } = recreateLocked(dir);
    try {
      const papers = readAllPapers(db);
      const missing = metas.filter((m) => !existsSync(digestTextPath(dir, m.digest)));
      return { papers: papers.length, digests: metas.length - missing.length, missing };
    } finally {
      db.close();
    }
  });
  try {
    openLibrary(dir).decisions(); // reading decisions.yaml writes cache/decisions.json
  } catch {
    /* an invalid decisions.yaml: doctor reports it */
  }
  return rebuilt;
}
