// CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break.
// A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR) gets a leading
// ' as OWASP advises, unless the export is raw (for data pipelines, which want the text as it is).
import { arxivPdfUrl, linksOfKind, paperUrl } from './facts.js';
import type { CsvOptions, ExportEntry } from './types.js';

/** The header row. Also how papers recognises a CSV file it wrote. */
export const CSV_COLUMNS = ['id', 'title', 'authors', 'date', 'arxiv_id', 'url', 'pdf', 'code', 'project', 'doi', 'venue', 'tags', 'note', 'abstract'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The value as a spreadsheet shows it rather than runs it. */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvField(value: string, options: CsvOptions = { raw: false }): string {
  const cell = options.raw ? value : defuseFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvRow(values: readonly string[], options: CsvOptions = { raw: false }): string {
  return `${values.map((v) => csvField(v, options)).join(',')}\r\n`;
}

export function formatCsv(entries: readonly ExportEntry[], options: CsvOptions = { raw: false }): string {
  let out = csvRow(CSV_COLUMNS);
  for (const e of entries) {
    const p = e.paper;
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: p.id,
      title: p.title,
      authors: p.authors.join('; '),
      date: p.date ?? '',
      arxiv_id: p.arxivId ?? '',
      url: paperUrl(p) ?? '',
      pdf: p.arxivId ? arxivPdfUrl(p.arxivId) : '',
      code: linksOfKind(p, 'code').join(' '),
      project: linksOfKind(p, 'project').join(' '),
      doi: p.doi ?? '',
      venue: p.journalRef ?? p.venue ?? '',
      tags: e.tags.join(' '),
      note: e.note ?? '',
      abstract: p.abstract,
    };
    out += csvRow(CSV_COLUMNS.map((c) => row[c]), options);
  }
  return out;
}
