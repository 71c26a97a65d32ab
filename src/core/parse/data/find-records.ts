// Finds the paper records in a data value of any shape: an array of records, an object holding
// arrays or maps of them (keyed by id, nested by topic, under `items` or `papers`), or markdown
// table rows as the values. One pre-order pass without recursion, so linear and safe at any size.
import { paperRef } from './paper-refs.js';
import { hasTitle, recordFromObject } from './fields.js';
import { isJsonObject, type Json, type JsonObject, type ValueLines } from './json-text.js';
import { isMarkdownRow, recordFromRow } from './markdown-row.js';
import type { Collector } from './collect.js';
import type { Evidence, FoundRecord } from './record.js';

type Frame =
  | { value: Json; key: string | null; inRecord: boolean; line: number; root: boolean }
  /** Reached once everything under a titled object that is not a paper has been seen. */
  | { done: { line: number; reason: string; papersBefore: number } };

/** A map key that names the paper (`{"2603.16683": …}`) is one more reference for its record. */
function withKey(found: FoundRecord, key: string | null): FoundRecord {
  if (key !== null && paperRef(key).isPaper) found.refs.push(key);
  return found;
}

/**
 * Adds every record under `value` to `out`. `lines` gives the line of the n-th object and n-th
 * string value in document order (the order of this walk); `baseLine` stands in where it gives none.
 * `rootEvidence` is what the value itself must show to be a paper: a whole file that is one object
 * may be a config with a title and an author, while a line of JSON lines is one record.
 */
export function findRecords(value: Json, lines: Partial<ValueLines>, baseLine: number, rootEvidence: Evidence, out: Collector): void {
  let objects = 0;
  let strings = 0;
  const stack: Frame[] = [{ value, key: null, inRecord: false, line: baseLine, root: true }];
  const pushChildren = (parent: Json[] | JsonObject, inRecord: boolean, line: number) => {
    if (Array.isArray(parent)) {
      for (let i = parent.length - 1; i >= 0; i--) stack.push({ value: parent[i]!, key: null, inRecord, line, root: false });
      return;
    }
    const keys = Object.keys(parent);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: parent[keys[i]!]!, key: keys[i]!, inRecord, line, root: false });
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('done' in frame) {
      if (out.paperCount === frame.done.papersBefore) out.skip(frame.done.line, frame.done.reason);
      continue;
    }
    const { value: v, inRecord } = frame;
    if (Array.isArray(v)) {
      pushChildren(v, inRecord, frame.line);
    } else if (isJsonObject(v)) {
      const line = lines.object?.(objects++) ?? frame.line;
      if (!inRecord && hasTitle(v)) {
        const outcome = out.tryAdd(withKey(recordFromObject(v), frame.key), line, frame.root ? rootEvidence : 'any');
        if ('skipped' in outcome) {
          // a titled wrapper (`{title: "Daily digest", papers: […]}`): its parts may be papers
          stack.push({ done: { line, reason: outcome.skipped, papersBefore: out.paperCount } });
          pushChildren(v, false, line);
          continue;
        }
        pushChildren(v, true, line);
      } else pushChildren(v, inRecord, line);
    } else if (typeof v === 'string') {
      const line = lines.string?.(strings++) ?? frame.line;
      if (!inRecord && isMarkdownRow(v)) out.add(withKey(recordFromRow(v), frame.key), line, 'any');
    }
  }
}
