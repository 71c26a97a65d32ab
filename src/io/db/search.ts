// A parsed query run over the library database. Every clause becomes SQL: words and phrases an FTS5
// MATCH over the words they expand to (typos and prefixes from search_terms), excluded words a NOT
// in that MATCH, the other fields conditions on the papers row, tags the ids the decisions give.
// Up to RANK_ALL matches are all ranked; of more, CANDIDATES picked by search-candidates.ts. Only
// their title, authors and abstract are read, and the pure scorer of core/search ranks them and
// later highlights the hits.
import { hasTag } from '../../core/tags.js';
import type { Database } from 'better-sqlite3';
import { decisionsOver, idsInTables, isTableDecisions, type DecisionsWith } from './decision-table.js';
import type { Decision } from '../../core/library.js';
import type { Clause, Group, Query, Term } from '../../core/query/index.js';
import { buildSearchIndex, lexiconOf, planQuery, searchDocs, words, type Lexicon, type Results } from '../../core/search/index.js';
import { databaseVocabulary, refreshSearchTerms } from './search-terms.js';
import { BM25, COLUMNS, pickCandidates, quote } from './search-candidates.js';

export interface DbSearchOptions {
  /** Return at most this many hits (the best ones); `total` still counts every match. */
  limit?: number;
  /** Only these papers (by id) can match, e.g. the ones an import just added (the rules). */
  within?: readonly string[];
}

export interface DbHit {
  seq: number;
  id: string;
  /** Higher is better; only comparable within one query. 0 when the query has no words. */
  score: number;
}

export type DbResults = Results<DbHit>;

/** Up to this many matches are all ranked by the scorer. */
const RANK_ALL = 1000;
/** Matches are counted up to this many; a query that matches more says "more than" this. */
const COUNTED_AT_MOST = 10_000;
/** Of more matches, the scorer ranks at least this many, picked tier by tier (search-candidates.ts); beyond them, bm25's order stands. */
const CANDIDATES = 300;
/** and at most this many: every row of the title tiers it takes, up to this. */
const CANDIDATES_AT_MOST = 600;
/** A word beginning more words than this matches them as an FTS prefix query rather than one by one. */
const LISTED_PREFIXES = 64;

const registered = new WeakSet<Database>();

