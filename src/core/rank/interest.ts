// Interest ranking over a library snapshot: which papers the user is likely to want, learned from
// their own positive and negative tags, with the reasons for each paper's place and its neighbours.
import type { LibraryPaper, Snapshot } from '../library.js';
import { buildTfidf, docVector, type TfidfIndex } from './tfidf.js';
import { centroid, contributions, scoreDoc, trainLogistic, type LinearScorer, type TermContribution } from './model.js';
import { nearest } from './neighbours.js';

export const DEFAULT_POSITIVE_TAGS: readonly string[] = ['to-read', 'read'];
export const DEFAULT_NEGATIVE_TAGS: readonly string[] = ['skip'];
/** The model trains once there are at least this many positive and this many negative papers. */
const MIN_LABELS_PER_CLASS = 2;

export interface InterestOptions {
  /** Tags that mean "I want this"; default to-read, read. */
  positive?: readonly string[];
  /** Tags that mean "not for me"; default skip. */
  negative?: readonly string[];
  /** Ids of papers some rule matches: they lead the fallback order. Called only when falling back. */
  ruleMatches?: () => ReadonlySet<string>;
}

/**
 * model: logistic regression on positive vs negative papers.
 * likeness: positives but too few negatives; ranked by likeness to the positives (their centroid).
 * fallback: too few positives; rule matches, then newest, then most upvoted.
 */
export type RankMode = 'model' | 'likeness' | 'fallback';

export interface InterestRanking {
  /** Every paper id, best first: undecided papers (no positive or negative tag) before decided ones. */
  ids: string[];
  /** Score by id; empty in fallback mode. Higher is more interesting; comparable within one ranking only. */
  scores: ReadonlyMap<string, number>;
  mode: RankMode;
  /** Why the model was not used and what to do about it; null in model mode. */
  reason: string | null;
  positives: number;
  negatives: number;
  /** How many of `ids` (the first ones) are undecided. */
  undecided: number;
}

export type Label = 'positive' | 'negative';

interface Corpus {
  index: TfidfIndex;
  docOf: Map<string, number>;
}

const corpora = new WeakMap<readonly LibraryPaper[], Corpus>();

/** The text a paper is judged by: its title and abstract (a full stop keeps bigrams from spanning them). */
export function paperText(paper: { title: string; abstract: string }): string {
  return `${paper.title}.\n${paper.abstract}`;
}

/** The tf-idf index of the snapshot's papers, built once per papers array. */
export function corpusOf(papers: readonly LibraryPaper[]): Corpus {
  const cached = corpora.get(papers);
  if (cached) return cached;
  const index = buildTfidf(papers.map(paperText));
  const docOf = new Map<string, number>();
  papers.forEach((p, d) => {
    if (!docOf.has(p.id)) docOf.set(p.id, d);
  });
  const corpus = { index, docOf };
  corpora.set(papers, corpus);
  return corpus;
}

/** A paper's label from its tags; null when it has neither kind, or both (a contradiction the model ignores). */
export function labelOf(tags: readonly string[], positive: readonly string[], negative: readonly string[]): Label | 'both' | null {
  const pos = tags.some((t) => positive.includes(t));
  const neg = tags.some((t) => negative.includes(t));
  return pos && neg ? 'both' : pos ? 'positive' : neg ? 'negative' : null;
}

interface Learned {
  corpus: Corpus;
  labels: Map<string, Label | 'both'>;
  positives: number[];
  negatives: number[];
  scorer: LinearScorer | null;
  mode: RankMode;
  reason: string | null;
}

function learn(snapshot: Snapshot, options: InterestOptions): Learned {
  const positiveTags = options.positive ?? DEFAULT_POSITIVE_TAGS;
  const negativeTags = options.negative ?? DEFAULT_NEGATIVE_TAGS;
  const corpus = corpusOf(snapshot.papers);
  const labels = new Map<string, Label | 'both'>();
  const positives: number[] = [];
  const negatives: number[] = [];
  for (const [id, decision] of snapshot.decisions) {
    const label = labelOf(Object.keys(decision.tags), positiveTags, negativeTags);
    const d = corpus.docOf.get(id);
    if (label === null || d === undefined) continue;
    labels.set(id, label);
    if (label === 'positive') positives.push(d);
    if (label === 'negative') negatives.push(d);
  }
  positives.sort((a, b) => a - b);
  negatives.sort((a, b) => a - b);
  const pos = positiveTags.join('/') || '(no positive tags configured)';
  const neg = negativeTags.join('/') || '(no negative tags configured)';
  const have = `you have ${positives.length} and ${negatives.length}`;
  if (positives.length >= MIN_LABELS_PER_CLASS && negatives.length >= MIN_LABELS_PER_CLASS) {
    const examples = [...positives.map((doc) => ({ doc, positive: true })), ...negatives.map((doc) => ({ doc, positive: false }))];
    return { corpus, labels, positives, negatives, scorer: trainLogistic(corpus.index, examples), mode: 'model', reason: null };
  }
  const need = `interest ranking learns from at least ${MIN_LABELS_PER_CLASS} papers tagged ${pos} and ${MIN_LABELS_PER_CLASS} tagged ${neg} (${have})`;
  if (positives.length >= MIN_LABELS_PER_CLASS) {
    return {
      corpus,
      labels,
      positives,
      negatives,
      scorer: centroid(corpus.index, positives),
      mode: 'likeness',
      reason: `${need}: ranked by likeness to your ${pos} papers instead; tag some papers ${neg} to train the model`,
    };
  }
  return {
    corpus,
    labels,
    positives,
    negatives,
    scorer: null,
    mode: 'fallback',
    reason: `${need}: ${options.ruleMatches ? 'rule matches first, then ' : ''}newest first, then most upvoted`,
  };
}

