import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asLibraryPapers, type Decision, type LibraryPaper, type Snapshot } from '../../src/core/library.js';
import { emptyPaper, type Link } from '../../src/core/model.js';
import { compileQuery } from '../../src/core/query/index.js';
import {
  addToIndex,
  buildSearchIndex,
  createSearchIndex,
  matchDetails,
  searchPapers,
  words,
  type SearchIndex,
} from '../../src/core/search/index.js';
import { editDistance } from '../../src/core/search/vocabulary.js';
import { forEachWord, forEachWordSpan, normaliseWord } from '../../src/core/search/tokenize.js';

/** The index as stored: equal bytes, equal indexes (live docs, vocabulary, postings). */
/** What an index holds, whatever the spare room in its arrays: words, live paper ids, postings. */
const stored = (index: SearchIndex) => ({
  terms: index.terms,
  ids: index.ids.filter((_, d) => index.live[d]),
  postings: index.terms.map((_, t) => Array.from(index.postings[t]!.subarray(0, index.postingLen[t]!))),
});

interface Spec {
  id: string;
  title: string;
  abstract?: string;
  date?: string;
  links?: Link[];
}

function papersOf(specs: readonly Spec[]): LibraryPaper[] {
  return asLibraryPapers(
    specs.map((s, i) => ({ ...emptyPaper({ file: 'inline', line: i + 1 }), id: s.id, title: s.title, abstract: s.abstract ?? '', date: s.date ?? '2025-03-01', links: s.links ?? [] })),
    'digest-1',
    '2025-03-01T00:00:00.000Z',
  );
}

function snapshotOf(specs: readonly Spec[], decisions: Array<[string, Decision]> = []): Snapshot {
  return { papers: papersOf(specs), decisions: new Map(decisions), latestDigest: 'digest-1' };
}

function run(snapshot: Snapshot, text: string, index: SearchIndex = createSearchIndex()) {
  const compiled = compileQuery(text);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return searchPapers(index, compiled.query, snapshot);
}

const ids = (snapshot: Snapshot, text: string, index?: SearchIndex) => run(snapshot, text, index).hits.map((h) => h.paper.id);

const LIBRARY: Spec[] = [
  { id: 'a', title: 'Efficient linear attention for long sequences', abstract: 'We make transformers cheaper with kernels.' },
  { id: 'b', title: 'A study of image classifiers', abstract: 'We revisit linear probes and attention maps of vision transformers.' },
  { id: 'c', title: 'Attention is not linear: a critique', abstract: 'Softmax matters.' },
  { id: 'd', title: 'Protein design with diffusion', abstract: 'De novo protein structures from a generative model.', links: [{ url: 'https://github.com/x/y', kind: 'code' }] },
  { id: 'e', title: 'Post-training quantization of language models', abstract: 'We quantize weights to four bits with linear attention layers.' },
  { id: 'f', title: 'Self-attention in graph networks', abstract: 'Message passing meets self attention.', date: '2024-06-10' },
  { id: 'g', title: 'Flow matching for video generation', abstract: 'Continuous normalising flows generate video.' },
  { id: 'h', title: 'Robert and Bert go shopping', abstract: 'A story about roberta models.' },
];

