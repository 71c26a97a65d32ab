// Papers from the blocks of a marked-up digest, on strong evidence only.
//
// Headings, `<summary>` lines, list items and table rows open cards; a card holds what follows it
// up to the next opener of its rank or higher (a `### ` closes the `### ` and everything under it).
// A paper is one of:
// - a link naming a paper whose text is a title and which is all its block (or cell) says besides
//   numbering and markers: `### 2. **[Title](https://arxiv.org/abs/…)**`, `📄 <a><b>Title</b></a> RO`;
// - a card with a title (its opener, or a `Title:`/`原文标题：`/`제목:` field, which wins over a
//   translated heading) and a field naming a paper (`- Paper: URL`, `[🤗 HuggingFace](…) • [arXiv](…)`,
//   `data-arxiv-id`, a table cell `[2603.19188](…)`);
// - a card of a report without ids: a heading with an `Authors:` field and a venue field or a number.
// Links inside running text are mentions (an insight paragraph naming `FLASH`), never papers or
// titles. Cards with no evidence (section labels, statistics, navigation, a chat preamble) are
// skipped and reported, one line each. The same paper named twice is one paper, at its first place,
// with the fuller title (the English one over a translation, a full title over a short name).
import { normaliseTitle } from '../../ids.js';
import { emptyPaper, type Diagnostic, type Paper } from '../../model.js';
import type { Block, BlockSink, Span } from '../../markup/blocks.js';
import { splitAuthors, withId } from '../common.js';
import { refFromId, refFromUrl, refsInText, type PaperRef } from './evidence.js';
import { cleanTitle, isTitleLike, labelKind, oneLine, splitLabel } from './title-text.js';

const MAX_DIAGNOSTICS = 300;
/** What may stand beside a title link in its block and still leave the link the block's subject. */
const MAX_BESIDE = 16;
const MAX_TITLE = 600;

interface Draft {
  ref: PaperRef | null;
  title: string;
  line: number;
  order: number;
  authors: string | null;
  venue: string | null;
}

interface Card {
  rank: number;
  kind: Block['kind'] | 'root';
  line: number;
  order: number;
  title: string | null;
  /** The block's cells, whose text the line that reports it skipped quotes. */
  cells: readonly CellReading[];
  labelTitle: string | null;
  fields: PaperRef[];
  openerPaper: Draft | null;
  produced: number;
  parent: Card | null;
  authors: string | null;
  venue: string | null;
  numbered: boolean;
  /** Its block's paper link or id went to the card above it (`- Paper: URL` under a titled heading). */
  lent: boolean;
}

export interface FoundPapers {
  papers: Paper[];
  diagnostics: Diagnostic[];
}

function rankOf(b: Block): number {
  switch (b.kind) {
    case 'heading':
      return b.level;
    case 'summary':
      return 7;
    case 'item':
      return 10 + b.level;
    case 'row':
      return 40;
    default:
      return -1;
  }
}

interface LinkRun {
  href: string | null;
  text: string;
  ref: PaperRef | null;
  /** cleanTitle(text), once asked for. */
  title: string | null;
}

function linkTitle(l: LinkRun): string {
  return (l.title ??= cleanTitle(l.text));
}

class CellReading {
  /** The text with paper links, bare ids and a leading label taken out, then numbering and markers; made when asked. */
  private besideText: string | null = null;
  /** The leading label; undefined until asked for (rows never ask). */
  private labelRead: { label: string; value: string } | null | undefined = undefined;

  constructor(
    readonly text: string,
    readonly spans: readonly Span[],
    readonly links: LinkRun[],
    /** Paper links and ids written as text, not linked. */
    readonly bare: PaperRef[],
    /** The text without the paper links and bare ids. */
    private readonly rest: string,
  ) {}

  get label(): { label: string; value: string } | null {
    if (this.labelRead === undefined) this.labelRead = splitLabel(this.text.trimStart());
    return this.labelRead;
  }

  // only openers, rows and cells naming a paper need it: cleaning every paragraph would cost the most
  beside(): string {
    if (this.besideText === null) {
      const restLabel = splitLabel(this.rest.trimStart());
      const own = restLabel && restLabel.label.length <= 24 ? restLabel.value : this.rest;
      // text this long is neither "nothing besides the link" nor a title: no need to clean it
      this.besideText = own.length > 700 ? oneLine(own.slice(0, 700)) : cleanTitle(own);
    }
    return this.besideText;
  }
}

