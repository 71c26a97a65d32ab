// tf-idf vectors over a set of documents, held as flat typed arrays (compressed sparse rows) so
// that 100,000 papers fit and scan fast. Weights: sublinear tf (1 + ln tf) times smoothed idf
// (ln((1 + n) / (1 + df)) + 1, as scikit-learn), each document scaled to unit length.
// Terms found in a single document are dropped (min df 2): they can match no other paper and
// teach the model nothing it can use elsewhere.
import { WordTable, forEachWordId } from './tokenize.js';

/** A sparse vector: parallel arrays of term numbers (in no particular order, each once) and weights. */
export interface SparseVector {
  terms: Int32Array;
  values: Float32Array;
}

export interface TfidfIndex {
  /** Number of documents. */
  readonly size: number;
  /** Term text by term number. */
  readonly vocabulary: readonly string[];
  readonly termNumber: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
  /** Document d's entries are docTerms/docWeights[docStart[d] .. docStart[d + 1]). */
  readonly docStart: Int32Array;
  readonly docTerms: Int32Array;
  readonly docWeights: Float32Array;
}

const MIN_DF = 2;

/** 1 + ln tf for small tf, looked up. */
const TF_WEIGHT = Float64Array.from({ length: 64 }, (_, tf) => (tf === 0 ? 0 : 1 + Math.log(tf)));

/** An Int32Array that grows: for the raw term counts of many documents. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Open-addressing hash table from pairs of non-negative ints to non-negative ints: faster than a Map. */
class PairTable {
  private mask = (1 << 16) - 1;
  /** Triples (first, second, value); first -1 marks an empty slot. */
  private table = new Int32Array((this.mask + 1) * 3).fill(-1);
  private count = 0;
  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const t = this.table;
    for (h &= this.mask; ; h = (h + 1) & this.mask) {
      const first = t[h * 3]!;
      if (first === -1 || (first === a && t[h * 3 + 1] === b)) return h * 3;
    }
  }
  /** The value, or -1. */
  get(a: number, b: number): number {
    const at = this.slot(a, b);
    return this.table[at] === -1 ? -1 : this.table[at + 2]!;
  }
  set(a: number, b: number, v: number): void {
    if ((this.count + 1) * 2 > this.mask) this.grow();
    const at = this.slot(a, b);
    if (this.table[at] === -1) this.count++;
    this.table[at] = a;
    this.table[at + 1] = b;
    this.table[at + 2] = v;
  }
  private grow(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array((this.mask + 1) * 3).fill(-1);
    this.count = 0;
    for (let i = 0; i < old.length; i += 3) if (old[i] !== -1) this.set(old[i]!, old[i + 1]!, old[i + 2]!);
  }
}

export function buildTfidf(texts: readonly string[]): TfidfIndex {
  const n = texts.length;
  const words = new WordTable();
  const termOfWord = new IntBuffer();
  const rawTerms: string[] = [];
  // Per raw term: its document frequency, the last document it was counted in, and where.
  let rawDf = new Int32Array(1024);
  let lastDoc = new Int32Array(1024).fill(-1);
  let slotOf = new Int32Array(1024);
  // Per document, (raw term number, count) pairs in order of first occurrence.
  const start = new Int32Array(n + 1);
  const ids = new IntBuffer();
  const counts = new IntBuffer();
  // Bigram numbers by (first unigram's term number, second's).
  const bigramNumber = new PairTable();
  const addTerm = (term: string): number => {
    const id = rawTerms.length;
    rawTerms.push(term);
    if (id === rawDf.length) {
      const grow = (a: Int32Array, fill: number) => {
        const next = new Int32Array(a.length * 2).fill(fill);
        next.set(a);
        return next;
      };
      rawDf = grow(rawDf, 0);
      lastDoc = grow(lastDoc, -1);
      slotOf = grow(slotOf, 0);
    }
    return id;
  };
  let d = 0;
  const count = (id: number) => {
    if (lastDoc[id] === d) {
      counts.data[slotOf[id]!]!++;
      return;
    }
    lastDoc[id] = d;
    slotOf[id] = ids.length;
    ids.push(id);
    counts.push(1);
    rawDf[id]!++;
  };
  let previousId = -1;
  const onWord = (w: number) => {
    let id = w < termOfWord.length ? termOfWord.data[w]! : -1;
    if (id < 0) {
      id = addTerm(words.words[w]!);
      while (termOfWord.length <= w) termOfWord.push(-1);
      termOfWord.data[w] = id;
    }
    count(id);
    if (previousId >= 0) {
      let bigram = bigramNumber.get(previousId, id);
      if (bigram < 0) {
        bigram = addTerm(`${rawTerms[previousId]!} ${rawTerms[id]!}`);
        bigramNumber.set(previousId, id, bigram);
      }
      count(bigram);
    }
    previousId = id;
  };
  const onBreak = () => {
    previousId = -1;
  };
  for (d = 0; d < n; d++) {
    previousId = -1;
    forEachWordId(texts[d]!, words, onWord, onBreak);
    start[d + 1] = ids.length;
  }

  // Keep terms with df >= MIN_DF; renumber them densely, in order of first appearance.
  const renumber = new Int32Array(rawTerms.length).fill(-1);
  const vocabulary: string[] = [];
  const termNumber = new Map<string, number>();
  const dfKept: number[] = [];
  for (let r = 0; r < rawTerms.length; r++) {
    if (rawDf[r]! < MIN_DF) continue;
    renumber[r] = vocabulary.length;
    termNumber.set(rawTerms[r]!, vocabulary.length);
    vocabulary.push(rawTerms[r]!);
    dfKept.push(rawDf[r]!);
  }
  const idf = new Float64Array(vocabulary.length);
  for (let t = 0; t < vocabulary.length; t++) idf[t] = Math.log((1 + n) / (1 + dfKept[t]!)) + 1;

  let kept = 0;
  for (let k = 0; k < ids.length; k++) if (renumber[ids.data[k]!]! >= 0) kept++;
  const docStart = new Int32Array(n + 1);
  const docTerms = new Int32Array(kept);
  const docWeights = new Float32Array(kept);
  let at = 0;
  for (let d = 0; d < n; d++) {
    const from = at;
    let norm = 0;
    for (let k = start[d]!; k < start[d + 1]!; k++) {
      const t = renumber[ids.data[k]!]!;
      if (t < 0) continue;
      const tf = counts.data[k]!;
      const w = (tf < TF_WEIGHT.length ? TF_WEIGHT[tf]! : 1 + Math.log(tf)) * idf[t]!;
      docTerms[at] = t;
      docWeights[at] = w;
      norm += w * w;
      at++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = from; k < at; k++) docWeights[k]! *= scale;
    docStart[d + 1] = at;
  }
  return { size: n, vocabulary, termNumber, idf, docStart, docTerms, docWeights };
}

/** Document d as a sparse vector (views into the index, not copies). */
export function docVector(index: TfidfIndex, d: number): SparseVector {
  const from = index.docStart[d]!;
  const to = index.docStart[d + 1]!;
  return { terms: index.docTerms.subarray(from, to), values: index.docWeights.subarray(from, to) };
}

/** Dot product of two sparse vectors (for tests and small jobs: it builds a map of one of them). */
export function dot(a: SparseVector, b: SparseVector): number {
  const weights = new Map<number, number>();
  for (let i = 0; i < a.terms.length; i++) weights.set(a.terms[i]!, a.values[i]!);
  let sum = 0;
  for (let j = 0; j < b.terms.length; j++) sum += (weights.get(b.terms[j]!) ?? 0) * b.values[j]!;
  return sum;
}
