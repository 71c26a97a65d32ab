// Rebuild: the database filled from the kept raw digests, in import order, each merged exactly as
// its import did, keeping the ids recorded for its papers (core/id-continuity.ts) so that a parser
// that reads a title differently leaves every id the user saw in place.
import { keepRecordedIds, recordIds, type RecordedId } from '../../core/id-continuity.js';
import type { ParseOptions, ParseResult } from '../../core/model.js';
import { PARSER_VERSION } from '../../core/parse/version.js';
import { parsers } from '../parsers.js';
import { metaParseOptions, readDigestText, readHeads, readMeta, writeMeta, type DigestMeta } from '../digest-store.js';
import { reportProgress } from '../progress-hook.js';
import { setMeta, type Database } from './connection.js';
import { clearAll, mergeDigest, type DigestRow, type Merged } from './write.js';
import { aliasesOfId, countPapers } from './read.js';
import { refreshSearchTerms } from './search-terms.js';

/** Reads a kept digest: the parser is a parameter so that a test can stand in for a later one. */
export type DigestReader = (text: string, options: ParseOptions, format: string) => ParseResult;

export const readWithCurrentParser: DigestReader = (text, options, format) => {
  const { parseDigest, formatByName } = parsers();
  return parseDigest(text, options, formatByName(format));
};

export interface BuildOptions {
  read?: DigestReader;
  /** Whether the digests' records (.json) may be written (false on a read-only disk). */
  writeRecords: boolean;
  label?: string;
  /** Papers merged per transaction (CHUNK_PAPERS; a test makes it small). */
  chunkPapers?: number;
}

export interface Built {
  digests: number;
  papers: number;
  /** Recorded digests whose raw text is missing (their papers cannot be rebuilt). */
  missing: DigestMeta[];
}

/**
 * Merges one kept digest into the database, keeping its recorded ids; returns its record when it
 * changed. A digest whose raw text is gone (null) keeps its row, with no papers.
 */
export function mergeKeptDigest(db: Database, meta: DigestMeta, text: string | null, read: DigestReader): { merged: Merged; record: RecordedId[] | null } {
  if (text === null) return { merged: mergeDigest(db, digestRow(meta, meta.format), []), record: null };
  const result = read(text, metaParseOptions(meta), meta.format);
  const kept = keepRecordedIds(result.papers, meta.ids ?? []);
  const merged = mergeDigest(db, digestRow(meta, result.format), kept.papers);
  addAliases(db, kept.renamed);
  const record = recordIds(kept.papers);
  return { merged, record: JSON.stringify(record) === JSON.stringify(meta.ids ?? null) ? null : record };
}

function digestRow(meta: DigestMeta, format: string): DigestRow {
  return { hash: meta.digest, file: meta.file, importedAt: meta.importedAt, format, run: meta.run ?? null };
}

/** The id a parser gives now, as an alias of the id kept (unless it is some paper's own id). */
function addAliases(db: Database, renamed: ReadonlyArray<[string, string]>): void {
  const update = db.prepare('UPDATE papers SET data = json_set(data, \'$.aliases\', json(?)) WHERE id = ?');
  const isPaper = db.prepare('SELECT 1 FROM papers WHERE id = ?').pluck();
  const aliasRow = db.prepare('INSERT OR REPLACE INTO aliases(alias, id) VALUES (?, ?)');
  const row = db.prepare('SELECT data FROM papers WHERE id = ?').pluck();
  for (const [kept, given] of renamed) {
    const data = row.get(kept) as string | undefined;
    if (data === undefined || isPaper.get(given) || aliasesOfId(db, kept).includes(given)) continue;
    const aliases = (JSON.parse(data) as { aliases?: string[] }).aliases ?? []; // absent: none (db/rows.ts)
    if (!aliases.includes(given)) update.run(JSON.stringify([...aliases, given]), kept);
    aliasRow.run(given, kept);
  }
}

/**
 * Papers merged per transaction of a rebuild. One transaction for a million papers would hold a
 * write-ahead log as large as the database and every changed record until it commits; chunks of
 * this size keep both small and cost a commit each.
 */
const CHUNK_PAPERS = 50_000;

/**
 * Empties the database and fills it from every kept digest, in import order, a chunk of digests
 * per transaction. The first one also drops parser_version and the last sets it: until then a
 * process opening the database sees that it needs work and waits for the lock the caller holds,
 * and one cut short is rebuilt again on the next open.
 */
export function rebuildFromDigests(db: Database, dir: string, options: BuildOptions): Built {
  const read = options.read ?? readWithCurrentParser;
  const heads = readHeads(dir);
  const chunk = options.chunkPapers ?? CHUNK_PAPERS;
  const missing: DigestMeta[] = [];
  const progress = reportProgress(options.label ?? 'rebuilding the library', heads.length);
  let next = 0;
  try {
    do {
      const records: DigestMeta[] = [];
      db.transaction(() => {
        if (next === 0) {
          clearAll(db);
          db.prepare("DELETE FROM meta WHERE key = 'parser_version'").run();
        }
        for (let papers = 0; next < heads.length && papers < chunk; next++) {
          const meta = readMeta(dir, heads[next]!.digest) ?? heads[next]!;
          const text = readDigestText(dir, meta.digest);
          if (text === null) missing.push(meta);
          const { record } = mergeKeptDigest(db, meta, text, read);
          if (record) records.push({ ...meta, ids: record });
          papers += meta.papers;
          progress.tick();
        }
        refreshSearchTerms(db);
        if (next === heads.length) {
          setMeta(db, 'parser_version', String(PARSER_VERSION));
          setMeta(db, 'generation', newGeneration());
        }
      })();
      if (options.writeRecords) for (const meta of records) writeRecord(dir, meta);
    } while (next < heads.length);
  } finally {
    progress.done();
  }
  return { digests: heads.length - missing.length, papers: countPapers(db), missing };
}

/** A record that cannot be written only means a later parser change cannot keep those ids. */
export function writeRecord(dir: string, meta: DigestMeta): void {
  try {
    writeMeta(dir, meta);
  } catch {
    /* read-only or full disk */
  }
}

export function newGeneration(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
