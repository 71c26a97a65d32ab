// Nearest documents by cosine: an inverted index (term -> documents holding it) so that a query
// touches only the documents sharing one of its terms, not every document.
import type { SparseVector, TfidfIndex } from './tfidf.js';

interface InvertedIndex {
  /** Term t's postings are postDocs/postWeights[termStart[t] .. termStart[t + 1]). */
  termStart: Int32Array;
  postDocs: Int32Array;
  postWeights: Float32Array;
}

interface Neighbour {
  doc: number;
  score: number;
}

const built = new WeakMap<TfidfIndex, InvertedIndex>();

/** The inverted index of a tf-idf index, built once and remembered. */
export function invertedIndex(index: TfidfIndex): InvertedIndex {
  const cached = built.get(index);
  if (cached) return cached;
  const terms = index.vocabulary.length;
  const termStart = new Int32Array(terms + 1);
  for (let k = 0; k < index.docTerms.length; k++) termStart[index.docTerms[k]! + 1]!++;
  for (let t = 0; t < terms; t++) termStart[t + 1]! += termStart[t]!;
  const fill = termStart.slice(0, terms);
  const postDocs = new Int32Array(index.docTerms.length);
  const postWeights = new Float32Array(index.docTerms.length);
  for (let d = 0; d < index.size; d++) {
    for (let k = index.docStart[d]!; k < index.docStart[d + 1]!; k++) {
      const at = fill[index.docTerms[k]!]!++;
      postDocs[at] = d;
      postWeights[at] = index.docWeights[k]!;
    }
  }
  const inverted = { termStart, postDocs, postWeights };
  built.set(index, inverted);
  return inverted;
}

/**
 * The k documents most like the query by cosine (vectors are unit length, so a dot product),
 * best first, ties by document order; documents sharing no term, and those `skip` rejects, are left out.
 */
export function nearest(index: TfidfIndex, query: SparseVector, k: number, skip: (doc: number) => boolean = () => false): Neighbour[] {
  if (k <= 0) return [];
  const { termStart, postDocs, postWeights } = invertedIndex(index);
  const scores = new Float64Array(index.size);
  for (let i = 0; i < query.terms.length; i++) {
    const t = query.terms[i]!;
    accumulate(scores, postDocs, postWeights, termStart[t]!, termStart[t + 1]!, query.values[i]!);
  }
  return topK(scores, k, skip);
}

/** scores[doc] += q * weight over one term's postings. Its own small function so that V8 optimises it after a few terms of the first query. */
function accumulate(scores: Float64Array, docs: Int32Array, weights: Float32Array, from: number, to: number, q: number): void {
  for (let p = from; p < to; p++) scores[docs[p]!]! += q * weights[p]!;
}

/** The k highest positive scores, best first, ties by index. */
function topK(scores: Float64Array, k: number, skip: (doc: number) => boolean = () => false): Neighbour[] {
  const best: Neighbour[] = [];
  for (let d = 0; d < scores.length; d++) {
    const score = scores[d]!;
    if (score <= 0) continue;
    if (best.length === k && score <= best[k - 1]!.score) continue;
    if (skip(d)) continue;
    let at = best.length < k ? best.length : k - 1;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { doc: d, score });
    if (best.length > k) best.pop();
  }
  return best;
}
