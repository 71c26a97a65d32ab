// One entry point for every export format, and the check that tells papers' own files from others.
import { BIBTEX_MARKER, formatBibtex } from './bibtex.js';
import { CSL_SOURCE, formatCslJson } from './csl-json.js';
import { CSV_COLUMNS, csvRow, formatCsv } from './csv.js';
import { JSON_GENERATOR, formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { hasReadingListMarker } from './reading-list.js';
import { RIS_PROVIDER, formatRis } from './ris.js';
import type { CsvOptions, ExportEntry, ExportFormat, ExportMeta, MarkdownOptions } from './types.js';

export * from './types.js';

export function formatExport(format: ExportFormat, entries: readonly ExportEntry[], meta: ExportMeta, markdown: MarkdownOptions, csv: CsvOptions = { raw: false }): string {
  switch (format) {
    case 'md':
      return formatMarkdown(entries, meta, markdown);
    case 'json':
      return formatJson(entries, meta);
    case 'csl-json':
      return formatCslJson(entries);
    case 'bibtex':
      return formatBibtex(entries, meta);
    case 'ris':
      return formatRis(entries);
    case 'csv':
      return formatCsv(entries, csv);
  }
}

/**
 * The format of a file papers exported, or null when papers did not write it. Each format carries
 * its mark where the format has room: Markdown front matter, a BibTeX comment line, a `generator`
 * field in JSON, `source: "papers"` on every CSL-JSON item, `DP  - papers` in every RIS record, and
 * papers' exact header row in CSV. An empty file (or an empty CSL-JSON array) holds nothing to lose.
 */
export function exportedFormatOf(text: string): ExportFormat | 'empty' | null {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return 'empty';
  if (hasReadingListMarker(body)) return 'md';
  if (body.startsWith(BIBTEX_MARKER)) return 'bibtex';
  if (body.startsWith(csvRow(CSV_COLUMNS))) return 'csv';
  if (/^TY {2}- /.test(body)) {
    const records = body.split(/^ER {2}-.*$/m).filter((r) => r.trim() !== '');
    return records.length > 0 && records.every((r) => new RegExp(`^DP {2}- ${RIS_PROVIDER}\\r?$`, 'm').test(r)) ? 'ris' : null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return 'empty';
    return parsed.every((item) => typeof item === 'object' && item !== null && (item as { source?: unknown }).source === CSL_SOURCE) ? 'csl-json' : null;
  }
  if (typeof parsed === 'object' && parsed !== null && (parsed as { generator?: unknown }).generator === JSON_GENERATOR) return 'json';
  return null;
}
