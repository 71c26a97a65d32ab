import { describe, expect, it } from 'vitest';
import { foldText, terms } from '../../../src/core/rank/tokenize.js';

describe('terms', () => {
  it('lower-cases, drops stop words, bare numbers and single letters, and adds bigrams of neighbours', () => {
    expect(terms('Gated Linear Attention for 7 B models')).toEqual(['gated', 'linear', 'gated linear', 'attention', 'linear attention', 'models']);
  });

  it('never makes a bigram across a stop word, a number or sentence punctuation', () => {
    const t = terms('Quantization of large models. Training (fast) 3 steps');
    expect(t).toContain('large models');
    expect(t).not.toContain('quantization large');
    expect(t).not.toContain('models training');
    expect(t).not.toContain('training fast');
    expect(t).not.toContain('fast steps');
  });

  it('splits hyphenated words and joins their halves as a bigram', () => {
    expect(terms('low-bit')).toEqual(['low', 'bit', 'low bit']);
  });

  it('folds accents and keeps letters of any script', () => {
    expect(foldText('Schrödinger Ÿ')).toBe('schrodinger y');
    expect(terms('Schrödinger équation')).toEqual(['schrodinger', 'equation', 'schrodinger equation']);
    expect(terms('модель трансформера')).toEqual(['модель', 'трансформера', 'модель трансформера']);
  });

  it('keeps words that mix letters and digits', () => {
    expect(terms('W4A8 on Llama3')).toEqual(['w4a8', 'llama3']);
  });

  it('is empty for text of stop words and numbers only', () => {
    expect(terms('We show that 3.5 of the 10 are')).toEqual([]);
  });
});
