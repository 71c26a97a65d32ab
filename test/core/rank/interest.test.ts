import { describe, expect, it } from 'vitest';
import { asLibraryPapers, memoryLibrary, type LibraryPaper } from '../../../src/core/library.js';
import { emptyPaper } from '../../../src/core/model.js';
import { explainInterest, labelOf, rankByInterest, similarPapers } from '../../../src/core/rank/interest.js';

function papers(specs: Array<{ id: string; title: string; abstract?: string; date?: string; upvotes?: number }>): LibraryPaper[] {
  return asLibraryPapers(
    specs.map((s, i) => ({ ...emptyPaper({ file: 't', line: i + 1 }), id: s.id, title: s.title, abstract: s.abstract ?? '', date: s.date ?? '2025-01-01', upvotes: s.upvotes ?? null })),
    'digest',
    '2025-01-01T00:00:00.000Z',
  );
}

const library = () =>
  memoryLibrary(
    papers([
      { id: 'q1', title: 'Low-bit quantization of language models', abstract: 'weights quantized to four bit integers' },
      { id: 'g1', title: 'Dark matter halos of dwarf galaxies', abstract: 'galaxy rotation curves and halos' },
      { id: 'q2', title: 'Post-training quantization with low-bit weights', abstract: 'integer weights and activations' },
      { id: 'g2', title: 'Galaxy clusters and dark matter', abstract: 'halos in galaxy clusters' },
      { id: 'q3', title: 'Quantization-aware training for low-bit transformers', abstract: 'four bit weights' },
      { id: 'g3', title: 'Dark matter halos in galaxy groups', abstract: 'rotation curves' },
      { id: 'x1', title: 'Protein folding with diffusion', abstract: 'protein structures', date: '2025-02-01', upvotes: 3 },
      { id: 'x2', title: 'Protein design', abstract: 'protein sequences', date: '2025-02-01', upvotes: 9 },
    ]),
  );

describe('rankByInterest', () => {
  it('falls back, and says why, with fewer than two positive papers', async () => {
    const lib = library();
    await lib.tag(['q1'], ['to-read'], []);
    const r = rankByInterest(lib.snapshot(), { ruleMatches: () => new Set(['g3']) });
    expect(r.mode).toBe('fallback');
    expect(r.reason).toMatch(/at least 2 papers tagged to-read\/read and 2 tagged skip \(you have 1 and 0\)/);
    // rule matches, then newest, then most upvoted; the tagged paper last
    expect(r.ids.slice(0, 3)).toEqual(['g3', 'x2', 'x1']);
    expect(r.ids.at(-1)).toBe('q1');
    expect(r.scores.size).toBe(0);
  });

  it('ranks by likeness to the positives when there are too few negatives', async () => {
    const lib = library();
    await lib.tag(['q1', 'q2'], ['read'], []);
    const r = rankByInterest(lib.snapshot());
    expect(r.mode).toBe('likeness');
    expect(r.reason).toMatch(/tag some papers skip/);
    expect(r.ids[0]).toBe('q3');
  });

  it('trains on positive against negative papers and puts undecided papers first', async () => {
    const lib = library();
    await lib.tag(['q1', 'q2'], ['to-read'], []);
    await lib.tag(['g1', 'g2'], ['skip'], []);
    const r = rankByInterest(lib.snapshot());
    expect(r.mode).toBe('model');
    expect(r.reason).toBeNull();
    expect(r.undecided).toBe(4);
    expect(r.ids[0]).toBe('q3');
    expect(r.ids[3]).toBe('g3');
    expect(new Set(r.ids.slice(4))).toEqual(new Set(['q1', 'q2', 'g1', 'g2']));
    expect(r.scores.get('q3')!).toBeGreaterThan(r.scores.get('g3')!);
  });

  it('uses the tag lists it is given', async () => {
    const lib = library();
    await lib.tag(['q1', 'q2'], ['meh'], []);
    await lib.tag(['g1', 'g2'], ['astro'], []);
    const r = rankByInterest(lib.snapshot(), { positive: ['astro'], negative: ['meh'] });
    expect(r.mode).toBe('model');
    expect(r.ids[0]).toBe('g3');
  });

  it('ignores papers tagged both ways', () => {
    expect(labelOf(['read', 'skip'], ['read'], ['skip'])).toBe('both');
    expect(labelOf(['quant'], ['read'], ['skip'])).toBeNull();
  });
});

describe('explainInterest', () => {
  it('names terms of the paper that raised its score, and the tagged papers most like it', async () => {
    const lib = library();
    await lib.tag(['q1', 'q2'], ['to-read'], []);
    await lib.tag(['g1', 'g2'], ['skip'], []);
    const e = explainInterest(lib.snapshot(), 'q3');
    expect(e.place).toBe(1);
    expect(e.of).toBe(8);
    expect(e.up.length).toBeGreaterThan(0);
    for (const c of e.up) expect('quantization-aware training for low-bit transformers four bit weights'.replace(/-/g, ' ')).toContain(c.term);
    expect(e.up.map((c) => c.term)).toContain('quantization');
    expect(e.like[0]).toMatchObject({ label: 'positive' });
    expect(['q1', 'q2']).toContain(e.like[0]!.id);
  });

  it('has no terms in fallback mode but still says why', () => {
    const e = explainInterest(library().snapshot(), 'q3');
    expect(e.mode).toBe('fallback');
    expect(e.up).toEqual([]);
    expect(e.reason).toMatch(/you have 0 and 0/);
  });
});

describe('similarPapers', () => {
  it('returns the nearest papers by cosine, best first, never the paper itself', () => {
    const s = similarPapers(library().snapshot().papers, 'g1', 3);
    expect(s.map((x) => x.id)).not.toContain('g1');
    expect(s.every((x) => x.id.startsWith('g'))).toBe(true);
    expect(s.map((x) => x.score)).toEqual([...s.map((x) => x.score)].sort((a, b) => b - a));
  });
});
