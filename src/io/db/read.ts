// Paper reads: each returns only what its caller prints or filters on, by indexed look-ups or one
// pass of an iterating statement; nothing here holds the whole library unless asked to.
import type { LibraryPaper, PaperListing } from '../../core/library.js';
import { statementsFor, type Database } from './connection.js';
import type { PaperJson } from '../../core/paper-json.js';
import { listingFromRow, paperFromRow, paperJsonFromRow, READ_COLUMNS, readRow, SIGHTING_COLUMNS, sightingRow, type PaperRow, type SightingRow } from './rows.js';

const SIGHTINGS = `SELECT ${SIGHTING_COLUMNS} FROM sightings s JOIN digests d ON d.seq = s.digest`;

/** A papers row with its abstract. */
const WHOLE = "SELECT p.*, coalesce(a.abstract, '') AS abstract FROM papers p LEFT JOIN abstracts a ON a.seq = p.seq";

/**
 * The abstract for a JSON record: its UTF-8 bytes when JSON.stringify would only add the quotes
 * (json_quote escaping nothing: no quote, backslash or control), else its text. SQLite escapes at
 * least what JSON must, so bytes come only when there is nothing to escape.
 */
const JSON_ABSTRACT = "CASE WHEN length(CAST(json_quote(coalesce(a.abstract, '')) AS BLOB)) = length(CAST(coalesce(a.abstract, '') AS BLOB)) + 2 THEN CAST(coalesce(a.abstract, '') AS BLOB) ELSE a.abstract END";

/** Raw reads of ReadRow's columns and one more (or none). */
const READ = `SELECT ${READ_COLUMNS} FROM papers p`;
const READ_WHOLE = `SELECT ${READ_COLUMNS}, coalesce(a.abstract, '') FROM papers p LEFT JOIN abstracts a ON a.seq = p.seq`;
const READ_JSON = `SELECT ${READ_COLUMNS}, ${JSON_ABSTRACT} FROM papers p LEFT JOIN abstracts a ON a.seq = p.seq`;

type WholeRow = PaperRow & { abstract: string };

const statements = statementsFor((db: Database) => {
  return {
    count: db.prepare("SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'papers'), (SELECT count(*) FROM papers))").pluck(),
    ids: db.prepare('SELECT id FROM papers ORDER BY seq').pluck(),
    idsAfter: db.prepare('SELECT id FROM papers WHERE seq > ? ORDER BY seq').pluck(),
    last: db.prepare('SELECT seq, id FROM papers ORDER BY seq DESC LIMIT 1'),
    idAt: db.prepare('SELECT id FROM papers WHERE seq = ?').pluck(),
    aliases: db.prepare('SELECT a.alias, a.id FROM aliases a WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = a.alias) AND EXISTS (SELECT 1 FROM papers p WHERE p.id = a.id)').raw(),
    aliasOf: db.prepare('SELECT a.id FROM aliases a WHERE a.alias = @key AND NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = @key) AND EXISTS (SELECT 1 FROM papers p WHERE p.id = a.id)').pluck(),
    anyAlias: db.prepare('SELECT EXISTS (SELECT 1 FROM aliases)').pluck(),
    aliasesIn: db
      .prepare('SELECT k.value, a.id FROM json_each(?) k JOIN aliases a ON a.alias = k.value WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = k.value) AND EXISTS (SELECT 1 FROM papers p WHERE p.id = a.id)')
      .raw(),
    aliasesOf: db.prepare('SELECT alias FROM aliases WHERE id = ? AND NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = alias)').pluck(),
    latestRun: db.prepare('SELECT coalesce(run, hash) FROM digests ORDER BY seq DESC LIMIT 1').pluck(),
    bySeq: db.prepare(`${WHOLE} WHERE p.seq = ?`),
    byId: db.prepare(`${WHOLE} WHERE p.id = ?`),
    abstractOf: db.prepare('SELECT a.abstract FROM papers p JOIN abstracts a ON a.seq = p.seq WHERE p.id = ?').pluck(),
    sightingsOf: db.prepare(`${SIGHTINGS} WHERE s.paper = ? ORDER BY s.digest, s.line`).raw(),
    sightingsFrom: db.prepare(`${SIGHTINGS} WHERE s.paper >= ? ORDER BY s.paper, s.digest, s.line`).raw(),
    digestHashes: db.prepare('SELECT hash FROM digests ORDER BY seq').pluck(),
  };
});