function readCell(cell: readonly Span[]): CellReading {
  const links: LinkRun[] = [];
  const bare: PaperRef[] = [];
  let rest = '';
  let text = '';
  let current: LinkRun | null = null;
  let currentLink = 0;
  for (const s of cell) {
    text += s.text;
    if (s.link !== 0) {
      if (s.link !== currentLink) {
        current = { href: s.href, text: '', ref: s.href ? refFromUrl(s.href) : null, title: null };
        currentLink = s.link;
        links.push(current);
      }
      current!.text += s.text;
      continue;
    }
    currentLink = 0;
    const inText = refsInText(s.text);
    let at = 0;
    for (const r of inText) {
      bare.push(r.ref);
      rest += s.text.slice(at, r.start) + ' ';
      at = r.end;
    }
    rest += s.text.slice(at);
  }
  for (const l of links) if (!l.ref) rest += ` ${l.text} `;
  return new CellReading(text, cell, links, bare, rest);
}

/**
 * The title an opener gives its card, or null when the opener is a field (`**Authors:** …`,
 * `- Paper: URL`, `- **评分**: 5/5`) rather than a paper's name.
 */
function openerTitle(b: Block, cell: CellReading, firstSpan: Span | undefined): string | null {
  if (b.kind === 'row') return null;
  let raw = cell.text;
  if (firstSpan && firstSpan.strong && firstSpan.link === 0) {
    // `**Label**: value` or `**Label:**`: a field
    const after = cell.text.slice(cell.text.indexOf(firstSpan.text) + firstSpan.text.length).trimStart();
    if (/[:：]\s*$/.test(firstSpan.text) || /^[:：]/.test(after)) return null;
    if (b.kind === 'item') raw = firstSpan.text;
  } else if (cell.label) {
    const kind = labelKind(cell.label.label);
    if (kind !== 'other') return null;
    const value = cleanTitle(cell.beside());
    if (value.length <= MAX_BESIDE && (cell.links.some((l) => l.ref) || cell.bare.length > 0)) return null;
  }
  if (raw === cell.text) for (const l of cell.links) if (l.ref && !isTitleLike(linkTitle(l))) raw = raw.replace(l.text, ' ');
  const title = cleanTitle(raw);
  if (title === '' || title.length > 300 || !isTitleLike(title)) return null;
  return title;
}

/** Whether what a cell says besides its paper links is short enough to leave a link its subject. */
function besideIsShort(beside: string, kind: Block['kind']): boolean {
  return !lettersOver(beside, MAX_BESIDE) || (kind === 'row' && beside.length <= MAX_BESIDE);
}

const LETTERS_OR_DIGITS = /[\p{L}\p{N}]+/gu;

/** Whether the text's letters and digits take more than `n` UTF-16 units; it stops reading once they do. */
function lettersOver(text: string, n: number): boolean {
  if (text.length <= n) return false;
  let units = 0;
  LETTERS_OR_DIGITS.lastIndex = 0;
  for (let m = LETTERS_OR_DIGITS.exec(text); m !== null; m = LETTERS_OR_DIGITS.exec(text)) if ((units += m[0].length) > n) return true;
  return false;
}

function boldOnly(cell: CellReading): boolean {
  const spans = cell.spans.filter((s) => s.text.trim() !== '');
  return spans.length > 0 && spans.every((s) => s.strong);
}

/** The share of Latin letters among the letters (counted as code points). */
function latinShare(text: string): number {
  const letters = text.replace(/\P{L}+/gu, '');
  if (letters === '') return 0;
  const astral = letters.replace(/[^\uD800-\uDBFF]+/g, '').length;
  return letters.replace(/[^A-Za-z\u00C0-\u024F]+/g, '').length / (letters.length - astral);
}

/** Whether `incoming` names the paper better than `existing`: English over a translation, full over short. */
function betterTitle(existing: string, incoming: string): boolean {
  const latinIn = latinShare(incoming) >= 0.5;
  if (!latinIn) return false;
  if (latinShare(existing) < 0.5) return true;
  const a = normaliseTitle(existing);
  const b = normaliseTitle(incoming);
  return b.length > a.length && b.includes(a);
}

