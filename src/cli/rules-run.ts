// Running tagging rules from the CLI: matching their queries with the search engine (over the
// library's database when there is one), and tagging newly imported papers.
import type { Command } from 'commander';
import type { LibraryPaper, Snapshot } from '../core/library.js';
import { applyRules, groupChanges, type QueryMatcher, type Rule, type TagChange } from '../core/rank/rules.js';
import type { LibraryStore, PaperMark } from '../io/library-store.js';
import { readRulesFile, rulesPath } from '../io/rules-file.js';
import { queryContext, searchSnapshot } from './query-search.js';
import { searchDatabase } from '../io/db/search.js';
import type { Output } from './output.js';

/** Matches queries among given papers of `snapshot` with the search `papers search` runs. */
export function queryMatcher(snapshot: Snapshot): QueryMatcher {
  return (query, papers) => new Set(searchSnapshot({ ...snapshot, papers: papers as LibraryPaper[] }, query).hits.map((h) => h.paper.id));
}

/** The rules of the default rules file (none when it does not exist); a bad file is an input error. */
export function defaultRules(command: Command): { rules: Rule[]; file: string; exists: boolean } {
  const file = rulesPath();
  return { ...readRulesFile(file, true, queryContext(command)), file };
}

/** Matches queries among given papers of the library with the search over its database (`papers search`'s, vocabulary and all). */
function databaseMatcher(store: LibraryStore, fallback: QueryMatcher): QueryMatcher {
  return (query, papers) => {
    const db = store.database();
    if (!db) return fallback(query, papers);
    return new Set(searchDatabase(db, query, store.decisionsById(), { within: papers.map((p) => p.id) }).hits.map((h) => h.id));
  };
}

/** A mark of the library before an import, to tell which papers it adds (an id per paper would be a million strings); 0 without rules. */
export function libraryMark(store: LibraryStore, rules: readonly Rule[]): PaperMark {
  return rules.length === 0 ? { seq: 0, id: null } : store.mark();
}

/** Tags the papers added since `before` (libraryMark) by the rules; one line per tag group to stdout. */
export async function tagNewPapers(store: LibraryStore, rules: readonly Rule[], before: PaperMark, output: Output): Promise<TagChange[]> {
  if (rules.length === 0) return [];
  const fresh = store.addedSince(before);
  if (fresh.length === 0) return [];
  // only the new papers are read, and matched in the database
  const papers = store.papersById(fresh);
  const snapshot = { papers, decisions: store.decisionsById(), latestDigest: store.latestDigest() };
  const changes = applyRules(rules, papers, snapshot, databaseMatcher(store, queryMatcher(snapshot)));
  const groups = groupChanges(changes);
  if (groups.length === 0) return changes;
  const result = await store.edit(groups.map((g) => ({ kind: 'tag', ids: g.ids, add: g.add, remove: [] })));
  for (const part of result.parts) output.out(`rules: ${part.summary}`);
  return changes;
}
