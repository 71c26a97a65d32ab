// JSON and JSON lines of any schema: records found by their field names wherever they sit,
// markdown table rows as values, non-arXiv papers, and config-like JSON refused.
import { describe, expect, it } from 'vitest';
import { detectFormat, formatByName, parseDigest } from '../../../src/core/parse/index.js';
import type { ParseResult } from '../../../src/core/model.js';

const read = (text: string, format?: string): ParseResult => parseDigest(text, { file: 'd.json' }, format ? formatByName(format) : undefined);
const rows = (r: ParseResult) => r.papers.map((p) => [p.arxivId, p.title]);
const errors = (r: ParseResult) => r.diagnostics.filter((d) => d.severity === 'error');

describe('json-records: field names', () => {
  it('reads each spelling of the title and the id or URL', () => {
    const text = JSON.stringify([
      { title: 'Alpha Paper', arxiv_id: '2501.00001' },
      { paperTitle: 'Beta Paper', paperUrl: 'https://arxiv.org/abs/2501.00002v3' },
      { 'Paper Title': 'Gamma Paper', link: 'https://huggingface.co/papers/2501.00003' },
      { title: 'Delta Paper', pdf_url: 'http://arxiv.org/pdf/2501.00004v1' },
      { title: 'Epsilon Paper', entry_id: 'http://arxiv.org/abs/hep-th/9901001v2' },
      { title: 'Zeta Paper', id: 'arXiv:2501.00006' },
    ]);
    const result = read(text);
    expect(result.format).toBe('json-records');
    expect(rows(result)).toEqual([
      ['2501.00001', 'Alpha Paper'],
      ['2501.00002', 'Beta Paper'],
      ['2501.00003', 'Gamma Paper'],
      ['2501.00004', 'Delta Paper'],
      ['hep-th/9901001', 'Epsilon Paper'],
      ['2501.00006', 'Zeta Paper'],
    ]);
    expect(result.papers[1]!.version).toBe(3);
  });

  it('reads nested ids and fields: details.arxiv_page_url, paper.id, paper.title', () => {
    const text = JSON.stringify({
      header: { date: '2025-03-01', count: 2 },
      items: [
        { title: 'Nested Page', details: { arxiv_page_url: 'https://arxiv.org/abs/2503.11111', authors: 'A. One, B. Two' } },
        { paper: { id: '2503.22222', title: 'Inner Title', summary: 'An abstract.' }, votes: 7 },
      ],
    });
    const [a, b] = read(text).papers;
    expect([a!.arxivId, a!.title, a!.authors]).toEqual(['2503.11111', 'Nested Page', ['A. One', 'B. Two']]);
    expect([b!.arxivId, b!.title, b!.abstract, b!.upvotes]).toEqual(['2503.22222', 'Inner Title', 'An abstract.', 7]);
  });

  it('reads the other fields under their common names', () => {
    const [p] = read(
      JSON.stringify([
        {
          title: 'Full Record',
          arxiv_id: '2502.12345',
          authors: [{ name: 'Ann Lee' }, 'Bo Chen'],
          abstract: 'We study things.',
          tldr: 'short',
          categories: 'cs.CL cs.LG',
          published_at: '2025-02-17T10:00:00Z',
          likes: '12',
          venue: 'ICML 2025',
          comment: '9 pages',
          code_url: 'https://github.com/a/b',
          project_page: 'https://a.github.io/b',
        },
      ]),
    ).papers;
    expect(p).toMatchObject({
      authors: ['Ann Lee', 'Bo Chen'],
      abstract: 'We study things.',
      abstractKind: 'abstract',
      categories: ['cs.CL', 'cs.LG'],
      date: '2025-02-17',
      upvotes: 12,
      venue: 'ICML 2025',
      comments: '9 pages',
      links: [
        { url: 'https://github.com/a/b', kind: 'code' },
        { url: 'https://a.github.io/b', kind: 'project' },
      ],
    });
  });

  it('prefers the English title to a translated one', () => {
    const [p] = read(JSON.stringify([{ title: '一种新方法', title_en: 'A New Method', arxiv_id: '2504.00001' }])).papers;
    expect(p!.title).toBe('A New Method');
  });

  it('reads maps keyed by id and nested by topic, in document order', () => {
    const text = JSON.stringify({ Vision: { '2505.00002': { title: 'Second' }, '2505.00001': { title: 'First' } }, Language: { '2505.00003': { title: 'Third' } } });
    expect(rows(read(text))).toEqual([
      ['2505.00002', 'Second'],
      ['2505.00001', 'First'],
      ['2505.00003', 'Third'],
    ]);
  });

  it('gives each record the line it starts on', () => {
    const text = '[\n  {"title": "One", "arxiv_id": "2506.00001"},\n\n  {"title": "Two",\n   "arxiv_id": "2506.00002"}\n]';
    expect(read(text).papers.map((p) => p.source.line)).toEqual([2, 4]);
  });

  it('looks inside a titled wrapper that is not a paper itself', () => {
    const result = read(JSON.stringify({ title: 'My daily digest', papers: [{ title: 'Inside', url: 'https://arxiv.org/abs/2507.00001' }] }));
    expect(rows(result)).toEqual([['2507.00001', 'Inside']]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('json-records: markdown table rows as values', () => {
  it('reads date, bold title, authors, the id link, a code link and a summary by what each cell holds', () => {
    const row = '|**2026-03-17**|**Learning to Walk \\| Fast**|Ann Lee et.al.|[2603.00001](http://arxiv.org/abs/2603.00001)|**[link](https://github.com/x/y)**|<think>reasoning we must drop</think> 问题：机器人走路很难；方法：强化学习。|\n';
    const [p] = read(JSON.stringify({ Robots: { '2603.00001': row } })).papers;
    expect(p).toMatchObject({
      arxivId: '2603.00001',
      title: 'Learning to Walk | Fast',
      authors: ['Ann Lee'],
      date: '2026-03-17',
      links: [{ url: 'https://github.com/x/y', kind: 'code' }],
      abstract: '问题：机器人走路很难；方法：强化学习。',
      abstractKind: 'summary',
    });
  });

  it('takes the id from the key when the row has no link, and a plain title cell when none is bold', () => {
    const [p] = read(JSON.stringify({ Topic: { '2603.00002': '|2026-03-18|Plain Title Here|Bo Chen, Di Wu|null|\n' } })).papers;
    expect([p!.arxivId, p!.title, p!.authors]).toEqual(['2603.00002', 'Plain Title Here', ['Bo Chen', 'Di Wu']]);
  });

});

describe('json-records: papers without an arXiv id', () => {
  it('an s2: id, a DOI and a CVF page are papers with no arXiv id, ids from the title hash', () => {
    const result = read(
      JSON.stringify([
        { title: 'Scholar Only', id: 's2:5ad7261ad284f64c1b7776c990a9bbb305c402b5' },
        { title: 'Journal Paper', doi: '10.1145/3580305.3599400' },
        { title: 'Vision Paper', url: 'https://openaccess.thecvf.com/content/CVPR2025/html/X_Vision_Paper_CVPR_2025_paper.html' },
      ]),
    );
    expect(result.papers.map((p) => [p.arxivId, p.id.startsWith('t'), p.doi])).toEqual([
      [null, true, null],
      [null, true, '10.1145/3580305.3599400'],
      [null, true, null],
    ]);
    expect(result.papers[2]!.links[0]!.url).toContain('openaccess.thecvf.com');
  });

  it('an arXiv DOI gives the arXiv id', () => {
    expect(read(JSON.stringify([{ title: 'Via DOI', doi: '10.48550/arXiv.2508.01234' }])).papers[0]!.arxivId).toBe('2508.01234');
  });

  it('a titled record with no id, paper URL, abstract or authors is skipped with a line saying so', () => {
    const result = read(JSON.stringify([{ title: 'Real', arxiv_id: '2509.00001' }, { title: 'My favourite repo', url: 'https://github.com/a/b' }]));
    expect(rows(result)).toEqual([['2509.00001', 'Real']]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'info', message: expect.stringContaining('"My favourite repo"') })]);
  });

  it('an abstract or authors are evidence enough for a record in a list', () => {
    expect(rows(read(JSON.stringify([{ title: 'Only Authors', authors: ['A. B.'] }])))).toEqual([[null, 'Only Authors']]);
  });
});

describe('json-records: refuses what is not a digest', () => {
  const configs = {
    'package.json': { name: 'x', version: '1.0.0', description: 'A tool', author: 'Ann Lee', repository: { url: 'https://github.com/a/b' }, dependencies: { yaml: '2' } },
    tsconfig: { compilerOptions: { target: 'ES2022', strict: true }, include: ['src'] },
    statistics: { total: 13, by_category: { 'cs.CL': 5, 'cs.CV': 8 }, top: [{ category: 'cs.CL', count: 5 }] },
    'a site config': { title: 'My Blog', author: 'Ann Lee', url: 'https://ann.github.io' },
  };
  for (const [name, value] of Object.entries(configs)) {
    it(`${name}: no papers found, one error`, () => {
      const result = read(JSON.stringify(value, null, 2));
      expect(result.papers).toEqual([]);
      expect(errors(result)).toHaveLength(1);
    });
  }

  it('invalid JSON: one error with its line and column, no input echoed', () => {
    const result = read('[\n  {"title": "A", "arxiv_id": "2501.00001"},\n  {"title": \u0007 }\n]', 'json-records');
    expect(result.diagnostics).toEqual([{ line: 3, severity: 'error', message: expect.stringMatching(/line 3, column 13: unexpected character U\+0007/) }]);
    for (const bad of ['{"a": 1,}', '[1 2]', '{"a": "x', '[', '', '{"a": tru}']) expect(errors(read(bad, 'json-records'))).toHaveLength(1);
  });

  it('gives HF API JSON to its own reader', () => {
    const item = { paper: { id: '2410.12345', title: 'T', summary: 'S', upvotes: 3, authors: [] }, title: 'T', numComments: 0, submittedBy: { fullname: 'x' } };
    expect(detectFormat(JSON.stringify([item])).name).toBe('hf-api');
  });
});

describe('jsonl', () => {
  it('reads one record per line, escaped text included, and skips a broken line with its line number', () => {
    const text = [
      JSON.stringify({ id: '2512.00001', title: 'One', summary: 'Abs.', AI: { tldr: '\u4f7f\u7528' } }),
      '{"id": "2512.00002", "title": "Two"',
      '',
      JSON.stringify({ id: '2512.00003', title: 'Three', authors: ['A'] }),
    ].join('\r\n');
    const result = read(text);
    expect(result.format).toBe('jsonl');
    expect(result.papers.map((p) => [p.arxivId, p.source.line])).toEqual([
      ['2512.00001', 1],
      ['2512.00003', 4],
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ line: 2, severity: 'warning' })]);
  });

  it('falls back to the AI summary when there is no abstract', () => {
    const text = `${JSON.stringify({ id: '2512.00004', title: 'Four', AI: { tldr: '一句话总结' } })}\n${JSON.stringify({ id: '2512.00005', title: 'Five' })}\n`;
    expect(read(text).papers[0]).toMatchObject({ abstract: '一句话总结', abstractKind: 'summary' });
  });
});

