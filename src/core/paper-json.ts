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
