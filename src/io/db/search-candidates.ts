// Which matches of a query the scorer ranks when there are too many to rank them all. bm25 over
// every match was both slow (it scores each of them: half the library for a common word) and a
// poor guide to the scorer's order (it favours short texts; the scorer does not look at length).
// Instead the matches are taken tier by tier, following the scorer's weights: a paper with every
// query word (group) in its title is multiplied by 1.5, more when two of them stand next to each
// other there, and the word itself counts more than the words it expands to; so those papers
// come first, then papers with every group in the title by any expansion, then with some group in
// the title, then the rest. A title tier is read newest first, without bm25, and all it gives is
// ranked by the scorer itself: bm25 within a tier cost as much as reading it again (FTS5 counts
// each phrase's rows over the whole index for its weights), and its order was only a guess at the
// scorer's. Only the rest, papers with the words outside their titles, are picked by bm25.
import type { Database } from 'better-sqlite3';
import type { Group, Term } from '../../core/query/index.js';
import type { Lexicon } from '../../core/search/index.js';

/** bm25 with the title above the authors above the abstract: the order beyond the title tiers. */
export const BM25 = 'bm25(papers_fts, 10.0, 5.0, 1.0)';
/** The rest, when it has more rows than this, is ordered by bm25 over its newest this many (bm25 over all of them cost a second at 1M papers). */
const RANKED_AT_MOST = 5_000;
/** Most typo spellings of a word an adjacency tier pairs with the next group's words. */
const TYPO_RUNS = 3;

/** The FTS5 expression of a text term: every word it expands to (the query's own SQL builder). */
type FtsOf = (term: Term) => string;

interface CandidateSource {
  /** `FROM ... WHERE papers_fts MATCH ?[ AND conditions]`: the query's rows, the match bound first. */
  from: string;
  /** The conditions' parameters, after the match. */
  params: readonly unknown[];
  /** The FTS5 expression of the query's words and phrases and exclusions. */
  match: string;
  /** The exclusions alone (an FTS5 expression), or null. */
  excluded: string | null;
}

/**
 * The rowids of the matches to rank: the title tiers' rows, newest first, until `count` are
 * picked (a tier gives all its rows, up to `cap` in all), then bm25's best of the rest up to `count`.
 */
export function pickCandidates(db: Database, source: CandidateSource, scoring: readonly Group[], fts: FtsOf, lexicon: Lexicon, count: number, cap: number): number[] {
  const picked: number[] = [];
  // every row of the tiers before was taken: a tier skips them (and the exclusions)
  const rows = `${source.from} AND papers_fts.rowid NOT IN (SELECT value FROM json_each(?))`;
  const run = (sql: string, expr: string, limit: number) =>
    db
      .prepare(sql)
      .pluck()
      .all(source.excluded === null ? expr : `(${expr}) NOT (${source.excluded})`, ...source.params, JSON.stringify(picked), limit) as number[];
  for (const tier of titleTiers(scoring, fts, lexicon, source.match)) {
    if (picked.length >= count) return picked;
    picked.push(...run(`SELECT papers_fts.rowid ${rows} ORDER BY papers_fts.rowid DESC LIMIT ?`, tier, cap - picked.length));
  }
  if (picked.length >= count) return picked;
  // One pass over the rest's newest RANKED_AT_MOST rows (all of them when it has fewer), the best by bm25.
  const best = `SELECT rowid FROM (SELECT papers_fts.rowid AS rowid, ${BM25} AS score ${rows} ORDER BY papers_fts.rowid DESC LIMIT ${RANKED_AT_MOST}) ORDER BY score, rowid LIMIT ?`;
  picked.push(...run(best, source.match, count - picked.length));
  return picked;
}

