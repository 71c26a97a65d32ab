import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hfPage } from '../../src/core/parse/hf-page.js';
import { detectFormat } from '../../src/core/parse/index.js';
import type { ParseOptions, ParseResult } from '../../src/core/model.js';

const SEED = fileURLToPath(new URL('../../seeds/000_8fc7cc936e25f888.txt', import.meta.url));
const HF2 = fileURLToPath(new URL('../fixtures/corpora/hf-papers-2.txt', import.meta.url));
const seedText = readFileSync(SEED, 'utf8');
const hf2Text = readFileSync(HF2, 'utf8');

const parse = (text: string, options: Partial<ParseOptions> = {}): ParseResult =>
  hfPage.parse(text, { file: 'test.txt', year: 2025, yearSource: 'flag', ...options });

/** The seed read a second, independent way: after the date line, paragraphs alternate title, abstract. */
function seedParagraphs(): { title: string; abstract: string; line: number }[] {
  const lines = seedText.split('\n');
  const dateLine = lines.indexOf('Mar 12');
  const out: { title: string; abstract: string; line: number }[] = [];
  let i = dateLine + 1;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const title = lines[i]!;
    const line = i + 1;
    i++;
    while (i < lines.length && lines[i]!.trim() === '') i++;
    out.push({ title, abstract: lines[i] ?? '', line });
    i++;
  }
  return out;
}

