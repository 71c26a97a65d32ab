// HTML as a stream of open, text and close events, from htmlparser2's tokenizer with our own
// element stack. (htmlparser2's Parser keeps its stack with Array#unshift, which makes deep nesting
// quadratic.) Closes are balanced: every open element gets exactly one close, implied ones included.
// A close tag is matched only against the innermost MAX_MATCH open elements and is otherwise
// ignored, so a stray `</span>` under a hostile nesting costs a bounded search, never the stack.
import { Tokenizer } from 'htmlparser2';

export interface HtmlHandler {
  /** `attrs` holds the kept attributes only, and is not to be changed. */
  open(name: string, attrs: Readonly<Record<string, string>>, offset: number): void;
  text(text: string): void;
  close(name: string, implied: boolean, offset: number): void;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Elements an opening tag closes when one is open right above it: `<li>` ends the `<li>` before. */
const CLOSED_BY = new Map<string, readonly string[]>(Object.entries({
  li: ['li'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  option: ['option'],
  p: ['p'],
  div: ['p'],
  ul: ['p'],
  ol: ['p'],
  table: ['p'],
  h1: ['p'], h2: ['p'], h3: ['p'], h4: ['p'], h5: ['p'], h6: ['p'],
  blockquote: ['p'],
  pre: ['p'],
  details: ['p'],
}));
const MAX_MATCH = 64;
/** The attributes of a tag with none kept: shared, never written to. */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Calls the handler for each event; `keep` names the attributes (lower-cased) it reads, the others are never copied. */
export function htmlEvents(html: string, handler: HtmlHandler, keep: ReadonlySet<string>): void {
  const stack: string[] = [];
  let longestKept = 0;
  for (const name of keep) longestKept = Math.max(longestKept, name.length);
  let tagName = '';
  let tagStart = 0;
  let attrs = NO_ATTRS;
  let attrName = '';
  let attrValue = '';
  let keeping = false;
  let text = '';

  const flushText = () => {
    if (text !== '') {
      handler.text(text);
      text = '';
    }
  };
  const closeTop = (implied: boolean, offset: number) => {
    handler.close(stack.pop()!, implied, offset);
  };
  const openTag = (selfClosing: boolean) => {
    flushText();
    const closes = CLOSED_BY.get(tagName);
    if (closes) while (stack.length > 0 && closes.includes(stack[stack.length - 1]!)) closeTop(true, tagStart);
    handler.open(tagName, attrs, tagStart);
    if (VOID.has(tagName) || selfClosing) handler.close(tagName, true, tagStart);
    else stack.push(tagName);
    attrs = NO_ATTRS;
  };

  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      ontext(start, end) {
        text += html.slice(start, end);
      },
      ontextentity(cp) {
        text += String.fromCodePoint(cp);
      },
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        tagStart = start - 1;
        attrs = NO_ATTRS;
      },
      onattribname(start, end) {
        keeping = end - start <= longestKept && keep.has((attrName = html.slice(start, end).toLowerCase()));
        attrValue = '';
      },
      onattribdata(start, end) {
        if (keeping) attrValue += html.slice(start, end);
      },
      onattribentity(cp) {
        if (keeping) attrValue += String.fromCodePoint(cp);
      },
      onattribend() {
        if (!keeping || Object.hasOwn(attrs, attrName)) return;
        if (attrs === NO_ATTRS) attrs = {};
        attrs[attrName] = attrValue;
      },
      onopentagend() {
        openTag(false);
      },
      onselfclosingtag() {
        // `<div/>` is an open tag in HTML; only void elements close at once
        openTag(false);
      },
      onclosetag(start, end) {
        flushText();
        const name = html.slice(start, end).toLowerCase();
        const floor = Math.max(0, stack.length - MAX_MATCH);
        let at = -1;
        for (let k = stack.length - 1; k >= floor; k--) {
          if (stack[k] === name) {
            at = k;
            break;
          }
        }
        if (at === -1) {
          // `</p>` with no `<p>` open is an empty paragraph; `</br>` is a break
          if (name === 'br') handler.text('\n');
          return;
        }
        while (stack.length > at + 1) closeTop(true, start - 2);
        closeTop(false, start - 2);
      },
      oncdata(start, end) {
        text += html.slice(start, end);
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        flushText();
        while (stack.length > 0) closeTop(true, html.length);
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}
