import { describe, expect, it } from 'vitest';
import { normaliseTitle, paperId, parseArxivId, titleHash } from '../../src/core/ids.js';

describe('parseArxivId', () => {
  it('splits modern ids and versions', () => {
    expect(parseArxivId('2503.01234v2')).toEqual({ id: '2503.01234', version: 2 });
    expect(parseArxivId('arXiv:1912.02015')).toEqual({ id: '1912.02015', version: null });
    expect(parseArxivId('0704.0001')).toEqual({ id: '0704.0001', version: null });
  });
  it('keeps old-style archive ids as written', () => {
    expect(parseArxivId('hep-ex/0307015')).toEqual({ id: 'hep-ex/0307015', version: null });
    expect(parseArxivId('math.OA/0101001v3')).toEqual({ id: 'math.OA/0101001', version: 3 });
  });
  it('refuses what is not an id', () => {
    for (const s of ['', 'foo', '2503.123', '12345.6789', 'github.com/a/b']) expect(parseArxivId(s)).toBeNull();
  });
});

describe('title ids', () => {
  it('ignore case, accents, punctuation and spacing', () => {
    expect(normaliseTitle('  Café: Über-Fast   LLMs! ')).toBe('cafe uber fast llms');
    expect(titleHash('Café: Über-Fast LLMs')).toBe(titleHash('cafe uber  fast llms'));
  });
  it('are pinned: the same title gives the same id on every machine and release', () => {
    // A changed value here orphans every user's decisions on title-keyed papers: never update it casually.
    expect(paperId(null, 'MixtureGrowth: Growing Neural Networks by Recombining Learned Parameters')).toBe('tyrnnmx66');
    expect(paperId(null, 'Transformers learn in-context by gradient descent')).toBe('tdxxsa7s5');
  });
  it('are 9 unambiguous characters and differ for different titles', () => {
    const ids = new Set(Array.from({ length: 5000 }, (_, i) => paperId(null, `A study of thing number ${i}`)));
    expect(ids.size).toBe(5000);
    for (const id of [...ids].slice(0, 50)) expect(id).toMatch(/^t[0-9a-hjkmnp-tv-z]{8}$/);
  });
  it('prefer the arXiv id', () => {
    expect(paperId('2503.01234', 'Anything')).toBe('2503.01234');
  });
});
