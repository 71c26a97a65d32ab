// JSON of any schema that holds paper records (other than the Hugging Face API's, which has its own
// reader): `[{title, url}]`, `{papers: […]}`, `{topic: {id: record-or-markdown-row}}`.
import { dataFormat, MAX_DATA_BYTES, type Collector } from './collect.js';
import { findRecords } from './find-records.js';
import { readJson } from './json-text.js';
import { jsonRecordsProbe } from './data-detect.js';

export const EXPECTED_RECORDS = 'records with a "title" and a paper id or URL such as "arxiv_id", "url", "link" or "id"';

function read(text: string, out: Collector): void {
  const json = readJson(text);
  if (!json.ok) out.fail(json.line, `not valid JSON at line ${json.line}, column ${json.column}: ${json.problem}`);
  else findRecords(json.value, json.lines, 1, 'ref', out);
}

export const jsonRecords = dataFormat({
  ...jsonRecordsProbe,
  expected: EXPECTED_RECORDS,
  limit: { bytes: MAX_DATA_BYTES, what: 'JSON' },
  read,
});
