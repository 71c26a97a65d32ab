// The query language: compile text to a Query (or an error pointing at a token), and show such errors.
export type { Clause, Comparison, CompileResult, Group, HasWhat, Query, QueryError, Span, Term, TextField, WordMode } from './ast.js';
export { HAS_VALUES } from './ast.js';
export { compileQuery, FIELDS, type CompileOptions } from './parse.js';
export { QUERY_HELP } from './help.js';
import type { QueryError } from './ast.js';

/** True when the query has no clause at all (it matches every paper). */
/**
 * The query on one line and a caret line under the offending token, each prefixed by `indent`:
 *     linear foo:bar
 *            ^^^^
 * Columns count wide characters (CJK) as two, like a terminal. Tabs and newlines show as spaces.
 */
export function formatQueryError(text: string, error: QueryError, indent = '  '): string {
  const flat = text.replace(/[\t\n\r]/g, ' ');
  const before = columns(flat.slice(0, error.offset));
  const width = Math.max(1, columns(flat.slice(error.offset, error.offset + error.length)));
  return `${indent}${flat}\n${indent}${' '.repeat(before)}${'^'.repeat(width)}`;
}

function columns(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) || (c >= 0x1f300 && c <= 0x1faff) ? 2 : 1;
  }
  return n;
}
