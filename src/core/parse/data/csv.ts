// CSV (or TSV) with a header row: each row a record, its cells named by the header.
import { dataFormat, MAX_DATA_BYTES, type Collector } from './collect.js';
import { quoted } from './record.js';
import { readCsv, guessDelimiter } from './csv-reader.js';
import { hasTitleColumn, recordFromObject } from './fields.js';
import type { JsonObject } from './json-text.js';


/** A first line of delimited column names, one of them a title. */
function detect(text: string): number {
  const head = text.slice(0, 10_000).replace(/^\ufeff/, '');
  if (/^\s*[[{<#|]/.test(head)) return 0;
  const delimiter = guessDelimiter(head);
  const header = readCsv(head, delimiter, 1).rows[0]?.cells ?? [];
  if (header.length < 2 || header.some((c) => c.length > 60)) return 0;
  return hasTitleColumn(header) ? 0.65 : 0;
}

function read(text: string, out: Collector): void {
  // a header row is short: read it from the first 100 kB, so a text that is no table costs nothing more
  const head = text.slice(0, 100_000);
  const delimiter = guessDelimiter(head);
  if (head.length < text.length && !/[\r\n]/.test(head)) {
    out.fail(1, 'the first line is longer than 100 kB; not a header row of column names');
    return;
  }
  const header = readCsv(head, delimiter, 1).rows[0];
  if (!header || !hasTitleColumn(header.cells)) {
    const names = (header?.cells ?? []).slice(0, 8).map((c) => quoted(c, 30)).join(', ');
    out.fail(header?.line ?? 0, `no "title" column in the header row${names ? ` (${names})` : ''}; the first row must name the columns`);
    return;
  }
  const table = readCsv(text, delimiter);
  const rows = table.rows.slice(1);
  if (table.unclosedQuoteAt !== null) out.warn(table.unclosedQuoteAt, 'a quoted field is never closed; the rest of the file was read as that one field');
  for (const row of rows) {
    const record: JsonObject = {};
    header.cells.forEach((name, k) => {
      if (!(name in record)) record[name] = row.cells[k] ?? '';
    });
    out.add(recordFromObject(record), row.line, 'any');
  }
}

export const csvRecords = dataFormat({
  name: 'csv',
  description: 'CSV or TSV with a header row naming a title column (one paper per row)',
  detect,
  expected: 'a header row with a "title" column and rows of papers',
  limit: { bytes: MAX_DATA_BYTES, what: 'CSV' },
  read,
});
