// CSV with a header row (RFC 4180 quoting, CRLF, BOM, TSV) and YAML dumps (folded and escaped
// long titles, several documents, alias bombs refused).
import { describe, expect, it } from 'vitest';
import { detectFormat, formatByName, parseDigest } from '../../../src/core/parse/index.js';
import { readCsv } from '../../../src/core/parse/data/csv-reader.js';
import type { ParseResult } from '../../../src/core/model.js';
import * as YAML from 'yaml';

const read = (text: string, format?: string): ParseResult => parseDigest(text, { file: 'd', yaml: () => YAML }, format ? formatByName(format) : undefined);
const rows = (r: ParseResult) => r.papers.map((p) => [p.arxivId, p.title]);
const errors = (r: ParseResult) => r.diagnostics.filter((d) => d.severity === 'error');

describe('csv reader', () => {
  it('quoted fields: delimiters, doubled quotes and line breaks inside; CRLF, LF and CR line ends; a BOM', () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n1,,3\r4,5,6\r\n';
    expect(readCsv(text).rows).toEqual([
      { cells: ['a', 'b', 'c'], line: 1 },
      { cells: ['x, y', 'say "hi"', 'two\r\nlines'], line: 2 },
      { cells: ['1', '', '3'], line: 4 },
      { cells: ['4', '5', '6'], line: 5 },
    ]);
  });

  it('a trailing empty field, blank lines, and a quote never closed', () => {
    expect(readCsv('a,b\n\n1,\n').rows.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '']]);
    const open = readCsv('a,b\n1,"never closed\n2,3\n');
    expect(open.unclosedQuoteAt).toBe(2);
    expect(open.rows[1]!.cells).toEqual(['1', 'never closed\n2,3\n']);
  });

  it('tab- and semicolon-separated files', () => {
    expect(readCsv('a\tb\n"1\t2"\t3\n').rows[1]!.cells).toEqual(['1\t2', '3']);
    expect(readCsv('a;b\n1;2\n').rows[1]!.cells).toEqual(['1', '2']);
  });
});

describe('csv digests', () => {
  it('one paper per row, named by the header; s2: rows are papers without an arXiv id', () => {
    const text = [
      'arxiv_id,title,authors,submitted,categories,url,abstract',
      '2607.10310,PolyThing: A Platform,"Ann Lee, Bo Chen",2026-07-11,cs.CL cs.HC,https://arxiv.org/abs/2607.10310,"An abstract, with a comma."',
      's2:5ad7261ad284f64c1b7776c990a9bbb305c402b5,"Deepfake Detection, Revisited","Merlin D., S. V",2026-06-30,,https://www.semanticscholar.org/paper/5ad7261ad284f64c1b7776c990a9bbb305c402b5,"Text"',
      '',
    ].join('\r\n');
    const result = read(text);
    expect(result.format).toBe('csv');
    expect(rows(result)).toEqual([
      ['2607.10310', 'PolyThing: A Platform'],
      [null, 'Deepfake Detection, Revisited'],
    ]);
    expect(result.papers[0]).toMatchObject({ authors: ['Ann Lee', 'Bo Chen'], categories: ['cs.CL', 'cs.HC'], date: '2026-07-11', abstract: 'An abstract, with a comma.', source: { line: 2 } });
    expect(result.papers[1]!.links).toEqual([{ url: 'https://www.semanticscholar.org/paper/5ad7261ad284f64c1b7776c990a9bbb305c402b5', kind: 'other' }]);
  });

  it('header names in other spellings: Title, Paper URL, Authors', () => {
    const result = read('Title\tPaper URL\tAuthors\nA Study\thttps://arxiv.org/abs/2601.00001\tA. B.\n');
    expect(rows(result)).toEqual([['2601.00001', 'A Study']]);
  });

  it('a table of something else is refused in one line', () => {
    const result = read('name,version,license\nyaml,2.0,ISC\n', 'csv');
    expect(result.papers).toEqual([]);
    expect(errors(result)).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('no "title" column') })]);
    expect(detectFormat('name,version,license\nyaml,2.0,ISC\n').name).not.toBe('csv');
  });

  it('rows with a title but nothing of a paper are skipped, each with its line', () => {
    const result = read('title,url\nA Paper,https://arxiv.org/abs/2601.00002\nMy Homepage,https://example.org\n');
    expect(rows(result)).toEqual([['2601.00002', 'A Paper']]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ line: 3, severity: 'info' })]);
  });
});

describe('yaml digests', () => {
  it('unfolds plain, single-quoted and double-quoted titles (escaped line breaks included)', () => {
    const text = [
      "date: '2025-05-26'",
      'papers:',
      '- title: "Research on feature fusion based on graph\\n \\',
      '    \\ attention network"',
      '  authors:',
      '  - Ann Lee',
      '  summary: A folded',
      '    abstract.',
      '  link: http://arxiv.org/abs/2505.20188v1',
      "  published: '2025-05-26T16:32:43Z'",
      "- title: 'PatentMind: A Multi-Aspect Reasoning Graph for Patent Similarity",
      "    Evaluation'",
      '  link: http://arxiv.org/abs/2505.19347v2',
      '',
    ].join('\n');
    const result = read(text);
    expect(result.format).toBe('yaml');
    expect(rows(result)).toEqual([
      ['2505.20188', 'Research on feature fusion based on graph attention network'],
      ['2505.19347', 'PatentMind: A Multi-Aspect Reasoning Graph for Patent Similarity Evaluation'],
    ]);
    expect(result.papers[0]).toMatchObject({ authors: ['Ann Lee'], abstract: 'A folded abstract.', date: '2025-05-26', version: 1, source: { line: 3 } });
    expect(result.papers[1]!.source.line).toBe(11);
  });

  it('several documents in one stream', () => {
    expect(rows(read('---\n- title: One\n  id: "2501.00001"\n---\n- title: Two\n  id: "2501.00002"\n'))).toEqual([
      ['2501.00001', 'One'],
      ['2501.00002', 'Two'],
    ]);
  });

  it('refuses an alias bomb in one line, quickly', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', 'title: x'].join('\n');
    const result = read(bomb, 'yaml');
    expect(result.papers).toEqual([]);
    expect(errors(result)).toEqual([expect.objectContaining({ message: expect.stringContaining('aliases') })]);
  });

  it('invalid YAML: one error with its line and column', () => {
    const result = read('papers:\n- title: A\n  link: x\n bad: [\n', 'yaml');
    expect(errors(result)).toEqual([expect.objectContaining({ message: expect.stringMatching(/not valid YAML at line \d+, column \d+/) })]);
  });

  it('a config with a title is not a paper; markdown with front matter is not YAML', () => {
    expect(read('title: My Blog\nauthor: Ann Lee\nurl: https://ann.github.io\n', 'yaml').papers).toEqual([]);
    expect(detectFormat('---\ntitle: A post\nlayout: post\n---\n\n# Papers of the day\n\n1. **A Paper** [arXiv](https://arxiv.org/abs/2501.00001)\n').name).not.toBe('yaml');
  });
});

describe('yaml digests: feedparser entries', () => {
  it('finds the id in the id URL or in a list of links', () => {
    const text = '- title: From Id\n  id: http://arxiv.org/abs/2502.00001v2\n- title: From Links\n  links:\n  - href: http://arxiv.org/abs/2502.00002v1\n    rel: alternate\n';
    expect(rows(read(text))).toEqual([
      ['2502.00001', 'From Id'],
      ['2502.00002', 'From Links'],
    ]);
  });
});
