// Import and forget, the two changes to the library's papers (the caller holds the library lock).
// Import writes the raw digest and its record first, then merges its papers in one transaction:
// killed before the commit, the digest is not imported (its row is what counts) and the next open
// catches it up from the kept file. Forget removes the digest's files and re-reads the others.
import { recordIds } from '../../core/id-continuity.js';
import { testHook } from '../test-hooks.js';
import { inputError } from '../../core/errors.js';
import type { ParseOptions, ParseResult } from '../../core/model.js';
import { digestNames, readHeads, readMeta, removeDigest, sha256, writeDigest, type DigestHead, type DigestMeta } from '../digest-store.js';
import { newGeneration, rebuildFromDigests } from './build.js';
import { memoryDatabase, setMeta, type Database } from './connection.js';
import { createEmpty, openDerivedLocked, type Derived, type DerivedOptions } from './open.js';
import { paperIds } from './read.js';
import { mergeDigest } from './write.js';

/** The digests of one import command: the first one's hash names the run (the virtual tag new). */
export interface ImportRun {
  first?: string;
}

interface Parsed {
  bytes: Uint8Array;
  name: string;
  options: ParseOptions;
  result: ParseResult;
}

export interface ImportOutcome {
  file: string;
  format: string;
  digest: string;
  /** Papers the digest holds. */
  found: number;
  /** Papers new to the library. */
  added: number;
  /** Papers already in the library that gained a sighting or a field. */
  updated: number;
  /** When the same bytes were imported before: that import (nothing changed). */
  already: DigestMeta | null;
  /** Problems met after the import itself succeeded. */
  warnings: string[];
}

export interface Imported {
  derived: Derived;
  outcome: ImportOutcome;
}

/** The import of this digest as the database knows it (its record on disk when readable). */
function knownImport(dir: string, db: Database, hash: string): DigestMeta | null {
  const row = db.prepare('SELECT file, imported_at, format, papers FROM digests WHERE hash = ?').get(hash) as { file: string; imported_at: string; format: string; papers: number } | undefined;
  if (!row) return null;
  return readMeta(dir, hash) ?? { digest: hash, seq: 0, file: row.file, importedAt: row.imported_at, format: row.format, year: null, yearSource: null, papers: row.papers };
}

/** The database to write to, created when the library has none yet; a read-only one is an error. */
function writable(dir: string, derived: Derived | null): Derived {
  const d = derived ?? openDerivedLocked(dir) ?? createEmpty(dir);
  if (!d.writable) throw inputError(`${dir}: the library cannot be written (read-only or full disk); nothing was imported; free space or fix its permissions, then import again`);
  return d;
}

export function importParsed(dir: string, derived: Derived | null, d: Parsed, run: ImportRun, importedAt: string): Imported {
  const digest = sha256(d.bytes);
  const base = { file: d.name, format: d.result.format, digest, found: d.result.papers.length, warnings: [] as string[] };
  const target = writable(dir, derived);
  const { db } = target;
  const already = knownImport(dir, db, digest);
  if (already) return { derived: target, outcome: { ...base, added: 0, updated: 0, already } };
  run.first ??= digest;
  const meta: DigestMeta = {
    digest,
    seq: digestNames(dir).length + 1,
    file: d.name,
    importedAt,
    format: d.result.format,
    year: d.options.year ?? null,
    yearSource: d.options.yearSource ?? null,
    papers: d.result.papers.length,
    ...(run.first !== digest ? { run: run.first } : {}),
    ids: recordIds(d.result.papers),
  };
  writeDigest(dir, d.bytes, meta);
  const merged = db.transaction(() => {
    const m = mergeDigest(db, { hash: digest, file: d.name, importedAt, format: d.result.format, run: meta.run ?? null }, d.result.papers);
    testHook('import-in-transaction');
    setMeta(db, 'generation', newGeneration());
    return m;
  })();
  return { derived: target, outcome: { ...base, added: merged.added.length, updated: merged.updated.length, already: null } };
}

/** The digest named by its hash or a unique prefix of it (at least 6 characters). */
export function findDigest(dir: string, key: string): DigestHead | null {
  const k = key.toLowerCase();
  if (!/^[0-9a-f]{6,64}$/.test(k)) return null;
  const hits = readHeads(dir).filter((m) => m.digest.startsWith(k));
  return hits.length === 1 ? hits[0]! : null;
}

export function forgetDigest(dir: string, derived: Derived | null, hash: string, options: DerivedOptions): { derived: Derived; meta: DigestMeta; removed: string[] } | null {
  const meta = readMeta(dir, hash);
  if (!meta) return null;
  const target = writable(dir, derived);
  const before = new Set(paperIds(target.db));
  removeDigest(dir, hash);
  rebuildFromDigests(target.db, dir, { writeRecords: true, read: options.read, label: 'forgetting the digest' });
  const after = new Set(paperIds(target.db));
  return { derived: target, meta, removed: [...before].filter((id) => !after.has(id)) };
}

/** The bundled seed in an in-memory database with the library's schema: one read path for both. */
export function seedDatabase(d: Parsed, importedAt: string): Database {
  const db = memoryDatabase();
  db.transaction(() => mergeDigest(db, { hash: sha256(d.bytes), file: d.name, importedAt, format: d.result.format, run: null }, d.result.papers))();
  return db;
}
