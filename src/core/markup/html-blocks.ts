// HTML (a whole page, or the raw HTML inside markdown) read into blocks with htmlparser2: every
// block element's own text becomes a block of its kind, `<tr>` a row of cells, `<summary>` a
// summary, `</details>` a details-end. Scripts, styles, the head, navigation and forms are dropped;
// `<pre>` is a code block. Every element open gets exactly one close (html-events.ts), so the
// stack here is popped once per close: linear however deep or broken the nesting.
import { htmlEvents } from './html-events.js';
import { InlineWriter, lineCounter, type BlockKind, type BlockSink } from './blocks.js';

const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'nav', 'select', 'textarea', 'iframe', 'math']);
const BLOCK = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'thead', 'tbody', 'tfoot', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'main', 'aside', 'summary', 'details', 'figure',
  'figcaption', 'center', 'body', 'html', 'hr', 'form', 'fieldset', 'caption',
]);
const ID_ATTRS = ['data-arxiv-id', 'data-arxiv', 'data-paper-id', 'data-id'];
const READ_ATTRS = new Set([...ID_ATTRS, 'href']);

interface Context {
  name: string;
  kind: BlockKind | null;
  level: number;
  line: number;
}

function kindOf(name: string): BlockKind | null {
  if (/^h[1-6]$/.test(name)) return 'heading';
  if (name === 'summary') return 'summary';
  if (name === 'li') return 'item';
  if (name === 'tr') return 'row';
  if (name === 'pre') return 'code';
  if (name === 'p' || name === 'div' || name === 'dd' || name === 'dt' || name === 'blockquote' || name === 'figcaption' || name === 'caption' || name === 'section' || name === 'article') return 'para';
  return null;
}

/** Blocks of an HTML text, put into `into`; `firstLine` is the line the text starts at in the digest. */
export function htmlBlocks(html: string, firstLine: number, into: BlockSink): void {
  const lineAt = lineCounter(html, firstLine);
  const stack: Context[] = [];
  /** Open hidden elements, as depths into `stack`. */
  let hidden = 0;
  let lists = 0;
  const writer = new InlineWriter();
  /** The block the writer is filling: the innermost block element, or the row it sits in. */
  let current: Context = { name: '#root', kind: 'para', level: 0, line: firstLine };
  let pendingIds: string[] = [];
  let rows = 0;
  let closedDetails = 0;
  let header = 0;
  const contexts: Context[] = [current];
  let offset = 0;

  const flush = () => {
    if (current.kind === 'row' || current.kind === null) return;
    if (current.kind === 'code') {
      if (!writer.empty()) into.push({ kind: 'code', level: 0, line: current.line, cells: writer.take(), ids: [], header: false });
      else writer.take();
      return;
    }
    if (!writer.empty() || pendingIds.length > 0) {
      into.push({ kind: current.kind, level: current.level, line: current.line, cells: writer.take(), ids: pendingIds, header: false });
      pendingIds = [];
    } else writer.take();
  };
  const restart = (ctx: Context) => {
    current = ctx;
    current.line = lineAt(offset);
  };

  htmlEvents(html, {
      open(name, attrs, at) {
        offset = at;
        const ctx: Context = { name, kind: null, level: 0, line: 0 };
        stack.push(ctx);
        if (hidden > 0 || HIDDEN.has(name)) {
          hidden++;
          return;
        }
        for (const a of ID_ATTRS) {
          const v = attrs[a];
          if (v) pendingIds.push(v);
        }
        if (name === 'ul' || name === 'ol') lists++;
        if (name === 'thead') header++;
        if (rows > 0) {
          // inside a row every element is inline: cells split it, nothing else does
          if (name === 'td' || name === 'th') writer.cell();
          else if (name === 'br') writer.text('\n');
          else inline(name, attrs);
          return;
        }
        if (name === 'br') {
          writer.text('\n');
          return;
        }
        if (BLOCK.has(name)) {
          flush();
          ctx.kind = kindOf(name);
          ctx.level = name === 'li' ? Math.max(0, lists - 1) : /^h[1-6]$/.test(name) ? Number(name[1]) : 0;
          if (name === 'tr') rows++;
          contexts.push(ctx);
          restart(ctx);
          return;
        }
        inline(name, attrs);
      },
      text(text) {
        if (hidden === 0) writer.text(text);
      },
      close(name, implied, at) {
        offset = at;
        const ctx = stack.pop();
        if (!ctx) return;
        if (hidden > 0) {
          hidden--;
          return;
        }
        if (name === 'ul' || name === 'ol') {
          lists = Math.max(0, lists - 1);
          flush();
          into.push({ kind: 'list-end', level: lists, line: lineAt(offset), cells: [[]], ids: [], header: false });
        }
        if (name === 'table' && rows === 0) into.push({ kind: 'table-end', level: 0, line: lineAt(offset), cells: [[]], ids: [], header: false });
        if (name === 'thead') header = Math.max(0, header - 1);
        if (ctx.kind === null && contexts[contexts.length - 1] !== ctx) {
          if (name === 'a') writer.closeLink();
          else if (name === 'b' || name === 'strong') writer.strong(false);
          if (rows > 0 && (name === 'td' || name === 'th')) writer.text(' ');
          return;
        }
        if (contexts[contexts.length - 1] !== ctx) return;
        if (ctx.kind === 'row') {
          rows--;
          into.push({ kind: 'row', level: 0, line: ctx.line, cells: writer.take(), ids: pendingIds, header: header > 0 });
          pendingIds = [];
        } else flush();
        contexts.pop();
        if (name === 'details' && !implied) {
          closedDetails++;
          into.push({ kind: 'details-end', level: 0, line: lineAt(offset), cells: [[]], ids: [], header: false });
        }
        restart(contexts[contexts.length - 1]!);
      },
  }, READ_ATTRS);

  function inline(name: string, attrs: Readonly<Record<string, string>>): void {
    if (name === 'a') writer.openLink(attrs.href ?? null);
    else if (name === 'b' || name === 'strong') writer.strong(true);
  }

  flush();
  // a `</details>` whose `<details>` is in another fragment (markdown between them) still ends it
  const closes = html.match(/<\/details\s*>/gi)?.length ?? 0;
  for (let k = closedDetails; k < closes; k++) into.push({ kind: 'details-end', level: 0, line: lineAt(html.length), cells: [[]], ids: [], header: false });
}
