import { describe, expect, it } from 'vitest';
import { buildTfidf, docVector } from '../../../src/core/rank/tfidf.js';
import { centroid, contributions, scoreDoc, trainLogistic } from '../../../src/core/rank/model.js';

const texts = [
  'quantization of weights to low bit integers', // 0 +
  'post training quantization with low bit weights', // 1 +
  'galaxy clusters and dark matter halos', // 2 -
  'dark matter in dwarf galaxy halos', // 3 -
  'low bit quantization for language models', // 4 ?
  'dark matter halos of galaxy groups', // 5 ?
];
const index = buildTfidf(texts);
const examples = [
  { doc: 0, positive: true },
  { doc: 1, positive: true },
  { doc: 2, positive: false },
  { doc: 3, positive: false },
];

describe('trainLogistic', () => {
  const model = trainLogistic(index, examples);
  const score = (d: number) => scoreDoc(model, docVector(index, d));

  it('scores unseen papers like the examples they resemble', () => {
    expect(score(4)).toBeGreaterThan(0);
    expect(score(5)).toBeLessThan(0);
    expect(score(0)).toBeGreaterThan(score(2));
  });

  it('is deterministic', () => {
    const again = trainLogistic(index, examples);
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
    expect(again.bias).toBe(model.bias);
  });

  it('fits the training papers better with weaker regularisation', () => {
    const loose = trainLogistic(index, examples, { lambda: 1e-3, maxIterations: 2000 });
    const margin = (m: typeof model) => scoreDoc(m, docVector(index, 0)) - scoreDoc(m, docVector(index, 2));
    expect(margin(loose)).toBeGreaterThan(margin(model));
  });

  it('refuses a single class', () => {
    expect(() => trainLogistic(index, [{ doc: 0, positive: true }])).toThrow(/both classes/);
  });

  it('explains a score: the contributions add up to it, minus the bias', () => {
    const parts = contributions(index, model, 4);
    const sum = parts.reduce((s, c) => s + c.contribution, 0);
    expect(sum + model.bias).toBeCloseTo(score(4), 9);
    expect(parts[0]!.contribution).toBeGreaterThan(0);
    expect(texts[4]).toContain(parts[0]!.term);
  });
});

describe('centroid', () => {
  it('ranks by likeness to the given papers', () => {
    const c = centroid(index, [0, 1]);
    expect(scoreDoc(c, docVector(index, 4))).toBeGreaterThan(scoreDoc(c, docVector(index, 5)));
  });
});
