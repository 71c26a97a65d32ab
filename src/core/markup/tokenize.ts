// A small, forgiving tokenizer for XML and HTML: tags with attributes, text with character
// references decoded, CDATA as text; comments, doctypes and processing instructions skipped.
// Every scan consumes what it reads and nothing is ever rescanned, so the time is linear in the
// input whatever it holds (unclosed comments, quotes or tags run to the end of the text).
import { decodeEntities } from './entities.js';

export interface OpenTag {
  kind: 'open';
  /** Lower-cased, prefix kept (`arxiv:doi`). */
  name: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
  /** Offset of the `<` in the input. */
  offset: number;
}

export interface CloseTag {
  kind: 'close';
  name: string;
  offset: number;
}

export interface Text {
  kind: 'text';
  text: string;
  offset: number;
}

export type MarkupToken = OpenTag | CloseTag | Text;

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 58 || code > 127;
}

/** White space, by char code (NaN past the end is not). */
function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}

/** Ends a tag or attribute name: white space, `>`, `/`, `=` (when `eq`), or the end (NaN). */
function endsName(code: number, eq: boolean): boolean {
  return code !== code || isSpace(code) || code === 62 || code === 47 || (eq && code === 61);
}

/** Where the construct closed by `terminator` ends (just past it), or the end of the text. */
function skipPast(src: string, from: number, terminator: string): number {
  const at = src.indexOf(terminator, from);
  return at === -1 ? src.length : at + terminator.length;
}

/** Calls `onToken` for each token in document order. */
export function tokenizeMarkup(src: string, onToken: (token: MarkupToken) => void): void {
  const n = src.length;
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) onToken({ kind: 'text', text: decodeEntities(src.slice(textStart, end)), offset: textStart });
  };
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt === -1) break;
    const next = src[lt + 1];
    if (next === '!') {
      if (src.startsWith('<!--', lt)) {
        flushText(lt);
        i = skipPast(src, lt + 4, '-->');
        textStart = i;
        continue;
      }
      if (src.startsWith('<![CDATA[', lt)) {
        flushText(lt);
        const end = src.indexOf(']]>', lt + 9);
        const stop = end === -1 ? n : end;
        onToken({ kind: 'text', text: src.slice(lt + 9, stop), offset: lt + 9 });
        i = end === -1 ? n : end + 3;
        textStart = i;
        continue;
      }
      // <!DOCTYPE ...> (an internal subset in brackets runs to `]>`), <![if ...]> and the like
      flushText(lt);
      const gt = src.indexOf('>', lt);
      const stop = gt === -1 ? n : gt;
      const bracket = src.slice(lt, stop).indexOf('[');
      i = bracket !== -1 && gt !== -1 && /^<!doctype/i.test(src.slice(lt, lt + 9)) ? skipPast(src, lt + bracket, ']>') : gt === -1 ? n : gt + 1;
      textStart = i;
      continue;
    }
    if (next === '?') {
      flushText(lt);
      i = skipPast(src, lt + 2, '>');
      textStart = i;
      continue;
    }
    const closing = next === '/';
    const nameAt = closing ? lt + 2 : lt + 1;
    if (nameAt >= n || !isNameStart(src.charCodeAt(nameAt))) {
      // a lone `<` in text
      i = lt + 1;
      continue;
    }
    flushText(lt);
    let j = nameAt;
    while (!endsName(src.charCodeAt(j), false)) j++;
    const name = src.slice(nameAt, j).toLowerCase();
    if (closing) {
      i = skipPast(src, j, '>');
      onToken({ kind: 'close', name, offset: lt });
      textStart = i;
      continue;
    }
    // a plain object stays fast (a null-prototype one goes to dictionary mode); `__proto__` is refused below
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (isSpace(src.charCodeAt(j))) j++;
      if (j >= n) break;
      const c = src.charCodeAt(j);
      if (c === 62 /* > */) {
        j++;
        break;
      }
      if (c === 47 /* / */) {
        j++;
        if (src.charCodeAt(j) === 62) {
          selfClosing = true;
          j++;
          break;
        }
        continue;
      }
      const attrAt = j;
      while (!endsName(src.charCodeAt(j), true)) j++;
      // a stray quote or `=` where a name should be: step over it
      if (j === attrAt) j++;
      const attrName = src.slice(attrAt, j).toLowerCase();
      let k = j;
      while (isSpace(src.charCodeAt(k))) k++;
      let value = '';
      if (src.charCodeAt(k) === 61 /* = */) {
        k++;
        while (isSpace(src.charCodeAt(k))) k++;
        const quote = src[k];
        if (quote === '"' || quote === "'") {
          const end = src.indexOf(quote, k + 1);
          const stop = end === -1 ? n : end;
          value = src.slice(k + 1, stop);
          j = end === -1 ? n : end + 1;
        } else {
          let e = k;
          while (e < n && !isSpace(src.charCodeAt(e)) && src.charCodeAt(e) !== 62) e++;
          value = src.slice(k, e);
          j = e;
        }
      }
      if (attrName !== '' && attrName !== '__proto__' && !Object.hasOwn(attrs, attrName)) attrs[attrName] = value.includes('&') ? decodeEntities(value) : value;
    }
    onToken({ kind: 'open', name, attrs, selfClosing, offset: lt });
    i = j;
    textStart = i;
  }
  flushText(n);
}
