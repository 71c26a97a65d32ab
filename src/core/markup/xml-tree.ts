// A forgiving element tree over tokenizeMarkup, for feeds: unclosed elements close at their
// parent's end, stray end tags are ignored, and nesting deeper than MAX_DEPTH is flattened into
// the deepest element kept (so a hostile document cannot make the tree, or a walk over it, deep).
import { tokenizeMarkup } from './tokenize.js';

export interface XmlElement {
  /** Lower-cased qualified name (`entry`, `arxiv:doi`). */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Offset of the start tag in the input. */
  offset: number;
}

export type XmlNode = XmlElement | string;

export const MAX_DEPTH = 64;

export interface XmlDocument {
  root: XmlElement;
  /** Whether some elements were nested deeper than MAX_DEPTH and flattened. */
  flattened: boolean;
}

export function parseXml(src: string): XmlDocument {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], offset: 0 };
  const stack: XmlElement[] = [root];
  let overflow = 0;
  let flattened = false;
  tokenizeMarkup(src, (token) => {
    const top = stack[stack.length - 1]!;
    if (token.kind === 'text') {
      top.children.push(token.text);
    } else if (token.kind === 'open') {
      if (stack.length > MAX_DEPTH) {
        flattened = true;
        if (!token.selfClosing) overflow++;
        return;
      }
      const el: XmlElement = { name: token.name, attrs: token.attrs, children: [], offset: token.offset };
      top.children.push(el);
      if (!token.selfClosing) stack.push(el);
    } else {
      if (overflow > 0) {
        overflow--;
        return;
      }
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k]!.name === token.name) {
          stack.length = k;
          break;
        }
      }
    }
  });
  return { root, flattened };
}

/** Child elements with this (lower-cased, qualified) name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return childrenNamed(el, name)[0];
}

/** All text inside the element, in document order (an explicit stack: no recursion). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const todo: XmlNode[] = [...el.children].reverse();
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (typeof node === 'string') parts.push(node);
    else for (let k = node.children.length - 1; k >= 0; k--) todo.push(node.children[k]!);
  }
  return parts.join('');
}

/** Descendants named `name`, in document order, breadth-limited by the tree's own depth limit. */
export function descendantsNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const todo: XmlElement[] = [el];
  while (todo.length > 0) {
    const node = todo.pop()!;
    for (let k = node.children.length - 1; k >= 0; k--) {
      const c = node.children[k]!;
      if (typeof c === 'string') continue;
      todo.push(c);
    }
    if (node !== el && node.name === name) out.push(node);
  }
  return out;
}
