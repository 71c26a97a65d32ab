// A LibraryPaper as rows of the papers and sightings tables, and back.
import { normaliseTitle } from '../../core/ids.js';
import type { LibraryPaper, Sighting } from '../../core/library.js';
import { FTS_ABSTRACT_CHARS, FTS_FIELD_CHARS } from './schema.js';

export interface PaperRow {
  seq: number;
  id: string;
  arxiv_id: string | null;
  title: string;
  authors: string;
  abstract: string;
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
  title_key: string;
}

/** A sighting row joined with its digest. */
export interface SightingRow {
  paper: number;
  hash: string;
  file: string;
  imported_at: string;
  line: number;
  date: string | null;
}

/** The papers columns of a paper (seq assigned by the caller). first_digest: digests.seq of its first sighting. */
export function paperColumns(p: LibraryPaper, firstDigest: number): Omit<PaperRow, 'seq'> {
  const { title, authors, abstract } = p;
  const kinds = new Set(p.links.map((l) => l.kind));
  return {
    id: p.id,
    arxiv_id: p.arxivId,
    title,
    authors: authors.join('\n'),
    abstract,
    categories: p.categories.join(' '),
    venue: p.venue,
    upvotes: p.upvotes,
    date: p.date,
    first_seen: p.firstSeen,
    last_seen: p.lastSeen,
    first_digest: firstDigest,
    digest_count: new Set(p.sightings.map((s) => s.digest)).size,
    has_code: kinds.has('code') ? 1 : 0,
    has_project: kinds.has('project') ? 1 : 0,
    has_dataset: kinds.has('dataset') ? 1 : 0,
    has_abstract: abstract !== '' ? 1 : 0,
    // the columns' own fields as placeholders, so that the paper read back has its keys in the same order
    data: JSON.stringify({ ...p, title: 0, authors: 0, abstract: 0, sightings: 0 }),
    title_key: normaliseTitle(title),
  };
}

/** The paper a row holds, with its sightings (in digest order). */
export function paperFromRow(row: Pick<PaperRow, 'title' | 'authors' | 'abstract' | 'data'>, sightings: readonly SightingRow[]): LibraryPaper {
  const paper = JSON.parse(row.data) as LibraryPaper;
  paper.title = row.title;
  paper.abstract = row.abstract;
  paper.authors = row.authors === '' ? [] : row.authors.split('\n');
  paper.sightings = sightings.map(sightingFromRow);
  return paper;
}

function sightingFromRow(s: SightingRow): Sighting {
  return { digest: s.hash, file: s.file, line: s.line, date: s.date, importedAt: s.imported_at };
}

/** What the FTS index holds of a paper: the same for its insert and its delete. */
export function ftsValues(row: Pick<PaperRow, 'title' | 'authors' | 'abstract'>): [string, string, string] {
  return [row.title.slice(0, FTS_FIELD_CHARS), row.authors.slice(0, FTS_FIELD_CHARS), row.abstract.slice(0, FTS_ABSTRACT_CHARS)];
}
