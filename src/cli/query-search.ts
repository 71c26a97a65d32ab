// Running a query from the command line: compile it (a malformed one is a usage error with a caret
// under the bad token) with today's date and the saved searches, and run it over a database.
// Shared by `papers search`, `papers list -q`, `papers export -q` and the rules.
import { usageError } from '../core/errors.js';
import type { Command } from 'commander';
import type { LibraryPaper, Snapshot } from '../core/library.js';
import type { Database } from '../io/db/connection.js';
import type { LibraryStore } from '../io/library-store.js';
import { compileQuery, formatQueryError, type Query } from '../core/query/index.js';
import type { SearchOptions, SearchResults } from '../core/search/index.js';
import { localToday } from '../io/clock.js';
import { databaseOfPapers } from '../io/db/bridge.js';
import { searchDatabase } from '../io/db/search.js';
import { configOf } from './run-config.js';
import type { NearMiss } from '../core/near-miss.js';
import { nearMiss } from '../io/near-miss.js';

/** What a query's meaning depends on besides its text: the user's local date and saved searches. */
interface QueryContext {
  today: string;
  searches: Readonly<Record<string, string>>;
  nearMiss?: NearMiss;
}

/** Today's date and the run's saved searches. */
export function queryContext(command: Command): QueryContext {
  return { today: localToday(), searches: configOf(command).config.searches, nearMiss };
}

/** The query compiled, or a usage error (exit 2) showing the query with a caret under the bad token. */
export function compileOrThrow(text: string, context: QueryContext): Query {
  const compiled = compileQuery(text, context);
  if (!compiled.ok) throw usageError(`query: ${compiled.error.message}\n${formatQueryError(text, compiled.error)}\n(see 'papers help query')`);
  return compiled.query;
}

/** A source of papers to search: the library store (its own database), else papers in memory. */
interface Searchable {
  store?: Pick<LibraryStore, 'database' | 'decisionsById' | 'papersById'> | undefined;
  snapshot: () => Snapshot;
}

/**
 * Runs a query over the library's own database when there is one, reading only the hits' papers;
 * papers parsed from files are copied into an in-memory database first (io/db/bridge.ts).
 */
export function searchPapersOf(source: Searchable, query: Query, options: SearchOptions = {}): SearchResults {
  const db = source.store?.database();
  if (!source.store || !db) return searchSnapshot(source.snapshot(), query, options);
  const results = searchDatabase(db, query, source.store.decisionsById(), options);
  const byId = new Map(source.store.papersById(results.hits.map((h) => h.id)).map((p) => [p.id, p]));
  const hits = results.hits.flatMap((h) => {
    const paper = byId.get(h.id);
    return paper ? [{ paper, score: h.score }] : [];
  });
  return { ...results, hits };
}

const byIdOf = new WeakMap<readonly LibraryPaper[], Map<string, LibraryPaper>>();

/**
 * Runs a query over the library's database for papers already in memory (the UI's): the hits are
 * the snapshot's own papers, and no copy of the library is made.
 */
export function searchShown(db: Database, snapshot: Snapshot, query: Query, options: SearchOptions = {}): SearchResults {
  let byId = byIdOf.get(snapshot.papers);
  if (!byId) byIdOf.set(snapshot.papers, (byId = new Map(snapshot.papers.map((p) => [p.id, p]))));
  const results = searchDatabase(db, query, snapshot.decisions, options);
  const hits = results.hits.flatMap((h) => {
    const paper = byId.get(h.id);
    return paper ? [{ paper, score: h.score }] : [];
  });
  return { ...results, hits };
}

/** Runs a query over papers held in memory (parsed files, a subset of the library for the rules). */
export function searchSnapshot(snapshot: Snapshot, query: Query, options: SearchOptions = {}): SearchResults {
  const db = databaseOfPapers(snapshot.papers, snapshot.latestDigest);
  const results = searchDatabase(db, query, snapshot.decisions, options);
  const hits = results.hits.map((h) => ({ paper: snapshot.papers[h.seq - 1]!, score: h.score }));
  return { ...results, hits };
}
