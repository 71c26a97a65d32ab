// Runs a compiled query over the index and a library snapshot: candidates from the postings of the
// query's words (and their typo / prefix expansions), intersected group by group, filtered by the
// other clauses, scored, ranked. Per query it allocates little beyond the hits it returns: the
// per-paper scratch arrays live with the index and are reused.
import type { Clause, Query, Term, TextField, WordMode } from '../query/ast.js';
import type { Decision, LibraryPaper } from '../library.js';
import { compare, containsRun, inCategory, paperFacts, type PaperFacts } from './facts.js';
import { addToIndex, docCount, IN_AUTHORS, IN_TITLE, POSTING_DOC, textHash, TF, type IndexablePaper, type SearchIndex } from './inverted-index.js';
import { indexVocabulary } from './index-vocabulary.js';
import { expandWord, type Expansion, type Vocabulary } from './vocabulary.js';
import { tagKey } from '../tags.js';

/** What a search needs of the library: a Snapshot fits. */
export interface SearchSource {
  papers: readonly LibraryPaper[];
  decisions: ReadonlyMap<string, Decision>;
  latestDigest: string | null;
}

export interface SearchOptions {
  /** Return at most this many hits (the best ones); `total` still counts every match. */
  limit?: number;
}

export interface SearchHit {
  paper: LibraryPaper;
  /** Higher is better; only comparable within one query. 0 when the query has no words. */
  score: number;
}

/** A query's results, whatever a hit is (a paper, a library position, a database row). */
export interface Results<Hit> {
  /** How many papers match; with `totalAtLeast`, at least that many (the count stopped there). */
  total: number;
  totalAtLeast?: true;
  /** Best first; ties (and queries without words) in library order. */
  hits: Hit[];
  /** The plan that produced the hits, for matchDetails (highlighting and snippets). */
  plan: QueryPlan;
}

export type SearchResults = Results<SearchHit>;

/**
 * A library seen through the index only: which docs are its papers (docRank[d], the paper's
 * position in library order, or -1), and their facts for the filters. Lets a search run without
 * the papers themselves (searchDocs).
 */
export interface DocView {
  docRank: Int32Array;
  /** Facts of the paper at library position `rank`. */
  factsAt(rank: number): PaperFacts;
  decisions: ReadonlyMap<string, Decision>;
}

export interface DocHit {
  /** Library position of the paper. */
  rank: number;
  score: number;
}

export type DocResults = Results<DocHit>;

// Scoring: a word in the title is worth TITLE, in the abstract ABSTRACT x a saturating term
// frequency; times the word's idf and the expansion's quality (exact 1, prefix < 0.9, typo < 0.6).
const TITLE = 1;
/** A bare word among the authors: below the title, above the abstract. */
const AUTHOR = 0.75;
const ABSTRACT = 0.4;
const SATURATION = [0, 1, 1.33, 1.5, 1.6, 1.67, 1.71, 1.75];
const PHRASE = 1.2;
/** Every word group matched in the title. */
const ALL_IN_TITLE = 1.5;
/** Up to this factor more when the query's words stand next to each other, in order, in the title. */
const TITLE_ADJACENT = 0.5;

interface WordPlan {
  kind: 'word';
  field: TextField;
  expansion: Expansion;
  /** The expansion's words that this index holds, as term ids, best first. */
  terms: number[];
  /** term id -> quality */
  quality: Map<number, number>;
  /** One idf for the query word, from all the words it stands for: a rare variant ("attentions") must not outweigh the word itself. */
  idf: number;
}

interface PhrasePlan {
  kind: 'phrase';
  field: TextField;
  /** null when a word of the phrase is in no paper: the phrase matches nothing. */
  termIds: number[] | null;
  /** The phrase's worth: the idf of its words, times PHRASE. */
  weight: number;
}

export type TextPlan = WordPlan | PhrasePlan;

interface ClausePlan {
  clause: Clause;
  text: TextPlan | null;
  /** author: with one word: the vocabulary words it stands for. */
  authorWords?: ReadonlySet<string>;
  /** A saved search's matches (library ranks), worked out on first need. */
  savedRanks?: Set<number>;
  lexicon?: Lexicon;
}