/** The papers in the library: the count its triggers keep (schema.ts), not a pass over the table. */
export function countPapers(db: Database): number {
  return statements(db).count.get() as number;
}

/** Every paper id, in library order. */
export function paperIds(db: Database): string[] {
  return statements(db).ids.all() as string[];
}

/** The latest paper: papers are added after it, and leave only by a rebuild (which renumbers them). */
export interface PaperMark {
  seq: number;
  id: string | null;
}

export function lastPaper(db: Database): PaperMark {
  return (statements(db).last.get() as PaperMark | undefined) ?? { seq: 0, id: null };
}

/** Ids of the papers after the mark, in library order; none when its paper is not where it was (a rebuild since). */
export function idsAfter(db: Database, mark: PaperMark): string[] {
  const s = statements(db);
  if (mark.id !== null && s.idAt.get(mark.seq) !== mark.id) return [];
  return s.idsAfter.all(mark.seq) as string[];
}

/** [alias, id] for every alias that is not itself some paper's id. */
export function aliasPairs(db: Database): Array<[string, string]> {
  return statements(db).aliases.all() as Array<[string, string]>;
}

/** The paper a key names: its own id, or the id it is an alias of; null when it names none. */
export function resolveKey(db: Database, key: string): string | null {
  return statements(db).byId.get(key) ? key : resolveAlias(db, key);
}

/** The paper id an alias stands for; null when it is none's alias, or is itself a paper's id. */
export function resolveAlias(db: Database, key: string): string | null {
  return (statements(db).aliasOf.get({ key }) as string | undefined) ?? null;
}

/** resolveAlias for many keys in one query: key -> paper id, for the keys that are aliases. */
export function resolveAliases(db: Database, keys: readonly string[]): Map<string, string> {
  const s = statements(db);
  if (keys.length === 0 || !s.anyAlias.get()) return new Map();
  return new Map(s.aliasesIn.all(JSON.stringify(keys)) as Array<[string, string]>);
}

export function aliasesOfId(db: Database, id: string): string[] {
  return statements(db).aliasesOf.all(id) as string[];
}

/** The latest import command (the hash of its first digest), for the virtual tag new. */
export function latestRun(db: Database): string | null {
  return (statements(db).latestRun.get() as string | undefined) ?? null;
}

/** Digest hashes in import order. */
export function digestHashes(db: Database): string[] {
  return statements(db).digestHashes.all() as string[];
}

export interface StoredPaper {
  seq: number;
  firstDigest: number;
  paper: LibraryPaper;
}

function stored(db: Database, row: WholeRow): StoredPaper {
  return { seq: row.seq, firstDigest: row.first_digest, paper: paperFromRow(row, row.abstract, sightingsOf(db, row.seq)) };
}

function sightingsOf(db: Database, seq: number): SightingRow[] {
  return (statements(db).sightingsOf.all(seq) as unknown[][]).map(sightingRow);
}

/** The papers at these seqs, in the order given (missing ones skipped). */
export function readRowsAt(db: Database, seqs: readonly number[]): StoredPaper[] {
  const out: StoredPaper[] = [];
  for (const seq of seqs) {
    const row = statements(db).bySeq.get(seq) as WholeRow | undefined;
    if (row) out.push(stored(db, row));
  }
  return out;
}

/** The papers with these ids, in the order given (unknown ids skipped). */
export function readPapersById(db: Database, ids: readonly string[]): LibraryPaper[] {
  const out: LibraryPaper[] = [];
  for (const id of ids) {
    const row = statements(db).byId.get(id) as WholeRow | undefined;
    if (row) out.push(stored(db, row).paper);
  }
  return out;
}

/** A paper's abstract ('' when it has none or is not in the database). */
export function readAbstract(db: Database, id: string): string {
  return (statements(db).abstractOf.get(id) as string | undefined) ?? '';
}

