// A LibraryPaper as rows of the papers, abstracts and sightings tables, and back.
import { createHash } from 'node:crypto';
import { normaliseTitle } from '../../core/ids.js';
import type { LibraryPaper, PaperListing, Sighting } from '../../core/library.js';
import { isUtf8 } from 'node:buffer';
import { jsonText, memberKey } from '../../core/json-text.js';
import { RECORD_INDENT, type JsonPart } from '../../core/paper-json.js';
import { FTS_ABSTRACT_CHARS, FTS_FIELD_CHARS } from './schema.js';

export interface PaperRow {
  seq: number;
  id: string;
  arxiv_id: string | null;
  title: string;
  authors: string;
  categories: string;
  venue: string | null;
  upvotes: number | null;
  date: string | null;
  first_seen: string | null;
  last_seen: string | null;
  first_digest: number;
  digest_count: number;
  has_code: number;
  has_project: number;
  has_dataset: number;
  has_abstract: number;
  data: string;
  title_hash: number | null;
}

/** What is written for a paper: its papers row (seq assigned by the caller) and its abstract. */
export type PaperColumns = Omit<PaperRow, 'seq'> & { abstract: string };

/** A sighting row joined with its digest; run is the hash of its import command's first digest. */
export interface SightingRow {
  paper: number;
  hash: string;
  file: string;
  imported_at: string;
  line: number;
  date: string | null;
  run: string;
}

/** A paper's keys in the order the parsers give them: data records another order only when a paper has one. */
const KEY_ORDER = ['id', 'title', 'abstract', 'abstractKind', 'links', 'arxivId', 'authors', 'upvotes', 'date', 'source', 'version', 'announceType', 'categories', 'comments', 'journalRef', 'doi', 'venue', 'aliases', 'sightings', 'firstSeen', 'lastSeen'];
const ORDER_KEY = '$keys';
/** Fields whose absence from data means [] rather than null. */
const LISTS = new Set(['links', 'aliases']);

type Columns = Omit<PaperRow, 'seq' | 'data' | 'title_hash' | 'first_digest' | 'digest_count'>;

/** What a paper is read back from: the columns fromColumns reads, and data. */
export type ReadRow = Pick<PaperRow, 'seq' | 'id' | 'arxiv_id' | 'title' | 'authors' | 'categories' | 'venue' | 'upvotes' | 'date' | 'first_seen' | 'last_seen' | 'data'>;

/** ReadRow's columns of papers as p, in the order readRow takes their values (raw reads skip naming every column of every row). */
export const READ_COLUMNS = 'p.seq, p.id, p.arxiv_id, p.title, p.authors, p.categories, p.venue, p.upvotes, p.date, p.first_seen, p.last_seen, p.data';

export function readRow(v: readonly unknown[]): ReadRow {
  return { seq: v[0], id: v[1], arxiv_id: v[2], title: v[3], authors: v[4], categories: v[5], venue: v[6], upvotes: v[7], date: v[8], first_seen: v[9], last_seen: v[10], data: v[11] } as ReadRow;
}

/** SIGHTING_COLUMNS' values as a SightingRow. */
export function sightingRow(v: readonly unknown[]): SightingRow {
  return { paper: v[0], hash: v[1], file: v[2], imported_at: v[3], line: v[4], date: v[5], run: v[6] } as SightingRow;
}

/** A sighting's columns (sightings as s joined with digests as d), in the order sightingRow takes them. */
export const SIGHTING_COLUMNS = 's.paper, d.hash, d.file, d.imported_at, s.line, s.date, coalesce(d.run, d.hash)';

