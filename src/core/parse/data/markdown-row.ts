// A markdown table row held as a value in a data file (cv-arxiv-daily's JSON keeps each paper as
// `|**date**|**Title**|First Author et.al.|[id](url)|code|summary|`), read cell by cell with
// markdown-it's inline parser: which cell is which comes from what it holds, not from its place.
import MarkdownIt from 'markdown-it';
import { splitAuthors } from '../common.js';
import { paperRef } from './paper-refs.js';
import { emptyRecord, type FoundRecord } from './record.js';

const md = new MarkdownIt('zero', { html: true }).enable(['emphasis', 'link', 'backticks', 'escape', 'entity', 'html_inline', 'autolink']);

interface Cell {
  text: string;
  /** Every text of the cell is inside bold or italics. */
  emphasised: boolean;
  links: Array<{ href: string; text: string }>;
}

/** A string that is a table row: starts with a pipe and has at least three cells. */
export function isMarkdownRow(value: string): boolean {
  const s = value.trimStart();
  if (!s.startsWith('|')) return false;
  let pipes = 0;
  for (let i = 0; i < s.length && pipes < 4; i++) if (s[i] === '|') pipes++;
  return pipes >= 4;
}

/** The cells of a row: split at pipes not escaped by a backslash. */
function splitCells(row: string): string[] {
  const cells: string[] = [];
  let start = 0;
  const s = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '|') {
      cells.push(s.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(s.slice(start));
  return cells.map((c) => c.trim());
}

/** Text without an LLM's leaked `<think>…</think>` reasoning (an unclosed one runs to the end). */
function withoutThinking(s: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = s.indexOf('<think>', from);
    if (open === -1) return out + s.slice(from);
    out += s.slice(from, open);
    const close = s.indexOf('</think>', open);
    if (close === -1) return out;
    from = close + '</think>'.length;
  }
}

function readCell(raw: string): Cell {
  const tokens = md.parseInline(raw, {})[0]?.children ?? [];
  let text = '';
  let depth = 0;
  let plainOutside = false;
  const links: Cell['links'] = [];
  let link: { href: string; text: string } | null = null;
  for (const t of tokens) {
    if (t.type === 'strong_open' || t.type === 'em_open') depth++;
    else if (t.type === 'strong_close' || t.type === 'em_close') depth--;
    else if (t.type === 'link_open') link = { href: String(t.attrGet('href') ?? ''), text: '' };
    else if (t.type === 'link_close' && link) {
      links.push(link);
      link = null;
    } else if (t.type === 'text' || t.type === 'code_inline') {
      text += t.content;
      if (link) link.text += t.content;
      if (depth <= 0 && t.content.trim() !== '') plainOutside = true;
    }
  }
  return { text: text.trim(), emphasised: !plainOutside && text.trim() !== '', links };
}

const EMPTY_CELL = /^(?:null|none|n\/a|nan|-+|—)$/i;
const DATE_CELL = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/;
const ET_AL = /\s*,?\s*et\.?\s*al\.?\s*$/i;
const ID_TEXT = /^(?:arxiv:)?\s*[\w.\/-]+$/i;

const readsAsNames = (s: string) => s.length < 1000 && !/[.!?。]\s*$/.test(s);

/** The fields a markdown table row shows. */
export function recordFromRow(row: string): FoundRecord {
  const found = emptyRecord();
  const cells = splitCells(withoutThinking(row))
    .filter((c) => c !== '' && !EMPTY_CELL.test(c))
    .map(readCell)
    .filter((c) => c.text !== '' || c.links.length > 0);
  const plain: Cell[] = [];
  let emphasisedTitle: string | null = null;
  let linkTitle: string | null = null;
  for (const cell of cells) {
    if (cell.links.length === 0 && DATE_CELL.test(cell.text)) {
      found.date ??= cell.text;
      continue;
    }
    if (cell.links.length > 0) {
      for (const l of cell.links) {
        if (paperRef(l.href).isPaper) {
          found.refs.push(l.href);
          if (!ID_TEXT.test(l.text.trim()) && l.text.trim().length > 8) linkTitle ??= l.text;
        } else found.links.push(l.href);
      }
      continue;
    }
    if (cell.emphasised && emphasisedTitle === null) emphasisedTitle = cell.text;
    else plain.push(cell);
  }
  found.title = emphasisedTitle ?? linkTitle ?? plain.shift()?.text ?? null;
  // the authors: the cell that ends in "et al.", else the first cell left when it reads as names
  const etAl = plain.findIndex((c) => ET_AL.test(c.text));
  const at = etAl !== -1 ? etAl : plain[0] && readsAsNames(plain[0].text) ? 0 : -1;
  if (at !== -1) {
    found.authors = splitAuthors(plain[at]!.text.replace(ET_AL, ''));
    plain.splice(at, 1);
  }
  const summary = plain.map((c) => c.text).filter((t) => t.length >= 10).sort((a, b) => b.length - a.length)[0];
  if (summary) found.summary = summary;
  return found;
}
