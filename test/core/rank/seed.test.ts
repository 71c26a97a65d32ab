// Interest ranking and similarity on the bundled seed (100 Hugging Face Daily Papers). Which papers
// count as "about linear attention" or "about quantization" is decided by keyword filters here, not
// by hand-picked ids.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asLibraryPapers, memoryLibrary, type LibraryPaper } from '../../../src/core/library.js';
import { parseDigest } from '../../../src/core/parse/index.js';
import { explainInterest, rankByInterest, similarPapers } from '../../../src/core/rank/interest.js';
import { terms } from '../../../src/core/rank/tokenize.js';

const SEED = new URL('../../../seeds/000_8fc7cc936e25f888.txt', import.meta.url);
const parsed = parseDigest(readFileSync(SEED, 'utf8'), { file: 'seed', year: 2025 });
const papers: LibraryPaper[] = asLibraryPapers(parsed.papers, 'seed', '2025-03-12T00:00:00.000Z');
const text = (p: LibraryPaper) => `${p.title} ${p.abstract}`;

describe('on the seed', () => {
  it('has the papers the tests rely on', () => {
    expect(papers.length).toBe(100);
  });

  it('finds linear-attention papers nearest to Gated Linear Attention', () => {
    const gla = papers.find((p) => p.title.startsWith('Gated Linear Attention'))!;
    const linear = (p: LibraryPaper) => /linear (self-)?attention|linear transformer|linear recurren|linear rnn|linearizing/i.test(text(p));
    const about = papers.filter(linear);
    expect(about.length).toBeLessThan(papers.length / 5); // a small minority: the filter means something
    const top = similarPapers(papers, gla.id, 3);
    expect(top).toHaveLength(3);
    for (const s of top) expect(linear(papers.find((p) => p.id === s.id)!), s.title).toBe(true);
  });

  it('puts the other quantization papers at the top of the untriaged list once some are tagged', async () => {
    const quant = (p: LibraryPaper) => /quantiz|low-bit/i.test(p.title);
    const quantPapers = papers.filter(quant);
    const unrelated = papers.filter((p) => !/quantiz|low-bit|compress|pruning/i.test(text(p)));
    expect(quantPapers.length).toBeGreaterThanOrEqual(6);
    const half = Math.ceil(quantPapers.length / 2);
    const liked = quantPapers.slice(0, half);
    const heldOut = quantPapers.slice(half);
    const lib = memoryLibrary(papers);
    await lib.tag(liked.map((p) => p.id), ['to-read'], []);
    await lib.tag(unrelated.slice(0, 8).map((p) => p.id), ['skip'], []);
    const ranking = rankByInterest(lib.snapshot());
    expect(ranking.mode).toBe('model');
    const untriaged = ranking.ids.slice(0, ranking.undecided);
    expect(untriaged).toHaveLength(papers.length - half - 8);
    // Every held-out quantization paper among the first 2k untriaged papers (k = how many there are),
    // and the first untriaged paper is one of them. In library order they are spread far wider.
    const top = new Set(untriaged.slice(0, 2 * heldOut.length));
    for (const p of heldOut) expect(top.has(p.id), p.title).toBe(true);
    expect(heldOut.map((p) => p.id)).toContain(untriaged[0]);
    const libraryOrder = papers.filter((p) => !liked.includes(p) && !unrelated.slice(0, 8).includes(p)).map((p) => p.id);
    expect(Math.max(...heldOut.map((p) => libraryOrder.indexOf(p.id)))).toBeGreaterThan(2 * heldOut.length);
  });

  it('ranks the same way every time, from a fresh index too', async () => {
    const run = async () => {
      const copy = papers.map((p) => ({ ...p })); // a new array: no cached index
      const lib = memoryLibrary(copy);
      await lib.tag(copy.filter((p) => /attention/i.test(p.title)).map((p) => p.id), ['read'], []);
      await lib.tag(copy.filter((p) => /diffusion/i.test(p.title)).map((p) => p.id), ['skip'], []);
      const r = rankByInterest(lib.snapshot());
      return { mode: r.mode, ids: r.ids, scores: [...r.scores] };
    };
    const first = await run();
    expect(first.mode).toBe('model');
    expect(await run()).toEqual(first);
  });

  it('explains a rank with terms that occur in the paper', async () => {
    const lib = memoryLibrary(papers);
    const quantPapers = papers.filter((p) => /quantiz/i.test(p.title));
    await lib.tag(quantPapers.slice(0, 3).map((p) => p.id), ['read'], []);
    await lib.tag(papers.filter((p) => !/quantiz/i.test(text(p))).slice(0, 5).map((p) => p.id), ['skip'], []);
    for (const paper of [quantPapers.at(-1)!, papers.find((p) => p.title.startsWith('Gated Linear Attention'))!]) {
      const e = explainInterest(lib.snapshot(), paper.id);
      const own = new Set(terms(`${paper.title}. ${paper.abstract}`));
      expect(e.up.length + e.down.length).toBeGreaterThan(0);
      for (const c of [...e.up, ...e.down]) expect(own.has(c.term), c.term).toBe(true);
      expect(e.like.length).toBeGreaterThan(0);
    }
  });
});