describe('hf-page: the bundled seed', () => {
  const result = parse(seedText, { file: 'seed.txt' });
  const papers = result.papers;
  const expected = seedParagraphs();

  it('finds exactly 100 papers, in page order, with titles exactly as in the file', () => {
    expect(expected).toHaveLength(100);
    expect(papers).toHaveLength(100);
    expect(papers.map((p) => p.title)).toEqual(expected.map((e) => e.title));
    expect(papers[0]!.title).toBe('Decoding specialised feature neurons in LLMs with the final projection layer');
    expect(papers[15]!.title).toBe('eDKM: An Efficient and Accurate Train-time Weight Clustering for Large Language Models');
    expect(papers[99]!.title).toBe('ZeroQuant-FP: A Leap Forward in LLMs Post-Training W4A8 Quantization Using Floating-Point Formats');
  });

  it('points each paper at the line its title is on', () => {
    expect(papers.map((p) => p.source)).toEqual(expected.map((e) => ({ file: 'seed.txt', line: e.line })));
    expect(papers[0]!.source.line).toBe(11);
  });

  it('keeps each abstract complete: same start and end, about the same length', () => {
    for (const [i, p] of papers.entries()) {
      const raw = expected[i]!.abstract;
      expect(p.abstractKind).toBe('abstract');
      expect(p.abstract.slice(0, 25)).toBe(raw.slice(0, 25));
      expect(p.abstract.length).toBeGreaterThan(raw.length * 0.95);
      expect(p.abstract.length).toBeLessThanOrEqual(raw.length);
      // the last word survives
      const lastWord = raw.trim().split(' ').at(-1)!.replace(/[.,;]+$/, '');
      if (!/[\\{}$]/.test(lastWord)) expect(p.abstract).toContain(lastWord);
    }
  });

  it('cleans the LaTeX leftovers and arXiv stubs of the abstracts', () => {
    for (const p of papers) {
      expect(p.abstract).not.toMatch(/\\[A-Za-z%"]|\{this|this https URL|\$|``|''|\n|\u00a0|  /);
    }
    const byStart = (s: string) => papers.find((p) => p.title.startsWith(s))!;
    expect(byStart('One Step of Gradient').abstract).toContain('[Akyürek et al., 2023]');
    expect(byStart('Transformer as Linear Expansion')).toBeDefined();
    expect(papers.some((p) => p.abstract.includes('“Weight Guide”'))).toBe(true);
    expect(byStart('ShiftAddViT').abstract).toContain('up to 5.18× latency reductions on GPUs and 42.9% energy savings');
    expect(byStart('Unlocking Continual Learning').abstract).toContain('Code is available at https://github.com/wenyudu/MIGU.');
    expect(byStart('The Implicit Regularization of Dynamical').abstract).toContain('dynamical stability');
    expect(byStart('eDKM').abstract).toContain('by 130×, while');
  });

  it('gives unique, stable ids derived from the titles (no arXiv ids in the seed)', () => {
    const ids = papers.map((p) => p.id);
    expect(new Set(ids).size).toBe(100);
    expect(parse(seedText).papers.map((p) => p.id)).toEqual(ids);
    // pinned: an id must not change between versions, or users' tags would be lost
    expect(ids[0]).toBe('t20z6b4em');
    expect(ids[1]).toBe('tyrnnmx66');
    expect(ids[99]).toBe('tq8rh4ns3');
    for (const p of papers) {
      expect(p.arxivId).toBeNull();
      expect(p.id).toMatch(/^t[0-9a-z]{8}$/);
    }
  });

  it('links MixtureGrowth to its code without the sentence period', () => {
    const mg = papers.find((p) => p.title.startsWith('MixtureGrowth'))!;
    expect(mg.links).toEqual([{ url: 'https://github.com/chaudatascience/mixturegrowth', kind: 'code' }]);
  });

  it('finds the code, project and dataset links of the abstracts', () => {
    const links = papers.flatMap((p) => p.links);
    expect(links.filter((l) => l.kind === 'code').length).toBe(31);
    expect(links).toContainEqual({ url: 'https://github.com/jacobdunefsky/ObservablePropagation', kind: 'code' });
    expect(links).toContainEqual({ url: 'https://techmonsterwang.github.io/LiT/', kind: 'project' });
    expect(links).toContainEqual({ url: 'https://huggingface.co/datasets/OpenFace-CQUPT/FaceCaption-15M', kind: 'dataset' });
    expect(links).toContainEqual({ url: 'https://anonymous.4open.science/r/TangleNAS-527C', kind: 'code' });
    expect(papers.find((p) => p.title.startsWith('SLAB'))!.links.map((l) => l.url)).toEqual([
      'https://github.com/xinghaochen/SLAB',
      'https://github.com/mindspore-lab/models/tree/master/research/huawei-noah/SLAB',
    ]);
    for (const l of links) expect(l.url).not.toMatch(/[.,;)]$/);
  });

  it('dates every paper from the "Mar 12" line with the given year, and says where the year came from', () => {
    expect(new Set(papers.map((p) => p.date))).toEqual(new Set(['2025-03-12']));
    expect(result.diagnostics).toEqual([{ line: 9, severity: 'info', message: '"Mar 12" has no year: assumed 2025 (from --year)' }]);
    const mtime = parse(seedText, { year: 2024, yearSource: 'mtime' });
    expect(mtime.papers[0]!.date).toBe('2024-03-12');
    expect(mtime.diagnostics[0]!.message).toBe('"Mar 12" has no year: assumed 2024 (from the file\'s modification time)');
  });

  it('leaves authors and upvotes empty: the seed names none', () => {
    for (const p of papers) {
      expect(p.authors).toEqual([]);
      expect(p.upvotes).toBeNull();
    }
  });

  it('is detected as a Hugging Face page', () => {
    expect(hfPage.detect(seedText)).toBeGreaterThanOrEqual(0.9);
    expect(detectFormat(seedText).name).toBe('hf-page');
  });
});

describe('hf-page: a text-browser dump of a search page (hf-papers-2.txt)', () => {
  const result = parse(hf2Text, { file: 'hf-papers-2.txt', year: 2026, yearSource: 'mtime' });
  const papers = result.papers;

  it('finds the 20 papers with their titles, joining the one wrapped over two ### lines', () => {
    expect(papers.map((p) => p.title)).toEqual([
      'MURMUR: An Efficient Inference System for Long-Form ASR',
      'Gemini 1.5: Unlocking multimodal understanding across millions of tokens of context',
      'Speech-Aware Long Context Pruning and Integration for Contextualized Automatic Speech Recognition',
      'MLMA: Towards Multilingual with Mamba Based Architectures',
      'Whispering Context: Distilling Syntax and Semantics for Long Speech Transcripts',
      'Mind the Gap: Entity-Preserved Context-Aware ASR Structured Transcriptions',
      'Libriheavy: a 50,000 hours ASR corpus with punctuation casing and context',
      'PromptASR for contextualized ASR with controllable style',
      'VIBEVOICE-ASR Technical Report',
      'ChunkFormer: Masked Chunking Conformer For Long-Form Speech Transcription',
      'StepAudio 2.5 Technical Report',
      "Blending LLMs into Cascaded Speech Translation: KIT's Offline Speech Translation System for IWSLT 2024",
      'LongSpeech: A Scalable Benchmark for Transcription, Translation and Understanding in Long Speech',
      'ContextASR-Bench: A Massive Contextual Speech Recognition Benchmark',
      'How to Train Long-Context Language Models (Effectively)',
      'LongSkywork: A Training Recipe for Efficiently Extending Context Length in Large Language Models',
      'Thus Spake Long-Context Large Language Model',
      'KV Cache Compression, But What Must We Give in Return? A Comprehensive Benchmark of Long Context Capable Approaches',
      'inftyBench: Extending Long Context Evaluation Beyond 100K Tokens',
      'What is Wrong with Perplexity for Long-context Language Modeling?',
    ]);
    expect(papers.map((p) => p.source.line)).toEqual([59, 84, 109, 135, 159, 183, 209, 234, 258, 280, 306, 338, 364, 390, 418, 446, 473, 501, 529, 556]);
  });

  it('gives each paper the upvote block printed before its title ("-" is 0)', () => {
    expect(papers.map((p) => p.upvotes)).toEqual([0, 65, 1, 0, 0, 0, 1, 0, 24, 1, 49, 1, 1, 1, 2, 2, 73, 0, 1, 0]);
  });

  it("dates each paper from its own card, not the search page's date header", () => {
    expect(papers.map((p) => p.date)).toEqual([
      '2026-05-30', '2024-03-08', '2025-11-14', '2025-10-21', '2025-08-18', '2025-06-28', '2023-09-14', '2023-09-13',
      '2026-03-13', '2025-02-20', '2026-05-21', '2024-06-24', '2026-01-19', '2025-07-08', '2024-10-03', '2024-06-01',
      '2025-02-24', '2024-07-01', '2024-02-21', '2025-07-26',
    ]);
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages).toContain('"Jun 29" is the date of the search page, not of its papers: each paper takes the date on its card');
    expect(messages).toContain('"May 30" has no year: assumed 2026 (from the file\'s modification time)');
    expect(result.diagnostics.every((d) => d.severity === 'info')).toBe(true);
  });

  it('joins the abstracts wrapped at 120 columns into clean complete paragraphs', () => {
    const murmur = papers[0]!;
    expect(murmur.abstract.startsWith('Long-form automatic speech recognition (ASR) requires both high accuracy and low latency, but existing systems force a trade-off between the two.')).toBe(true);
    expect(murmur.abstract.endsWith('The code of Murmur is available at https://github.com/uw-syfi/Murmur.')).toBe(true);
    expect(murmur.abstract).not.toContain('\n');
    expect(papers[3]!.abstract).toContain('the Mamba architecture – an efficient state-space model optimized for long-context sequence processing – for multilingual ASR');
    expect(papers[2]!.abstract).toContain('we propose the SAP^{2} method');
    for (const p of papers) {
      expect(p.abstractKind).toBe('abstract');
      expect(p.abstract.length).toBeGreaterThan(900);
      expect(p.abstract).not.toMatch(/\]\[\d+\]|^\[|  /);
    }
  });

  it('finds the code links without the period', () => {
    expect(papers[0]!.links).toEqual([{ url: 'https://github.com/uw-syfi/Murmur', kind: 'code' }]);
    expect(papers[13]!.links).toEqual([{ url: 'https://github.com/MrSupW/ContextASR-Bench', kind: 'code' }]);
    expect(papers[17]!.links).toEqual([{ url: 'https://github.com/henryzhongsc/longctx_bench', kind: 'code' }]);
    expect(papers[19]!.links).toEqual([{ url: 'https://github.com/PKU-ML/LongPPL', kind: 'code' }]);
  });

  it('takes an author count for what it is: no names', () => {
    for (const p of papers) expect(p.authors).toEqual([]);
  });

  it('has no arXiv ids (the [n] link definitions were cut off), so ids come from titles, unique', () => {
    expect(papers.every((p) => p.arxivId === null)).toBe(true);
    expect(new Set(papers.map((p) => p.id)).size).toBe(20);
  });

  it('is detected as a Hugging Face page', () => {
    expect(hfPage.detect(hf2Text)).toBeGreaterThanOrEqual(0.9);
  });
});

