// The decisions as tables of the derived database: a copy of decisions.yaml, keyed as the file
// keys them, stamped with the file's hash and stamp (inode, size, mtime, ctime). A command that
// finds the file with the stamp the tables record reads neither the file nor a cache of it: it
// looks up the papers it prints one by one, and filters by tag with SQL. The tables are filled
// from a parse of the file when the stamps differ, and kept current by each write of papers' own
// (the keys it changed). Entries kept under an alias of a paper's id are folded into the paper's
// decision at look-up, as the in-memory view folds them.
import type { Decision } from '../../core/library.js';
import { combineDecisions, type Decisions } from '../../core/decisions.js';
import { libraryTags, sortTags, tagKey, tagSpellings } from '../../core/tags.js';
import type { Database } from './connection.js';
import { statementsFor } from './connection.js';

const TABLES_SQL = `
CREATE TABLE IF NOT EXISTS decision_rows (
  key      TEXT PRIMARY KEY,
  decision TEXT NOT NULL,
  tagged   INTEGER NOT NULL,
  noted    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS decision_tags (
  tag  TEXT NOT NULL,
  key  TEXT NOT NULL,
  name TEXT NOT NULL,
  at   TEXT NOT NULL,
  PRIMARY KEY (tag, key)
) WITHOUT ROWID;
`;

/** The version of the file the tables hold. */
interface DecisionsVersion {
  hash: string;
  stamp: string;
  /** The file was papers' own serialization of these decisions. */
  canonical: boolean;
}

const meta = statementsFor((db) => ({
  get: db.prepare(
    "SELECT (SELECT value FROM meta WHERE key = 'decisions_hash') AS hash, (SELECT value FROM meta WHERE key = 'decisions_stamp') AS stamp, (SELECT value FROM meta WHERE key = 'decisions_canonical') AS canonical",
  ),
}));

/** The version the tables hold; null when they hold none. */
export function tableVersion(db: Database): DecisionsVersion | null {
  const row = meta(db).get.get() as { hash: string | null; stamp: string | null; canonical: string | null };
  return row.hash === null || row.stamp === null ? null : { hash: row.hash, stamp: row.stamp, canonical: row.canonical === '1' };
}

function writeStatements(db: Database) {
  return {
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    deleteRow: db.prepare('DELETE FROM decision_rows WHERE key = ?'),
    deleteTags: db.prepare('DELETE FROM decision_tags WHERE key = ?'),
    insertRow: db.prepare('INSERT INTO decision_rows (key, decision, tagged, noted) VALUES (?, ?, ?, ?)'),
    insertTag: db.prepare('INSERT OR IGNORE INTO decision_tags (tag, key, name, at) VALUES (?, ?, ?, ?)'),
  };
}
const writes = statementsFor((db) => {
  db.exec(TABLES_SQL);
  return writeStatements(db);
});

function put(s: ReturnType<typeof writeStatements>, key: string, d: Decision): void {
  const names = Object.keys(d.tags);
  s.insertRow.run(key, JSON.stringify(d), names.length > 0 ? 1 : 0, d.note === null ? 0 : 1);
  for (const name of names) s.insertTag.run(tagKey(name), key, name, d.tags[name]);
}

function stampWith(s: ReturnType<typeof writeStatements>, version: DecisionsVersion): void {
  s.setMeta.run('decisions_hash', version.hash);
  s.setMeta.run('decisions_stamp', version.stamp);
  s.setMeta.run('decisions_canonical', version.canonical ? '1' : '0');
}

/**
 * Replaces the tables' contents with these decisions, read from the file when its stamp was
 * version.stamp: only if it still is (`stampNow`), so that a slow reader never puts back an older
 * version over a newer one. Waits for no other writer: when the database is busy (an import), or
 * cannot be written, the tables are left as they were and false comes back (the caller reads the
 * decisions from the file).
 */
