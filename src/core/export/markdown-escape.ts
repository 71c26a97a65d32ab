// Text into Markdown that renders as the same text on GitHub, in Obsidian and in CommonMark editors.

// CommonMark lets any ASCII punctuation be backslash-escaped; these are the characters that start
// emphasis, links, tables, HTML, math (GitHub/Obsidian `$`), strikethrough, entities and Obsidian tags.
// An underscore inside a word (snake_case, URLs) cannot open or close emphasis, so it stays bare.
const SPECIAL = /[\\`*[\]|<>$~&#]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** Plain text as inline Markdown on one line. */
export function escapeInline(text: string): string {
  return text
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

/** A URL as a link destination: spaces and angle brackets encoded, parentheses escaped. */
export function linkDestination(url: string): string {
  return url.replace(/ /g, '%20').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/[()\\]/g, (c) => `\\${c}`);
}