export interface QueryPlan {
  index: SearchIndex;
  /** Where words are expanded (typos, prefixes) and idf counted: the index itself, or the library database. */
  lexicon: Lexicon;
  /** Groups of positive word/phrase clauses only: they find and score candidates. */
  scoring: TextPlan[][];
  /** The other groups: kept or dropped per candidate. */
  filters: ClausePlan[][];
}

function isText(term: Term): term is Extract<Term, { kind: 'word' | 'phrase' }> {
  return term.kind === 'word' || term.kind === 'phrase';
}

/** A vocabulary with its expansions remembered (a query, or the UI's queries keystroke after keystroke, repeat words). */
export interface Lexicon {
  vocab: Vocabulary;
  expand(word: string, mode: WordMode): Expansion;
}

export function lexiconOf(vocab: Vocabulary): Lexicon {
  const memo = new Map<string, Expansion>();
  return {
    vocab,
    expand(word, mode) {
      const key = `${mode}\u0000${word}`;
      let e = memo.get(key);
      if (!e) {
        if (memo.size > 2000) memo.clear();
        memo.set(key, (e = expandWord(vocab, word, mode)));
      }
      return e;
    },
  };
}

/** The in-memory index's own lexicon, kept across queries until the index changes. */
function indexLexicon(index: SearchIndex): Lexicon {
  const cached = index.derived.get('lexicon') as { generation: number; lexicon: Lexicon } | undefined;
  if (cached && cached.generation === index.generation) return cached.lexicon;
  const lexicon = lexiconOf(indexVocabulary(index));
  index.derived.set('lexicon', { generation: index.generation, lexicon });
  return lexicon;
}

const idfOf = (size: number, docs: number) => Math.log(1 + size / Math.max(1, Math.min(docs, size)));

export function planQuery(index: SearchIndex, query: Query, lexicon: Lexicon = indexLexicon(index)): QueryPlan {
  const scoring: TextPlan[][] = [];
  const filters: ClausePlan[][] = [];
  for (const group of query.groups) {
    const plans = group.clauses.map((clause): ClausePlan => {
      const term = clause.term;
      if (isText(term)) return { clause, text: planText(index, lexicon, term) };
      if (term.kind === 'author' && term.words.length === 1) return { clause, text: null, authorWords: new Set(lexicon.expand(term.words[0]!, term.mode).words) };
      return { clause, text: null, lexicon };
    });
    if (plans.every((p) => p.text !== null && !p.clause.negated)) scoring.push(plans.map((p) => p.text!));
    else filters.push(plans);
  }
  return { index, lexicon, scoring, filters };
}

function planText(index: SearchIndex, lexicon: Lexicon, term: Extract<Term, { kind: 'word' | 'phrase' }>): TextPlan {
  const size = lexicon.vocab.size;
  if (term.kind === 'word') {
    const expansion = lexicon.expand(term.word, term.mode);
    const quality = new Map<number, number>();
    const terms: number[] = [];
    expansion.words.forEach((w, i) => {
      const t = index.termIds.get(w);
      if (t === undefined || quality.has(t)) return;
      quality.set(t, expansion.quality[i]!);
      terms.push(t);
    });
    return { kind: 'word', field: term.field, expansion, terms, quality, idf: idfOf(size, expansion.docs) };
  }
  const ids = term.words.map((w) => index.termIds.get(w));
  const weight = PHRASE * term.words.reduce((sum, w) => sum + idfOf(size, lexicon.vocab.docs(w)), 0);
  return { kind: 'phrase', field: term.field, termIds: ids.some((t) => t === undefined) ? null : (ids as number[]), weight };
}

interface Binding {
  papers: readonly LibraryPaper[];
  generation: number;
  docPaper: Array<LibraryPaper | undefined>;
  /** -1 for docs not in `papers`. */
  docRank: Int32Array;
  /** The filters' facts of papers, by library rank, computed on first need. */
  facts?: { latestDigest: string | null; byRank: Map<number, PaperFacts> };
}

const hashMemo = new WeakMap<object, number>();
/** textHash, remembered per paper object (snapshots share unchanged paper objects). */
export function paperHash(paper: IndexablePaper): number {
  let h = hashMemo.get(paper);
  if (h === undefined) hashMemo.set(paper, (h = textHash(paper)));
  return h;
}