/** The fields the columns give back (abstract and sightings come from their own tables). */
function fromColumns(row: Omit<ReadRow, 'seq' | 'data'>): Record<string, unknown> {
  return {
    id: row.id,
    title: row.title,
    arxivId: row.arxiv_id,
    authors: row.authors === '' ? [] : row.authors.split('\n'),
    upvotes: row.upvotes,
    date: row.date,
    categories: row.categories === '' ? [] : row.categories.split(' '),
    venue: row.venue,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}

/** The papers columns of a paper. first_digest: digests.seq of its first sighting. */
export function paperColumns(p: LibraryPaper, firstDigest: number): PaperColumns {
  const kinds = new Set(p.links.map((l) => l.kind));
  const titleKey = normaliseTitle(p.title);
  const columns: Columns = {
    id: p.id,
    arxiv_id: p.arxivId,
    title: p.title,
    authors: p.authors.join('\n'),
    categories: p.categories.join(' '),
    venue: p.venue,
    upvotes: p.upvotes,
    date: p.date,
    first_seen: p.firstSeen,
    last_seen: p.lastSeen,
    has_code: kinds.has('code') ? 1 : 0,
    has_project: kinds.has('project') ? 1 : 0,
    has_dataset: kinds.has('dataset') ? 1 : 0,
    has_abstract: p.abstract !== '' ? 1 : 0,
  };
  return {
    ...columns,
    abstract: p.abstract,
    first_digest: firstDigest,
    digest_count: new Set(p.sightings.map((s) => s.digest)).size,
    data: dataOf(p, columns),
    title_hash: titleKey === '' ? null : titleHash(titleKey),
  };
}

/** What data holds: the fields no column gives back exactly, null and [] left out, and the key order when it is not KEY_ORDER. */
function dataOf(p: LibraryPaper, columns: Columns): string {
  const back = fromColumns(columns);
  const out: Record<string, unknown> = {};
  const keys: string[] = [];
  for (const [key, value] of Object.entries(p)) {
    if (value === undefined) continue; // as JSON would: the paper read back lacks it too
    keys.push(key);
    if (key === 'abstract' || key === 'sightings') continue;
    if (key in back) {
      if (JSON.stringify(back[key]) !== JSON.stringify(value)) out[key] = value;
    } else if (!(value === null || (LISTS.has(key) && Array.isArray(value) && value.length === 0))) out[key] = value;
  }
  if (keys.length !== KEY_ORDER.length || keys.some((k, i) => k !== KEY_ORDER[i])) out[ORDER_KEY] = keys;
  return JSON.stringify(out);
}

/** 48 bits of the normalised title's sha256: an index key a sixth of the title's size (a collision only widens the merge's candidates). */
export function titleHash(titleKey: string): number {
  return createHash('sha256').update(titleKey).digest().readUIntBE(0, 6);
}

/** A paper without its abstract, from its row and its sightings (in digest order). */
export function listingFromRow(row: Omit<ReadRow, 'seq'>, sightings: readonly SightingRow[]): PaperListing {
  return build(row, null, sightings) as unknown as PaperListing;
}

/** The paper a row and its abstract hold, with its sightings (in digest order). */
export function paperFromRow(row: Omit<ReadRow, 'seq'>, abstract: string, sightings: readonly SightingRow[]): LibraryPaper {
  return build(row, abstract, sightings) as unknown as LibraryPaper;
}

function build(row: Omit<ReadRow, 'seq'>, abstract: string | null, sightings: readonly SightingRow[]): Record<string, unknown> {
  const paper: Record<string, unknown> = {};
  eachField(row, (key, value) => {
    if (key === 'abstract') {
      if (abstract !== null) paper.abstract = abstract;
    } else paper[key] = key === 'sightings' ? sightings.map(sightingFromRow) : value;
  });
  return paper;
}

/**
 * The members of paperFromRow's paper as jsonMembers writes them RECORD_INDENT deep. The abstract
 * comes as the database's UTF-8 bytes when JSON needs no escape in it (see JSON_ABSTRACT), and is
 * then a part of its own, copied as it is.
 */
export function paperJsonFromRow(row: Omit<ReadRow, 'seq'>, abstract: string | Buffer, sightings: readonly SightingRow[]): JsonPart[] {
  const parts: JsonPart[] = [];
  let text = '';
  eachField(row, (key, value) => {
    text += (text === '' && parts.length === 0 ? '' : SEPARATOR) + memberKey(key);
    if (key === 'sightings') text += sightingsJson(sightings);
    else if (key !== 'abstract') text += jsonText(value, RECORD_INDENT);
    else if (typeof abstract === 'string') text += JSON.stringify(abstract);
    else if (isUtf8(abstract)) {
      parts.push(`${text}"`, abstract);
      text = '"';
    } else text += JSON.stringify(abstract.toString('utf8'));
  });
  parts.push(text);
  return parts;
}

const SEPARATOR = `,\n${RECORD_INDENT}`;

/** A paper's keys in its order, each with its value: what data records, else the columns', else null or []. */
function eachField(row: Omit<ReadRow, 'seq'>, visit: (key: string, value: unknown) => void): void {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const back = fromColumns(row);
  const keys = (data[ORDER_KEY] as string[] | undefined) ?? KEY_ORDER;
  for (const key of keys) visit(key, key in data ? data[key] : key in back ? back[key] : LISTS.has(key) ? [] : null);
}

/** jsonText(sightings.map(sightingFromRow), RECORD_INDENT) without making the objects (a record's longest part after its abstract). */
function sightingsJson(sightings: readonly SightingRow[]): string {
  if (sightings.length === 0) return '[]';
  const q = JSON.stringify;
  let out = '';
  for (const s of sightings) {
    const run = s.run !== s.hash ? `,\n        "run": ${q(s.run)}` : '';
    out += `${out === '' ? '[' : ','}\n      {\n        "digest": ${q(s.hash)},\n        "file": ${q(s.file)},\n        "line": ${q(s.line)},\n        "date": ${q(s.date)},\n        "importedAt": ${q(s.imported_at)}${run}\n      }`;
  }
  return `${out}\n    ]`;
}

/** A sighting; its run only when that is another digest. */
function sightingFromRow(s: SightingRow): Sighting {
  const sighting: Sighting = { digest: s.hash, file: s.file, line: s.line, date: s.date, importedAt: s.imported_at };
  if (s.run !== s.hash) sighting.run = s.run;
  return sighting;
}

/** What the FTS index holds of a paper: the same for its insert and its delete. */
export function ftsValues(row: Pick<PaperColumns, 'title' | 'authors' | 'abstract'>): [string, string, string] {
  return [row.title.slice(0, FTS_FIELD_CHARS), row.authors.slice(0, FTS_FIELD_CHARS), row.abstract.slice(0, FTS_ABSTRACT_CHARS)];
}
