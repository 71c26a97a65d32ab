// JSON of any schema that holds paper records (other than the Hugging Face API's, which has its own
// reader): `[{title, url}]`, `{papers: […]}`, `{topic: {id: record-or-markdown-row}}`.
import { dataFormat, MAX_DATA_BYTES, type Collector } from './collect.js';
import { findRecords } from './find-records.js';
import { readJson } from './json-text.js';

export const EXPECTED_RECORDS = 'records with a "title" and a paper id or URL such as "arxiv_id", "url", "link" or "id"';

const TITLE_KEY = /"(?:title|paper_?title|title_?en)"\s*:/i;
const ROW_VALUE = /"\s*\|[^"\n]*\]\(https?:/;

function detect(text: string): number {
  const head = text.slice(0, 20_000).replace(/^\ufeff/, '').trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return 0;
  return TITLE_KEY.test(head) || ROW_VALUE.test(head) ? 0.6 : 0.1;
}

function read(text: string, out: Collector): void {
  const json = readJson(text);
  if (!json.ok) out.fail(json.line, `not valid JSON at line ${json.line}, column ${json.column}: ${json.problem}`);
  else findRecords(json.value, json.lines, 1, 'ref', out);
}

export const jsonRecords = dataFormat({
  name: 'json-records',
  description: 'JSON of paper records in any schema (an array, or objects holding arrays or maps, of records or markdown table rows)',
  detect,
  expected: EXPECTED_RECORDS,
  limit: { bytes: MAX_DATA_BYTES, what: 'JSON' },
  read,
});
