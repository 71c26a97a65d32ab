// Opening the derived database: better-sqlite3 loaded only here and only when a library is read,
// the schema applied, and a damaged or unwritable file told apart from a healthy one.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

export type Database = BetterSqlite3.Database;

let driver: typeof BetterSqlite3 | null = null;
/** The native module, required on first use so that commands without a library never load it. */
function sqlite(): typeof BetterSqlite3 {
  if (!driver) {
    const require = createRequire(import.meta.url);
    driver = tracked(require('better-sqlite3') as typeof BetterSqlite3, builtAddon(require));
  }
  return driver;
}

/**
 * The addon where better-sqlite3's install builds it, or null (then the package looks for it
 * itself with the bindings package, which tries one path after another).
 */
function builtAddon(require: NodeRequire): object | null {
  try {
    return require(join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')) as object;
  } catch {
    return null;
  }
}

// A process exit closes the connections a command leaves open; a test that runs many commands in
// one process closes them after each (closeOpenDatabases). Weak references: no connection is kept
// alive by this list.
const connections = new Set<WeakRef<Database>>();
function tracked(Base: typeof BetterSqlite3, addon: object | null): typeof BetterSqlite3 {
  return new Proxy(Base, {
    construct(target, [file, options]: ConstructorParameters<typeof BetterSqlite3>, newTarget) {
      const db = Reflect.construct(target, [file, addon ? { nativeBinding: addon, ...options } : options], newTarget) as Database;
      connections.add(new WeakRef(db));
      return db;
    },
  });
}

/** Closes every database connection still open (for callers that run many commands in one process). */
export function closeOpenDatabases(): void {
  for (const ref of connections) {
    const db = ref.deref();
    if (db?.open) db.close();
  }
  connections.clear();
}

export function databasePath(dir: string): string {
  return join(dir, 'cache', 'papers.db');
}

/** A fresh in-memory database with the schema (the bundled seed, a rebuild on a read-only disk). */
export function memoryDatabase(): Database {
  const db = new (sqlite())(':memory:');
  createSchema(db);
  return db;
}

export function createSchema(db: Database): void {
  db.exec(SCHEMA_SQL);
  db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
}

export function metaValue(db: Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Database, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(key, value);
}

export type Opened =
  | { state: 'ok'; db: Database; writable: boolean }
  /** No file yet, or one of another schema version: build it. */
  | { state: 'missing' | 'old' }
  /** Not a database, truncated, or failing its first reads: say so and build it again. */
  | { state: 'damaged'; reason: string };

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** What is wrong with the file's 100-byte header and size, or null when they look whole. */
function headerProblem(path: string): string | null {
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || !head.subarray(0, 16).equals(HEADER)) return 'not a database file';
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = head.readUInt32BE(28);
  // The page count in the header is valid when its version-valid-for number matches the change counter.
  if (head.readUInt32BE(92) === head.readUInt32BE(24) && statSync(path).size < pages * pageSize) return 'truncated';
  return null;
}

/** Opens the database file for writing when it can be written, else read-only (else an in-memory copy). */
export function openDatabaseFile(dir: string): Opened {
  const path = databasePath(dir);
  if (!existsSync(path)) return { state: 'missing' };
  let problem: string | null;
  try {
    problem = headerProblem(path);
  } catch (e) {
    return { state: 'damaged', reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  if (problem) return { state: 'damaged', reason: problem };
  let opened: { db: Database; writable: boolean };
  try {
    opened = openWritable(path) ?? openReadOnly(path);
  } catch (e) {
    return { state: 'damaged', reason: (e as Error).message };
  }
  try {
    if (metaValue(opened.db, 'schema_version') !== String(SCHEMA_VERSION)) {
      opened.db.close();
      return { state: 'old' };
    }
    opened.db.prepare('SELECT max(seq), count(*) FROM digests').get();
    opened.db.prepare('SELECT max(seq) FROM papers').get();
  } catch (e) {
    opened.db.close();
    return { state: 'damaged', reason: (e as Error).message };
  }
  return { state: 'ok', ...opened };
}

function openWritable(path: string): { db: Database; writable: true } | null {
  let db: Database | null = null;
  try {
    db = new (sqlite())(path, { fileMustExist: true, timeout: 10_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.prepare('SELECT value FROM meta LIMIT 1').get();
    return { db, writable: true };
  } catch (e) {
    db?.close();
    if (isNotWritable(e)) return null;
    throw e;
  }
}

/** A read-only disk, full disk or unwritable folder: SQLite cannot open or create its WAL files. */
function isNotWritable(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return /^SQLITE_(READONLY|CANTOPEN|IOERR|FULL|PERM|AUTH)/.test(code) || ['EROFS', 'EACCES', 'EPERM', 'ENOSPC'].includes(code);
}

/**
 * Read-only: SQLite reads a WAL database read-only only when its -wal and -shm files exist or can
 * be created; otherwise the file is read into memory (marked as a rollback-journal database, which
 * it is once checkpointed) and served from there.
 */
function openReadOnly(path: string): { db: Database; writable: false } {
  try {
    const db = new (sqlite())(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT value FROM meta LIMIT 1').get();
    return { db, writable: false };
  } catch (e) {
    if (!isNotWritable(e)) throw e;
  }
  const bytes = readFileSync(path);
  bytes[18] = 1;
  bytes[19] = 1;
  return { db: new (sqlite())(bytes), writable: false };
}

/** A new, empty database file at the library's path (the old one, if any, removed with its WAL). Call under the library lock. */
export function createDatabaseFile(dir: string): Database {
  const path = databasePath(dir);
  mkdirSync(dirname(path), { recursive: true });
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  const db = new (sqlite())(path, { timeout: 10_000 });
  // Set before the first table: abstracts of one to three kilobytes pack into 8 KiB pages with a
  // twentieth left empty, where 4 KiB pages leave a quarter.
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  createSchema(db);
  return db;
}

/** One set of prepared statements per database, made on first use. */
export function statementsFor<T>(prepare: (db: Database) => T): (db: Database) => T {
  const made = new WeakMap<Database, T>();
  return (db) => {
    let s = made.get(db);
    if (!s) made.set(db, (s = prepare(db)));
    return s;
  };
}

/** A second, read-only connection to a library's database file (another thread's). */
export function openReader(path: string): Database {
  return new (sqlite())(path, { readonly: true, fileMustExist: true, timeout: 10_000 });
}