describe('json-records: one paper per paper', () => {
  it('a paper under two topics is listed once, at its first place, with what the second adds', () => {
    const first = '|**2026-03-17**|**Twice Listed**|A et.al.|[2603.00003](http://arxiv.org/abs/2603.00003)|null|\n';
    const second = '|**2026-03-17**|**Twice Listed**|A et.al.|[2603.00003](http://arxiv.org/abs/2603.00003)|**[link](https://github.com/a/b)**|\n';
    const other = '|**2026-03-18**|**Other**|B et.al.|[2603.00004](http://arxiv.org/abs/2603.00004)|null|\n';
    const result = read(JSON.stringify({ A: { '2603.00003': first, '2603.00004': other }, B: { '2603.00003': second } }));
    expect(rows(result)).toEqual([
      ['2603.00003', 'Twice Listed'],
      ['2603.00004', 'Other'],
    ]);
    expect(result.papers[0]!.links).toEqual([{ url: 'https://github.com/a/b', kind: 'code' }]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('1 record repeats a paper') })]);
  });

  it('papers without an arXiv id are one paper per title', () => {
    expect(read(JSON.stringify([{ title: 'Same  Title', doi: '10.1145/3580305' }, { title: 'same title', doi: '10.1145/3580305' }])).papers).toHaveLength(1);
  });
});