/** Every paper in library order, one at a time (two statements walked side by side). */
export function iteratePapers(db: Database): Generator<LibraryPaper> {
  return iterateRows(db, { where: '1', params: [], abstracts: true });
}

export interface RowsQuery {
  /** A condition on papers as p, and its parameters. */
  where: string;
  params: readonly unknown[];
  limit?: number;
  offset?: number;
  /** An ORDER BY over p (library order by default; seq always breaks ties). */
  order?: string;
  abstracts: boolean;
}

/** A raw row: READ_COLUMNS' values, then the select's extra column. */
type Values = unknown[];
const EXTRA = READ_COLUMNS.split(',').length;

/** The papers the condition holds for, in library order, whole or without their abstracts. */
export function iterateRows(db: Database, query: RowsQuery & { abstracts: true }): Generator<LibraryPaper>;
export function iterateRows(db: Database, query: RowsQuery & { abstracts: false }): Generator<PaperListing>;
export function iterateRows(db: Database, query: RowsQuery): Generator<PaperListing> {
  if (!query.abstracts) return rowsOf(db, query, READ, (v, own) => listingFromRow(readRow(v), own));
  return rowsOf(db, query, READ_WHOLE, (v, own) => paperFromRow(readRow(v), v[EXTRA] as string, own));
}

/** As iterateRows, each paper as its `list --json` record (without the decision's fields). */
export function iterateJson(db: Database, query: Omit<RowsQuery, 'abstracts'>): Generator<PaperJson> {
  return rowsOf(db, query, READ_JSON, (v, own) => {
    const row = readRow(v);
    return { id: row.id, parts: paperJsonFromRow(row, v[EXTRA] as string | Buffer, own) };
  });
}

function* rowsOf<T>(db: Database, query: Omit<RowsQuery, 'abstracts'>, select: string, make: (row: Values, own: SightingRow[]) => T): Generator<T> {
  // a generator, so that the statements start at the first paper asked for, not when called
  const order = query.order ? `${query.order}, p.seq` : 'p.seq';
  const rows = db
    .prepare(`${select} WHERE ${query.where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .raw()
    .iterate(...query.params, query.limit ?? -1, query.offset ?? 0) as IterableIterator<Values>;
  // in library order the sightings are walked beside the rows, from the first paper read (a page
  // far down the list skips none); in any other order each row looks its own up
  if (query.order === undefined) yield* walk(rows, db, make);
  else yield* lookUp(rows, db, make);
}

// the seq of a row, and the paper of a sighting, are their first values
const SEQ = 0;

function* lookUp<T>(rows: IterableIterator<Values>, db: Database, make: (row: Values, own: SightingRow[]) => T): Generator<T> {
  try {
    for (const row of rows) yield make(row, sightingsOf(db, row[SEQ] as number));
  } finally {
    rows.return?.();
  }
}

function* walk<T>(rows: IterableIterator<Values>, db: Database, make: (row: Values, own: SightingRow[]) => T): Generator<T> {
  let sightings: IterableIterator<Values> | undefined;
  let next: IteratorResult<Values> | undefined;
  try {
    const first = rows.next();
    if (first.done) return;
    sightings = statements(db).sightingsFrom.iterate(first.value[SEQ]) as IterableIterator<Values>;
    next = sightings.next();
    for (let step: IteratorResult<Values> = first; !step.done; step = rows.next()) {
      const row = step.value;
      const seq = row[SEQ] as number;
      const own: SightingRow[] = [];
      while (!next.done && (next.value[SEQ] as number) < seq) next = sightings.next();
      while (!next.done && next.value[SEQ] === seq) {
        own.push(sightingRow(next.value));
        next = sightings.next();
      }
      yield make(row, own);
    }
  } finally {
    // also when the caller stops early (list --limit): an open statement keeps the connection busy
    if (next && !next.done) sightings!.return?.();
    rows.return?.();
  }
}

export function readAllPapers(db: Database): LibraryPaper[] {
  return [...iteratePapers(db)];
}
