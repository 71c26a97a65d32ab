// Small helpers shared by the mail, feed and alert parsers: author lists, dates, finishing a paper.
import { latexToText, normaliseSpaces } from '../text/index.js';
import { paperId } from '../ids.js';
import type { Paper } from '../model.js';

/**
 * An author line to names: split at top-level commas, semicolons and ` and `, LaTeX accents
 * turned into Unicode (`Fr\'ed\'eric` -> Frédéric), parenthesised affiliations dropped
 * (`A. Smith (MIT)`, `((1) MIT, (2) ETH)`), empty pieces and `et al.` dropped.
 */
export function splitAuthors(raw: string): string[] {
  const text = latexToText(raw.length > 100_000 ? raw.slice(0, 100_000) : raw);
  const names: string[] = [];
  let depth = 0;
  let current = '';
  const push = () => {
    const name = normaliseSpaces(current).replace(/^and\s+/i, '');
    if (name !== '' && !/^et\.? al\.?$/i.test(name) && name !== '…' && name !== '...') names.push(name);
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (c === ',' || c === ';') push();
    else if ((c === ' ' || c === '\n') && /^\s+and\s/i.test(text.slice(i, i + 6))) {
      push();
      i += text.slice(i, i + 6).match(/^\s+and/i)![0].length - 1;
    } else current += c;
  }
  push();
  return names;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC_DATE = /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4}|\d{2})\b/i;
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})/;

const pad = (n: number) => String(n).padStart(2, '0');

/** `Fri, 17 Mar 23 00:31:14 GMT`, `Thu, 18 Sep 2025 ...`, `2024-10-25T00:57:09Z` -> `YYYY-MM-DD`; null otherwise. */
export function toIsoDate(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const s = raw.length > 200 ? raw.slice(0, 200) : raw;
  const iso = ISO_DATE.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = RFC_DATE.exec(s);
  if (!m) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
  return validDate(year, MONTHS.indexOf(m[2]!.toLowerCase().slice(0, 3)) + 1, Number(m[1]));
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Sets the paper's id from its arXiv id or title. */
export function withId(p: Paper): Paper {
  p.id = paperId(p.arxivId, p.title);
  return p;
}

/** One-line clean text (spaces folded, LaTeX resolved): for titles. */
export function cleanTitle(raw: string): string {
  return normaliseSpaces(latexToText(normaliseSpaces(raw)));
}