const recency = (p: LibraryPaper): string => p.firstSeen ?? p.date ?? '';

/** Orders every paper of the snapshot by interest; see InterestRanking. Pure and deterministic. */
export function rankByInterest(snapshot: Snapshot, options: InterestOptions = {}): InterestRanking {
  return rankLearned(snapshot, learn(snapshot, options), options);
}

function rankLearned(snapshot: Snapshot, learned: Learned, options: InterestOptions): InterestRanking {
  const { index, docOf } = learned.corpus;
  const papers = snapshot.papers;
  const scores = new Map<string, number>();
  const scoreOf = new Float64Array(papers.length);
  if (learned.scorer) {
    for (let d = 0; d < papers.length; d++) {
      scoreOf[d] = scoreDoc(learned.scorer, docVector(index, d));
      scores.set(papers[d]!.id, scoreOf[d]!);
    }
  }
  const matched = !learned.scorer && options.ruleMatches ? options.ruleMatches() : null;
  const rule = (p: LibraryPaper) => (matched?.has(p.id) ? 1 : 0);
  const order = papers.map((_, d) => d).filter((d) => docOf.get(papers[d]!.id) === d);
  const decidedFlag = new Uint8Array(papers.length);
  for (const d of order) decidedFlag[d] = learned.labels.has(papers[d]!.id) ? 1 : 0;
  const decided = (d: number) => decidedFlag[d]!;
  order.sort((a, b) => {
    if (decidedFlag[a] !== decidedFlag[b]) return decidedFlag[a]! - decidedFlag[b]!;
    if (learned.scorer) return scoreOf[b]! - scoreOf[a]! || a - b;
    const pa = papers[a]!;
    const pb = papers[b]!;
    if (rule(pa) !== rule(pb)) return rule(pb) - rule(pa);
    if (recency(pa) !== recency(pb)) return recency(pa) < recency(pb) ? 1 : -1;
    return (pb.upvotes ?? -1) - (pa.upvotes ?? -1) || a - b;
  });
  return {
    ids: order.map((d) => papers[d]!.id),
    scores,
    mode: learned.mode,
    reason: learned.reason,
    positives: learned.positives.length,
    negatives: learned.negatives.length,
    undecided: order.filter((d) => decided(d) === 0).length,
  };
}

interface SimilarPaper {
  id: string;
  title: string;
  /** Cosine similarity of the tf-idf vectors, 0..1. */
  score: number;
}

interface LabelledNeighbour extends SimilarPaper {
  label: Label;
}

export interface Explanation {
  id: string;
  mode: RankMode;
  reason: string | null;
  /** The paper's score (null in fallback mode). */
  score: number | null;
  /** Its place in the interest order (1 = first), as `papers list --sort interest` shows it, of `of`. */
  place: number;
  of: number;
  /** Terms that raised the score, strongest first, and those that lowered it. */
  up: TermContribution[];
  down: TermContribution[];
  /** The positive and negative papers most like this one. */
  like: LabelledNeighbour[];
}

function requireDoc(corpus: Corpus, id: string): number {
  const d = corpus.docOf.get(id);
  if (d === undefined) throw new Error(`no paper with id ${id} in the snapshot`);
  return d;
}

/** Why a paper ranks where it does: the terms that moved it most, and the tagged papers most like it. */
export function explainInterest(snapshot: Snapshot, id: string, options: InterestOptions = {}, terms = 8, neighbours = 5): Explanation {
  const learned = learn(snapshot, options);
  const { index } = learned.corpus;
  const d = requireDoc(learned.corpus, id);
  const labelled = new Set([...learned.positives, ...learned.negatives]);
  const like = nearest(index, docVector(index, d), neighbours, (o) => o === d || !labelled.has(o)).map(({ doc, score }) => {
    const paper = snapshot.papers[doc]!;
    return { id: paper.id, title: paper.title, score, label: learned.labels.get(paper.id) as Label };
  });
  const ranking = rankLearned(snapshot, learned, options);
  const place = ranking.ids.indexOf(id) + 1;
  const of = ranking.ids.length;
  if (!learned.scorer) return { id, mode: learned.mode, reason: learned.reason, score: null, place, of, up: [], down: [], like };
  const all = contributions(index, learned.scorer, d);
  return {
    id,
    mode: learned.mode,
    reason: learned.reason,
    score: scoreDoc(learned.scorer, docVector(index, d)),
    place,
    of,
    up: all.filter((c) => c.contribution > 0).slice(0, terms),
    down: all.filter((c) => c.contribution < 0).reverse().slice(0, terms),
    like,
  };
}

/** The k papers nearest to the paper by tf-idf cosine, best first. */
export function similarPapers(papers: readonly LibraryPaper[], id: string, k: number): SimilarPaper[] {
  const corpus = corpusOf(papers);
  const d = requireDoc(corpus, id);
  return nearest(corpus.index, docVector(corpus.index, d), k, (o) => o === d || corpus.docOf.get(papers[o]!.id) !== o).map(({ doc, score }) => ({
    id: papers[doc]!.id,
    title: papers[doc]!.title,
    score,
  }));
}
