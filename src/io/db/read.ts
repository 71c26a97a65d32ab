// Paper reads: each returns only what its caller prints or filters on, by indexed look-ups or one
// pass of an iterating statement; nothing here holds the whole library unless asked to.
import type { LibraryPaper, PaperListing } from '../../core/library.js';
import { statementsFor, type Database } from './connection.js';
import { listingFromRow, paperFromRow, type PaperRow, type SightingRow } from './rows.js';

const SIGHTINGS = `SELECT s.paper, d.hash, d.file, d.imported_at, s.line, s.date, coalesce(d.run, d.hash) AS run
  FROM sightings s JOIN digests d ON d.seq = s.digest`;

/** A papers row with its abstract. */
const WHOLE = "SELECT p.*, coalesce(a.abstract, '') AS abstract FROM papers p LEFT JOIN abstracts a ON a.seq = p.seq";

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
    sightingsOf: db.prepare(`${SIGHTINGS} WHERE s.paper = ? ORDER BY s.digest, s.line`),
    sightingsFrom: db.prepare(`${SIGHTINGS} WHERE s.paper >= ? ORDER BY s.paper, s.digest, s.line`),
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
  return { seq: row.seq, firstDigest: row.first_digest, paper: withRuns(row, statements(db).sightingsOf.all(row.seq) as RunSighting[]) };
}

type RunSighting = SightingRow & { run: string };

/** The paper, its sightings carrying their import command when it is not their own digest. */
function withRuns(row: WholeRow, sightings: readonly RunSighting[]): LibraryPaper {
  return markRuns(paperFromRow(row, row.abstract, sightings), sightings);
}

function markRuns<T extends PaperListing>(paper: T, sightings: readonly RunSighting[]): T {
  sightings.forEach((s, i) => {
    if (s.run !== s.hash) paper.sightings[i]!.run = s.run;
  });
  return paper;
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

/** The papers the condition holds for, in library order, whole or without their abstracts. */
export function iterateRows(db: Database, query: RowsQuery & { abstracts: true }): Generator<LibraryPaper>;
export function iterateRows(db: Database, query: RowsQuery & { abstracts: false }): Generator<PaperListing>;
export function* iterateRows(db: Database, query: RowsQuery): Generator<PaperListing> {
  // a generator, so that the statements start at the first paper asked for, not when called
  const select = query.abstracts ? WHOLE : 'SELECT p.* FROM papers p';
  const order = query.order ? `${query.order}, p.seq` : 'p.seq';
  const rows = db.prepare(`${select} WHERE ${query.where} ORDER BY ${order} LIMIT ? OFFSET ?`).iterate(...query.params, query.limit ?? -1, query.offset ?? 0) as IterableIterator<WholeRow>;
  const make = query.abstracts ? withRuns : (row: PaperRow, own: RunSighting[]) => markRuns(listingFromRow(row, own), own);
  // in library order the sightings are walked beside the rows, from the first paper read (a page
  // far down the list skips none); in any other order each row looks its own up
  if (query.order === undefined) yield* walk(rows, db, make as (row: WholeRow, own: RunSighting[]) => PaperListing);
  else yield* lookUp(rows, db, make as (row: WholeRow, own: RunSighting[]) => PaperListing);
}

function* lookUp<R extends PaperRow, T>(rows: IterableIterator<R>, db: Database, make: (row: R, own: RunSighting[]) => T): Generator<T> {
  try {
    for (const row of rows) yield make(row, statements(db).sightingsOf.all(row.seq) as RunSighting[]);
  } finally {
    rows.return?.();
  }
}

function* walk<R extends PaperRow, T>(rows: IterableIterator<R>, db: Database, make: (row: R, own: RunSighting[]) => T): Generator<T> {
  let sightings: IterableIterator<RunSighting> | undefined;
  let next: IteratorResult<RunSighting> | undefined;
  try {
    const first = rows.next();
    if (first.done) return;
    sightings = statements(db).sightingsFrom.iterate(first.value.seq) as IterableIterator<RunSighting>;
    next = sightings.next();
    for (let step: IteratorResult<R> = first; !step.done; step = rows.next()) {
      const row = step.value;
      const own: RunSighting[] = [];
      while (!next.done && next.value.paper < row.seq) next = sightings.next();
      while (!next.done && next.value.paper === row.seq) {
        own.push(next.value);
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
