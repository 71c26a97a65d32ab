// From a query word to the vocabulary words it stands for, each with a quality in (0, 1]: the word
// itself (1), words it begins (0.6-0.9), close spellings (0.55 and less). The vocabulary is an
// interface: the in-memory index (index-vocabulary.ts) and the library database (io/db) both give
// one, so the typo rule and the qualities are decided here, once.
//
// The typo rule, exactly: a word of 4+ letters that is not itself in the vocabulary finds every
// vocabulary word within maxEdits of the longer of the two (optimal string alignment: an adjacent
// swap is one edit).
import type { WordMode } from '../query/ast.js';

export interface Vocabulary {
  /** Papers searched (for idf). */
  readonly size: number;
  /** Papers containing the word; 0 when it is not in the vocabulary. */
  docs(word: string): number;
  /** Words longer than `prefix` that start with it, with their paper counts; at most `max`. */
  withPrefix(prefix: string, max: number): Array<[string, number]>;
  /**
   * A superset of the words within `edits` of `word` in at least `minDocs` papers (a cheap
   * prefilter: length window, letter signature), with their paper counts. expandWord keeps those
   * within the edit distance.
   */
  near(word: string, edits: number, minDocs: number): Iterable<[string, number]>;
}

export interface Expansion {
  /** Vocabulary words, best first. */
  words: string[];
  /** Quality of each, parallel to `words`. */
  quality: number[];
  /** Papers containing the word or any of its expansions, at most (for idf). */
  docs: number;
  /** More words begin with the query word than MAX_PREFIX: the expansion lists the first ones only. */
  truncated: boolean;
}

/** Prefixes shorter than this expand only to themselves ("rl" is not "rlhf"). */
const MIN_PREFIX = 3;
/** Words shorter than this get no typo tolerance (too many near neighbours). */
const MIN_FUZZY = 4;
const MAX_FUZZY = 16;
const MAX_PREFIX = 5000;
/** A close spelling of a word that is in the vocabulary counts when it is this many times more frequent. */
const RARE_RATIO = 10;

/**
 * Edits allowed for a word of n letters (a swap of neighbours is one): one below 8 letters, two
 * below 12, three beyond. Two edits on a short word reach too many others ("desing" -> "using").
 */
export function maxEdits(n: number): number {
  return n < 8 ? 1 : n < 12 ? 2 : 3;
}

const hasLetter = (w: string) => /\p{L}/u.test(w);

export function expandWord(vocab: Vocabulary, word: string, mode: WordMode): Expansion {
  const best = new Map<string, number>();
  const offer = (w: string, q: number) => {
    if (q > (best.get(w) ?? 0)) best.set(w, q);
  };
  const exact = vocab.docs(word);
  let docs = exact;
  if (exact > 0) offer(word, 1);
  let truncated = false;
  if (mode !== 'exact' && word.length >= MIN_PREFIX) {
    const longer = vocab.withPrefix(word, MAX_PREFIX);
    truncated = longer.length >= MAX_PREFIX;
    for (const [w, d] of longer) {
      offer(w, prefixQuality(word.length, w.length));
      docs += d;
    }
  }
  // Close spellings stand in for a word that is absent, or rare next to them: "desing" (a typo
  // that a few abstracts share) still finds design, while "design" does not drag in "resign".
  if (mode === 'fuzzy') {
    for (const [w, d, q] of typos(vocab, word, exact > 0 ? RARE_RATIO * exact : 1)) {
      offer(w, q);
      docs += d;
    }
  }
  const sorted = [...best].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { words: sorted.map((e) => e[0]), quality: sorted.map((e) => e[1]), docs: Math.min(docs, vocab.size), truncated };
}

/** "linear" in "linearly": close to exact; "tra" in "transformer": well below. */
function prefixQuality(prefix: number, term: number): number {
  return 0.6 + 0.3 * (prefix / term);
}

/** Words within maxEdits of `word` (not the word itself), with paper counts and a quality; the closest MAX_FUZZY. */
function typos(vocab: Vocabulary, word: string, minDocs: number): Array<[string, number, number]> {
  const n = word.length;
  // no word is in more papers than there are: a common word has no rarer-is-a-typo neighbours to look for
  if (n < MIN_FUZZY || !hasLetter(word) || minDocs > vocab.size) return [];
  // The longer of the two words sets the edits allowed: "balatio" (7 letters) is two from "ablation" (8).
  const widest = maxEdits(n + maxEdits(n + 3));
  const found: Array<[string, number, number]> = [];
  for (const [w, d] of vocab.near(word, widest, minDocs)) {
    if (w === word) continue;
    const k = maxEdits(Math.max(n, w.length));
    const dist = editDistance(word, w, k);
    if (dist <= k) found.push([w, d, dist]);
  }
  found.sort((a, b) => a[2] - b[2] || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return found.slice(0, MAX_FUZZY).map(([w, d, dist]) => [w, d, Math.max(0.05, 0.55 - 0.1 * (dist - 1) - 0.05 * Math.abs(w.length - n))]);
}

/**
 * A bit per letter the word has (a-z one each, other characters folded onto six more bits). One
 * edit changes at most two bits, so words within k edits differ in at most 2k: a cheap prefilter.
 */
export function letterSignature(word: string): number {
  let sig = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    sig |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return sig >>> 0;
}

/** Whether two letter signatures are close enough for `edits` edits. */
export function signaturesClose(a: number, b: number, edits: number): boolean {
  let x = (a ^ b) >>> 0;
  let bits = 0;
  while (x !== 0 && bits <= 2 * edits) {
    x &= x - 1;
    bits++;
  }
  return bits <= 2 * edits;
}

// Rows of the distance table, reused: typo lookups compare a word with thousands of candidates.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance (a swap of neighbours is one edit), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}