const abstract = (n: number) =>
  `We study problem ${n} in depth and show that our method works well on many benchmarks. Code is at github.com/lab/repo${n}.`;

const HEADER = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'byAK and the research community', ''];

function plainPage(lines: string[]): string {
  return [...HEADER, ...lines].join('\n');
}

describe('hf-page: variants', () => {
  const basic = plainPage(['Mar 12', '', 'First Title', '', abstract(1), '', 'Second Title', '', abstract(2), '']);

  it('reads CRLF line ends like LF', () => {
    const lf = parse(basic);
    const crlf = parse(basic.replace(/\n/g, '\r\n'));
    expect(crlf.papers).toEqual(lf.papers);
    expect(lf.papers.map((p) => p.title)).toEqual(['First Title', 'Second Title']);
    expect(crlf.papers[0]!.abstract).toBe(abstract(1));
  });

  it('ignores a BOM and reads no-break spaces as spaces', () => {
    const text = '\ufeff' + basic.replace('First Title', 'First\u00a0Title').replace('in depth', 'in\u00a0depth');
    const r = parse(text);
    expect(r.papers.map((p) => p.title)).toEqual(['First Title', 'Second Title']);
    expect(r.papers[0]!.abstract).toBe(abstract(1));
    expect(r.papers[0]!.source.line).toBe(11);
  });

  it('accepts the header lines in their other spellings', () => {
    const text = [
      'new', '', 'Get trending papers in your email inbox once a day!', '', 'Get trending papers in your email inbox!', '',
      '[Subscribe][29]', '', '# Daily Papers', '', '## by[AK][30] and the research community', 'by', 'AK', 'and the research community',
      '* Daily', '* Weekly', '* Monthly', '', 'Trending Papers', '', 'Mar 12', '', 'First Title', '', abstract(1), '',
    ].join('\n');
    const r = parse(text);
    expect(r.papers.map((p) => p.title)).toEqual(['First Title']);
  });

  it('skips a search query line before the tabs as page header, and says so', () => {
    const text = plainPage(['Intercode Bash', '', 'Daily', 'Weekly', 'Monthly', '', 'Mar 12', '', 'First Title', '', abstract(1)]);
    const r = parse(text);
    expect(r.papers.map((p) => p.title)).toEqual(['First Title']);
    expect(r.diagnostics.some((d) => d.message.includes('"Intercode Bash"'))).toBe(true);
  });

  it('applies each date line to the papers below it, in any of its spellings', () => {
    const text = plainPage([
      'March 12, 2025', '', 'A', '', abstract(1), '',
      '2025-03-11', '', 'B', '', abstract(2), '',
      'Mar 10', '', 'C', '', abstract(3), '', 'D', '', abstract(4), '',
      '9 March 2024', '', 'E', '', abstract(5),
    ]);
    const r = parse(text, { year: 2023 });
    expect(r.papers.map((p) => [p.title, p.date])).toEqual([
      ['A', '2025-03-12'],
      ['B', '2025-03-11'],
      ['C', '2023-03-10'],
      ['D', '2023-03-10'],
      ['E', '2024-03-09'],
    ]);
    // only the date without a year needed one
    expect(r.diagnostics.filter((d) => d.message.includes('assumed'))).toEqual([
      { line: 21, severity: 'info', message: '"Mar 10" has no year: assumed 2023 (from --year)' },
    ]);
  });

  it('leaves the date empty, with a warning, when a date has no year and none is known', () => {
    const r = hfPage.parse(basic, { file: 'x.txt' });
    expect(r.papers.map((p) => p.date)).toEqual([null, null]);
    expect(r.diagnostics).toContainEqual({ line: 9, severity: 'warning', message: '"Mar 12" has no year and none was given; the date is left empty (pass --year)' });
  });

  it('says which year was assumed and where it came from', () => {
    expect(parse(basic, { year: 2026, yearSource: 'today' }).diagnostics[0]!.message).toBe('"Mar 12" has no year: assumed 2026 (from today\'s date)');
  });

  it('joins hard-wrapped titles and abstracts', () => {
    const text = plainPage([
      'Mar 12', '', 'Efficient Memory Management for Large Language Model Serving with', 'PagedAttention', '',
      'High throughput serving of large language models (LLMs) requires batching sufficiently many requests at a',
      'time. However, existing systems struggle because the key-value cache (KV cache) memory for each request is',
      'huge and grows and shrinks dynamically. We propose PagedAttention, an attention algorithm inspired by the',
      'classical virtual memory and paging techniques in operating systems.', '',
      'An end-to-end', '  multi-modal model', '', abstract(2),
    ]);
    const r = parse(text);
    expect(r.papers.map((p) => p.title)).toEqual([
      'Efficient Memory Management for Large Language Model Serving with PagedAttention',
      'An end-to-end multi-modal model',
    ]);
    expect(r.papers[0]!.abstract).toBe(
      'High throughput serving of large language models (LLMs) requires batching sufficiently many requests at a time. However, existing systems struggle because the key-value cache (KV cache) memory for each request is huge and grows and shrinks dynamically. We propose PagedAttention, an attention algorithm inspired by the classical virtual memory and paging techniques in operating systems.',
    );
  });

  it('reads upvote counts before a title and "N authors · date" lines after the abstract', () => {
    const text = plainPage([
      'Mar 12', '', '74', '', 'First Card', '', abstract(1), '', '3 authors · Mar 11', '',
      '5', '', 'Second Card', '', abstract(2), '', '- 8 authors', '', '·', '', 'Oct 7, 2024', '',
      ' [-] 12', '', 'Third Card', '', abstract(3), '', ' Google', '', '·', 'Published on Sep 12, 2023',
    ]);
    const r = parse(text);
    expect(r.papers.map((p) => [p.title, p.upvotes, p.date, p.authors])).toEqual([
      ['First Card', 74, '2025-03-11', []],
      ['Second Card', 5, '2024-10-07', []],
      ['Third Card', 12, '2023-09-12', []],
    ]);
  });

  it('keeps a card that shows a title but no abstract', () => {
    const text = plainPage(['Mar 12', '', '3', '', 'Only A Title', '', '2 authors', '·', 'Mar 12', '', '4', '', 'Next Title', '', abstract(2)]);
    const r = parse(text);
    expect(r.papers.map((p) => [p.title, p.abstractKind, p.abstract, p.upvotes])).toEqual([
      ['Only A Title', 'none', '', 3],
      ['Next Title', 'abstract', abstract(2), 4],
    ]);
  });

  it('skips a lone line with no abstract and nothing of a card around it, with a warning', () => {
    const text = plainPage(['Mar 12', '', 'Title Without Abstract', '', 'Second Title', '', abstract(2)]);
    const r = parse(text);
    // before the first card, a short line not followed by an abstract is taken for page chrome
    expect(r.papers.map((p) => p.title)).toEqual(['Second Title']);
    expect(r.diagnostics.some((d) => d.message.includes('"Title Without Abstract"'))).toBe(true);
    const later = parse(plainPage(['Mar 12', '', 'First', '', abstract(1), '', 'Load more papers', '', 'Second Title', '', abstract(2), '', 'System theme']));
    expect(later.papers.map((p) => [p.title, p.abstractKind])).toEqual([
      ['First', 'abstract'],
      ['Second Title', 'abstract'],
    ]);
    expect(later.diagnostics).toContainEqual({ line: 15, severity: 'warning', message: '"Load more papers" skipped: a line with no abstract after it and nothing of a paper card around it' });
  });

  it('finds no paper in text that is not a digest', () => {
    const r = parse('just some words\n');
    expect(r.papers).toEqual([]);
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning', 'error']);
  });

  it('reads a markdown capture and takes arXiv ids from the /papers/ links', () => {
    const text = [
      '# Daily Papers', '', '## by [AK](https://huggingface.co/akhaliq) and the research community', '', 'March 12, 2025', '',
      '[12](https://huggingface.co/login?next=%2Fpapers%2F2503.01234)', '',
      '### [First Paper: A Study](https://huggingface.co/papers/2503.01234)', '', abstract(1), '', '- 3 authors', '', '· Mar 11', '',
      '[Upvote', '', '117](https://huggingface.co/login?next=%2Fpapers%2F2503.05678)', '',
      '### [Second \\[Paper\\] Search\\  Results](https://huggingface.co/papers/2503.05678)', '', abstract(2), '',
      '[GitHub 86.1k](https://github.com/org/second) [arXiv Page](https://arxiv.org/abs/2503.05678v2)', '',
      '### Third Paper Without Link', '', abstract(3),
    ].join('\n');
    const r = parse(text);
    expect(r.papers.map((p) => [p.id, p.arxivId, p.title, p.upvotes, p.date])).toEqual([
      ['2503.01234', '2503.01234', 'First Paper: A Study', 12, '2025-03-11'],
      ['2503.05678', '2503.05678', 'Second [Paper] Search Results', 117, '2025-03-12'],
      [expect.stringMatching(/^t/), null, 'Third Paper Without Link', null, '2025-03-12'],
    ]);
    expect(r.papers[1]!.links).toEqual([
      { url: 'https://github.com/lab/repo2', kind: 'code' },
      { url: 'https://github.com/org/second', kind: 'code' },
    ]);
    expect(r.papers[0]!.source.line).toBe(9);
  });

  it('resolves [n] reference links when their definitions are present', () => {
    const text = [
      'Daily Papers', '', 'Mar 12', '[', '7', '][1]', '', '### [A Referenced Paper][2]', '', '[', '', abstract(1), '', '][2]',
      '[', '* 3 authors', '][3]', '·', 'Mar 12', '', '[1]: https://huggingface.co/login?next=%2Fpapers%2F2401.00001',
      '[2]: https://huggingface.co/papers/2401.00001', '[3]: https://huggingface.co/papers/2401.00001#authors',
    ].join('\n');
    const r = parse(text);
    expect(r.papers.map((p) => [p.id, p.upvotes, p.abstract])).toEqual([['2401.00001', 7, abstract(1)]]);
  });

  it('lists a card shown twice once, filling in what the first copy lacked', () => {
    const text = [
      'Trending Papers', '', '### [Twice Shown](https://huggingface.co/papers/2409.00001)', '', abstract(1), '', '· Published on Sep 12, 2023', '',
      '### [Twice Shown](https://huggingface.co/papers/2409.00001)', '', abstract(1), '',
      '[GitHub 1.2k](https://github.com/x/twice)', '', '· Sep 12, 2023',
    ].join('\n');
    const r = parse(text);
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]!.id).toBe('2409.00001');
    expect(r.papers[0]!.links.map((l) => l.url)).toContain('https://github.com/x/twice');
    expect(r.papers[0]!.source.line).toBe(3);
    expect(r.diagnostics).toContainEqual({ line: 9, severity: 'info', message: '"Twice Shown" is listed again (first at line 3); merged' });
  });

  it('lists the same title twice in a plain copy once (same title, same id)', () => {
    const text = plainPage(['Mar 12', '', 'Same', '', abstract(1), '', 'Other', '', abstract(2), '', 'Same', '', abstract(1)]);
    expect(parse(text).papers.map((p) => p.title)).toEqual(['Same', 'Other']);
  });

  it('drops capture front matter and code fences', () => {
    const text = ['# Web source', '', '- URL: https://huggingface.co/papers', '- Title: Daily Papers', '- Captured (UTC): 2026-06-29T16:31:22Z', '', '```text', ...HEADER, 'Mar 12', '', 'A Title', '', abstract(1), '```'].join('\n');
    expect(parse(text).papers.map((p) => p.title)).toEqual(['A Title']);
  });

  it('reports a file with no paper as an error diagnostic', () => {
    for (const text of ['', '\n\n', HEADER.join('\n'), 'Mar 12\n']) {
      const r = parse(text);
      expect(r.papers).toEqual([]);
      expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('skips an over-long paragraph where a title was expected, with a warning', () => {
    const long = `${'This is a sentence of an abstract without a title. '.repeat(15)}`.trim();
    const r = parse(plainPage(['Mar 12', '', 'First', '', abstract(1), '', '2 authors', '·', 'Mar 12', '', long, '', 'Next Paper', '', abstract(2)]));
    expect(r.papers.map((p) => p.title)).toEqual(['First', 'Next Paper']);
    expect(r.diagnostics.some((d) => d.severity === 'warning' && d.line === 19)).toBe(true);
  });
});

describe('hf-page: detect', () => {
  it('scores a page with its chrome or /papers/ links high, other text low', () => {
    expect(hfPage.detect(plainPage(['Mar 12']))).toBeGreaterThanOrEqual(0.9);
    expect(hfPage.detect('### [T](https://huggingface.co/papers/2503.01234)\n\nabc')).toBeGreaterThanOrEqual(0.5);
    expect(hfPage.detect('Title\n\nAbstract of a paper.')).toBeLessThanOrEqual(0.1);
    expect(hfPage.detect('[{"paper":{"id":"2410.17243"}}]')).toBeLessThan(0.1);
    const arxivMail = ['------------------------------------------------------------------------------', '\\', 'arXiv:2303.09479', 'Date: Fri, 17 Mar 2023 00:00:00 GMT', 'Title: A title', 'Authors: A. Author', 'Categories: q-fin.ST', '\\'].join('\n');
    expect(hfPage.detect(arxivMail)).toBeLessThanOrEqual(0.1);
  });
});

describe('hf-page: a copy without blank lines between title and abstract', () => {
  it('takes the first line for the title when the lines after it are an abstract', () => {
    const text = [
      'Mar 12', '',
      'Efficient Memory Management for Large Language Model Serving',
      'High throughput serving of large language models (LLMs) requires batching sufficiently many requests at a',
      'time. However, existing systems struggle because the key-value cache memory for each request is huge.',
      '',
      'A Second Paper',
      'We propose a second method that works on every benchmark we tried and many that we did not try yet, which is a lot.',
      'It is also simple to implement, fast to train and small enough to run on a laptop, so we release it.',
    ].join('\n');
    const r = hfPage.parse(text, { file: 'x.txt', year: 2025 });
    expect(r.papers.map((p) => [p.title, p.abstract.slice(0, 30), p.source.line])).toEqual([
      ['Efficient Memory Management for Large Language Model Serving', 'High throughput serving of lar', 3],
      ['A Second Paper', 'We propose a second method tha', 7],
    ]);
  });

  it('keeps a title hard-wrapped over two lines whole', () => {
    const text = ['Mar 12', '', 'Efficient Memory Management for Large Language Model Serving with', 'PagedAttention', '', `We propose PagedAttention. ${'It works. '.repeat(30)}`].join('\n');
    expect(hfPage.parse(text, { file: 'x.txt', year: 2025 }).papers.map((p) => p.title)).toEqual([
      'Efficient Memory Management for Large Language Model Serving with PagedAttention',
    ]);
  });
});

describe('hf-page: a trending page capture', () => {
  it('gives each card the upvote count printed after its summary, and skips "Submitted by" lines', () => {
    const text = [
      'Trending Papers', '',
      'Submitted by', '', '[img]', '', 'akhaliq', '',
      '### [Paper A](https://huggingface.co/papers/2409.00001)', '', 'A one-sentence summary of paper A that says what it does.', '',
      '[Upvote', '', '117](https://huggingface.co/login?next=%2Fpapers%2F2409.00001)', '',
      '[GitHub 86.1k](https://github.com/a/a) [arXiv Page](https://arxiv.org/abs/2409.00001)', '', '· Published on Sep 12, 2023', '',
      'Submitted by', '', '[img]', '', 'someone', '',
      '### [Paper B](https://huggingface.co/papers/2409.00002)', '', 'A one-sentence summary of paper B that says what it does.', '',
      '[Upvote', '', '5](https://huggingface.co/login?next=%2Fpapers%2F2409.00002)', '', '· Published on Sep 13, 2023',
    ].join('\n');
    const r = parse(text);
    expect(r.papers.map((p) => [p.id, p.title, p.upvotes, p.date, p.links])).toEqual([
      ['2409.00001', 'Paper A', 117, '2023-09-12', [{ url: 'https://github.com/a/a', kind: 'code' }]],
      ['2409.00002', 'Paper B', 5, '2023-09-13', []],
    ]);
  });
});
