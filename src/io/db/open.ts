// The library's derived database, ready to read: created, migrated, caught up or rebuilt from
// the sources of truth (digests/ and their records) as needed, under the library lock, and only
// when something needs it. On a disk that cannot be written it is served read-only, or built in
// memory when the file is missing or damaged.
import { PARSER_VERSION } from '../../core/parse/version.js';
import { digestNames, readDigestText, readHeads, readMeta, type DigestMeta } from '../digest-store.js';
import { withLock } from '../lock.js';
import { rebuildFromDigests, mergeKeptDigest, newGeneration, readWithCurrentParser, writeRecord, type DigestReader } from './build.js';
import { createDatabaseFile, memoryDatabase, metaValue, openDatabaseFile, setMeta, type Database, type Opened } from './connection.js';
import { hasPreviousStore, migratePreviousStore } from './migrate.js';
import { digestHashes } from './read.js';

export interface DerivedOptions {
  /** One line for the user (a damaged database being rebuilt). */
  notice?: (line: string) => void;
  /** The parser that reads kept digests (a test stands in a later one). */
  read?: DigestReader;
}

export interface Derived {
  db: Database;
  writable: boolean;
}

/** The database, or null when the library has nothing yet (no digests, no previous store). */
export function openDerived(dir: string, options: DerivedOptions = {}): Derived | null {
  const opened = takeChecked(dir) ?? openDatabaseFile(dir);
  if (opened.state === 'ok' && (!opened.writable || !needsWork(opened.db, dir))) return { db: opened.db, writable: opened.writable };
  if (opened.state === 'ok') opened.db.close();
  else if (opened.state === 'missing' && digestNames(dir).length === 0 && !hasPreviousStore(dir)) return null;
  try {
    return withLock(dir, () => openDerivedLocked(dir, options));
  } catch (e) {
    if (!cannotWrite(e)) throw e;
    return inMemory(dir, options);
  }
}

/** The connection derivedIsCurrent found current, kept for the openDerived of the same library that follows it. */
let checked: { dir: string; opened: Opened } | null = null;

function takeChecked(dir: string): Opened | null {
  const kept = checked?.dir === dir && checked.opened.state === 'ok' && checked.opened.db.open ? checked.opened : null;
  checked = null;
  return kept;
}

/**
 * Whether openDerived would serve the database as it is, reading no digest, and it holds papers
 * (so the seed is not shown in its place): then opening the library needs no parser. A current
 * database stays open for that openDerived (it checks again), so a command opens it once.
 */
export function derivedIsCurrent(dir: string): boolean {
  if (checked?.opened.state === 'ok' && checked.opened.db.open) checked.opened.db.close();
  checked = null;
  const opened = openDatabaseFile(dir);
  if (opened.state !== 'ok') return false;
  let current = false;
  try {
    const hasPapers = opened.db.prepare('SELECT 1 FROM papers LIMIT 1').get() !== undefined;
    current = hasPapers && (!opened.writable || !needsWork(opened.db, dir));
  } finally {
    if (current) checked = { dir, opened };
    else opened.db.close();
  }
  return current;
}

/** As openDerived, for a caller that holds the library lock. */
export function openDerivedLocked(dir: string, options: DerivedOptions = {}): Derived | null {
  const opened = openDatabaseFile(dir);
  if (opened.state === 'ok') {
    if (opened.writable) bringUpToDate(opened.db, dir, options.read);
    return { db: opened.db, writable: opened.writable };
  }
  if (opened.state === 'missing' && digestNames(dir).length === 0 && !hasPreviousStore(dir)) return null;
  if (opened.state === 'damaged') notify(options, `the library's database (cache/papers.db) is damaged (${opened.reason}); rebuilding it from the kept digests`);
  let db: Database;
  try {
    db = createDatabaseFile(dir);
  } catch (e) {
    if (!cannotWrite(e)) throw e;
    return inMemory(dir, options);
  }
  fill(db, dir, true, options.read);
  return { db, writable: true };
}

/** The database deleted and built again from the sources of truth (doctor --repair); the caller holds the lock. */
export function recreateLocked(dir: string, options: DerivedOptions = {}): Derived {
  const db = createDatabaseFile(dir);
  fill(db, dir, true, options.read);
  return { db, writable: true };
}

/** A new, empty database for a library that has nothing yet (the caller holds the lock). */
export function createEmpty(dir: string): Derived {
  const db = createDatabaseFile(dir);
  setMeta(db, 'parser_version', String(PARSER_VERSION));
  setMeta(db, 'generation', newGeneration());
  return { db, writable: true };
}

/** The library read into memory: its folder cannot be written. */
function inMemory(dir: string, options: DerivedOptions): Derived {
  const db = memoryDatabase();
  fill(db, dir, false, options.read);
  return { db, writable: false };
}

function notify(options: DerivedOptions, line: string): void {
  if (options.notice) options.notice(line);
  else process.stderr.write(`papers: ${line}\n`);
}

function cannotWrite(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return ['EROFS', 'EACCES', 'EPERM', 'ENOSPC'].includes(code) || /^SQLITE_(READONLY|CANTOPEN|IOERR|FULL|PERM)/.test(code);
}

/** An empty database filled from the previous store if there is one, else from the digests. */
function fill(db: Database, dir: string, writable: boolean, read?: DigestReader): void {
  if (!migratePreviousStore(db, dir, writable)) rebuildFromDigests(db, dir, { writeRecords: writable, read });
  else if (writable) bringUpToDate(db, dir, read);
  else if (metaValue(db, 'parser_version') !== String(PARSER_VERSION)) rebuildFromDigests(db, dir, { writeRecords: false, read });
}

/** Digests on disk that the database lacks, or the reverse, or an older parser's reading. */
function needsWork(db: Database, dir: string): boolean {
  if (metaValue(db, 'parser_version') !== String(PARSER_VERSION)) return true;
  const inDb = digestHashes(db);
  const onDisk = digestNames(dir);
  if (inDb.length !== onDisk.length) return true;
  const known = new Set(inDb);
  return onDisk.some((d) => !known.has(d));
}

/**
 * Under the lock: re-reads every digest after a parser change or when a digest the database holds
 * is gone (forgotten, or removed by hand); else merges the digests whose import was cut short
 * (their files written, their transaction never committed).
 */
function bringUpToDate(db: Database, dir: string, read?: DigestReader): void {
  if (!needsWork(db, dir)) return;
  const metas = readHeads(dir);
  const onDisk = new Set(metas.map((m) => m.digest));
  const inDb = digestHashes(db);
  const reread = metaValue(db, 'parser_version') !== String(PARSER_VERSION);
  if (reread || inDb.some((d) => !onDisk.has(d))) {
    rebuildFromDigests(db, dir, { writeRecords: true, read, ...(reread ? { label: 're-reading the kept digests with the new parser' } : {}) });
    return;
  }
  const known = new Set(inDb);
  const late = metas.filter((m) => !known.has(m.digest));
  const records: DigestMeta[] = [];
  db.transaction(() => {
    for (const head of late) {
      const meta = readMeta(dir, head.digest) ?? head;
      const { record } = mergeKeptDigest(db, meta, readDigestText(dir, meta.digest), read ?? readWithCurrentParser);
      if (record) records.push({ ...meta, ids: record });
    }
    setMeta(db, 'generation', newGeneration());
  })();
  for (const meta of records) writeRecord(dir, meta);
}