describe('matching', () => {
  const snap = snapshotOf(LIBRARY);

  it('all words must match, in any order, in title or abstract', () => {
    expect(ids(snap, 'attention linear').sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(snap, 'linear attention kernels')).toEqual(['a']);
  });

  it('forgives typos: a swapped pair, a missing letter', () => {
    expect(ids(snap, 'protien desing')).toEqual(['d']);
    expect(ids(snap, 'atention lineer').sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(snap, 'difusion')).toEqual(['d']);
  });

  it('a word matches the words it begins (3+ letters), not shorter ones', () => {
    expect(ids(snap, 'quantiz')).toEqual(['e']);
    expect(ids(snap, 'ge').length).toBe(0);
  });

  it("'word matches that word only; a bare word also longer ones and typos", () => {
    expect(ids(snap, "'bert")).toEqual(['h']);
    expect(ids(snap, "'robert")).toEqual(['h']);
    expect(ids(snap, "'rober")).toEqual([]);
    expect(ids(snap, 'rober')).toEqual(['h']);
  });

  it('"phrase" needs the words adjacent and in order; so does a hyphenated word', () => {
    expect(ids(snap, '"linear attention"').sort()).toEqual(['a', 'e']);
    expect(ids(snap, '"attention linear"')).toEqual([]);
    expect(ids(snap, 'self-attention')).toEqual(['f']);
  });

  it('a | b matches either', () => {
    expect(ids(snap, 'protein | flow').sort()).toEqual(['d', 'g']);
    expect(ids(snap, 'generation video | protein')).toEqual(['g']);
  });

  it('-word and !word exclude the word and words it begins, without typo tolerance', () => {
    expect(ids(snap, 'linear attention -quantization').sort()).toEqual(['a', 'b', 'c']);
    expect(ids(snap, 'linear attention !quantiz').sort()).toEqual(['a', 'b', 'c']);
    // "-quantisation" (a different spelling) must not silently drop the quantization paper
    expect(ids(snap, 'linear attention -quantisation').sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(snap, '-attention').sort()).toEqual(['d', 'g', 'h']);
  });

  it('title: and abstract: look in one field only', () => {
    expect(ids(snap, 'title:linear').sort()).toEqual(['a', 'c']);
    expect(ids(snap, 'abstract:linear').sort()).toEqual(['b', 'e']);
    expect(ids(snap, 'title:"linear attention"')).toEqual(['a']);
    expect(ids(snap, 'linear -title:attention').sort()).toEqual(['b', 'e']);
    expect(ids(snap, 'attention -abstract:linear').sort()).toEqual(['a', 'c', 'f']);
  });

  it('has:, id:, since:, until:', () => {
    expect(ids(snap, 'has:code')).toEqual(['d']);
    expect(ids(snap, '-has:code').length).toBe(LIBRARY.length - 1);
    expect(ids(snap, 'id:h')).toEqual(['h']);
    expect(ids(snap, 'until:2024')).toEqual(['f']);
    expect(ids(snap, 'since:2025-01 attention').sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(snap, 'has:note')).toEqual([]);
  });

  it('tags: +tag, tag:, -tag:, and the virtual ones', () => {
    const tagged = snapshotOf(LIBRARY, [
      ['a', { tags: { 'to-read': '2025-03-02T00:00:00Z' }, note: null }],
      ['d', { tags: { read: '2025-03-02T00:00:00Z' }, note: { text: 'nice', at: '2025-03-02T00:00:00Z' } }],
    ]);
    expect(ids(tagged, '+to-read')).toEqual(['a']);
    expect(ids(tagged, 'tag:read')).toEqual(['d']);
    expect(ids(tagged, 'attention -tag:to-read').sort()).toEqual(['b', 'c', 'e', 'f']);
    expect(ids(tagged, '+untriaged').length).toBe(LIBRARY.length - 2);
    expect(ids(tagged, '+new').length).toBe(LIBRARY.length);
    expect(ids(tagged, 'has:note')).toEqual(['d']);
    expect(ids(tagged, '+to-read | +read').sort()).toEqual(['a', 'd']);
  });

  it('an empty query (or one of filters only) keeps library order with score 0', () => {
    const r = run(snap, '');
    expect(r.hits.map((h) => h.paper.id)).toEqual(LIBRARY.map((s) => s.id));
    expect(r.hits.every((h) => h.score === 0)).toBe(true);
    expect(ids(snap, '-has:code')).toEqual(LIBRARY.map((s) => s.id).filter((id) => id !== 'd'));
  });

  it('a word that is in no paper matches nothing', () => {
    expect(run(snap, 'zzyzx').total).toBe(0);
    expect(run(snap, 'linear zzyzx').total).toBe(0);
  });
});