/** Maps docs to the snapshot's papers, indexing any paper the index lacks (or whose text changed). */
function bind(index: SearchIndex, papers: readonly LibraryPaper[]): Binding {
  const cached = index.derived.get('binding') as Binding | undefined;
  if (cached && cached.papers === papers && cached.generation === index.generation) return cached;
  addToIndex(index, papers, papers.map(paperHash));
  const n = docCount(index);
  const docPaper = new Array<LibraryPaper | undefined>(n).fill(undefined);
  const docRank = new Int32Array(n).fill(-1);
  papers.forEach((p, rank) => {
    const d = index.docById.get(p.id);
    if (d !== undefined && docPaper[d] === undefined) {
      docPaper[d] = p;
      docRank[d] = rank;
    }
  });
  const binding = { papers, generation: index.generation, docPaper, docRank };
  index.derived.set('binding', binding);
  return binding;
}

interface Scratch {
  size: number;
  epoch: number;
  mark: Int32Array;
  groupMark: Int32Array;
  score: Float64Array;
  best: Float64Array;
  bestTitle: Uint8Array;
  titleGroups: Int32Array;
  a: Int32Array;
  b: Int32Array;
}

function scratch(index: SearchIndex): Scratch {
  const n = docCount(index);
  let s = index.derived.get('scratch') as Scratch | undefined;
  if (!s || s.size < n || s.epoch > 0x3fffffff) {
    const size = Math.max(n, 64);
    s = {
      size,
      epoch: 0,
      mark: new Int32Array(size),
      groupMark: new Int32Array(size),
      score: new Float64Array(size),
      best: new Float64Array(size),
      bestTitle: new Uint8Array(size),
      titleGroups: new Int32Array(size),
      a: new Int32Array(size),
      b: new Int32Array(size),
    };
    index.derived.set('scratch', s);
  }
  return s;
}

/** Searches `source`'s papers; papers missing from the index are added to it first. */
export function searchPapers(index: SearchIndex, query: Query, source: SearchSource, options: SearchOptions = {}): SearchResults {
  const binding = bind(index, source.papers);
  // Facts are kept with the binding (the same papers array), so a session's queries compute each once.
  if (!binding.facts || binding.facts.latestDigest !== source.latestDigest) binding.facts = { latestDigest: source.latestDigest, byRank: new Map() };
  const memo = binding.facts.byRank;
  const view: DocView = {
    docRank: binding.docRank,
    decisions: source.decisions,
    factsAt(rank) {
      let f = memo.get(rank);
      if (!f) memo.set(rank, (f = paperFacts(source.papers[rank]!, source.latestDigest)));
      return f;
    },
  };
  const results = searchDocs(index, query, view, options);
  return { total: results.total, hits: results.hits.map((h) => ({ paper: source.papers[h.rank]!, score: h.score })), plan: results.plan };
}

/**
 * The search itself, over an index that already holds every paper of the view with its current
 * text (searchPapers makes sure of it; a caller of this one must know it).
 */
export function searchDocs(index: SearchIndex, query: Query, view: DocView, options: SearchOptions = {}, lexicon?: Lexicon): DocResults {
  const plan = planQuery(index, query, lexicon);
  const s = scratch(index);
  const n = docCount(index);
  const binding = { docRank: view.docRank };
  const docRank = view.docRank;

  let count = 0;
  let list = s.a;
  let spare = s.b;
  const scored = plan.scoring.length > 0;
  if (scored) {
    const order = plan.scoring.map((g, i) => ({ g, i, cost: groupCost(index, g) })).sort((x, y) => x.cost - y.cost);
    const base = s.epoch + 1;
    s.epoch += order.length + 1;
    order.forEach(({ g }, step) => {
      count = runGroup(index, g, step, base, s, docRank, spare);
      [list, spare] = [spare, list];
    });
  } else {
    for (let d = 0; d < n; d++) if (docRank[d]! >= 0) list[count++] = d;
  }

  if (plan.filters.length > 0) count = applyFilters(plan, list, count, view, s);

  const hits: DocHit[] = [];
  if (scored) {
    const all = plan.scoring.length;
    for (let i = 0; i < count; i++) {
      const d = list[i]!;
      if (s.titleGroups[d] === all) s.score[d] = s.score[d]! * ALL_IN_TITLE * (all > 1 ? 1 + TITLE_ADJACENT * titleAdjacency(index, d, plan.scoring) : 1);
    }
  }
  const limit = Math.min(options.limit ?? count, count);
  if (scored) {
    for (const d of topDocs(list, count, limit, s.score, binding.docRank)) hits.push({ rank: docRank[d]!, score: Math.round(s.score[d]! * 1000) / 1000 });
  } else {
    // Library order. Doc order is the same unless papers were re-indexed or the library reordered.
    const rank = binding.docRank;
    let sorted = true;
    for (let i = 1; i < count && sorted; i++) sorted = rank[list[i - 1]!]! < rank[list[i]!]!;
    const docs = sorted ? list.subarray(0, limit) : Array.from(list.subarray(0, count)).sort((x, y) => rank[x]! - rank[y]!).slice(0, limit);
    for (const d of docs) hits.push({ rank: docRank[d]!, score: 0 });
  }
  return { total: count, hits, plan };
}

