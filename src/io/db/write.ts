// Paper writes: one digest's papers merged into the database. Only the papers the digest can
// touch are read (by id, arXiv id, alias and normalised title), merged by core/merge.ts exactly as
// a whole-library merge would, and written back with their FTS rows. The caller holds the library
// lock and wraps the call in a transaction.
import { normaliseTitle } from '../../core/ids.js';
import type { LibraryPaper } from '../../core/library.js';
import { createMerger } from '../../core/merge.js';
import type { Paper } from '../../core/model.js';
import { statementsFor, type Database } from './connection.js';
import { readRowsAt } from './read.js';
import { ftsValues, paperColumns, titleHash, type PaperColumns } from './rows.js';
import { clearSearchTerms } from './search-terms.js';

export interface DigestRow {
  hash: string;
  file: string;
  importedAt: string;
  format: string;
  /** Hash of the first digest of its import command (null: its own). */
  run: string | null;
}

export interface Merged {
  added: string[];
  updated: string[];
}

const COLUMNS = 'id, arxiv_id, title, authors, categories, venue, upvotes, date, first_seen, last_seen, first_digest, digest_count, has_code, has_project, has_dataset, has_abstract, data, title_hash';
const SETS = COLUMNS.split(', ').map((c) => `${c} = @${c}`).join(', ');

const statements = statementsFor((db: Database) => {
  return {
    digest: db.prepare('INSERT INTO digests(hash, file, imported_at, format, papers, run) VALUES (?, ?, ?, ?, ?, ?)'),
    byKey: db.prepare(`SELECT seq FROM papers WHERE id = @key OR arxiv_id = @key UNION SELECT p.seq FROM aliases a JOIN papers p ON p.id = a.id WHERE a.alias = @key`),
    byTitle: db.prepare('SELECT seq FROM papers WHERE title_hash = ?'),
    insert: db.prepare(`INSERT INTO papers(${COLUMNS}) VALUES (${COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})`),
    update: db.prepare(`UPDATE papers SET ${SETS} WHERE seq = @seq`),
    abstract: db.prepare('INSERT OR REPLACE INTO abstracts(seq, abstract) VALUES (?, ?)'),
    ftsInsert: db.prepare('INSERT INTO papers_fts(rowid, title, authors, abstract) VALUES (?, ?, ?, ?)'),
    ftsDelete: db.prepare("INSERT INTO papers_fts(papers_fts, rowid, title, authors, abstract) VALUES ('delete', ?, ?, ?, ?)"),
    alias: db.prepare('INSERT OR REPLACE INTO aliases(alias, id) VALUES (?, ?)'),
    sighting: db.prepare('INSERT OR IGNORE INTO sightings(paper, digest, line, day, date) VALUES (?, ?, ?, ?, ?)'),
  };
});

/** Adds the digest's row and merges its papers in; returns the ids added and updated. */
export function mergeDigest(db: Database, digest: DigestRow, papers: readonly Paper[]): Merged {
  const s = statements(db);
  const digestSeq = Number(s.digest.run(digest.hash, digest.file, digest.importedAt, digest.format, papers.length, digest.run).lastInsertRowid);
  const wanted = new Set<number>();
  for (const p of papers) {
    for (const key of new Set([p.id, ...(p.arxivId ? [p.arxivId] : [])])) for (const r of s.byKey.all({ key }) as Array<{ seq: number }>) wanted.add(r.seq);
    const title = normaliseTitle(p.title);
    if (title !== '') for (const r of s.byTitle.all(titleHash(title)) as Array<{ seq: number }>) wanted.add(r.seq);
  }
  const seqs = [...wanted].sort((a, b) => a - b);
  const rows = readRowsAt(db, seqs);
  const known = new Map<LibraryPaper, { seq: number; firstDigest: number; fts: [string, string, string] }>();
  for (const r of rows) known.set(r.paper, { seq: r.seq, firstDigest: r.firstDigest, fts: ftsValues(paperColumns(r.paper, 0)) });

  const merger = createMerger(rows.map((r) => r.paper));
  const { added, updated } = merger.add(papers, { digest: digest.hash, file: digest.file, importedAt: digest.importedAt });
  const addedSet = new Set(added);
  const updatedSet = new Set(updated);
  for (const paper of merger.papers) {
    const was = known.get(paper);
    if (was) {
      if (!updatedSet.has(paper.id)) continue;
      const row = paperColumns(paper, was.firstDigest);
      s.ftsDelete.run(was.seq, ...was.fts);
      s.update.run({ ...papersRow(row), seq: was.seq });
      s.abstract.run(was.seq, row.abstract);
      s.ftsInsert.run(was.seq, ...ftsValues(row));
      writeLinks(s, paper, was.seq, digestSeq, digest.hash);
    } else if (addedSet.has(paper.id)) {
      const seq = insertRow(db, paperColumns(paper, digestSeq));
      writeLinks(s, paper, seq, digestSeq, digest.hash);
    }
  }
  return { added, updated };
}

/** The paper's aliases, and its sighting in this digest. */
function writeLinks(s: ReturnType<typeof statements>, paper: LibraryPaper, seq: number, digestSeq: number, hash: string): void {
  for (const a of paper.aliases) s.alias.run(a, paper.id);
  for (const sighting of paper.sightings) {
    if (sighting.digest !== hash) continue;
    s.sighting.run(seq, digestSeq, sighting.line, sighting.date ?? sighting.importedAt.slice(0, 10), sighting.date);
  }
}

/** A paper exactly as given (migration from the previous store): its row, FTS row, aliases and sightings. */
export function insertPaper(db: Database, paper: LibraryPaper, digestSeqOf: ReadonlyMap<string, number>): void {
  const s = statements(db);
  const first = digestSeqOf.get(paper.sightings[0]?.digest ?? '') ?? 0;
  const seq = insertRow(db, paperColumns(paper, first));
  for (const a of paper.aliases) s.alias.run(a, paper.id);
  for (const sighting of paper.sightings) {
    const digestSeq = digestSeqOf.get(sighting.digest);
    if (digestSeq !== undefined) s.sighting.run(seq, digestSeq, sighting.line, sighting.date ?? sighting.importedAt.slice(0, 10), sighting.date);
  }
}

/** A new paper's papers, abstracts and FTS rows; returns its seq. */
export function insertRow(db: Database, row: PaperColumns): number {
  const s = statements(db);
  const seq = Number(s.insert.run(papersRow(row)).lastInsertRowid);
  s.abstract.run(seq, row.abstract);
  s.ftsInsert.run(seq, ...ftsValues(row));
  return seq;
}

/** The row without its abstract (better-sqlite3 refuses named parameters a statement lacks). */
function papersRow(row: PaperColumns): Omit<PaperColumns, 'abstract'> {
  const { abstract: _abstract, ...rest } = row;
  return rest;
}

/** A digest's row alone (migration: its papers come separately). Returns its seq. */
export function insertDigestRow(db: Database, digest: DigestRow, papers: number): number {
  return Number(statements(db).digest.run(digest.hash, digest.file, digest.importedAt, digest.format, papers, digest.run).lastInsertRowid);
}

/** Empties every table (a rebuild in place, inside the caller's transaction). */
export function clearAll(db: Database): void {
  db.exec("DELETE FROM sightings; DELETE FROM aliases; DELETE FROM papers; DELETE FROM abstracts; DELETE FROM digests; INSERT INTO papers_fts(papers_fts) VALUES ('delete-all');");
  clearSearchTerms(db);
}
