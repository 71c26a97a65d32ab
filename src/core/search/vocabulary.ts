// From a query word to the index words it stands for, each with a quality in (0, 1]:
// the word itself (1), words it begins (a bit less), close spellings found by fuse.js (less again).
// fuse.js runs over a few hundred candidate words preselected by shared letter pairs and length,
// never over the whole vocabulary or the abstracts, which keeps a typo lookup around a millisecond.
import Fuse from 'fuse.js';
import type { WordMode } from '../query/ast.js';
import type { SearchIndex } from './inverted-index.js';

export interface Expansion {
  /** Term ids, best first. */
  terms: number[];
  /** Quality of each term, parallel to `terms`. */
  quality: number[];
}

/** Prefixes shorter than this expand only to themselves ("rl" is not "rlhf"). */
export const MIN_PREFIX = 3;
/** Words shorter than this get no typo tolerance (too many near neighbours). */
export const MIN_FUZZY = 4;
/** fuse.js score limit: about one error in 4-5 letters, two in 6-8, three in 9+. */
const FUSE_THRESHOLD = 0.36;
const MAX_CANDIDATES = 300;
const MAX_FUZZY = 12;
const MAX_PREFIX = 5000;
/** A close spelling counts when it is this many times more frequent than what the word itself matches. */
const RARE_RATIO = 10;

function cache<T>(index: SearchIndex, key: string, make: () => T): T {
  const entry = index.derived.get(key) as { generation: number; value: T } | undefined;
  if (entry && entry.generation === index.generation) return entry.value;
  const value = make();
  index.derived.set(key, { generation: index.generation, value });
  return value;
}

/** Expansions of recent words, kept across queries (the UI recompiles on every keystroke). */
function expansionCache(index: SearchIndex): Map<string, Expansion> {
  const map = cache(index, 'expansions', () => new Map<string, Expansion>());
  if (map.size > 2000) map.clear();
  return map;
}

export function expandWord(index: SearchIndex, word: string, mode: WordMode): Expansion {
  const key = `${mode}\u0000${word}`;
  const memo = expansionCache(index);
  const hit = memo.get(key);
  if (hit) return hit;
  const best = new Map<number, number>();
  const offer = (t: number, q: number) => {
    if (q > (best.get(t) ?? 0)) best.set(t, q);
  };
  const exact = index.termIds.get(word);
  let known = 0;
  if (exact !== undefined) {
    offer(exact, 1);
    known += index.postingLen[exact]!;
  }
  if (mode !== 'exact' && word.length >= MIN_PREFIX) {
    for (const t of prefixTerms(index, word)) {
      offer(t, prefixQuality(word.length, index.terms[t]!.length));
      known += index.postingLen[t]!;
    }
  }
  // Close spellings only stand in for a word that is absent or rare next to them: "desing" (a typo
  // that a few abstracts share) still finds design, while "design" does not drag in "resign".
  if (mode === 'fuzzy') for (const [t, q] of fuzzyTerms(index, word)) if (known === 0 || index.postingLen[t]! >= RARE_RATIO * known) offer(t, q);
  const sorted = [...best].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const expansion = { terms: sorted.map((e) => e[0]), quality: sorted.map((e) => e[1]) };
  memo.set(key, expansion);
  return expansion;
}

/** "linear" in "linearly": close to exact; "tra" in "transformer": well below. */
function prefixQuality(prefix: number, term: number): number {
  return 0.6 + 0.3 * (prefix / term);
}

/** Term ids sorted by their word, for prefix ranges. */
function sortedTerms(index: SearchIndex): Int32Array {
  return cache(index, 'sorted', () => {
    const ids = Int32Array.from(index.terms.keys());
    const terms = index.terms;
    return ids.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  });
}

/** Ids of the terms that start with `prefix` and are longer than it (at most MAX_PREFIX). */
export function prefixTerms(index: SearchIndex, prefix: string): number[] {
  const sorted = sortedTerms(index);
  const terms = index.terms;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < sorted.length && out.length < MAX_PREFIX; i++) {
    const t = sorted[i]!;
    const w = terms[t]!;
    if (!w.startsWith(prefix)) break;
    if (w.length > prefix.length) out.push(t);
  }
  return out;
}

