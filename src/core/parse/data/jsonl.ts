// JSON lines: one JSON value per line, each a record (or a container of records). A line that is
// not JSON is reported and skipped; the other lines still count.
import { dataFormat, MAX_DATA_BYTES, type Collector } from './collect.js';
import { findRecords } from './find-records.js';
import { EXPECTED_RECORDS } from './json-records.js';
import { readJson } from './json-text.js';
import { jsonLinesProbe } from './data-detect.js';

const MAX_BAD_LINES = 20;

function read(text: string, out: Collector): void {
  let bad = 0;
  let good = 0;
  let line = 0;
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (from <= text.length) {
    const end = text.indexOf('\n', from);
    const raw = text.slice(from, end === -1 ? text.length : end);
    from = end === -1 ? text.length + 1 : end + 1;
    line++;
    if (raw.trim() === '') continue;
    const read = readJson(raw);
    if (!read.ok) {
      bad++;
      if (bad <= MAX_BAD_LINES) out.warn(line, `not a JSON value (column ${read.column}: ${read.problem}); line skipped`);
      continue;
    }
    good++;
    findRecords(read.value, {}, line, 'any', out);
  }
  if (bad > MAX_BAD_LINES) out.warn(0, `${bad - MAX_BAD_LINES} more lines that are not JSON skipped`);
  if (good === 0 && bad > 0) out.fail(0, 'no line of this file is JSON; is it JSON lines?');
}

export const jsonLines = dataFormat({
  ...jsonLinesProbe,
  expected: `one JSON object per line, each with ${EXPECTED_RECORDS}`,
  limit: { bytes: MAX_DATA_BYTES, what: 'JSON lines' },
  read,
});
