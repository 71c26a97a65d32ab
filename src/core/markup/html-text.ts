// HTML to plain text for parsers that read text: blocks and <br> become line breaks, links keep
// their target as `text <url>`, scripts, styles and the head are dropped, spaces folded per line.
import { tokenizeMarkup } from './tokenize.js';

const BLOCKS = new Set([
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead',
  'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'dt', 'dd', 'dl', 'center', 'body', 'html',
]);
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template']);

/** True when the text looks like an HTML document or fragment rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /<(?:!doctype html|html|body|div|table|p|a|br|h[1-6])[\s>/]/.test(head);
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let hidden = 0;
  let href: string | null = null;
  let anchorText = '';
  tokenizeMarkup(html, (token) => {
    if (token.kind === 'open') {
      if (HIDDEN.has(token.name) && !token.selfClosing) hidden++;
      if (BLOCKS.has(token.name)) out.push('\n');
      if (token.name === 'a' && !token.selfClosing) {
        href = token.attrs.href ?? null;
        anchorText = '';
      }
      return;
    }
    if (token.kind === 'close') {
      if (HIDDEN.has(token.name) && hidden > 0) hidden--;
      if (token.name === 'a' && href !== null) {
        const url = href.trim();
        if (/^https?:\/\//i.test(url) && anchorText.trim() !== url) out.push(` <${url}>`);
        href = null;
      }
      if (BLOCKS.has(token.name)) out.push('\n');
      return;
    }
    if (hidden > 0) return;
    out.push(token.text);
    if (href !== null) anchorText += token.text;
  });
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