interface BigramIndex {
  /** bigram code -> term ids having it */
  lists: Map<number, number[]>;
  covered: number;
  counts: Uint8Array;
}

const hasLetter = (w: string) => /\p{L}/u.test(w);

/** Letter pairs of each word of 3+ characters containing a letter; extended as the vocabulary grows. */
function bigrams(index: SearchIndex): BigramIndex {
  let b = index.derived.get('bigrams') as BigramIndex | undefined;
  if (!b) {
    b = { lists: new Map(), covered: 0, counts: new Uint8Array(0) };
    index.derived.set('bigrams', b);
  }
  const terms = index.terms;
  for (let t = b.covered; t < terms.length; t++) {
    const w = terms[t]!;
    if (w.length < MIN_FUZZY - 1 || !hasLetter(w)) continue;
    for (const code of pairCodes(w)) {
      let list = b.lists.get(code);
      if (!list) b.lists.set(code, (list = []));
      list.push(t);
    }
  }
  b.covered = terms.length;
  if (b.counts.length < terms.length) b.counts = new Uint8Array(terms.length + 1024);
  return b;
}

function pairCodes(w: string): Set<number> {
  const codes = new Set<number>();
  for (let i = 0; i + 1 < w.length; i++) codes.add(w.charCodeAt(i) * 65536 + w.charCodeAt(i + 1));
  return codes;
}

/**
 * Edits allowed for a word of n letters (a swap of neighbours is one): one below 8 letters, two
 * below 12, three beyond. Two edits on a short word reach too many others ("desing" -> "using").
 */
export function maxEdits(n: number): number {
  return n < 8 ? 1 : n < 12 ? 2 : 3;
}

/**
 * Close spellings of `word`: candidates share enough letter pairs and have a similar length;
 * fuse.js then scores them (Bitap, anchored at the word's start) and keeps those under
 * FUSE_THRESHOLD, and the edit distance keeps those within maxEdits.
 */
export function fuzzyTerms(index: SearchIndex, word: string): Array<[number, number]> {
  const n = word.length;
  if (n < MIN_FUZZY || !hasLetter(word)) return [];
  const b = bigrams(index);
  const k = maxEdits(n);
  // q-gram filter: one edit (a swap included) destroys at most three letter pairs.
  const need = Math.max(1, n - 1 - 3 * k);
  const counts = b.counts;
  const touched: number[] = [];
  for (const code of pairCodes(word)) {
    const list = b.lists.get(code);
    if (!list) continue;
    for (const t of list) {
      if (counts[t] === 0) touched.push(t);
      counts[t]!++;
    }
  }
  const terms = index.terms;
  let candidates: Array<[number, number]> = [];
  for (const t of touched) {
    const c = counts[t]!;
    counts[t] = 0;
    if (c >= need && Math.abs(terms[t]!.length - n) <= k) candidates.push([t, c]);
  }
  if (candidates.length === 0) return [];
  if (candidates.length > MAX_CANDIDATES) candidates = candidates.sort((x, y) => y[1] - x[1]).slice(0, MAX_CANDIDATES);
  const fuse = new Fuse(
    candidates.map(([t]) => terms[t]!),
    { includeScore: true, threshold: FUSE_THRESHOLD, location: 0, distance: 32, isCaseSensitive: true, ignoreFieldNorm: true, shouldSort: true },
  );
  const out: Array<[number, number]> = [];
  for (const r of fuse.search(word, { limit: MAX_FUZZY })) {
    const t = candidates[r.refIndex]![0];
    // Bitap finds the pattern inside a longer word; the edit distance keeps whole words close.
    if (editDistance(word, terms[t]!, k) > k) continue;
    const lengthGap = Math.abs(terms[t]!.length - n);
    out.push([t, Math.max(0.05, 0.6 * (1 - (r.score ?? 0)) - 0.05 * lengthGap)]);
  }
  return out;
}

/** Optimal-string-alignment distance (a swap of neighbours is one edit), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}
