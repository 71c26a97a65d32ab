// BibTeX: one @misc per paper with a stable key, arXiv eprint fields when the id is known, and every
// character BibTeX or LaTeX would read as markup escaped. Non-ASCII stays UTF-8 (biber, bibtex8 and
// every reference manager read it).
import { compareCodeUnits } from '../text/order.js';
import { paperDate, paperUrl } from './facts.js';
import { familyName, isPlaceholderName, parseName } from './names.js';
import { withoutControls } from '../text/terminal-safe.js';
import { percentEncodeUrl } from './markdown-escape.js';
import type { ExportEntry, ExportMeta } from './types.js';

/** The first line of every BibTeX file papers writes. Holds no `@`, which BibTeX would read as an entry. */
export const BIBTEX_MARKER = '% generator: papers';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'is', 'are', 'at', 'by', 'from', 'towards', 'toward', 'via', 'do', 'does', 'how', 'what', 'why', 'when', 'can']);

const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  '_': '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default (OT1) font encoding these print as other glyphs unless spelled out.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * BibTeX counts braces without regard to backslashes, so \{ and \} are safe only when they pair up:
 * a lone } would end the field early, and what follows could be read as fields of its own.
 */
function bracesPair(text: string): boolean {
  if (!text.includes('{') && !text.includes('}')) return true;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

const UNPAIRED_BRACES: Record<string, string> = { '{': '\\textbraceleft{}', '}': '\\textbraceright{}' };

/** Plain text as the inside of a braced BibTeX field (controls removed). */
function escapeBibtex(text: string): string {
  const clean = withoutControls(text);
  const escapes = bracesPair(clean) ? ESCAPES : { ...ESCAPES, ...UNPAIRED_BRACES };
  return (
    clean
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\\{}%&#_$~^<>|]/g, (c) => escapes[c]!)
      // TeX ligatures: -- and --- are dashes, '' and `` quotes, !` and ?` inverted marks.
      .replace(/-(?=-)|'(?=')|`(?=`)|[!?](?=`)/g, '$&{}')
  );
}

/** A title with the words whose capitals must survive a style's sentence case kept in braces (LLMs, MixtureGrowth, GPT-4). */
function bibtexTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => {
      const escaped = escapeBibtex(word);
      // A capital right after a letter or digit (not after a hyphen: "Layer-Adaptive" may be lower-cased).
      return /[\p{L}\p{N}]\p{Lu}/u.test(word) ? `{${escaped}}` : escaped;
    })
    .join(' ');
}

/** Lower-case ASCII letters and digits only: accents folded, everything else dropped. */
function keyPart(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** firstauthorYEARfirstword, before collisions are resolved. */
export function baseKey(entry: ExportEntry): string {
  const p = entry.paper;
  const first = p.authors.find((a) => !isPlaceholderName(a));
  const name = first ? keyPart(familyName(parseName(first)).split(' ').pop() ?? '') : '';
  const date = paperDate(p);
  const word = p.title.split(/[\s\-:/]+/).map(keyPart).find((w) => w !== '' && !STOPWORDS.has(w)) ?? '';
  return `${name || 'anon'}${date ? date.year : 'nd'}${word}`;
}

/**
 * Keys for the entries: colliding keys are told apart by suffixes b, c, ... given in paper-id
 * order, so the keys do not depend on the order of the selection.
 */
export function bibtexKeys(entries: readonly ExportEntry[]): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const e of entries) {
    const base = baseKey(e);
    byBase.set(base, [...(byBase.get(base) ?? []), e.paper.id]);
  }
  const keys = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [base, ids] of byBase) {
    const sorted = [...new Set(ids)].sort(compareCodeUnits);
    keys.set(sorted[0]!, base);
    let n = 1;
    for (const id of sorted.slice(1)) {
      let key: string;
      do key = `${base}${suffix(n++)}`;
      while (taken.has(key));
      taken.add(key);
      keys.set(id, key);
    }
  }
  return keys;
}

/** 1 -> b, 2 -> c, ..., 25 -> z, 26 -> ba: letters after the implicit "a" of the first. */
function suffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  } while (k > 0);
  return s;
}

function bibtexName(raw: string): string {
  const n = parseName(raw);
  if (n.kind === 'literal') return `{${escapeBibtex(n.literal)}}`;
  const family = escapeBibtex(n.particle ? `${n.particle} ${n.family}` : n.family);
  if (!n.given && !n.suffix) return `{${family}}`;
  return [family, ...(n.suffix ? [escapeBibtex(n.suffix)] : []), escapeBibtex(n.given)].join(', ');
}

export function formatBibtex(entries: readonly ExportEntry[], meta: ExportMeta): string {
  const keys = bibtexKeys(entries);
  const out = [`${BIBTEX_MARKER} (papers export --format bibtex), generated ${meta.generated}, ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`];
  for (const e of entries) {
    const p = e.paper;
    const fields: Array<[string, string]> = [];
    const authors = p.authors.filter((a) => !isPlaceholderName(a));
    if (authors.length > 0) fields.push(['author', `{${authors.map(bibtexName).join(' and ')}}`]);
    fields.push(['title', `{${bibtexTitle(p.title)}}`]);
    const date = paperDate(p);
    if (date) {
      fields.push(['year', `{${date.year}}`]);
      if (date.month) fields.push(['month', MONTHS[date.month - 1] ?? `{${date.month}}`]);
    }
    if (p.arxivId) {
      fields.push(['eprint', `{${escapeBibtex(p.arxivId)}}`], ['archivePrefix', '{arXiv}']);
      if (p.categories[0]) fields.push(['primaryClass', `{${escapeBibtex(p.categories[0])}}`]);
    }
    const url = paperUrl(p);
    // Braces, spaces and controls percent-encoded (no brace can end the field); % and # escaped for LaTeX.
    if (url) fields.push(['url', `{${percentEncodeUrl(url).replace(/[%#]/g, (c) => `\\${c}`)}}`]);
    if (p.doi) fields.push(['doi', `{${escapeBibtex(p.doi)}}`]);
    const published = p.journalRef ?? p.venue;
    if (published) fields.push(['note', `{${escapeBibtex(published)}}`]);
    if (p.abstract.trim() !== '') fields.push(['abstract', `{${escapeBibtex(p.abstract)}}`]);
    out.push('', `@misc{${keys.get(p.id)},`, fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n'), '}');
  }
  return `${out.join('\n')}\n`;
}
