// A filter or query naming a tag no paper carries (`--tag to-raed`) still runs, with one warning
// line per such tag on stderr.
import type { Decision } from '../core/library.js';
import type { Query } from '../core/query/index.js';
import { tagKey, unknownTagWarning } from '../core/tags.js';
import { tagNamesOf } from '../io/db/decision-table.js';
import type { Output } from './output.js';
import { nearMiss } from '../io/near-miss.js';

/** The tags a query's `+tag` / `tag:` clauses name (negated ones too). */
export function queryTags(query: Query | undefined): string[] {
  return query ? query.groups.flatMap((g) => g.clauses.flatMap((c) => (c.term.kind === 'tag' ? [c.term.tag] : []))) : [];
}

export function warnUnknownTags(tags: readonly string[], decisions: ReadonlyMap<string, Decision>, output: Pick<Output, 'err'>): void {
  if (tags.length === 0) return;
  const known = tagNamesOf(decisions);
  const warned = new Set<string>();
  for (const tag of tags) {
    const warning = unknownTagWarning(tag, known, nearMiss);
    if (warning === null || warned.has(tagKey(tag))) continue;
    warned.add(tagKey(tag));
    output.err(`papers: warning: ${warning}`);
  }
}