export function searchDatabase(db: Database, query: Query, decisions: ReadonlyMap<string, Decision>, options: DbSearchOptions = {}): DbResults {
  refreshSearchTerms(db);
  if (!registered.has(db)) {
    db.function('papers_words', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? words(text).join(' ') : ''));
    registered.add(db);
  }
  const lexicon = lexiconOf(databaseVocabulary(db));
  const sql = new SqlBuilder(lexicon, decisionsOver(db, decisions));
  const scoring = query.groups.filter(isScoring);
  // Exclusions of words, phrases and authors go into the FTS expression (NOT) when something is scored.
  const exclusions = scoring.length === 0 ? [] : query.groups.filter(isExclusion);
  const others = query.groups.filter((g) => !isScoring(g) && !exclusions.includes(g));
  const conditions = others.map((g) => sql.group(g));
  if (options.within) conditions.push(`p.id IN (SELECT value FROM json_each(${sql.bind(JSON.stringify(options.within))}))`);
  const where = conditions.length === 0 ? '1' : conditions.join(' AND ');
  const limit = options.limit ?? Number.MAX_SAFE_INTEGER;

  if (scoring.length === 0) {
    const total = db.prepare(`SELECT count(*) FROM papers p WHERE ${where}`).pluck().get(...sql.params) as number;
    const rows = db.prepare(`SELECT seq, id FROM papers p WHERE ${where} ORDER BY seq LIMIT ?`).all(...sql.params, Math.min(limit, total)) as Array<{ seq: number; id: string }>;
    return { total, hits: rows.map((r) => ({ ...r, score: 0 })), plan: planQuery(buildSearchIndex([]), query, lexicon) };
  }

  const positive = scoring.map((g) => `(${g.clauses.map((c) => sql.fts(c.term)).join(' OR ')})`).join(' AND ');
  if (positive.includes('()')) return { total: 0, hits: [], plan: planQuery(buildSearchIndex([]), query, lexicon) };
  const excluded = exclusions.flatMap((g) => {
    const exprs = g.clauses.map((c) => sql.fts(c.term));
    // a clause that matches nothing excludes nothing, and the group then holds for every paper
    return exprs.some((e) => e.includes('()')) ? [] : [exprs.map((e) => `(${e})`).join(' AND ')];
  });
  const exclusion = excluded.length === 0 ? null : excluded.map((e) => `(${e})`).join(' OR ');
  const match = exclusion === null ? positive : `(${positive}) NOT (${exclusion})`;
  // Without other conditions the papers table is not joined: a common word matches half the library.
  const from = where === '1' ? 'FROM papers_fts WHERE papers_fts MATCH ?' : `FROM papers_fts JOIN papers p ON p.seq = papers_fts.rowid WHERE papers_fts MATCH ? AND ${where}`;
  // Counting half a large library would cost more than ranking it: past COUNTED_AT_MOST the count
  // stops. The rows counted are read in the same pass; up to RANK_ALL of them are all ranked.
  const first = db.prepare(`SELECT papers_fts.rowid ${from} LIMIT ?`).pluck().all(match, ...sql.params, COUNTED_AT_MOST + 1) as number[];
  const total = Math.min(first.length, COUNTED_AT_MOST);
  const atLeast = first.length > COUNTED_AT_MOST ? { totalAtLeast: true as const } : {};
  const picked = total <= RANK_ALL ? first : pickCandidates(db, { from, params: sql.params, match, excluded: exclusion }, scoring, (t) => sql.fts(t), lexicon, CANDIDATES, CANDIDATES_AT_MOST);
  const candidates = db
    .prepare("SELECT p.seq, p.id, p.title, p.authors, coalesce(a.abstract, '') AS abstract FROM papers p LEFT JOIN abstracts a ON a.seq = p.seq WHERE p.seq IN (SELECT value FROM json_each(?)) ORDER BY p.seq")
    .all(JSON.stringify(picked)) as Array<{ seq: number; id: string; title: string; authors: string; abstract: string }>;
  // Only the query's words are indexed: the others keep their positions but cost no posting list.
  const index = buildSearchIndex(
    candidates.map((r) => ({ id: r.id, title: r.title, abstract: r.abstract, authors: r.authors === '' ? [] : r.authors.split('\n') })),
    queryWords(query, lexicon),
  );
  const docRank = Int32Array.from(candidates.keys());
  const ranked = searchDocs(index, { text: query.text, groups: scoring }, { docRank, decisions, factsAt: () => noFacts() }, { limit }, lexicon);
  const hits = ranked.hits.map((h) => ({ seq: candidates[h.rank]!.seq, id: candidates[h.rank]!.id, score: h.score }));
  if (hits.length < limit && total > picked.length) {
    // beyond the candidates, bm25's order stands
    const rest = db
      .prepare(`SELECT papers_fts.rowid ${from} AND papers_fts.rowid NOT IN (SELECT value FROM json_each(?)) ORDER BY ${BM25}, papers_fts.rowid LIMIT ?`)
      .pluck()
      .all(match, ...sql.params, JSON.stringify(picked), limit === Number.MAX_SAFE_INTEGER ? -1 : limit - hits.length) as number[];
    const idOf = db.prepare('SELECT seq, id FROM papers WHERE seq IN (SELECT value FROM json_each(?))').all(JSON.stringify(rest)) as Array<{ seq: number; id: string }>;
    const ids = new Map(idOf.map((r) => [r.seq, r.id]));
    for (const seq of rest) hits.push({ seq, id: ids.get(seq)!, score: 0 });
  }
  return { total, ...atLeast, hits, plan: planQuery(index, query, lexicon) };
}

/** Every word the query's words and phrases stand for: all the candidates' index needs. */
function queryWords(query: Query, lexicon: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const g of query.groups) {
    for (const { term } of g.clauses) {
      if (term.kind === 'word') for (const w of lexicon.expand(term.word, term.mode).words) out.add(w);
      else if (term.kind === 'phrase') for (const w of term.words) out.add(w);
    }
  }
  return out;
}

function noFacts(): never {
  throw new Error('ranking candidates needs no facts: their filters ran in SQL');
}

const isText = (t: Term) => t.kind === 'word' || t.kind === 'phrase';
/** Groups of positive words and phrases: they find candidates and score them. */
const isScoring = (g: Group) => g.clauses.every((c) => isText(c.term) && !c.negated);
/** Groups of negated words, phrases and authors: the FTS expression can exclude their papers. */
const isExclusion = (g: Group) => g.clauses.every((c) => c.negated && (isText(c.term) || c.term.kind === 'author'));

/** Binds a value to the statement being built; returns its placeholder. */
export type Bind = (value: unknown) => string;

/** SQL true for the papers (as p) carrying the tag: new, seen, untriaged as the library defines them, else the user's tag in any case. */
export function tagCondition(tag: string, decisions: ReadonlyMap<string, Decision>, bind: Bind): string {
  // a command's first digest has no run of its own: the run is its hash (as latestRun and firstRun say)
  if (tag === 'new') return '(p.first_digest IN (SELECT seq FROM digests WHERE coalesce(run, hash) = (SELECT coalesce(run, hash) FROM digests ORDER BY seq DESC LIMIT 1)))';
  if (tag === 'seen') return '(p.digest_count > 1)';
  if (tag === 'untriaged') return `(p.id NOT IN ${taggedIds(decisions, bind)})`;
  return `(p.id IN ${idsOf(decisions, { tag }, bind)})`;
}

/** The ids of the papers the user gave a tag (those not untriaged, if in the library), as a SQL row set. */
export function taggedIds(decisions: ReadonlyMap<string, Decision>, bind: Bind): string {
  return idsOf(decisions, 'tagged', bind);
}

