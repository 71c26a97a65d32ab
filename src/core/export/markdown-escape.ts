// Text into Markdown that renders as the same text on GitHub, in Obsidian and in CommonMark editors.
import { withoutControls } from '../text/terminal-safe.js';

// CommonMark lets any ASCII punctuation be backslash-escaped; these are the characters that start
// emphasis, links, tables, HTML, math (GitHub/Obsidian `$`), strikethrough, entities and Obsidian tags.
// An underscore inside a word (snake_case, URLs) cannot open or close emphasis, so it stays bare.
const SPECIAL = /[\\`*[\]|<>$~&#]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** Plain text as inline Markdown on one line (controls, which mean nothing in a document, removed). */
export function escapeInline(text: string): string {
  return withoutControls(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPECIAL, (c) => `\\${c}`)
    // Obsidian: ==highlight== and %%comment%%.
    .replace(/==/g, '=\\=')
    .replace(/%%/g, '%\\%');
}

/** Plain text as a paragraph line: also neutralises what would start a list or a numbered item. */
export function escapeParagraph(text: string): string {
  return escapeInline(text)
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * A URL as a link destination: everything but the characters URLs are made of percent-encoded (as
 * UTF-8), so no space, line break, control, bracket or angle bracket from a digest can end the link
 * or start another; a % that already starts an escape is kept; parentheses, common in URLs, are
 * backslash-escaped (the link then shows the URL as it was).
 */
export function linkDestination(url: string): string {
  return percentEncodeUrl(url).replace(/[()]/g, (c) => `\\${c}`);
}

/** The URL with everything but the characters URLs are made of percent-encoded (as UTF-8); parentheses kept. */
export function percentEncodeUrl(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%()]/gu, percentEncode);
}

function percentEncode(c: string): string {
  if (c.length === 1 && c.charCodeAt(0) < 0x80) return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  try {
    return encodeURIComponent(c);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD
  }
}