const NUMBERED = /^\s*(?:\d{1,4}[.)、]|#\d)/;

const snippet = (text: string) => {
  const t = oneLine(text);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
};

const newCard = (rank: number, kind: Card['kind'], line: number, order: number, title: string | null, cells: readonly CellReading[]): Card => ({
  rank, kind, line, order, title, cells, labelTitle: null, fields: [], openerPaper: null, produced: 0, parent: null, authors: null, venue: null, numbered: false, lent: false,
});

/** Papers from blocks given one at a time, in the digest's order; `finish` gives them. */
export class PaperFinder implements BlockSink {
  private readonly diagnostics: Diagnostic[] = [];
  private dropped = 0;
  private readonly drafts: Draft[] = [];
  private readonly byKey = new Map<string, Draft>();
  /** Papers without an id, kept in `byKey` under their title. */
  private titleKeys = 0;
  private order = 0;
  private readonly root: Card;
  private readonly stack: Card[];
  /**
   * A titled card closed with nothing naming a paper, kept for the blocks right after it: the
   * paper's link may sit on the lines below its title, outside the title's own list item
   * (`10. **Title**` followed by `   - [arXiv](…)`, which is no longer nested in it).
   */
  private orphan: Card | null = null;
  /** Where the open `<summary>` cards are in `stack`, innermost last: `</details>` finds its own at once. */
  private readonly summaries: number[] = [];

  constructor(private readonly file: string) {
    this.root = newCard(0, 'root', 0, this.order++, null, []);
    this.stack = [this.root];
  }

  /** Whether one more diagnostic is listed; past the limit it is only counted. Ask before making its message. */
  private room(): boolean {
    if (this.diagnostics.length < MAX_DIAGNOSTICS) return true;
    this.dropped++;
    return false;
  }

  private note(line: number, message: string): void {
    this.diagnostics.push({ line, severity: 'info', message });
  }

  private add(d: Draft): Draft {
    // a paper with an id meets one without under its title: no need for the title while there is none
    const titleKey = d.ref === null || this.titleKeys > 0 ? `title:${normaliseTitle(d.title)}` : '';
    const key = d.ref?.key ?? titleKey;
    if (d.ref === null && !this.byKey.has(key)) this.titleKeys++;
    const earlier = this.byKey.get(key) ?? (d.ref === null || titleKey === '' ? undefined : this.byKey.get(titleKey));
    if (earlier) {
      if (betterTitle(earlier.title, d.title)) earlier.title = d.title;
      if (earlier.order > d.order) {
        earlier.order = d.order;
        earlier.line = d.line;
      }
      earlier.ref ??= d.ref;
      earlier.authors ??= d.authors;
      earlier.venue ??= d.venue;
      if (this.room()) this.note(d.line, `"${snippet(d.title)}" is listed again (also at line ${earlier.line}); read as one paper`);
      return earlier;
    }
    this.byKey.set(key, d);
    this.drafts.push(d);
    return d;
  }

  private top(): Card {
    return this.stack[this.stack.length - 1]!;
  }

  /** The innermost open card with a title: where a field without one of its own belongs. */
  private titled(): Card {
    const stack = this.stack;
    for (let k = stack.length - 1; k > 0; k--) if (stack[k]!.title !== null || stack[k]!.openerPaper !== null) return stack[k]!;
    return this.root;
  }

  private reportSkipped(card: Card): void {
    const text = card.cells.map((c) => c.text).join(' | ');
    if (text.trim() === '' || !this.room()) return;
    const what = card.kind === 'row' ? 'table row' : card.kind === 'item' ? 'list item' : card.kind;
    this.note(card.line, `${what} "${snippet(text)}" skipped: no paper link or id in it`);
  }

  private settleOrphan(): void {
    if (this.orphan && this.orphan.produced === 0) this.reportSkipped(this.orphan);
    this.orphan = null;
  }

