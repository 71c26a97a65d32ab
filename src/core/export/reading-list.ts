// Reads back a Markdown reading list papers exported, after the user edited it: per item the paper
// id, whether its box is ticked, and the note lines the user keeps under it. Pure: the CLI applies it.
import type { Diagnostic } from '../model.js';
import { MD_GENERATOR, TLDR_PREFIX } from './markdown.js';
import { normaliseNote } from './note-text.js';

export interface ReadingItem {
  id: string;
  /** 1-based line of the item. */
  line: number;
  /** The box now; null when the user removed the checkbox. */
  ticked: boolean | null;
  /** The box when papers wrote the list (the `ticked` word in the id comment). */
  exportedTicked: boolean;
  /** The note lines under the item, dedented and joined; '' when there are none. */
  note: string;
  /** Fingerprint of the note the item was exported with, or null when it had none. */
  exportedNote: string | null;
}

type ReadingListResult =
  | { kind: 'reading-list'; items: ReadingItem[]; diagnostics: Diagnostic[] }
  | { kind: 'not-a-reading-list'; reason: string };

// At the end of the line: a title can never put one there (titles are escaped and links follow them).
const ID_COMMENT = /<!--\s*papers:id=(\S+?)((?:\s+[a-z]+(?:=\S+?)?)*)\s*-->\s*$/;
const CHECKBOX = /^\s*(?:[-*+]|\d+[.)])\s+\[(.)\]/;
const HEADING = /^#{1,6}(?:\s|$)/;
const LIST_ITEM = /^(?:[-*+]|\d+[.)])(?:\s|$)/;

/** True when the text starts with front matter that names papers as its writer. */
export function hasReadingListMarker(text: string): boolean {
  const fm = frontMatter(text.replace(/^\uFEFF/, '').split(/\r\n?|\n/));
  return fm !== null && fm.marked;
}

function frontMatter(lines: readonly string[]): { end: number; marked: boolean } | null {
  if (lines[0]?.trim() !== '---') return null;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '---' || lines[i]!.trim() === '...') {
      const body = lines.slice(1, i);
      const marked = body.some((l) => /^generator:\s*["']?papers reading-list \d+["']?\s*$/.test(l.trim()));
      return { end: i, marked };
    }
  }
  return null;
}

/**
 * A reading list is a file that is one as a whole: it starts with the front matter papers writes.
 * Id comments elsewhere (in a mail, an mbox, a web page, a digest) make nothing a reading list, so
 * text written by strangers can never tick, untick or note a paper.
 */
export function readReadingList(text: string): ReadingListResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const fm = frontMatter(lines);
  if (!fm?.marked) {
    return {
      kind: 'not-a-reading-list',
      reason: `not a papers reading list (it does not start with the \`generator: ${MD_GENERATOR}\` front matter papers writes)`,
    };
  }
  const diagnostics: Diagnostic[] = [];
  const items: ReadingItem[] = [];
  const seen = new Set<string>();
  let current: { item: ReadingItem; body: string[] } | null = null;
  let inDetails = false;
  let previousBlank = false;

  const close = () => {
    if (!current) return;
    current.item.note = normaliseNote(dedent(current.body).join('\n'));
    if (seen.has(current.item.id)) {
      diagnostics.push({ line: current.item.line, severity: 'warning', message: `paper ${current.item.id} is listed twice; the first item counts` });
    } else {
      seen.add(current.item.id);
      items.push(current.item);
    }
    current = null;
  };

  for (let i = fm.end + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    const id = ID_COMMENT.exec(line);
    if (id) {
      close();
      const words = (id[2] ?? '').trim().split(/\s+/);
      const box = CHECKBOX.exec(line);
      const noteWord = words.find((w) => w.startsWith('note='));
      current = {
        item: {
          id: id[1]!,
          line: i + 1,
          ticked: box ? box[1] === 'x' || box[1] === 'X' : null,
          exportedTicked: words.includes('ticked'),
          note: '',
          exportedNote: noteWord ? noteWord.slice('note='.length) : null,
        },
        body: [],
      };
      inDetails = false;
      previousBlank = false;
      continue;
    }
    if (current) {
      const atColumn0 = !blank && !/^\s/.test(line);
      // What ends an item: a heading, another list item, or a paragraph that starts outside it.
      if (atColumn0 && (HEADING.test(line) || LIST_ITEM.test(line) || previousBlank)) close();
    }
    if (!current && !blank && !HEADING.test(line)) {
      diagnostics.push({ line: i + 1, severity: 'warning', message: `"${line.trim().slice(0, 40)}" is not under any paper's item, so it was ignored; indent it under an item to make it that paper's note` });
    }
    if (current) {
      const trimmed = line.trim();
      if (inDetails) {
        if (/<\/details>/i.test(trimmed)) inDetails = false;
      } else if (/^<details[\s>]/i.test(trimmed)) {
        inDetails = !/<\/details>/i.test(trimmed);
      } else if (!isTldrLine(trimmed)) {
        current.body.push(line);
      }
    }
    previousBlank = blank;
  }
  close();
  return { kind: 'reading-list', items, diagnostics };
}

/** papers' first-sentence line, also as formatters such as Prettier rewrite it (`_TL;DR:_`). */
function isTldrLine(trimmed: string): boolean {
  return trimmed.startsWith(TLDR_PREFIX) || trimmed.startsWith(TLDR_PREFIX.replace(/\*/g, '_'));
}

/** Removes the leading whitespace all non-blank lines share. */
function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)![0]);
  if (indents.length === 0) return [...lines];
  let common = indents[0]!;
  for (const indent of indents) {
    let n = 0;
    while (n < common.length && n < indent.length && common[n] === indent[n]) n++;
    common = common.slice(0, n);
  }
  return lines.map((l) => (l.startsWith(common) ? l.slice(common.length) : l.trimStart()));
}