function groupCost(index: SearchIndex, group: readonly TextPlan[]): number {
  let cost = 0;
  for (const p of group) {
    if (p.kind === 'word') for (const t of p.terms) cost += index.postingLen[t]!;
    else if (p.termIds) cost += Math.min(...p.termIds.map((t) => index.postingLen[t]!)) * 4;
  }
  return cost;
}

/**
 * Scores one group (an OR of word/phrase plans) over the docs that matched every earlier group
 * (mark === base + step - 1), writing the survivors to `out`. Returns their count.
 */
function runGroup(
  index: SearchIndex,
  group: readonly TextPlan[],
  step: number,
  base: number,
  s: Scratch,
  docRank: Int32Array,
  out: Int32Array,
): number {
  const want = base + step - 1;
  const gstamp = base + step;
  const { mark, groupMark, best, bestTitle } = s;
  let count = 0;
  const touch = (d: number, value: number, title: boolean) => {
    if (groupMark[d] !== gstamp) {
      groupMark[d] = gstamp;
      best[d] = value;
      bestTitle[d] = title ? 1 : 0;
      out[count++] = d;
    } else {
      if (value > best[d]!) best[d] = value;
      if (title) bestTitle[d] = 1;
    }
  };
  for (const plan of group) {
    if (plan.kind === 'word') {
      const { terms, quality } = plan;
      const useTitle = plan.field !== 'abstract';
      const useAbstract = plan.field !== 'title';
      const useAuthors = plan.field === 'any';
      for (let k = 0; k < terms.length; k++) {
        const t = terms[k]!;
        const postings = index.postings[t]!;
        const len = index.postingLen[t]!;
        const weight = quality.get(t)! * plan.idf;
        for (let i = 0; i < len; i++) {
          const e = postings[i]!;
          const d = e >> POSTING_DOC;
          if (step > 0 ? mark[d] !== want : docRank[d]! < 0) continue;
          const inTitle = useTitle && (e & IN_TITLE) !== 0;
          const inAuthors = useAuthors && (e & IN_AUTHORS) !== 0;
          const tf = useAbstract ? e & TF : 0;
          if (!inTitle && !inAuthors && tf === 0) continue;
          touch(d, weight * ((inTitle ? TITLE : 0) + (inAuthors ? AUTHOR : 0) + ABSTRACT * SATURATION[tf]!), inTitle);
        }
      }
    } else if (plan.termIds) {
      const ids = plan.termIds;
      let rarest = ids[0]!;
      for (const t of ids) if (index.postingLen[t]! < index.postingLen[rarest]!) rarest = t;
      const weight = plan.weight;
      const postings = index.postings[rarest]!;
      const len = index.postingLen[rarest]!;
      // Walk the other words' postings alongside (all sorted by doc): only docs having every
      // word of the phrase get their words scanned for adjacency.
      const others = [...new Set(ids)].filter((t) => t !== rarest);
      const cursor = new Int32Array(others.length);
      docs: for (let i = 0; i < len; i++) {
        const d = postings[i]! >> POSTING_DOC;
        if (step > 0 ? mark[d] !== want : docRank[d]! < 0) continue;
        for (let k = 0; k < others.length; k++) {
          const list = index.postings[others[k]!]!;
          const n = index.postingLen[others[k]!]!;
          let c = cursor[k]!;
          while (c < n && list[c]! >> POSTING_DOC < d) c++;
          cursor[k] = c;
          if (c >= n || list[c]! >> POSTING_DOC !== d) continue docs;
        }
        const where = phraseIn(index, d, ids, plan.field);
        if (where === 0) continue;
        const inTitle = (where & 1) !== 0;
        touch(d, weight * ((inTitle ? TITLE : 0) + ((where & 2) !== 0 ? ABSTRACT : 0)), inTitle);
      }
    }
  }
  for (let i = 0; i < count; i++) {
    const d = out[i]!;
    mark[d] = gstamp;
    if (step === 0) {
      s.score[d] = best[d]!;
      s.titleGroups[d] = bestTitle[d]!;
    } else {
      s.score[d] = s.score[d]! + best[d]!;
      s.titleGroups[d] = s.titleGroups[d]! + bestTitle[d]!;
    }
  }
  return count;
}

