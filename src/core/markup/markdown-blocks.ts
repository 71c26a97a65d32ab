// Markdown read into blocks with markdown-it: headings, list items (the item's first paragraph,
// with its nesting depth), table rows, paragraphs, code blocks. Raw HTML blocks (`<details>`,
// `<table>` pasted into a README) go through the HTML reader; inline HTML links and bold are kept.
// Front matter (`---` ... `---` at the top) is blanked first so that it does not read as a heading.
import MarkdownIt from 'markdown-it';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];
import { InlineWriter, type Block, type BlockSink } from './blocks.js';
import { htmlBlocks } from './html-blocks.js';
import { blockBatches, usePlainTokens, useSimpleLinks } from './markdown-it-fast.js';

// The inline pass runs per block, below, so that it can be bounded: markdown-it's inline rules
// cost tens of microseconds a character on hostile text (runs of `[`), which would make a large
// crafted file take minutes. Blocks with no inline syntax are plain text as they are; past the
// budget, or in a block longer than any paper's, inline syntax is read as plain text too.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
md.core.ruler.disable(['inline', 'text_join']);
usePlainTokens(md);
useSimpleLinks(md);
const MAX_INLINE = 20_000;
const INLINE_BUDGET = 16 * 1024 * 1024;
const INLINE_SYNTAX = /[[<*_`&\\!]/;

/** Front matter replaced by as many empty lines, so line numbers stay right. */
function blankFrontMatter(text: string): string {
  if (!text.startsWith('---')) return text;
  const m = /^---[ \t]*\r?\n[\s\S]{0,20000}?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 20_100));
  if (!m) return text;
  return m[0].replace(/[^\n]/g, '') + text.slice(m[0].length);
}

/**
 * Link text broken by a blank line (`[A title that\n\ncontinues](url)`, as some generators wrap)
 * is one link: the blank line between an unclosed `[` and the `](` that closes it is dropped.
 */
function joinBrokenLinks(text: string): string {
  if (!text.includes('](')) return text;
  const parts: string[] = [];
  let kept = 0;
  // each blank line that follows a line, and the lines on either side of it, are read once or twice
  const blank = /\n[^\S\n]*\n/g;
  for (let m = blank.exec(text); m !== null; m = blank.exec(text)) {
    const lineEnd = m.index;
    const blankEnd = lineEnd + m[0].length - 1;
    blank.lastIndex = lineEnd + 1;
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    if (lineEnd - lineStart > 2000) continue;
    const line = text.slice(lineStart, lineEnd);
    const open = line.lastIndexOf('[');
    if (open === -1 || line.indexOf(']', open) !== -1) continue;
    const nextEnd = text.indexOf('\n', blankEnd + 1);
    const next = text.slice(blankEnd + 1, nextEnd === -1 ? text.length : nextEnd);
    const close = next.indexOf('](');
    if (close === -1 || next.lastIndexOf('[', close) !== -1) continue;
    parts.push(text.slice(kept, lineEnd + 1));
    kept = blankEnd + 1;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(kept));
  return parts.join('');
}

const TAG = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** Inline HTML inside a markdown paragraph: links, bold and line breaks; other tags are dropped. */
function inlineHtml(tag: string, w: InlineWriter): void {
  const m = TAG.exec(tag);
  if (!m) return;
  const closing = m[1] === '/';
  const name = m[2]!.toLowerCase();
  if (name === 'a') {
    if (closing) w.closeLink();
    else {
      const h = HREF.exec(m[3]!);
      w.openLink(h ? (h[1] ?? h[2] ?? h[3] ?? null) : null);
    }
  } else if (name === 'b' || name === 'strong') w.strong(!closing);
  else if (name === 'br') w.text('\n');
}

function writeInline(children: readonly Token[] | null, w: InlineWriter): void {
  if (!children) return;
  for (const t of children) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        w.text(t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        w.text('\n');
        break;
      case 'link_open':
        w.openLink(String(t.attrGet('href') ?? '') || null);
        break;
      case 'link_close':
        w.closeLink();
        break;
      case 'strong_open':
        w.strong(true);
        break;
      case 'strong_close':
        w.strong(false);
        break;
      case 'html_inline':
        inlineHtml(t.content, w);
        break;
      // images (badges, avatars) and their alt text are not text of the digest
      default:
        break;
    }
  }
}

/** The blocks of a markdown text, put into `into` as they are read. */
export function markdownBlocks(source: string, into: BlockSink): void {
  const env: Record<string, unknown> = {};
  const reader = new BlockReader(env, into);
  blockBatches(md, joinBrokenLinks(blankFrontMatter(source)), env, (tokens) => reader.read(tokens));
}

/** markdown-it's block tokens to blocks, batch after batch. */
class BlockReader {
  private budget = INLINE_BUDGET;
  private readonly w = new InlineWriter();
  private depth = 0;
  private itemLine = -1;
  private rowLine = 0;
  private header = false;
  private inRow = false;
  /** The block the next inline token is the text of; `pendingKind` null when there is none. */
  private pendingKind: Block['kind'] | null = null;
  private pendingLevel = 0;
  private pendingLine = 0;

  constructor(
    private readonly env: Record<string, unknown>,
    private readonly into: BlockSink,
  ) {}

  private children(t: Token): readonly Token[] | null {
    const content = t.content;
    if (!INLINE_SYNTAX.test(content) || content.length > MAX_INLINE || content.length > this.budget) return null;
    this.budget -= content.length;
    const out: Token[] = [];
    md.inline.parse(content, md, this.env, out);
    return out;
  }

  private write(t: Token): void {
    const parsed = this.children(t);
    if (parsed) writeInline(parsed, this.w);
    else this.w.text(t.content);
  }

  private pending(kind: Block['kind'], level: number, line: number): void {
    this.pendingKind = kind;
    this.pendingLevel = level;
    this.pendingLine = line;
  }

  read(tokens: readonly Token[]): void {
    const { into, w } = this;
    for (const t of tokens) {
      const line = t.map ? t.map[0] + 1 : 0;
      switch (t.type) {
        case 'bullet_list_open':
        case 'ordered_list_open':
          this.depth++;
          this.itemLine = -1;
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.depth = Math.max(0, this.depth - 1);
          into.push({ kind: 'list-end', level: this.depth, line, cells: [[]], ids: [], header: false });
          break;
        case 'list_item_open':
          this.itemLine = line;
          break;
        case 'heading_open':
          this.pending('heading', Number(t.tag.slice(1)), line);
          break;
        case 'paragraph_open':
          if (this.itemLine !== -1) this.pending('item', Math.max(0, this.depth - 1), this.itemLine);
          else this.pending('para', 0, line);
          this.itemLine = -1;
          break;
        case 'table_close':
          into.push({ kind: 'table-end', level: 0, line, cells: [[]], ids: [], header: false });
          break;
        case 'thead_open':
          this.header = true;
          break;
        case 'thead_close':
          this.header = false;
          break;
        case 'tr_open':
          this.inRow = true;
          this.rowLine = line;
          w.take();
          break;
        case 'th_open':
        case 'td_open':
          w.cell();
          break;
        case 'tr_close':
          this.inRow = false;
          into.push({ kind: 'row', level: 0, line: this.rowLine, cells: w.take(), ids: [], header: this.header });
          break;
        case 'inline': {
          if (this.inRow) {
            this.write(t);
            break;
          }
          const kind = this.pendingKind;
          if (kind === null) break;
          this.write(t);
          if (!w.empty()) into.push({ kind, level: this.pendingLevel, line: this.pendingLine, cells: w.take(), ids: [], header: false });
          else w.take();
          this.pendingKind = null;
          break;
        }
        case 'fence':
        case 'code_block':
          this.itemLine = -1;
          into.push({ kind: 'code', level: 0, line, cells: [[{ text: t.content, link: 0, href: null, strong: false }]], ids: [], header: false });
          break;
        case 'html_block':
          this.itemLine = -1;
          htmlBlocks(t.content, line, into);
          break;
        default:
          break;
      }
    }
  }
}
