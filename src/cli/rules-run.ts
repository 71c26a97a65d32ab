// Running tagging rules from the CLI: matching their queries with the search engine (over the
// library's cached search index when there is one), and tagging newly imported papers.
import type { Command } from 'commander';
import type { LibraryPaper, Snapshot } from '../core/library.js';
import { applyRules, groupChanges, type QueryMatcher, type Rule, type TagChange } from '../core/rank/rules.js';
import type { LibraryStore } from '../io/library-store.js';
import { readRulesFile, rulesPath } from '../io/rules-file.js';
import { queryContext, searchSnapshot } from './query-search.js';
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

/** The ids the store knows (ids and aliases), to tell which papers an import adds. */
export function knownIds(store: LibraryStore): Set<string> {
  if (store.showingSeed()) return new Set(); // the sample shown in place of an empty library is not in it
  const index = store.idIndex();
  return new Set([...index.ids, ...index.aliases.keys()]);
}

/** Tags the papers that are new since `before` by the rules; one line per tag group to stdout. */
export async function tagNewPapers(store: LibraryStore, rules: readonly Rule[], before: ReadonlySet<string>, output: Output): Promise<TagChange[]> {
  if (rules.length === 0) return [];
  const fresh = new Set(store.idIndex().ids.filter((id) => !before.has(id)));
  if (fresh.size === 0) return [];
  const snapshot = store.snapshot();
  const papers = snapshot.papers.filter((p) => fresh.has(p.id));
  const changes = applyRules(rules, papers, snapshot, queryMatcher(snapshot));
  const groups = groupChanges(changes);
  if (groups.length === 0) return changes;
  const result = await store.edit(groups.map((g) => ({ kind: 'tag', ids: g.ids, add: g.add, remove: [] })));
  for (const part of result.parts) output.out(`rules: ${part.summary}`);
  return changes;
}
