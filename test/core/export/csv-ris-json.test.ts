import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { CSV_COLUMNS, defuseFormula, formatCsv } from '../../../src/core/export/csv.js';
import { formatRis } from '../../../src/core/export/ris.js';
import { formatJson } from '../../../src/core/export/json.js';
import { exportedFormatOf, formatExport } from '../../../src/core/export/index.js';
import { EXPORT_FORMATS } from '../../../src/core/export/types.js';
import { META, entries, nastyPapers, plainPapers } from './fixtures.js';

const papers = [...plainPapers(), ...nastyPapers()];
const notes = { tabcdefgh: 'a note, with "quotes"\nand a second line', '2503.01234': 'x' };
const tags = { '2503.01234': ['ml', 'read'] };

describe('csv', () => {
  const text = formatCsv(entries(papers, tags, notes));

  it('round-trips through csv-parse: header row, one record per paper, every field intact (formulas defused)', () => {
    const rows = parseCsv(text, { columns: true, relax_column_count: false }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(papers.length);
    rows.forEach((row, i) => {
      const p = papers[i]!;
      expect(Object.keys(row)).toEqual([...CSV_COLUMNS]);
      expect(row.id).toBe(p.id);
      expect(row.title).toBe(defuseFormula(p.title));
      expect(row.abstract).toBe(defuseFormula(p.abstract));
      expect(row.authors).toBe(defuseFormula(p.authors.join('; ')));
    });
    expect(rows[2]!.note).toBe(notes.tabcdefgh);
    expect(rows[0]!.tags).toBe('ml read');
  });

  it('follows RFC 4180: CRLF records, quotes doubled, quoting only where needed', () => {
    expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"a note, with ""quotes""\nand a second line"');
    expect(text).toContain('\r\n2503.05678,Attention Is Not All You Need,');
  });
});

describe('ris', () => {
  const text = formatRis(entries(papers));

  it('writes one TY..ER record per paper with CRLF lines of the form "XX  - value"', () => {
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(papers.length);
    expect(lines.filter((l) => l === 'ER  - ')).toHaveLength(papers.length);
    for (const line of lines) expect(line).toMatch(/^([A-Z][A-Z0-9] {2}- .*)?$/);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('carries titles, authors, dates, arXiv and DOI', () => {
    const record = text.split('ER  - ')[0]!;
    expect(record).toContain('TY  - UNPB\r\nID  - 2503.01234\r\nTI  - Attention Is All You Need, Again\r\nAU  - Vaswani, Ashish\r\nAU  - Shazeer, Noam\r\nPY  - 2025\r\nDA  - 2025/03/12/\r\n');
    expect(record).toContain('UR  - https://arxiv.org/abs/2503.01234\r\n');
    expect(text).toContain('AU  - King, Martin Luther, Jr.\r\n');
    expect(text).toContain('DO  - 10.1000/xyz123\r\n');
    // Each record's titles survive verbatim (RIS has no escaping; values are single lines).
    for (const p of papers) expect(text).toContain(`TI  - ${p.title}\r\n`);
  });
});

describe('json', () => {
  it('wraps papers with tags and note in an object naming papers, the query and the date', () => {
    const doc = JSON.parse(formatJson(entries(papers, tags, notes), META));
    expect(doc).toMatchObject({ generator: 'papers', generated: '2025-04-01', query: 'attention "is all"', count: papers.length });
    expect(doc.papers[0]).toMatchObject({ id: '2503.01234', tags: ['ml', 'read'], note: 'x', title: papers[0]!.title });
  });
});

describe('exportedFormatOf', () => {
  it('recognises every format papers writes, even with no papers in it', () => {
    for (const format of EXPORT_FORMATS) {
      const text = formatExport(format, entries(papers, tags, notes), META, { group: 'tag', abstracts: 'full' });
      expect(exportedFormatOf(text)).toBe(format);
      const empty = formatExport(format, [], META, { group: 'none', abstracts: 'none' });
      expect([format, 'empty']).toContain(exportedFormatOf(empty));
    }
  });

  it('refuses files papers did not write', () => {
    for (const foreign of [
      '# My reading list\n\n- [ ] a paper\n',
      '---\ntitle: x\n---\n# notes\n',
      '@misc{key, title = {T}}\n',
      '% my bibliography\n@misc{key, title = {T}}\n',
      'TY  - JOUR\r\nTI  - T\r\nER  - \r\n',
      'id,title\r\n1,x\r\n',
      '[{"id": "a", "type": "article", "title": "T"}]',
      '{"papers": []}',
      'plain text',
    ]) {
      expect(exportedFormatOf(foreign)).toBeNull();
    }
    expect(exportedFormatOf('')).toBe('empty');
    expect(exportedFormatOf('\n \n')).toBe('empty');
  });
});
