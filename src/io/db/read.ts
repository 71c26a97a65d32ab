// Paper reads: each returns only what its caller prints or filters on, by indexed look-ups or one
// pass of an iterating statement; nothing here holds the whole library unless asked to.
import type { LibraryPaper } from '../../core/library.js';
import { statementsFor, type Database } from './connection.js';
import { paperFromRow, type PaperRow, type SightingRow } from './rows.js';

const SIGHTINGS = `SELECT s.paper, d.hash, d.file, d.imported_at, s.line, s.date, coalesce(d.run, d.hash) AS run
  FROM sightings s JOIN digests d ON d.seq = s.digest`;

const statements = statementsFor((db: Database) => {
  return {
    count: db.prepare('SELECT count(*) FROM papers').pluck(),
    ids: db.prepare('SELECT id FROM papers ORDER BY seq').pluck(),
    aliases: db.prepare('SELECT a.alias, a.id FROM aliases a WHERE NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = a.alias) AND EXISTS (SELECT 1 FROM papers p WHERE p.id = a.id)').raw(),
    aliasOf: db.prepare('SELECT a.id FROM aliases a WHERE a.alias = @key AND NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = @key) AND EXISTS (SELECT 1 FROM papers p WHERE p.id = a.id)').pluck(),
    aliasesOf: db.prepare('SELECT alias FROM aliases WHERE id = ? AND NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = alias)').pluck(),
    latestRun: db.prepare('SELECT coalesce(run, hash) FROM digests ORDER BY seq DESC LIMIT 1').pluck(),
    bySeq: db.prepare('SELECT * FROM papers WHERE seq = ?'),
    byId: db.prepare('SELECT * FROM papers WHERE id = ?'),
    sightingsOf: db.prepare(`${SIGHTINGS} WHERE s.paper = ? ORDER BY s.digest, s.line`),
    all: db.prepare('SELECT * FROM papers ORDER BY seq'),
    allSightings: db.prepare(`${SIGHTINGS} ORDER BY s.paper, s.digest, s.line`),
    digestHashes: db.prepare('SELECT hash FROM digests ORDER BY seq').pluck(),
  };
});

export function countPapers(db: Database): number {
  return statements(db).count.get() as number;
}

/** Every paper id, in library order. */
export function paperIds(db: Database): string[] {
  return statements(db).ids.all() as string[];
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

function stored(db: Database, row: PaperRow): StoredPaper {
  return { seq: row.seq, firstDigest: row.first_digest, paper: withRuns(row, statements(db).sightingsOf.all(row.seq) as RunSighting[]) };
}

type RunSighting = SightingRow & { run: string };

/** The paper, its sightings carrying their import command when it is not their own digest. */
function withRuns(row: PaperRow, sightings: readonly RunSighting[]): LibraryPaper {
  const paper = paperFromRow(row, sightings);
  sightings.forEach((s, i) => {
    if (s.run !== s.hash) paper.sightings[i]!.run = s.run;
  });
  return paper;
}

/** The papers at these seqs, in the order given (missing ones skipped). */
export function readRowsAt(db: Database, seqs: readonly number[]): StoredPaper[] {
  const out: StoredPaper[] = [];
  for (const seq of seqs) {
    const row = statements(db).bySeq.get(seq) as PaperRow | undefined;
    if (row) out.push(stored(db, row));
  }
  return out;
}

/** The papers with these ids, in the order given (unknown ids skipped). */
export function readPapersById(db: Database, ids: readonly string[]): LibraryPaper[] {
  const out: LibraryPaper[] = [];
  for (const id of ids) {
    const row = statements(db).byId.get(id) as PaperRow | undefined;
    if (row) out.push(stored(db, row).paper);
  }
  return out;
}

/** Every paper in library order, one at a time (two statements walked side by side). */
export function* iteratePapers(db: Database): Generator<LibraryPaper> {
  const s = statements(db);
  const sightings = s.allSightings.iterate() as IterableIterator<RunSighting>;
  let next = sightings.next();
  try {
    for (const row of s.all.iterate() as IterableIterator<PaperRow>) {
      const own: RunSighting[] = [];
      while (!next.done && next.value.paper < row.seq) next = sightings.next();
      while (!next.done && next.value.paper === row.seq) {
        own.push(next.value);
        next = sightings.next();
      }
      yield withRuns(row, own);
    }
  } finally {
    // also when the caller stops early (list --limit): an open statement keeps the connection busy
    if (!next.done) sightings.return?.();
  }
}

export function readAllPapers(db: Database): LibraryPaper[] {
  return [...iteratePapers(db)];
}