/** Where the phrase occurs in doc d: bit 1 the title, bit 2 the abstract; 0 nowhere. */
function phraseIn(index: SearchIndex, d: number, ids: readonly number[], field: TextField): number {
  const start = index.docStart[d]!;
  const titleEnd = start + index.titleLen[d]!;
  const end = titleEnd + index.abstractLen[d]!;
  let where = 0;
  if (field !== 'abstract' && runAt(index.tokens, start, titleEnd, ids)) where |= 1;
  if (field !== 'title' && runAt(index.tokens, titleEnd, end, ids)) where |= 2;
  return where;
}

function runAt(tokens: Uint32Array, from: number, to: number, ids: readonly number[]): boolean {
  const first = ids[0]!;
  const last = to - ids.length;
  outer: for (let p = from; p <= last; p++) {
    if (tokens[p] !== first) continue;
    for (let j = 1; j < ids.length; j++) if (tokens[p + j] !== ids[j]) continue outer;
    return true;
  }
  return false;
}

/** Share (0..1) of consecutive query groups whose matches stand next to each other, in order, in the title. */
function titleAdjacency(index: SearchIndex, d: number, groups: readonly TextPlan[][]): number {
  const start = index.docStart[d]!;
  const end = start + index.titleLen[d]!;
  let pairs = 0;
  for (let g = 0; g + 1 < groups.length; g++) {
    for (let p = start; p + 1 < end; p++) {
      if (endsMatch(index, p, groups[g]!, 'end', start, end) && endsMatch(index, p + 1, groups[g + 1]!, 'start', start, end)) {
        pairs++;
        break;
      }
    }
  }
  return pairs / (groups.length - 1);
}

/** Whether a match of the group ends (or starts) at title position p. */
function endsMatch(index: SearchIndex, p: number, group: readonly TextPlan[], side: 'start' | 'end', start: number, end: number): boolean {
  const t = index.tokens[p]!;
  for (const plan of group) {
    if (plan.kind === 'word') {
      if (plan.field !== 'abstract' && plan.quality.has(t)) return true;
    } else if (plan.termIds && plan.field !== 'abstract') {
      const ids = plan.termIds;
      const from = side === 'start' ? p : p - ids.length + 1;
      if (from >= start && from + ids.length <= end && runAt(index.tokens, from, from + ids.length, ids)) return true;
    }
  }
  return false;
}

function applyFilters(plan: QueryPlan, list: Int32Array, count: number, view: DocView, s: Scratch): number {
  const { index } = plan;
  // Word clauses among the filters: the docs containing them, marked from the postings.
  const wordDocs = new Map<ClausePlan, Uint8Array>();
  for (const group of plan.filters) {
    for (const cp of group) {
      if (cp.text?.kind !== 'word') continue;
      const docs = new Uint8Array(s.size);
      const { terms } = cp.text;
      const field = cp.text.field;
      for (const t of terms) {
        const postings = index.postings[t]!;
        const len = index.postingLen[t]!;
        for (let i = 0; i < len; i++) {
          const e = postings[i]!;
          if (field === 'title' ? (e & IN_TITLE) === 0 : field === 'abstract' ? (e & TF) === 0 : false) continue;
          docs[e >> POSTING_DOC] = 1;
        }
      }
      wordDocs.set(cp, docs);
    }
  }
  let kept = 0;
  const ctx: FilterContext = { index, view, wordDocs, d: 0, paper: null, tags: null };
  for (let i = 0; i < count; i++) {
    const d = list[i]!;
    ctx.d = d;
    ctx.paper = null; // facts only when a clause needs them: word and phrase clauses never do
    ctx.tags = null;
    let ok = true;
    for (const group of plan.filters) {
      let any = false;
      for (const cp of group) {
        if (holds(cp, ctx) !== cp.clause.negated) {
          any = true;
          break;
        }
      }
      if (!any) {
        ok = false;
        break;
      }
    }
    if (ok) list[kept++] = d;
  }
  return kept;
}