/** The tiers before the rest, each containing the one before it. */
function titleTiers(scoring: readonly Group[], fts: FtsOf, lexicon: Lexicon, match: string): string[] {
  const tiers: string[] = [];
  const titled = scoring.map((g) => orOf(g.clauses.filter((c) => inTitle(c.term)).map((c) => fts({ ...c.term, field: 'title' } as Term)).filter((e) => !e.includes('()'))));
  const some = titled.filter((e) => e !== null);
  if (some.length === 0) return tiers;
  if (some.length === titled.length) {
    // Every group in the title implies the match (each title expression is one of its group's
    // clauses, in one of its fields), so this tier needs no other filter: one more would cost
    // another pass over the doclists of the words. A tier whose expression does not imply the
    // match has it joined in.
    const all = andOf(some);
    const pairs: string[] = [];
    for (let g = 0; g + 1 < scoring.length; g++) {
      for (const left of runsOf(scoring[g]!, lexicon)) for (const right of runsOf(scoring[g + 1]!, lexicon)) pairs.push(`{title}: (${[...left, ...right].join(' + ')})`);
    }
    // Of two groups, an adjacent pair in the title has both there: the title filters of `all`
    // would only cost another pass over their doclists.
    const adjacent = pairs.length === 0 ? null : `(${scoring.length === 2 ? match : all}) AND (${pairs.join(' OR ')})`;
    if (adjacent) tiers.push(adjacent);
    const primaries = scoring.map((g) => g.clauses.filter((c) => inTitle(c.term)).flatMap((c) => primaryOf(c.term, lexicon) ?? []));
    if (primaries.every((p) => p.length > 0)) {
      const own = andOf(primaries.flatMap((clauses) => [orOf(clauses.map((p) => p.title)), orOf(clauses.map((p) => p.elsewhere))]));
      tiers.push(adjacent ? `(${own}) OR (${adjacent})` : own);
    }
    tiers.push(all);
    if (some.length === 1) return tiers;
  }
  tiers.push(`(${match}) AND (${orOf(some)})`);
  return tiers;
}

const BESIDES_TITLE = { any: '{authors abstract}', title: '{title}', abstract: '{abstract}' } as const;
const inTitle = (t: Term) => (t.kind === 'word' || t.kind === 'phrase') && t.field !== 'abstract';

interface Primary {
  /** In the title. */
  title: string;
  /** In the other fields the term looks in (all but the title, unless it looks only there). */
  elsewhere: string;
}

/** A term by its best words only: the word itself when the library has it, else its closest expansions; null when it has none. */
function primaryOf(term: Term, lexicon: Lexicon): Primary | null {
  if (term.kind === 'phrase') return { title: `{title}: ${quote(term.words.join(' '))}`, elsewhere: `${BESIDES_TITLE[term.field]}: ${quote(term.words.join(' '))}` };
  if (term.kind !== 'word') throw new Error(`not a text term: ${term.kind}`);
  const e = lexicon.expand(term.word, term.mode);
  const best = e.words.filter((_, i) => e.quality[i] === e.quality[0]);
  if (best.length === 0) return null;
  const alternatives = best.map(quote).join(' OR ');
  return { title: `{title}: (${alternatives})`, elsewhere: `${BESIDES_TITLE[term.field]}: (${alternatives})` };
}

/**
 * The runs of FTS5 tokens a group's match in the title can be, for adjacency: a word as a prefix
 * token when it expands to the words it begins (else itself), plus its best typo spellings; a
 * phrase's words.
 */
function runsOf(group: Group, lexicon: Lexicon): string[][] {
  const runs: string[][] = [];
  for (const { term } of group.clauses) {
    if (term.kind === 'phrase' && term.field !== 'abstract') runs.push(term.words.map(quote));
    if (term.kind !== 'word' || term.field === 'abstract') continue;
    const e = lexicon.expand(term.word, term.mode);
    const begun = e.words.some((w) => w !== term.word && w.startsWith(term.word));
    if (begun || e.words.includes(term.word)) runs.push([`${quote(term.word)}${begun ? ' *' : ''}`]);
    for (const w of e.words.filter((w) => !w.startsWith(term.word)).slice(0, TYPO_RUNS)) runs.push([quote(w)]);
  }
  return runs;
}

/** FTS5 column filters of the query's text fields. */
export const COLUMNS = { any: '{title authors abstract}', title: '{title}', abstract: '{abstract}' } as const;
export const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
const orOf = (exprs: readonly string[]) => (exprs.length === 0 ? null : exprs.map((e) => `(${e})`).join(' OR '));
const andOf = (exprs: ReadonlyArray<string | null>) => exprs.map((e) => `(${e})`).join(' AND ');
