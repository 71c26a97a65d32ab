// Markdown read into blocks with markdown-it: headings, list items (the item's first paragraph,
// with its nesting depth), table rows, paragraphs, code blocks. Raw HTML blocks (`<details>`,
// `<table>` pasted into a README) go through the HTML reader; inline HTML links and bold are kept.
// Front matter (`---` ... `---` at the top) is blanked first so that it does not read as a heading.
import MarkdownIt from 'markdown-it';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];
import { inlineWriter, type Block, type InlineWriter } from './blocks.js';
import { htmlBlocks } from './html-blocks.js';
import { usePlainTokens, useSimpleLinks } from './markdown-it-fast.js';

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

export function markdownBlocks(source: string): Block[] {
  const env = {};
  const tokens = md.parse(joinBrokenLinks(blankFrontMatter(source)), env);
  let budget = INLINE_BUDGET;
  const children = (t: Token): readonly Token[] | null => {
    const content = t.content;
    if (!INLINE_SYNTAX.test(content) || content.length > MAX_INLINE || content.length > budget) return null;
    budget -= content.length;
    const out: Token[] = [];
    md.inline.parse(content, md, env, out);
    return out;
  };
  const write = (t: Token) => {
    const parsed = children(t);
    if (parsed) writeInline(parsed, w);
    else w.text(t.content);
  };
  const blocks: Block[] = [];
  const w = inlineWriter();
  let depth = 0;
  let itemLine = -1;
  let rowLine = 0;
  let header = false;
  let inRow = false;
  let pending: { kind: Block['kind']; level: number; line: number } | null = null;
  for (const t of tokens) {
    const line = t.map ? t.map[0] + 1 : 0;
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        depth++;
        itemLine = -1;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        depth = Math.max(0, depth - 1);
        blocks.push({ kind: 'list-end', level: depth, line, cells: [[]], ids: [], header: false });
        break;
      case 'list_item_open':
        itemLine = line;
        break;
      case 'heading_open':
        pending = { kind: 'heading', level: Number(t.tag.slice(1)), line };
        break;
      case 'paragraph_open':
        if (itemLine !== -1) pending = { kind: 'item', level: Math.max(0, depth - 1), line: itemLine };
        else pending = { kind: 'para', level: 0, line };
        itemLine = -1;
        break;
      case 'table_close':
        blocks.push({ kind: 'table-end', level: 0, line, cells: [[]], ids: [], header: false });
        break;
      case 'thead_open':
        header = true;
        break;
      case 'thead_close':
        header = false;
        break;
      case 'tr_open':
        inRow = true;
        rowLine = line;
        w.take();
        break;
      case 'th_open':
      case 'td_open':
        w.cell();
        break;
      case 'tr_close':
        inRow = false;
        blocks.push({ kind: 'row', level: 0, line: rowLine, cells: w.take(), ids: [], header });
        break;
      case 'inline':
        if (inRow) {
          write(t);
          break;
        }
        if (!pending) break;
        write(t);
        if (!w.empty()) blocks.push({ kind: pending.kind, level: pending.level, line: pending.line, cells: w.take(), ids: [], header: false });
        else w.take();
        pending = null;
        break;
      case 'fence':
      case 'code_block':
        itemLine = -1;
        blocks.push({ kind: 'code', level: 0, line, cells: [[{ text: t.content, link: 0, href: null, strong: false }]], ids: [], header: false });
        break;
      case 'html_block':
        itemLine = -1;
        htmlBlocks(t.content, line, blocks);
        break;
      default:
        break;
    }
  }
  return blocks;
}
