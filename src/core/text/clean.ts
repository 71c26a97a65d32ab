// Abstract text as digests deliver it (hard-wrapped, with arXiv's link stubs and LaTeX leftovers) to one clean paragraph.
import { latexToText } from './latex.js';

/** No-break and other fixed-width spaces that should read as a plain space. */
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\f\v]/g;
/** Invisible characters: zero-width spaces and joiners, BOM, soft hyphen. */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;

/**
 * arXiv replaces URLs in abstracts by `{this https URL}` (sometimes without braces, sometimes after
 * `\url`); a short link label glued to a URL (`https://x.org/r{here}`, from `\href`) goes too.
 */
const URL_STUB = /[ \t]?(?:\\url|\\href)?\{?\bthis https? URL\b\}?/gi;
const LINK_LABEL = /\{(?:here|link|this link|url|code|project page|website)\}/gi;

/** Drops `{here}` when it is glued to a URL (`https://x.org/r{here}`); elsewhere leaves it. */
function dropGluedLabels(text: string): string {
  // One backward look per label, never past the previous label: linear however many labels a token holds.
  let prevEnd = 0;
  let tokenHasScheme = false;
  return text.replace(LINK_LABEL, (label: string, offset: number) => {
    let start = offset;
    while (start > prevEnd && !/\s/.test(text[start - 1]!)) start--;
    const sameToken = start === prevEnd && prevEnd > 0 && !/\s/.test(text[prevEnd - 1] ?? ' ');
    const scheme = text.slice(start, offset).includes('://');
    tokenHasScheme = sameToken ? tokenHasScheme || scheme : scheme;
    prevEnd = offset + label.length;
    return tokenHasScheme ? '' : label;
  });
}

/** Spaces made plain, invisible characters dropped, runs of white space folded to one space, trimmed. */
export function normaliseSpaces(text: string): string {
  return foldSpaces(plainSpaces(text));
}

const ANY_ODD = /[\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\u2060\ufeff\u00ad\f\v]/;

/** Odd spaces made plain and invisible characters dropped (a no-op, without copying, for most text). */
function plainSpaces(text: string): string {
  return ANY_ODD.test(text) ? text.replace(INVISIBLE, '').replace(ODD_SPACES, ' ') : text;
}

/** Runs of white space, and any white space other than a space, to one space; trimmed. */
function foldSpaces(text: string): string {
  // (after plainSpaces, the only white space left is ASCII: check for it without a regex scan)
  const folded = text.includes('  ') || text.includes('\t') || text.includes('\n') || text.includes('\r') ? text.replace(/\s{2,}|[^\S ]/g, ' ') : text;
  return folded.trim();
}

/**
 * Joins hard-wrapped lines into one paragraph: a line ending in a markdown hard break (`\\` or `\`)
 * loses it; a line ending in a word and a hyphen (`state-of-the-`) joins the next without a space.
 */
export function joinLines(raw: string): string {
  if (!raw.includes('\n') && !raw.includes('\r') && !raw.endsWith('\\')) return raw.trim();
  const lines = raw.split(/\r\n|\r|\n/);
  const parts: string[] = [];
  let glue = '';
  for (const line of lines) {
    let t = line.trim();
    if (t === '') continue;
    // markdown hard breaks at the end of a line
    if (t.endsWith('\\\\')) t = t.slice(0, -2).trimEnd();
    else if (t.endsWith('\\') && !t.endsWith('\\\\')) t = t.slice(0, -1).trimEnd();
    if (parts.length > 0) parts.push(glue);
    parts.push(t);
    glue = /[\p{L}]-$/u.test(t) && !t.endsWith('--') ? '' : ' ';
  }
  return parts.join('');
}

/**
 * A digest's raw abstract to clean plain text: hard wraps joined, NBSP and odd spaces made plain,
 * arXiv's `{this https URL}` stubs removed, LaTeX leftovers resolved (see `latexToText`), white
 * space folded. Never throws; linear time.
 */
export function cleanAbstract(raw: string): string {
  if (raw === '') return '';
  let text = joinLines(plainSpaces(raw));
  if (/this https? url/i.test(text)) text = text.replace(URL_STUB, '');
  if (text.includes('{')) text = dropGluedLabels(text);
  text = latexToText(text);
  return foldSpaces(text);
}
