// JSON of any schema that holds paper records (other than the Hugging Face API's, which has its own
// reader): `[{title, url}]`, `{papers: […]}`, `{topic: {id: record-or-markdown-row}}`.
import type { ParseOptions, ParseResult } from '../../model.js';
import type { DigestFormat } from '../index.js';
import { collector, MAX_DATA_BYTES, tooLarge } from './collect.js';
import { findRecords } from './find-records.js';
import { readJson } from './json-text.js';

const NAME = 'json-records';
export const EXPECTED_RECORDS = 'records with a "title" and a paper id or URL such as "arxiv_id", "url", "link" or "id"';

const TITLE_KEY = /"(?:title|paper_?title|title_?en)"\s*:/i;
const ROW_VALUE = /"\s*\|[^"\n]*\]\(https?:/;

function detect(text: string): number {
  const head = text.slice(0, 20_000).replace(/^\ufeff/, '').trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return 0;
  return TITLE_KEY.test(head) || ROW_VALUE.test(head) ? 0.6 : 0.1;
}

function parse(text: string, options: ParseOptions): ParseResult {
  const out = collector(NAME, options, EXPECTED_RECORDS);
  const big = tooLarge(text, MAX_DATA_BYTES, 'JSON');
  if (big) {
    out.fail(0, big);
    return out.result();
  }
  const read = readJson(text);
  if (!read.ok) out.fail(read.line, `not valid JSON at line ${read.line}, column ${read.column}: ${read.problem}`);
  else findRecords(read.value, read.lines, 1, 'ref', out);
  return out.result();
}

export const jsonRecords: DigestFormat = {
  name: NAME,
  description: 'JSON of paper records in any schema (an array, or objects holding arrays or maps, of records or markdown table rows)',
  detect,
  parse,
};