export function fillDecisionTables(db: Database, decisions: Decisions, version: DecisionsVersion, stampNow: () => string): boolean {
  if (db.readonly) return false;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma('busy_timeout = 0');
    const s = writes(db);
    return db.transaction(() => {
      if (stampNow() !== version.stamp) return false;
      db.prepare('DELETE FROM decision_rows').run();
      db.prepare('DELETE FROM decision_tags').run();
      for (const [key, d] of decisions) put(s, key, d);
      stampWith(s, version);
      return true;
    }).immediate();
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * After a write of decisions.yaml: the changed keys (null: the key left the file) applied to the
 * tables, when they hold the version the write replaced (true); else they are left as they are.
 */
export function updateDecisionTables(db: Database, from: string, changed: ReadonlyMap<string, Decision | null>, version: DecisionsVersion): boolean {
  if (db.readonly || tableVersion(db)?.hash !== from) return false;
  try {
    const s = writes(db);
    return db.transaction(() => {
      if (tableVersion(db)?.hash !== from) return false;
      for (const [key, d] of changed) {
        s.deleteRow.run(key);
        s.deleteTags.run(key);
        if (d !== null) put(s, key, d);
      }
      stampWith(s, version);
      return true;
    }).immediate();
  } catch {
    return false; // left stale: only costs a refill
  }
}

const reads = statementsFor((db) => ({
  // the paper's own entry first, then those under its aliases in key order (the file's order)
  entries: db.prepare(
    'SELECT decision FROM decision_rows WHERE key = @id UNION ALL SELECT * FROM (SELECT d.decision FROM aliases a JOIN decision_rows d ON d.key = a.alias WHERE a.id = @id ORDER BY d.key)',
  ).pluck(),
  names: db.prepare('SELECT DISTINCT name FROM decision_tags'),
  entry: db.prepare('SELECT decision FROM decision_rows WHERE key = ?').pluck(),
  keyAfter: db.prepare('SELECT key FROM decision_rows WHERE key > ? AND (tagged OR noted) ORDER BY key LIMIT 1').pluck(),
  nonEmptyKeys: db.prepare('SELECT key FROM decision_rows WHERE tagged OR noted').pluck(),
  spellings: db.prepare('SELECT name, at FROM decision_tags WHERE tag IN (SELECT value FROM json_each(?))'),
  all: db.prepare('SELECT key, decision FROM decision_rows ORDER BY key'),
}));

/** The decisions file as the tables hold it, entry by entry under the file's own keys: what a change of papers' own reads. */
export interface DecisionEntries {
  version: DecisionsVersion;
  /** The entry under this key (not folded). */
  get(key: string): Decision | undefined;
  /** The least key above `key` in code-unit order with an entry that is not empty; null when none. */
  keyAfter(key: string): string | null;
  /** The first-written spelling of each of these tag keys some entry holds (tagSpellings'). */
  spellings(keys: ReadonlySet<string>): Map<string, string>;
  /** Every entry, in key order. */
  all(): Decisions;
}

// SQLite orders text by its UTF-8 bytes, the file by UTF-16 code units: the two differ only
// between a character above U+FFFF and one from U+E000 to U+FFFF.
const ORDERS_MAY_DIFFER = /[\uD800-\uFFFF]/;

/** The tables' entries when they hold the file with this hash in papers' own layout; else null. */
export function entriesOfFile(db: Database, hash: string): DecisionEntries | null {
  const version = tableVersion(db);
  return version?.hash === hash && version.canonical ? entriesInTables(db, version) : null;
}

export function entriesInTables(db: Database, version: DecisionsVersion): DecisionEntries {
  const s = reads(db);
  return {
    version,
    get(key) {
      const text = s.entry.get(key) as string | undefined;
      return text === undefined ? undefined : (JSON.parse(text) as Decision);
    },
    keyAfter(key) {
      const found = (s.keyAfter.get(key) as string | undefined) ?? null;
      if (!ORDERS_MAY_DIFFER.test(key) && (found === null || !ORDERS_MAY_DIFFER.test(found))) return found;
      let least: string | null = null;
      for (const k of s.nonEmptyKeys.all() as string[]) if (k > key && (least === null || k < least)) least = k;
      return least;
    },
    spellings(keys) {
      const rows = s.spellings.all(JSON.stringify([...keys])) as Array<{ name: string; at: string }>;
      return tagSpellings(
        rows.map((r) => ({ tags: { [r.name]: r.at }, note: null })),
        keys,
      );
    },
    all() {
      return new Map((s.all.raw().all() as Array<[string, string]>).map(([key, text]) => [key, JSON.parse(text) as Decision]));
    },
  };
}

/** The decision about the paper with this id, its entries under aliases folded in. */
function decisionInTables(db: Database, id: string): Decision | undefined {
  const rows = (reads(db).entries.all({ id }) as string[]).map((text) => JSON.parse(text) as Decision);
  // the paper's own note before any alias's; tags are the union whatever the order
  return rows.reduce<Decision | undefined>((merged, d) => (merged ? combineDecisions(merged, d, false) : d), undefined);
}

/** Every tag name the decisions hold (each spelling once, in no order). */
function tagNamesInTables(db: Database): string[] {
  return reads(db).names.pluck().all() as string[];
}

/** The ids of the papers (as p.id compares them) with an entry that passes `which`, as a SQL row set. */
export type DecisionsWith = { tag: string } | 'tagged' | 'noted';

export function idsInTables(which: DecisionsWith, bind: (value: unknown) => string): string {
  const entries = typeof which === 'object' ? `SELECT key FROM decision_tags WHERE tag = ${bind(tagKey(which.tag))}` : `SELECT key FROM decision_rows WHERE ${which}`;
  return `(SELECT coalesce(a.id, e.key) FROM (${entries}) e LEFT JOIN aliases a ON a.alias = e.key)`;
}

/** Decisions read from the tables: what a command asks of them by id or by tag, without the rest. */
interface TableDecisions extends ReadonlyMap<string, Decision> {
  /** The database whose tables answer. */
  readonly tables: Database;
}

export function isTableDecisions(decisions: ReadonlyMap<string, Decision>): decisions is TableDecisions {
  return 'tables' in decisions;
}

/**
 * The tables as a map keyed by paper id. get and has are one look-up each; size and iteration,
 * which need every entry, are `all()`'s (the file's decisions folded, read once when first asked).
 */
export function decisionsInTables(db: Database, all: () => ReadonlyMap<string, Decision>): TableDecisions {
  const looked = new Map<string, Decision | undefined>();
  const get = (id: string) => {
    if (!looked.has(id)) looked.set(id, decisionInTables(db, id));
    return looked.get(id);
  };
  return {
    tables: db,
    get,
    has: (id) => get(id) !== undefined,
    get size() {
      return all().size;
    },
    forEach: (fn, thisArg) => all().forEach(fn, thisArg),
    entries: () => all().entries(),
    keys: () => all().keys(),
    values: () => all().values(),
    [Symbol.iterator]: () => all()[Symbol.iterator](),
  };
}

/** Every user tag some decision holds, each spelling once, in the one order (libraryTags'). */
export function tagNamesOf(decisions: ReadonlyMap<string, Decision>): string[] {
  return isTableDecisions(decisions) ? sortTags(tagNamesInTables(decisions.tables)) : libraryTags(decisions.values());
}

/** The decisions as a query over `db` may use them: tables of another database (a copy of its papers in memory) answer by their entries. */
export function decisionsOver(db: Database, decisions: ReadonlyMap<string, Decision>): ReadonlyMap<string, Decision> {
  return isTableDecisions(decisions) && decisions.tables !== db ? new Map(decisions) : decisions;
}