  /** Makes the card's paper from its fields or its report structure; true when it has one. */
  private settle(card: Card): boolean {
    // fields outside any heading, item or row belong to no card: no paper is made of them
    const title = card.kind === 'root' ? null : (card.labelTitle ?? card.title);
    if (card.openerPaper) {
      if (card.labelTitle) card.openerPaper.title = card.labelTitle;
      card.openerPaper.authors ??= card.authors;
      card.openerPaper.venue ??= card.venue;
      return true;
    }
    if (card.fields.length > 0 && title !== null) {
      const keys = new Set(card.fields.map((f) => f.key));
      if (keys.size > 1 && card.produced > 0) {
        if (this.room()) this.note(card.line, `"${snippet(title)}": links to ${keys.size} different papers under one title; none taken`);
        return false;
      }
      this.add({ ref: card.fields[0]!, title, line: card.line, order: card.order, authors: card.authors, venue: card.venue });
      return true;
    }
    if (card.fields.length > 0) {
      if (this.room()) this.note(Math.max(1, card.line), `a paper link (${card.fields[0]!.key}) with no title beside it or above it was skipped`);
      return false;
    }
    if (title !== null && card.authors !== null && card.produced === 0 && card.kind === 'heading' && (card.venue !== null || card.numbered)) {
      this.add({ ref: null, title, line: card.line, order: card.order, authors: card.authors, venue: card.venue });
      return true;
    }
    return false;
  }

  private close(card: Card): void {
    const parent = this.stack[this.stack.length - 1] ?? this.root;
    card.parent = parent;
    if (this.settle(card)) card.produced++;
    else if (card.produced === 0 && card.kind !== 'root' && !card.lent) {
      if (card.title !== null && card.fields.length === 0) {
        this.settleOrphan();
        this.orphan = card;
      } else this.reportSkipped(card);
    }
    parent.produced += card.produced;
  }

  private closeTop(): void {
    if (this.summaries[this.summaries.length - 1] === this.stack.length - 1) this.summaries.pop();
    this.close(this.stack.pop()!);
  }

  /** Closes open cards until `depth` are left (the root always stays). */
  private closeTo(depth: number): void {
    while (this.stack.length > 1 && this.stack.length > depth) this.closeTop();
  }

  /** Closes the open cards of rank `rank` and lower (headings of that level and deeper, items, rows). */
  private closeFromRank(rank: number): void {
    while (this.stack.length > 1 && this.top().rank >= rank) this.closeTop();
  }

  private closeRows(): void {
    while (this.stack.length > 1 && this.top().kind === 'row') this.closeTop();
  }

  /** A paragraph that could pass for a paper and is not one: a bold section label, a line of links to no paper. */
  private noteLoosePara(cells: readonly CellReading[], line: number): void {
    const cell = cells[0];
    if (!cell || cell.bare.length > 0 || cell.links.some((l) => l.ref)) return;
    if (cell.links.length > 0) {
      const text = oneLine(cell.text);
      if (text.length <= 200 && this.room()) this.note(line, `paragraph "${snippet(text)}" skipped: its links name no paper`);
    } else if (cell.label === null && boldOnly(cell)) {
      const text = oneLine(cell.text);
      if (text.length <= 40 && this.room()) this.note(line, `section label "${snippet(text)}" skipped: not a paper's title`);
    }
  }