describe('ranking', () => {
  it('title matches rank above abstract matches; both words in the title, adjacent, first', () => {
    const snap = snapshotOf(LIBRARY);
    const order = ids(snap, 'linear attention');
    expect(order[0]).toBe('a'); // adjacent in the title
    expect(order[1]).toBe('c'); // both in the title, apart
    expect(order.slice(2).sort()).toEqual(['b', 'e']); // abstract only
  });

  it('exact above fuzzy; close spellings count only when the word itself is rare next to them', () => {
    const snap = snapshotOf([
      { id: 'typo', title: 'Graph transfomers at scale' },
      ...Array.from({ length: 10 }, (_, i) => ({ id: `ok${i}`, title: `Vision transformers ${i}` })),
    ]);
    const typo = ids(snap, 'transfomers');
    expect(typo[0]).toBe('typo');
    expect(typo).toHaveLength(11);
    // the correct spelling does not drag in the one paper with the typo
    expect(ids(snap, 'transformers')).not.toContain('typo');
  });

  it('ties keep library order', () => {
    const snap = snapshotOf([
      { id: 'x', title: 'Mamba one' },
      { id: 'y', title: 'Mamba one' },
      { id: 'z', title: 'Mamba one' },
    ]);
    expect(ids(snap, 'mamba')).toEqual(['x', 'y', 'z']);
  });

  it('limit returns the best hits while total counts every match', () => {
    const snap = snapshotOf(LIBRARY);
    const all = ids(snap, 'attention');
    const compiled = compileQuery('attention');
    if (!compiled.ok) throw new Error();
    const r = searchPapers(createSearchIndex(), compiled.query, snap, { limit: 2 });
    expect(r.total).toBe(all.length);
    expect(r.hits.map((h) => h.paper.id)).toEqual(all.slice(0, 2));
  });
});

describe('match details', () => {
  it('gives title and abstract ranges of the matched words, and a snippet around them', () => {
    const snap = snapshotOf(LIBRARY);
    const r = run(snap, 'protien desing');
    const paper = r.hits[0]!.paper;
    const d = matchDetails(r.plan, paper);
    expect(d.title.map(([s, e]) => paper.title.slice(s, e))).toEqual(['Protein', 'design']);
    expect(d.abstract.map(([s, e]) => paper.abstract.slice(s, e))).toEqual(['protein']);
    expect(d.snippet.text).toBe(paper.abstract);
  });

  it('a phrase is one range; excluded words are not highlighted', () => {
    const snap = snapshotOf(LIBRARY);
    const r = run(snap, '"linear attention" -kernels');
    const paper = r.hits[0]!.paper;
    expect(paper.id).toBe('e');
    const d = matchDetails(r.plan, paper);
    expect(d.abstract.map(([s, e]) => paper.abstract.slice(s, e))).toEqual(['linear attention']);
  });

  it('the snippet of a long abstract is the window holding the matches', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(20);
    const snap = snapshotOf([{ id: 'long', title: 'Something', abstract: `${filler}Here the crucial zebra finding appears. ${filler}` }]);
    const r = run(snap, 'zebra');
    const d = matchDetails(r.plan, r.hits[0]!.paper, 80);
    expect(d.snippet.text.length).toBeLessThanOrEqual(80);
    expect(d.snippet.start).toBeGreaterThan(0);
    expect(d.snippet.end).toBeLessThan(r.hits[0]!.paper.abstract.length);
    const [s, e] = d.snippet.matches[0]!;
    expect(d.snippet.text.slice(s, e)).toBe('zebra');
  });
});

