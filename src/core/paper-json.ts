// `papers list --json`'s records: each paper's fields, then the user's tags and note. A record is
// handed to the writer as parts (text, or UTF-8 bytes ready to copy) so that a library read from
// the database reaches stdout without every abstract becoming a JavaScript string twice over.
import type { Decision, LibraryPaper } from './library.js';
import { jsonMembers } from './json-text.js';
import { tagsOf } from './tags.js';

/** Text, or UTF-8 bytes of JSON text. */
export type JsonPart = string | Uint8Array;

/** How deep a record's members are: the document is an array of records. */
export const RECORD_INDENT = '    ';

/** One record before the decision's fields: the paper's object members (at RECORD_INDENT, without braces), in parts. */
export interface PaperJson {
  id: string;
  parts: JsonPart[];
}

export function paperJsonOf(p: LibraryPaper): PaperJson {
  return { id: p.id, parts: [jsonMembers(p, RECORD_INDENT)] };
}

/** The fields a record adds to the paper's: its user tags and note. */
export function decisionFields(decision: Decision | undefined): { tags: string[]; note: string | null } {
  return { tags: tagsOf(decision), note: decision?.note?.text ?? null };
}

/** What opens every record of the array; the array's `[` takes the place of the first one's comma. */
export const RECORD_OPEN = `,\n  {\n${RECORD_INDENT}`;

/** What closes a record: the decision's fields and the brace. */
export function recordClose(decision: Decision | undefined): string {
  return `,\n${RECORD_INDENT}${jsonMembers(decisionFields(decision), RECORD_INDENT)}\n  }`;
}

/** The close of a record whose paper has no tags or note: most of a library's. */
export const UNDECIDED_CLOSE = recordClose(undefined);
