// CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break.
import { arxivPdfUrl, linksOfKind, paperUrl } from './facts.js';
import type { ExportEntry } from './types.js';

/** The header row. Also how papers recognises a CSV file it wrote. */
export const CSV_COLUMNS = ['id', 'title', 'authors', 'date', 'arxiv_id', 'url', 'pdf', 'code', 'project', 'doi', 'venue', 'tags', 'note', 'abstract'] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function formatCsv(entries: readonly ExportEntry[]): string {
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
    out += csvRow(CSV_COLUMNS.map((c) => row[c]));
  }
  return out;
}
