// Listings read by SQL: the papers a PaperFilter passes, in library order, up to a limit, without
// their abstracts unless asked for. Tags, new / seen / untriaged, the date window and digests are
// all conditions on the papers and sightings rows, so only the rows printed are read.
import type { Decision, LibraryPaper, PaperListing } from '../../core/library.js';
import type { PaperFilter } from '../../core/filter.js';
import { hasTag, tagKey } from '../../core/tags.js';
import { VIRTUAL_TAGS } from '../../core/virtual-tags.js';
import type { Database } from './connection.js';
import { compareTitles, type SortKey } from '../../core/rank/sort.js';
import type { PaperJson } from '../../core/paper-json.js';
import { countPapers, iterateJson, iterateRows, type RowsQuery } from './read.js';
import { taggedIds, tagCondition } from './search.js';
import { decisionsOver } from './decision-table.js';

export interface ListingOptions {
  limit?: number;
  offset?: number;
  /** Only the papers after this one (an id) in library order: the next page of a long listing, without an offset to skip. */
  after?: string;
  /** The order of --sort (core/rank/sort.ts sortByField) when not library order. */
  sort?: Exclude<SortKey, 'interest' | 'library'>;
}

/** sortByField's orders in SQL: dated papers newest first, then undated ones newest seen first; most upvoted first. */
const ORDERS = {
  date: "(p.date IS NULL), coalesce(p.date, p.last_seen, '') DESC",
  upvotes: 'coalesce(p.upvotes, -1) DESC',
} as const;

/** The WHERE clause (papers as p) of a filter, and its parameters. */
function filterSql(db: Database, filter: PaperFilter, given: ReadonlyMap<string, Decision>): { where: string; params: unknown[] } {
  const decisions = decisionsOver(db, given);
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return '?';
  };
  const tag = (t: string) => tagCondition(hasTag(VIRTUAL_TAGS, t) ? tagKey(t) : t, decisions, bind);
  const parts = [...filter.tags.map(tag), ...filter.notTags.map((t) => `NOT ${tag(t)}`)];
  if (filter.since !== null || filter.until !== null || filter.digests !== null) {
    // one sighting inside the whole window, in one of the digests
    const on = ['s.paper = p.seq'];
    if (filter.since !== null) on.push(`s.day >= ${bind(filter.since)}`);
    if (filter.until !== null) on.push(`s.day <= ${bind(filter.until)}`);
    if (filter.digests !== null) on.push(`s.digest IN (SELECT seq FROM digests WHERE hash IN (SELECT value FROM json_each(${bind(JSON.stringify(filter.digests))})))`);
    parts.push(`EXISTS (SELECT 1 FROM sightings s WHERE ${on.join(' AND ')})`);
  }
  return { where: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

/** The papers passing the filter without their abstracts, in library order or the sort's. */
export function selectListings(db: Database, filter: PaperFilter, decisions: ReadonlyMap<string, Decision>, options: ListingOptions = {}): Iterable<PaperListing> {
  return select(db, filterSql(db, filter, decisions), options, (q) => iterateRows(db, { ...q, abstracts: false }));
}

/** The papers passing the filter, whole (for --json and exports with abstracts), in library order or the sort's. */
export function selectPapers(db: Database, filter: PaperFilter, decisions: ReadonlyMap<string, Decision>, options: ListingOptions = {}): Iterable<LibraryPaper> {
  return select(db, filterSql(db, filter, decisions), options, (q) => iterateRows(db, { ...q, abstracts: true }));
}

/** selectPapers' papers as their `list --json` records. */
export function selectPaperJson(db: Database, filter: PaperFilter, decisions: ReadonlyMap<string, Decision>, options: ListingOptions = {}): Iterable<PaperJson> {
  return select(db, filterSql(db, filter, decisions), options, (q) => iterateJson(db, q));
}

function select<T>(db: Database, filtered: { where: string; params: unknown[] }, options: ListingOptions, rows: (q: Omit<RowsQuery, 'abstracts'>) => Iterable<T>): Iterable<T> {
  const { limit, offset, sort, after } = options;
  const sql = after === undefined ? filtered : { where: `(${filtered.where}) AND p.seq > (SELECT seq FROM papers WHERE id = ?)`, params: [...filtered.params, after] };
  if (sort !== 'title') return rows({ ...sql, limit, offset, order: sort === undefined ? undefined : ORDERS[sort] });
  // The title order is the collator's, which SQL lacks: only the titles are read and sorted here,
  // then the rows shown are read and put in that order.
  const titles = db.prepare(`SELECT p.seq, p.title FROM papers p WHERE ${sql.where} ORDER BY p.seq`).all(...sql.params) as Array<{ seq: number; title: string }>;
  const from = offset ?? 0;
  const seqs = titles.sort((a, b) => compareTitles(a.title, b.title) || a.seq - b.seq).slice(from, limit === undefined ? undefined : from + limit).map((t) => t.seq);
  const place = new Map(seqs.map((seq, i) => [seq, i]));
  const ascending = [...seqs].sort((a, b) => a - b);
  const ordered: T[] = new Array(seqs.length);
  let i = 0;
  // read in library order, so the i-th paper read is the one at the i-th smallest seq
  for (const paper of rows({ where: 'p.seq IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ascending)] })) ordered[place.get(ascending[i++]!)!] = paper;
  return ordered;
}

export interface ListingSummary {
  total: number;
  /** Papers with no tag of the user's (the virtual tag untriaged). */
  untriaged: number;
  /** Papers of the latest import command (the virtual tag new). */
  fresh: number;
  /** The earliest and latest date of the papers (its date, else when first seen); null when none has one. */
  dates: { first: string; last: string } | null;
}

/** What a listing of the whole library counts, by its kept count and indexes, without reading its rows. */
export function listingSummary(db: Database, given: ReadonlyMap<string, Decision>): ListingSummary {
  const decisions = decisionsOver(db, given);
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return '?';
  };
  // the expression of the index papers_day (schema.ts), so that min and max read one end of it
  const day = "nullif(coalesce(p.date, p.first_seen), '')";
  // The tagged papers are counted by the id index (a scan testing NOT IN per paper is ~5x slower).
  const count = (where: string) => `(SELECT count(*) FROM papers p WHERE ${where})`;
  const row = db
    .prepare(`SELECT ${count(`p.id IN ${taggedIds(decisions, bind)}`)} AS tagged, ${count(tagCondition('new', decisions, bind))} AS fresh, (SELECT min(${day}) FROM papers p) AS first, (SELECT max(${day}) FROM papers p) AS last`)
    .get(...params) as { tagged: number; fresh: number; first: string | null; last: string | null };
  const total = countPapers(db);
  return { total, untriaged: total - row.tagged, fresh: row.fresh, dates: row.first === null || row.last === null ? null : { first: row.first, last: row.last } };
}
