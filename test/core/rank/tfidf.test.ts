import { describe, expect, it } from 'vitest';
import { buildTfidf, docVector, dot } from '../../../src/core/rank/tfidf.js';

const weightOf = (index: ReturnType<typeof buildTfidf>, d: number, term: string): number => {
  const v = docVector(index, d);
  const t = index.termNumber.get(term);
  const at = t === undefined ? -1 : Array.from(v.terms).indexOf(t);
  return at < 0 ? 0 : v.values[at]!;
};

describe('buildTfidf', () => {
  const texts = ['alpha beta gamma', 'alpha beta delta', 'alpha gamma gamma gamma gamma', 'epsilon'];
  const index = buildTfidf(texts);

  it('drops terms found in one document only', () => {
    expect(index.termNumber.has('delta')).toBe(false);
    expect(index.termNumber.has('epsilon')).toBe(false);
    expect(index.termNumber.has('alpha beta')).toBe(true);
  });

  it('scales every document with a term to unit length, and leaves the others empty', () => {
    for (let d = 0; d < 3; d++) expect(dot(docVector(index, d), docVector(index, d))).toBeCloseTo(1, 6);
    expect(docVector(index, 3).terms.length).toBe(0);
  });

  it('weighs rarer terms more', () => {
    // In document 0, gamma (df 2) outweighs alpha (df 3).
    expect(weightOf(index, 0, 'gamma')).toBeGreaterThan(weightOf(index, 0, 'alpha'));
  });

  it('damps repeats: tf 4 weighs 1 + ln 4 times tf 1, not 4 times', () => {
    const ratio = weightOf(index, 2, 'gamma') / weightOf(index, 2, 'alpha');
    const idf = (df: number) => Math.log((1 + 4) / (1 + df)) + 1;
    expect(ratio).toBeCloseTo(((1 + Math.log(4)) * idf(2)) / idf(3), 5);
  });

  it('lists each term of a document once', () => {
    for (let d = 0; d < index.size; d++) {
      const t = Array.from(docVector(index, d).terms);
      expect(new Set(t).size).toBe(t.length);
    }
  });
});