describe('the index', () => {
  const papers = papersOf(LIBRARY);
  const queries = ['linear attention', 'protien desing', '"linear attention"', 'attention -quantization', 'protein | flow', 'title:attention', ''];
  const snap: Snapshot = { papers, decisions: new Map(), latestDigest: 'digest-1' };
  const results = (index: SearchIndex) => queries.map((q) => run(snap, q, index).hits.map((h) => [h.paper.id, h.score]));

  it('built incrementally, it answers as one built in bulk', () => {
    const bulk = buildSearchIndex(papers);
    const incremental = createSearchIndex();
    addToIndex(incremental, papers.slice(0, 3));
    addToIndex(incremental, papers.slice(3, 5));
    addToIndex(incremental, papers.slice(5));
    expect(results(incremental)).toEqual(results(bulk));
    expect(stored(incremental)).toEqual(stored(bulk));
  });

  it('adding papers already indexed changes nothing', () => {
    const index = buildSearchIndex(papers);
    const generation = index.generation;
    expect(addToIndex(index, papers)).toBe(0);
    expect(index.generation).toBe(generation);
  });

  it('an empty index takes papers as it searches', () => {
    expect(ids(snap, 'protein', createSearchIndex())).toEqual(['d']);
  });

  it('a paper whose text changed is re-indexed: its old words no longer find it', () => {
    const index = buildSearchIndex(papers);
    const changed = papers.map((p) => (p.id === 'g' ? { ...p, title: 'Rectified flow for audio', abstract: '' } : p));
    const snap2: Snapshot = { papers: changed, decisions: new Map(), latestDigest: 'digest-1' };
    expect(ids(snap2, 'video', index)).toEqual([]);
    expect(ids(snap2, 'audio', index)).toEqual(['g']);
    expect(stored(index).ids).toHaveLength(papers.length); // live docs only
  });

  it('searching a snapshot indexes the papers the index lacks, and skips papers not in the snapshot', () => {
    const index = buildSearchIndex(papers.slice(0, 4));
    expect(ids(snap, 'flow', index)).toEqual(['g']);
    const fewer: Snapshot = { ...snap, papers: papers.filter((p) => p.id !== 'g') };
    expect(ids(fewer, 'flow', index)).toEqual([]);
  });

  it('tokenises accents, case and punctuation away', () => {
    expect(words('Éléments: GPT-4o, self—attention & ﬁne-tuning')).toEqual(['elements', 'gpt', '4o', 'self', 'attention', 'fine', 'tuning']);
    const snap2 = snapshotOf([{ id: 'x', title: 'Modèles génératifs' }]);
    expect(ids(snap2, 'generatifs')).toEqual(['x']);
    expect(ids(snap2, 'GÉNÉRATIFS')).toEqual(['x']);
  });
});

describe('tokenising', () => {
  it('forEachWordSpan finds the words forEachWord finds, at the same places', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'É', '4', ' ', '-', '\u0301', 'ß', 'İ', '中', '.', '\n') , maxLength: 40 });
    fc.assert(
      fc.property(text, (t) => {
        const a: number[] = [];
        const b: number[] = [];
        forEachWord(t, (w, s, e) => {
          expect(w.length).toBeGreaterThan(0);
          a.push(s, e);
        });
        forEachWordSpan(t, (s, e) => b.push(s, e));
        expect(b).toEqual(a);
      }),
    );
  });

  it('forEachWord finds the runs of letters and digits a scan of the whole text finds, ASCII or not', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'É', '4', ' ', '-', '\u0301', 'ß', 'İ', '中', '.', '𝑥', '😀', 'ab'), maxLength: 40 });
    fc.assert(
      fc.property(text, (t) => {
        const expected = [...t.matchAll(/[\p{L}\p{N}]+/gu)].flatMap((m) => {
          const w = normaliseWord(m[0]);
          return w.length > 0 ? [[w, m.index, m.index + m[0].length]] : [];
        });
        const got: Array<[string, number, number]> = [];
        forEachWord(t, (w, s, e) => got.push([w, s, e]));
        expect(got).toEqual(expected);
      }),
    );
  });

  it('the index reads the same words as the tokenizer', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', 'É', '4', ' ', '-', '\u0301', 'ß', 'İ', '中', 'ab', 'AB', '𝑥', '😀'), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        const index = buildSearchIndex(texts.map((t, i) => ({ id: `p${i}`, title: t, abstract: t.toUpperCase() })));
        const indexed = Array.from(index.tokens.subarray(0, index.tokenCount), (t) => index.terms[t]);
        expect(indexed).toEqual(texts.flatMap((t) => [...words(t), ...words(t.toUpperCase())]));
      }),
    );
  });
});

describe('match details of a paper whose text is not the indexed one', () => {
  it('reads the words from the text itself', () => {
    const snap = snapshotOf(LIBRARY);
    const r = run(snap, 'protein');
    const edited = { ...r.hits[0]!.paper, title: 'Another protein paper', abstract: '' };
    expect(matchDetails(r.plan, edited).title).toEqual([[8, 15]]);
  });
});


describe('editDistance', () => {
  it('counts a swap of neighbours as one edit and stops past the limit', () => {
    expect(editDistance('protien', 'protein', 2)).toBe(1);
    expect(editDistance('desing', 'design', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('protien', 'potential', 2)).toBe(3);
  });
});