/** The ids of the decisions with the tag, with any tag, or with a note, as a SQL row set: the tables' own query when they hold the decisions. */
function idsOf(decisions: ReadonlyMap<string, Decision>, which: DecisionsWith, bind: Bind): string {
  if (isTableDecisions(decisions)) return idsInTables(which, bind);
  const keep = which === 'tagged' ? (d: Decision) => Object.keys(d.tags).length > 0 : which === 'noted' ? (d: Decision) => d.note !== null : (d: Decision) => hasTag(Object.keys(d.tags), which.tag);
  const ids: string[] = [];
  for (const [id, d] of decisions) if (keep(d)) ids.push(id);
  return `(SELECT value FROM json_each(${bind(JSON.stringify(ids))}))`;
}

class SqlBuilder {
  readonly params: unknown[] = [];
  constructor(
    private readonly lexicon: Lexicon,
    private readonly decisions: ReadonlyMap<string, Decision>,
  ) {}

  group(g: Group): string {
    return `(${g.clauses.map((c) => this.clause(c)).join(' OR ')})`;
  }

  where(q: Query): string {
    return q.groups.length === 0 ? '1' : q.groups.map((g) => this.group(g)).join(' AND ');
  }

  /** An FTS5 expression for a word or phrase term; "()" when it can match nothing. */
  fts(term: Term): string {
    if (term.kind === 'word') return `${COLUMNS[term.field]}: (${this.wordAlternatives(term.word, term.mode)})`;
    if (term.kind === 'phrase') return `${COLUMNS[term.field]}: ${quote(term.words.join(' '))}`;
    if (term.kind === 'author') return term.words.length === 1 ? `{authors}: (${this.wordAlternatives(term.words[0]!, term.mode)})` : `{authors}: ${quote(term.words.join(' '))}`;
    throw new Error(`not a text term: ${term.kind}`);
  }

  private wordAlternatives(word: string, mode: Parameters<Lexicon['expand']>[1]): string {
    const e = this.lexicon.expand(word, mode);
    const prefixes = e.words.filter((w) => w.startsWith(word) && w !== word).length;
    if (e.truncated || prefixes > LISTED_PREFIXES) return [`${quote(word)}*`, ...e.words.filter((w) => !w.startsWith(word))].join(' OR ');
    return e.words.map(quote).join(' OR ');
  }

  param(value: unknown): string {
    this.params.push(value);
    return '?';
  }

  readonly bind: Bind = (value) => this.param(value);


  private clause(c: Clause): string {
    const sql = this.term(c.term);
    return c.negated ? `NOT ${sql}` : sql;
  }

  private term(t: Term): string {
    switch (t.kind) {
      case 'word':
      case 'phrase':
      case 'author': {
        const expr = this.fts(t);
        if (expr.includes('()')) return '(0)';
        return `(p.seq IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ${this.param(expr)}))`;
      }
      case 'tag':
        return tagCondition(t.tag, this.decisions, this.bind);
      case 'id': {
        const pattern = `${t.prefix.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        const like = () => `LIKE ${this.param(pattern)} ESCAPE '\\'`;
        return `(p.id ${like()} OR coalesce(p.arxiv_id ${like()}, 0) OR EXISTS (SELECT 1 FROM aliases a WHERE a.id = p.id AND a.alias ${like()}))`;
      }
      case 'since':
        return `coalesce(p.last_seen >= ${this.param(t.date)}, 0)`;
      case 'until':
        return `coalesce(p.first_seen <= ${this.param(t.date)}, 0)`;
      case 'has':
        switch (t.what) {
          case 'code':
          case 'project':
          case 'dataset':
            return `(p.has_${t.what} <> 0)`;
          case 'abstract':
            return '(p.has_abstract <> 0)';
          case 'authors':
            return "(p.authors <> '')";
          case 'note':
            return `(p.id IN ${idsOf(this.decisions, 'noted', this.bind)})`;
        }
      case 'cat': {
        const primary = "lower(substr(p.categories || ' ', 1, instr(p.categories || ' ', ' ') - 1))";
        if (t.primary) return t.archive ? `(${primary} = ${this.param(t.cat)} OR ${primary} LIKE ${this.param(t.cat)} || '.%')` : `(${primary} = ${this.param(t.cat)})`;
        const all = "(' ' || lower(p.categories) || ' ')";
        return t.archive ? `(instr(${all}, ' ' || ${this.param(t.cat)} || ' ') > 0 OR instr(${all}, ' ' || ${this.param(t.cat)} || '.') > 0)` : `(instr(${all}, ' ' || ${this.param(t.cat)} || ' ') > 0)`;
      }
      case 'upvotes':
        return `coalesce(p.upvotes ${t.op === '=' ? '=' : t.op} ${this.param(t.value)}, 0)`;
      case 'venue':
        return `(instr(' ' || papers_words(p.venue) || ' ', ${this.param(` ${t.words.join(' ')} `)}) > 0)`;
      case 'saved':
        return `(${this.where(t.query)})`;
    }
  }
}
