// The in-memory index's words as a Vocabulary (vocabulary.ts): sorted for prefixes, bucketed by
// length with letter signatures for typos. Built once per index generation.
import type { SearchIndex } from './inverted-index.js';
import { letterSignature, signaturesClose, type Vocabulary } from './vocabulary.js';

interface Derived {
  generation: number;
  sorted: Int32Array;
  /** length -> term ids of that length */
  byLength: Map<number, number[]>;
  signature: Uint32Array;
}

function derived(index: SearchIndex): Derived {
  const cached = index.derived.get('vocabulary') as Derived | undefined;
  if (cached && cached.generation === index.generation) return cached;
  const terms = index.terms;
  const sorted = Int32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  const byLength = new Map<number, number[]>();
  const signature = new Uint32Array(terms.length);
  terms.forEach((w, t) => {
    signature[t] = letterSignature(w);
    const list = byLength.get(w.length);
    if (list) list.push(t);
    else byLength.set(w.length, [t]);
  });
  const value = { generation: index.generation, sorted, byLength, signature };
  index.derived.set('vocabulary', value);
  return value;
}

export function indexVocabulary(index: SearchIndex): Vocabulary {
  const docs = (t: number) => index.postingLen[t]!;
  return {
    size: index.liveCount,
    docs(word) {
      const t = index.termIds.get(word);
      return t === undefined ? 0 : docs(t);
    },
    withPrefix(prefix, max) {
      const { sorted } = derived(index);
      const terms = index.terms;
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      const out: Array<[string, number]> = [];
      for (let i = lo; i < sorted.length && out.length < max; i++) {
        const w = terms[sorted[i]!]!;
        if (!w.startsWith(prefix)) break;
        if (w.length > prefix.length && docs(sorted[i]!) > 0) out.push([w, docs(sorted[i]!)]);
      }
      return out;
    },
    *near(word, edits, minDocs) {
      const { byLength, signature } = derived(index);
      const sig = letterSignature(word);
      for (let len = word.length - edits; len <= word.length + edits; len++) {
        for (const t of byLength.get(len) ?? []) if (docs(t) >= minDocs && signaturesClose(sig, signature[t]!, edits)) yield [index.terms[t]!, docs(t)];
      }
    },
  };
}