interface FilterContext {
  index: SearchIndex;
  view: DocView;
  wordDocs: Map<ClausePlan, Uint8Array>;
  d: number;
  paper: PaperFacts | null;
  /** The paper's effective tags, computed on first need. */
  tags: Set<string> | null;
}

function holds(cp: ClausePlan, ctx: FilterContext): boolean {
  const term = cp.clause.term;
  if (term.kind === 'word') return ctx.wordDocs.get(cp)![ctx.d] === 1;
  if (term.kind === 'phrase') return cp.text?.kind === 'phrase' && cp.text.termIds !== null && phraseIn(ctx.index, ctx.d, cp.text.termIds, cp.text.field) !== 0;
  const paper = (ctx.paper ??= ctx.view.factsAt(ctx.view.docRank[ctx.d]!));
  switch (term.kind) {
    case 'tag':
      ctx.tags ??= new Set(effectiveTagsOf(paper, ctx.view.decisions.get(paper.id)).map(tagKey));
      return ctx.tags.has(term.tag);
    case 'id':
      return idMatches(paper, term.prefix);
    case 'since':
      return paper.maxDay !== null && paper.maxDay >= term.date;
    case 'until':
      return paper.minDay !== null && paper.minDay <= term.date;
    case 'has':
      if (term.what === 'note') return (ctx.view.decisions.get(paper.id)?.note ?? null) !== null;
      if (term.what === 'abstract') return paper.hasAbstract;
      if (term.what === 'authors') return paper.authors.length > 0;
      return paper.links.includes(term.what);
    case 'author': {
      const wanted = cp.authorWords;
      return wanted ? paper.authors.some((a) => a.some((w) => wanted.has(w))) : paper.authors.some((a) => containsRun(a, term.words));
    }
    case 'cat':
      return inCategory(paper.categories, term.cat, term.archive, term.primary);
    case 'upvotes':
      return compare(paper.upvotes, term.op, term.value);
    case 'venue':
      return containsRun(paper.venue, term.words);
    case 'saved': {
      cp.savedRanks ??= new Set(searchDocs(ctx.index, term.query, ctx.view, {}, cp.lexicon).hits.map((h) => h.rank));
      return cp.savedRanks.has(ctx.view.docRank[ctx.d]!);
    }
  }
}

/** As effectiveTags (core/library.ts), from the facts. */
function effectiveTagsOf(paper: PaperFacts, decision: Decision | undefined): string[] {
  const own = decision ? Object.keys(decision.tags) : [];
  const tags = [...own];
  if (paper.isNew) tags.push('new');
  if (paper.seen) tags.push('seen');
  if (own.length === 0) tags.push('untriaged');
  return tags;
}

function idMatches(paper: PaperFacts, prefix: string): boolean {
  if (paper.id.toLowerCase().startsWith(prefix)) return true;
  if (paper.arxivId?.toLowerCase().startsWith(prefix)) return true;
  return (paper.aliases ?? []).some((a) => a.toLowerCase().startsWith(prefix));
}

/** The `limit` best docs, best first; ties by library rank. */
function topDocs(list: Int32Array, count: number, limit: number, score: Float64Array, rank: Int32Array): number[] {
  const better = (x: number, y: number) => score[x]! > score[y]! || (score[x] === score[y] && rank[x]! < rank[y]!);
  if (limit >= count / 4) {
    return Array.from(list.subarray(0, count))
      .sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0))
      .slice(0, limit);
  }
  // A min-heap of the best `limit` seen so far: O(count log limit).
  const heap: number[] = [];
  const worse = (i: number, j: number) => better(heap[j]!, heap[i]!);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (let i = 0; i < count && limit > 0; i++) {
    const d = list[i]!;
    if (heap.length < limit) {
      heap.push(d);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!worse(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (better(d, heap[0]!)) {
      heap[0] = d;
      for (let p = 0; ; ) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === p) break;
        swap(p, m);
        p = m;
      }
    }
  }
  return heap.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
}
