// The markdown and HTML digest reader on small hand-made inputs, one trap each: section labels,
// numbering and markers, stars, split titles, the same paper twice, mentions in running text,
// reports without ids, and the line it writes for every block it skips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, formatByName } from '../../../src/core/parse/index.js';
import type { ParseResult } from '../../../src/core/model.js';

const md = (text: string): ParseResult => formatByName('markdown')!.parse(text, { file: 'd.md' });
const html = (text: string): ParseResult => formatByName('html')!.parse(text, { file: 'd.html' });
const rows = (r: ParseResult) => r.papers.map((p) => [p.arxivId, p.title]);
const skipped = (r: ParseResult) => r.diagnostics.filter((d) => d.message.includes('skipped')).map((d) => d.line);

describe('markdown digests', () => {
  it('takes the heading as the title when the id sits on a line below it', () => {
    const r = md(['## Topic', '', '### Sparse Attention for Long Inputs', '', 'arXiv 2026 / Topic', '', '- Paper: https://arxiv.org/abs/2601.00001', '- Code: -'].join('\n'));
    expect(rows(r)).toEqual([['2601.00001', 'Sparse Attention for Long Inputs']]);
    // the item whose link went to the heading's paper is not reported as having none; the one without is
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([[8, 'list item "Code: -" skipped: no paper link or id in it']]);
  });

  it('never reads section labels of a summary as papers, and reports each one skipped', () => {
    const r = md(
      [
        '### 1. **[Graph Priors for Mapping](https://arxiv.org/abs/2601.00002v1)**',
        '- **评分**: ⭐ 78/100 | **日期**: 2026-06-18',
        '- 创新性：5/5',
        '',
        '**概要**',
        '',
        '**1. 本文主要工作**',
        '',
        '### 📋 Problem Definition',
        '',
        'Some words about the problem.',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([['2601.00002', 'Graph Priors for Mapping']]);
    expect(skipped(r)).toEqual([2, 3, 5, 7, 9]);
    expect(r.diagnostics.find((d) => d.line === 9)!.message).toBe('heading "📋 Problem Definition" skipped: no paper link or id in it');
  });

  it('strips numbering, emoji markers, stars, votes and "(Read more on …)" from titles', () => {
    const r = md(
      [
        '<details>',
        '<summary><b>3. Agents That Build Worlds</b> ⭐ 66</summary>',
        '',
        '**🔗 Links:** [🤗 HuggingFace](https://huggingface.co/papers/2601.00003) • [📄 arXiv](https://arxiv.org/abs/2601.00003)',
        '',
        '</details>',
        '',
        '4. **Tiny Models Reason Too** - 👍 33',
        '   - [HF 페이지](https://huggingface.co/papers/2601.00004)',
        '',
        '| Date | Title | Links |',
        '|---|---|---|',
        '| 2026-01-02 | **Fast Token Pruning** (Read more on [arXiv](https://arxiv.org/abs/2601.00005) or [HuggingFace](https://huggingface.co/papers/2601.00005)) | |',
        '',
        '### 🔥 6. [Long Video Generation](https://huggingface.co/papers/2601.00006)',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([
      ['2601.00003', 'Agents That Build Worlds'],
      ['2601.00004', 'Tiny Models Reason Too'],
      ['2601.00005', 'Fast Token Pruning'],
      ['2601.00006', 'Long Video Generation'],
    ]);
  });

  it('takes a trailing count off a title whatever pictograph marks it, and reads one as link text that names no paper', () => {
    const marks: string[] = [];
    for (let c = 0xa0; c < 0x20000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(ch)) marks.push(ch);
    }
    expect(marks.length).toBeGreaterThan(2500);
    const id = (k: number) => `2601.${String(k).padStart(5, '0')}`;
    const lines = marks.flatMap((m, k) => [`### Paper ${k} ${m} 12`, `- Paper: [${m} PDF](https://arxiv.org/abs/${id(k)})`, '']);
    const r = md(lines.join('\n'));
    expect(rows(r)).toEqual(marks.map((_, k) => [id(k), `Paper ${k}`]));
  });

  it('joins a title wrapped inside bold, after a label, or inside link text across a blank line', () => {
    const r = md(
      [
        '1. **A Title Wrapped the arXiv Way in',
        '  Two Lines** - 👍 5',
        '   - [arXiv](https://arxiv.org/abs/2601.00007)',
        '',
        '### 2. 中文标题',
        '',
        '**原文标题：** An English Title That',
        '  Wraps',
        '',
        '**论文链接：** [arXiv](https://arxiv.org/abs/2601.00008)',
        '',
        '- [A Link Text Broken by',
        '',
        'a Blank Line](https://arxiv.org/abs/2601.00009)',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([
      ['2601.00007', 'A Title Wrapped the arXiv Way in Two Lines'],
      ['2601.00008', 'An English Title That Wraps'],
      ['2601.00009', 'A Link Text Broken by a Blank Line'],
    ]);
  });

  it('reads one paper listed twice as one, at its first place, with the full title', () => {
    const r = md(
      [
        '| id | name |',
        '|---|---|',
        '| [2601.00010](https://arxiv.org/abs/2601.00010) | Kimi Linear |',
        '| [2601.00011](https://arxiv.org/abs/2601.00011) | Other Paper Entirely |',
        '',
        '## Details',
        '',
        '### Kimi Linear: An Expressive, Efficient Attention Architecture',
        '- arXiv: https://arxiv.org/abs/2601.00010',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([
      ['2601.00010', 'Kimi Linear: An Expressive, Efficient Attention Architecture'],
      ['2601.00011', 'Other Paper Entirely'],
    ]);
  });

  it('reads a report without ids from its cards: a numbered heading with an Authors field', () => {
    const r = md(
      [
        '# Daily Paper Report',
        'Total Papers: 2',
        '',
        '## 1. Mitochondria in Aortic Disease',
        '**Authors:** Ann Lee, Bo Chen and Cy Dar',
        '**Source:** Circulation Research (2026-05-23)',
        '',
        '---',
        '',
        '## 2. A Second Report Entry',
        '**Authors:** Dee Eff',
        '',
        '## About this report',
        '**Authors:** the tool',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([
      [null, 'Mitochondria in Aortic Disease'],
      [null, 'A Second Report Entry'],
    ]);
    expect(r.papers[0]!.authors).toEqual(['Ann Lee', 'Bo Chen', 'Cy Dar']);
    expect(r.papers[0]!.venue).toBe('Circulation Research');
  });

  it('skips code blocks, badges, navigation and statistics, one line each', () => {
    const r = md(
      [
        '[![Papers](https://img.shields.io/badge/papers-26-blue)](data/)',
        '',
        '```python',
        'print("https://arxiv.org/abs/2601.00012")',
        '```',
        '',
        '| Today | Week |',
        '|---|---|',
        '| 26 | 187 |',
        '',
        '- [Archives](#archives)',
        '',
        '### [Real Paper Title](https://arxiv.org/abs/2601.00013)',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([['2601.00013', 'Real Paper Title']]);
    expect(r.diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual([
      '3 code block skipped: code is never a paper',
      '9 table row "26 | 187" skipped: no paper link or id in it',
      '11 list item "Archives" skipped: no paper link or id in it',
    ]);
  });

  it('gives a CVF open-access paper and a DOI paper no arXiv id, each its own paper', () => {
    const r = md(
      [
        '### Occupancy From Cameras',
        '- Paper: https://openaccess.thecvf.com/content/CVPR2025/html/Lee_Occupancy_From_Cameras_CVPR_2025_paper.html',
        '### A Journal Article',
        '- Paper: https://doi.org/10.1000/xyz.123',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([
      [null, 'Occupancy From Cameras'],
      [null, 'A Journal Article'],
    ]);
    expect(r.papers[1]!.doi).toBe('10.1000/xyz.123');
    expect(r.papers[0]!.id).not.toBe(r.papers[1]!.id);
  });
});

describe('HTML digests', () => {
  it('reads cards and ignores short-name mentions in running text before them', () => {
    const r = html(
      [
        '<!DOCTYPE html><html><head><title>Daily Briefing</title></head><body>',
        '<nav><a href="https://arxiv.org/abs/2601.00020">Home</a></nav>',
        '<p>Today <a href="https://arxiv.org/abs/2601.00021">FLASH</a> runs a simulation on one GPU, and <a href="https://arxiv.org/abs/2601.00022">LongBench</a> measures long tasks.</p>',
        '<div class="paper"><div class="line1">📄 <a href="https://arxiv.org/abs/2601.00022"><strong>LongBench: Long-Horizon Manipulation</strong></a> <span class="badge">RO</span></div>',
        '<div class="authors">👥 A. B. et al.</div></div>',
        '<div class="paper"><div class="line1">📄 <a href="https://arxiv.org/abs/2601.00021"><strong>FLASH: Fast Deformable Simulation</strong></a></div></div>',
        '</body></html>',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([
      ['2601.00022', 'LongBench: Long-Horizon Manipulation'],
      ['2601.00021', 'FLASH: Fast Deformable Simulation'],
    ]);
    expect(r.diagnostics.some((d) => d.line === 3 && d.message.includes('mention'))).toBe(true);
  });

  it('takes ids from data attributes and dotless local file names in table rows', () => {
    const r = html(
      [
        '<table><thead><tr><th>#</th><th>Title</th></tr></thead><tbody>',
        `<tr><td>1</td><td><a href="./papers/260100030v1-holmes.html">Holmes: Fact Checking</a></td><td><button data-arxiv-id="2601.00030v1" onclick="fav('Holmes: Fact Checking')">☆</button></td></tr>`,
        '<tr><td>2</td><td><b>Second Entry Title</b></td><td><button data-arxiv-id="2601.00031v2">☆</button></td></tr>',
        '</tbody></table>',
      ].join('\n'),
    );
    expect(rows(r)).toEqual([
      ['2601.00030', 'Holmes: Fact Checking'],
      ['2601.00031', 'Second Entry Title'],
    ]);
  });
});

describe('detection', () => {
  it('sends markdown and HTML digests to their reader, and leaves YAML and plain text alone', () => {
    expect(detectFormat('# Digest\n\n### A Paper\n- Paper: https://arxiv.org/abs/2601.00001\n### B Paper\n- Paper: https://arxiv.org/abs/2601.00002\n').name).toBe('markdown');
    expect(detectFormat('<html><body><a href="https://arxiv.org/abs/2601.00001">A</a><a href="https://arxiv.org/abs/2601.00002">B</a></body></html>').name).toBe('html');
    expect(detectFormat('papers:\n- title: A\n  link: http://arxiv.org/abs/2601.00001\n- title: B\n  link: http://arxiv.org/abs/2601.00002\n').name).not.toBe('markdown');
  });
});

const SOUP = [
  '\n', '\n\n', ' ', '  ', '- ', '1. ', '### ', '## ', '**', '*', '_', '`', '```', '|', '|---|', '[', ']', '(', ')', '](', '![', '<', '>', '</',
  '<details>', '</details>', '<summary>', '</summary>', '<table>', '<tr>', '<td>', '</tr>', '<b>', '</b>', '<a href="', '">', '</a>',
  'https://arxiv.org/abs/2601.00001', 'https://huggingface.co/papers/2601.00002', 'arXiv:2601.00003', 'data-arxiv-id="2601.00004"',
  '**Authors:** ', '**原文标题：** ', 'Title: ', '⭐ 66', '👍 5', '(Read more on arXiv)', 'A Title', '概要', '---', '&amp;', '&#x', '\\',
];

describe('the reader on hostile input', () => {
  it('never throws on markup soup, and every paper it gives has an id and a title', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SOUP), { maxLength: 300 }), (parts) => {
        const text = parts.join('');
        for (const r of [md(text), html(text)]) {
          for (const p of r.papers) {
            expect(p.id).not.toBe('');
            expect(p.title).not.toBe('');
            expect(p.source.line).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads elements and attributes named like Object.prototype keys as any other', () => {
    const r = html('<html><body><p>a <constructor>b</constructor> <tostring hasownproperty="x">c</tostring></p><div><a href="https://arxiv.org/abs/2601.00005" constructor="y">A Study of Names</a></div></body></html>');
    expect(rows(r)).toEqual([['2601.00005', 'A Study of Names']]);
  });

  it('reads deep nesting and very long lines without throwing', () => {
    const inputs = [
      `${'<details><summary>x</summary>'.repeat(50_000)}${'</details>'.repeat(50_000)}`,
      `${'<ul><li>'.repeat(50_000)}https://arxiv.org/abs/2601.00001`,
      `${'</span>'.repeat(50_000)}${'<div>'.repeat(50_000)}`,
      `${'> '.repeat(100_000)}[x](https://arxiv.org/abs/2601.00001)`,
      `${'  '.repeat(10_000)}- item`.repeat(100),
      `[${'['.repeat(1_000_000)}`,
      `**${'a **'.repeat(300_000)}`,
      `| ${'a | '.repeat(300_000)}\n|${'---|'.repeat(300_000)}`,
    ];
    for (const text of inputs) {
      expect(() => md(text)).not.toThrow();
      expect(() => html(text)).not.toThrow();
    }
  }, 120_000);
});