  push(b: Block): void {
    switch (b.kind) {
      case 'code':
        if (this.room()) this.note(b.line, 'code block skipped: code is never a paper');
        return;
      case 'details-end': {
        const at = this.summaries[this.summaries.length - 1];
        if (at !== undefined) this.closeTo(at);
        return;
      }
      case 'list-end':
        this.closeFromRank(10 + b.level);
        return;
      case 'table-end':
        this.closeRows();
        return;
      default:
        break;
    }
    if (b.kind === 'row' && b.header) return;
    const rank = rankOf(b);
    const cells = b.cells.map(readCell);
    let card: Card;
    if (rank >= 0) {
      this.closeFromRank(rank);
      const first = b.cells[0]?.find((s) => s.text.trim() !== '');
      card = newCard(rank, b.kind, b.line, this.order++, null, cells);
      card.title = b.kind === 'row' ? rowTitle(cells, b.cells) : openerTitle(b, cells[0]!, first);
      // of the cells' text, the first cell's is all the numbering can be in
      card.numbered = NUMBERED.test(cells[0]?.text ?? '');
      if (card.title !== null) this.settleOrphan();
      if (b.kind === 'summary') this.summaries.push(this.stack.length);
      this.stack.push(card);
    } else {
      if (this.top().kind === 'row') this.closeRows();
      card = this.top();
    }
    const orphan = this.orphan;
    const owner = card.title !== null ? card : (orphan ?? this.titled());
    let mentions = 0;
    const fieldsBefore = owner.fields.length;
    for (const ids of b.ids) {
      const ref = refFromId(ids);
      if (ref) owner.fields.push(ref);
    }
    for (const cell of cells) {
      const alone = (cell.links.length > 0 || cell.bare.length > 0) && besideIsShort(cell.beside(), b.kind);
      for (const l of cell.links) {
        if (!l.ref) continue;
        const title = linkTitle(l);
        if (isTitleLike(title) && title.length <= MAX_TITLE) {
          if (alone) {
            const d = this.add({ ref: l.ref, title, line: b.line, order: this.order++, authors: null, venue: null });
            if (rank >= 0 && card.openerPaper === null) card.openerPaper = d;
            card.produced++;
          } else mentions++;
        } else if (alone || (rank >= 0 && b.kind !== 'summary')) owner.fields.push(l.ref);
        else mentions++;
      }
      for (const r of cell.bare) {
        if (alone || (rank >= 0 && card.title === null)) owner.fields.push(r);
        else mentions++;
      }
      if (b.kind !== 'heading' && b.kind !== 'summary' && b.kind !== 'row' && cell.label) readFields(cell.text, owner);
    }
    if (owner !== card && owner.fields.length > fieldsBefore) card.lent = true;
    if (orphan !== null && owner === orphan && orphan.fields.length > 0 && orphan.produced === 0 && this.settle(orphan)) {
      orphan.produced++;
      for (let c = orphan.parent; c; c = c.parent) c.produced++;
    }
    if (rank < 0 && b.kind === 'para' && b.ids.length === 0) this.noteLoosePara(cells, b.line);
    if (mentions > 0 && this.room()) this.note(b.line, `${mentions === 1 ? 'a paper link' : `${mentions} paper links`} in running text skipped: a mention, not a listed paper`);
  }

  finish(): FoundPapers {
    this.closeTo(1);
    this.settleOrphan();
    this.close(this.root);
    const { drafts, diagnostics } = this;
    drafts.sort((a, b) => a.order - b.order);
    diagnostics.sort((a, b) => a.line - b.line);
    const papers = drafts.map((d) => toPaper(d, this.file));
    if (this.dropped > 0) diagnostics.push({ line: 0, severity: 'info', message: `${this.dropped} more skipped blocks not listed` });
    return { papers, diagnostics };
  }
}

/** `Title:`, `Authors:` and venue fields, one a line; a field's value runs on over lines without a label. */
function readFields(text: string, card: Card): void {
  let kind: ReturnType<typeof labelKind> | null = null;
  let value = '';
  const done = () => {
    if (kind === 'title') {
      const t = cleanTitle(value);
      if (isTitleLike(t)) card.labelTitle ??= t;
    } else if (kind === 'authors') card.authors ??= oneLine(value);
    else if (kind === 'venue') card.venue ??= oneLine(value);
    kind = null;
    value = '';
  };
  for (let start = 0, n = 0; n < 50 && start <= text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const l = splitLabel(line);
    if (l) {
      done();
      kind = labelKind(l.label);
      value = l.value;
    } else if (kind !== null) value += ` ${line}`;
  }
  done();
}

/** A row's title: its first cell whose bold text reads as a title, else its first cell whose own text does. */
function rowTitle(cells: readonly CellReading[], raw: readonly Span[][]): string | null {
  const named = (t: string) => isTitleLike(t) && /\p{L}{2}/u.test(t);
  for (const spans of raw) {
    const bold = cleanTitle(spans.filter((s) => s.strong && s.link === 0).map((s) => s.text).join(' '));
    if (named(bold)) return bold;
  }
  for (const c of cells) if (named(c.beside())) return c.beside();
  return null;
}

function toPaper(d: Draft, file: string): Paper {
  const p = emptyPaper({ file, line: d.line });
  p.title = d.title;
  p.arxivId = d.ref?.arxivId ?? null;
  p.doi = d.ref?.doi ?? null;
  if (d.ref?.url) p.links.push({ url: d.ref.url, kind: 'other' });
  if (d.authors) p.authors = splitAuthors(d.authors);
  p.venue = d.venue ? d.venue.replace(/\s*\(\d{4}-\d{2}-\d{2}\)\s*$/, '') : null;
  return withId(p);
}
