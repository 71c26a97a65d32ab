// Watch lists are rules: a rule with author: and cat: queries tags exactly the papers the search
// finds for that query (the same matcher), on two real arXiv mailings. And the UI's live filter
// run by the same search, with saved searches.
import { describe, expect, it } from 'vitest';
import { searchSnapshot } from '../../src/cli/query-search.js';
import { queryMatcher } from '../../src/cli/rules-run.js';
import type { Snapshot } from '../../src/core/library.js';
import { applyRules, parseRules } from '../../src/core/rank/rules.js';
import { normaliseWord } from '../../src/core/search/index.js';
import { createSearchFilter } from '../../src/ui/adapters.js';
import { fixturePapers } from '../core/search-db.js';
import * as YAML from 'yaml';

const papers = fixturePapers('corpora/arxiv-mailing-2.txt', 'corpora/arxiv-mailing-3.txt');
const snapshot: Snapshot = { papers, decisions: new Map(), latestDigest: papers[papers.length - 1]!.sightings[0]!.digest };
const surnames = (p: (typeof papers)[number]) => p.authors.map((a) => normaliseWord(a.split(/\s+/).pop() ?? ''));

const RULES = `
- {query: 'author:Meneghetti | author:"${papers.flatMap((p) => p.authors).find((a) => /Meneghetti/.test(a)) ?? 'x'}"', tags: [follow]}
- {query: 'cat:astro-ph.CO!', tags: [follow, cosmology]}
- {query: '@watch', tags: [watched]}
`;

describe('watch lists as rules', () => {
  const parsed = parseRules(YAML, RULES, 'rules.yaml', { today: '2025-07-01', searches: { watch: 'cat:math.OA -cat:math.OA!' } });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const changes = applyRules(parsed.rules, papers, snapshot, queryMatcher(snapshot));
  const tagged = (tag: string) => changes.filter((c) => c.add.includes(tag)).map((c) => c.id).sort();

  it('tags +follow everything by the authors and in the primary category', () => {
    const expected = papers.filter((p) => surnames(p).includes('meneghetti') || p.categories[0] === 'astro-ph.CO').map((p) => p.id).sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(tagged('follow')).toEqual(expected);
    expect(tagged('cosmology')).toEqual(papers.filter((p) => p.categories[0] === 'astro-ph.CO').map((p) => p.id).sort());
  });

  it('a rule can be a saved search', () => {
    expect(tagged('watched')).toEqual(papers.filter((p) => p.categories.includes('math.OA') && p.categories[0] !== 'math.OA').map((p) => p.id).sort());
  });

  it('each rule tags what papers search finds for its query', () => {
    for (const [r, rule] of parsed.rules.entries()) {
      const found = searchSnapshot(snapshot, rule.compiled).hits.map((h) => h.paper.id).sort();
      expect(changes.filter((c) => c.rules.includes(r)).map((c) => c.id).sort()).toEqual(found);
    }
  });
});

describe('the UI filter over the library database', () => {
  it('runs @name with the search the CLI passes in', () => {
    const search = { run: (query: Parameters<typeof searchSnapshot>[1], s: Snapshot) => searchSnapshot(s, query) };
    const filter = createSearchFilter(search, { today: '2025-07-01', searches: { cosmo: 'cat:astro-ph.CO' } });
    const outcome = filter('@cosmo', snapshot);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.hits.map((h) => papers[h.index]!.id).sort()).toEqual(papers.filter((p) => p.categories.includes('astro-ph.CO')).map((p) => p.id).sort());
    expect(filter('since:7d', snapshot).ok).toBe(true);
  });
});
