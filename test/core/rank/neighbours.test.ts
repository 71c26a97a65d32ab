import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTfidf, docVector, dot } from '../../../src/core/rank/tfidf.js';
import { nearest } from '../../../src/core/rank/neighbours.js';

const WORDS = ['attention', 'linear', 'quantization', 'galaxy', 'market', 'protein', 'graph', 'speech', 'vision', 'token'];

describe('nearest', () => {
  it('agrees with a full scan of cosines: same documents, same order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }), { minLength: 2, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 8 }), (docs, pick, k) => {
        const index = buildTfidf(docs.map((d) => d.join(' ')));
        const q = pick % docs.length;
        const query = docVector(index, q);
        const got = nearest(index, query, k, (d) => d === q);
        const all = docs
          .map((_, d) => ({ doc: d, score: dot(query, docVector(index, d)) }))
          .filter((x) => x.doc !== q && x.score > 0)
          .sort((a, b) => b.score - a.score || a.doc - b.doc);
        expect(got.map((g) => g.score)).toEqual(all.slice(0, k).map((a) => expect.closeTo(a.score, 5) as unknown as number));
        // Equal scores may swap only among themselves; distinct scores keep their documents.
        got.forEach((g, i) => expect(Math.abs(dot(query, docVector(index, g.doc)) - all[i]!.score)).toBeLessThan(1e-5));
      }),
      { seed: 8, numRuns: 200 },
    );
  });

  it('breaks ties by document order', () => {
    const index = buildTfidf(['red apple', 'red apple', 'red apple', 'green pear', 'green pear']);
    expect(nearest(index, docVector(index, 0), 5, (d) => d === 0).map((n) => n.doc)).toEqual([1, 2]);
  });
});
