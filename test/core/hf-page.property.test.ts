import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hfPage } from '../../src/core/parse/hf-page.js';
import { paperId } from '../../src/core/ids.js';
import type { ParseResult } from '../../src/core/model.js';

const OPTIONS = { file: 'prop.txt', year: 2025, yearSource: 'flag' as const };

/** Lines a Hugging Face capture (or a broken one) is made of, including the awkward ones. */
const DIGEST_LINES = [
  'new', 'Get trending papers in your email inbox!', 'Get trending papers in your email inbox once a day!', 'Subscribe',
  'byAK and the research community', '## by[AK][30] and the research community', '# Daily Papers', 'Daily Papers',
  'Trending Papers', '* Daily', 'Mar 12', 'March 12, 2025', '2025-03-12', 'Feb 29', 'Feb 30', '13 March 2024', '·',
  '· May 30', '· Published on Sep 12, 2023', 'Mar 8, 2024 [ 6][39]', 'May 29[6](https://huggingface.co/papers/x#community)',
  '3 authors', '* 3 authors', '- 8 authors', '1 authors · Mar 11', '[', ']', '][31]', '](https://huggingface.co/papers/2503.01234)',
  '-', '74', ' [-] 74', ' [-] -', '[101](https://huggingface.co/login?next=%2Fpapers%2F2503.01234)', '[Upvote', '117](x)',
  '### [A Title](https://huggingface.co/papers/2503.01234)', '### [An Unclosed Title', '### Approaches][106]', '### [x][2]',
  '### []()', '#', '###', '[GitHub 86.1k](https://github.com/a/b) [arXiv Page](https://arxiv.org/abs/2503.01234)',
  '[[microsoft] Microsoft][67]', ' Google', 'Submitted by', '[img]', 'akhaliq', '[2]: https://huggingface.co/papers/2401.00001',
  'A Short Title', 'Transformers learn in-context by gradient descent',
  'We propose a method. It works well on many benchmarks and beats the baselines by a wide margin. Code: github.com/a/b.',
  'hard-wrapped abstract line that goes on and', 'ends here with a period.', 'state-of-the-', '45\\% of {\\em x} $\\alpha$ ``q\'\'',
  'https://github.com/x/y{this https URL}.', '```text', '```', '---', '# Web source', '- URL: https://huggingface.co/papers?q=x',
  '\u00a0', '\ufeff', '\t', '{', '}', '$', '\\', '[[[[', ']]]]', '(((', 'a'.repeat(700), `${'word '.repeat(200)}end.`,
];

const separator = fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r', '\n\n\n');

const digestLike = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...DIGEST_LINES), fc.string({ maxLength: 30 })), separator), { maxLength: 80 })
  .map((parts) => parts.map(([line, sep]) => line + sep).join(''));

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function checkInvariants(text: string, result: ParseResult): void {
  const lines = lineCount(text);
  expect(result.format).toBe('hf-page');
  const ids = new Set<string>();
  let lastLine = 0;
  for (const p of result.papers) {
    expect(p.title.trim()).not.toBe('');
    expect(p.title).toBe(p.title.trim());
    expect(p.title).not.toMatch(/[\r\n]/);
    expect(p.source.file).toBe('prop.txt');
    expect(p.source.line).toBeGreaterThanOrEqual(1);
    expect(p.source.line).toBeLessThanOrEqual(lines);
    expect(p.source.line).toBeGreaterThanOrEqual(lastLine);
    lastLine = p.source.line;
    expect(ids.has(p.id)).toBe(false);
    ids.add(p.id);
    expect(p.id).toBe(paperId(p.arxivId, p.title));
    expect(p.abstractKind).toBe(p.abstract === '' ? 'none' : 'abstract');
    expect(p.abstract).not.toMatch(/[\r\n\u00a0]/);
    expect(p.authors).toEqual([]);
    if (p.date !== null) {
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${p.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.date);
    }
    if (p.upvotes !== null) expect(Number.isInteger(p.upvotes) && p.upvotes >= 0).toBe(true);
    for (const l of p.links) expect(l.url).toMatch(/^https?:\/\//);
  }
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.message).not.toMatch(/internal error/);
  }
  expect(result.papers.length > 0 || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

describe('hf-page parser properties', () => {
  it('never throws on arbitrary strings, and its output keeps the invariants', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkInvariants(text, hfPage.parse(text, OPTIONS));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on adversarial mixes of digest-looking lines, and its output keeps the invariants', () => {
    fc.assert(
      fc.property(digestLike, (text) => {
        checkInvariants(text, hfPage.parse(text, OPTIONS));
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same text gives the same papers and diagnostics', () => {
    fc.assert(
      fc.property(digestLike, (text) => {
        expect(hfPage.parse(text, OPTIONS)).toEqual(hfPage.parse(text, OPTIONS));
      }),
      { numRuns: 100 },
    );
  });

  it('detect() stays within 0..1 on any text', () => {
    fc.assert(
      fc.property(fc.oneof(digestLike, fc.string({ unit: 'binary' })), (text) => {
        const score = hfPage.detect(text);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  // Papers written as a plain browser copy come back with the same titles and abstracts, in order.
  const word = fc.constantFrom('Neural', 'Sparse', 'Attention', 'Learning', 'Models', 'Graph', 'Diffusion', 'Efficient', 'Scaling', 'Vision', 'Language', 'Low-Rank', 'Agents', 'Reasoning');
  const sentenceWord = fc.constantFrom('we', 'propose', 'a', 'method', 'that', 'improves', 'accuracy', 'on', 'benchmarks', 'with', 'fewer', 'parameters', 'and', 'code');
  const title = fc.array(word, { minLength: 2, maxLength: 9 }).map((w) => w.join(' '));
  const sentence = fc.array(sentenceWord, { minLength: 8, maxLength: 20 }).map((w) => `${w.join(' ')}.`).map((s) => s[0]!.toUpperCase() + s.slice(1));
  const abstract = fc.array(sentence, { minLength: 2, maxLength: 6 }).map((s) => s.join(' '));
  const papers = fc.uniqueArray(fc.tuple(title, abstract), { minLength: 1, maxLength: 15, selector: ([t]) => t.toLowerCase() });

  it('reads back the titles and abstracts of a generated page, hard-wrapped or not, with any line ends', () => {
    fc.assert(
      fc.property(papers, fc.boolean(), fc.constantFrom('\n', '\r\n'), (list, wrap, eol) => {
        const wrapAt = (s: string) => (wrap ? s.replace(/(.{20,60}?) /g, '$1\n') : s);
        const lines = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'byAK and the research community', '', 'Mar 12', ''];
        for (const [t, a] of list) lines.push(t, '', wrapAt(a), '');
        const result = hfPage.parse(lines.join('\n').replace(/\n/g, eol), OPTIONS);
        expect(result.papers.map((p) => [p.title, p.abstract, p.date])).toEqual(list.map(([t, a]) => [t, a, '2025-03-12']));
      }),
      { numRuns: 200 },
    );
  });
});
