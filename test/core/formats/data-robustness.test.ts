// The data-file readers never throw and stay linear: generated JSON of any shape, generated
// records under any field-name spelling, CSV round trips, and the worst cases (deep nesting, a
// 50 MB string, a huge array, binary). The test timeout is the only clock: a quadratic reader
// would not finish the large inputs within it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatByName } from '../../../src/core/parse/index.js';
import { readCsv } from '../../../src/core/parse/data/csv-reader.js';
import type { ParseResult } from '../../../src/core/model.js';
import * as YAML from 'yaml';

const DATA_FORMATS = ['json-records', 'jsonl', 'csv', 'yaml'].map((name) => formatByName(name)!);
const json = formatByName('json-records')!;

function wellFormed(result: ParseResult): void {
  for (const p of result.papers) {
    expect(p.id).not.toBe('');
    expect(p.title).not.toBe('');
    expect(p.source.line).toBeGreaterThanOrEqual(1);
  }
  for (const d of result.diagnostics) expect(d.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
}

const TITLE_NAMES = ['title', 'Title', 'paper_title', 'paperTitle'];
const ID_NAMES = ['arxiv_id', 'arxivId', 'id', 'entry_id'];
const URL_NAMES = ['url', 'link', 'paper_url', 'pdf_url'];

const arxivId = fc.tuple(fc.integer({ min: 15, max: 29 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99999 })).map(([y, m, n]) => `${y}${String(m).padStart(2, '0')}.${String(n).padStart(5, '0')}`);
const title = fc.stringMatching(/^[A-Z][a-z]{2,8}( [a-z]{2,8}){1,6}$/);
const record = fc.record({
  title,
  id: arxivId,
  titleName: fc.constantFrom(...TITLE_NAMES),
  idName: fc.constantFrom(...ID_NAMES, ...URL_NAMES),
  extra: fc.dictionary(fc.constantFrom('score', 'rank', 'notes', 'tags'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
});

describe('data readers: generated input', () => {
  it('JSON of any shape: never throws, every paper well formed', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value);
        for (const format of DATA_FORMATS) wellFormed(format.parse(text, { file: 'x', yaml: () => YAML }));
      }),
      { numRuns: 300 },
    );
  });

  it('records under any field-name spelling, wrapped in any container, give exactly their papers in order', () => {
    const wrap = fc.constantFrom<(records: object[]) => unknown>(
      (r) => r,
      (r) => ({ papers: r }),
      (r) => ({ header: { date: '2025-01-01' }, items: r }),
      (r) => ({ topic: Object.fromEntries(r.map((x, i) => [`k${i}`, x])) }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, minLength: 1, maxLength: 20 }), wrap, (records, shape) => {
        const objects = records.map((r) => ({ ...r.extra, [r.titleName]: r.title, [r.idName]: r.idName.includes('url') || r.idName === 'link' ? `https://arxiv.org/abs/${r.id}` : r.id }));
        const result = json.parse(JSON.stringify(shape(objects), null, 1), { file: 'x' });
        expect(result.papers.map((p) => [p.arxivId, p.title])).toEqual(records.map((r) => [r.id, r.title]));
      }),
      { numRuns: 200 },
    );
  });

  it('CSV: what an RFC 4180 writer writes, the reader reads back', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '\t') , maxLength: 12 });
    const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 10 })), (table) => {
        const rows = table.filter((r) => !(r.length === 1 && r[0] === ''));
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
        expect(readCsv(text, ',').rows.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('data readers: worst cases', () => {
  it('deep nesting is refused in one line, without recursion', () => {
    for (const text of ['['.repeat(1_000_000), `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`, `${'- '.repeat(10_000)}x`, `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
      for (const format of DATA_FORMATS) {
        const result = format.parse(text, { file: 'deep', yaml: () => YAML });
        expect(result.papers).toEqual([]);
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
      }
    }
  }, 60_000);

  it('a 50 MB abstract in a record', () => {
    const text = JSON.stringify([{ title: 'Long One', arxiv_id: '2501.00001', abstract: 'word '.repeat(10 * 1024 * 1024) }]);
    const result = json.parse(text, { file: 'big' });
    expect(result.papers.map((p) => p.arxivId)).toEqual(['2501.00001']);
  }, 60_000);

  it('an array of 50,000 records, and 50,000 CSV rows', () => {
    const records = Array.from({ length: 50_000 }, (_, i) => ({ title: `Paper number ${i}`, arxiv_id: `2501.${String(i % 100000).padStart(5, '0')}` }));
    expect(json.parse(JSON.stringify(records), { file: 'many' }).papers).toHaveLength(50_000);
    const csv = ['title,arxiv_id', ...records.map((r) => `${r.title},${r.arxiv_id}`)].join('\n');
    expect(formatByName('csv')!.parse(csv, { file: 'many' }).papers).toHaveLength(50_000);
  }, 60_000);

  it('binary input: one error, no paper, nothing echoed', () => {
    const bytes = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    for (const text of [bytes, `{${bytes}`, `title,url\n${bytes}`, `title: ${bytes}`]) {
      for (const format of DATA_FORMATS) {
        const result = format.parse(text, { file: 'bin', yaml: () => YAML });
        wellFormed(result);
        expect(result.papers).toEqual([]);
      }
    }
  }, 60_000);
});
