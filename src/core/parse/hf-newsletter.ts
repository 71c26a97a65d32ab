// The Hugging Face Daily Papers newsletter mail: one line per paper, `<Title> (140 ▲)`, linked to
// huggingface.co/papers/<arXiv id>; no abstracts. The HTML part is read as text with each link kept
// as `text <url>`; it is quoted-printable, so a link can be split by a soft break (`2607.0=\n0001`)
// until the mail layer decodes it. The subject reads `Daily papers of 6 Jul 2026`.
import { parseArxivId } from '../ids.js';
import { emptyPaper, type Diagnostic, type Paper, type ParseOptions, type ParseResult } from '../model.js';
import { normaliseSpaces } from '../text/index.js';
import { htmlToText, looksLikeHtml } from '../markup/html-text.js';
import type { DigestFormat } from './index.js';
import { cleanTitle, toIsoDate, withId } from './common.js';
import { splitLines } from './line-index.js';

const NAME = 'hf-newsletter';
const UP = '\u25b2';
const PAPER_LINK = /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function detect(text: string): number {
  const head = text.slice(0, 100_000);
  if (/selection of papers for today/i.test(head)) return 0.95;
  if (/\(\d[\d,]* ?\u25b2\)/.test(head) && head.includes('huggingface.co/papers/')) return 0.93;
  return 0;
}

/** `Title (140 ▲) <url>` -> title and upvotes; null when the line has no `(N ▲)`. */
function paperLine(line: string): { title: string; upvotes: number } | null {
  const up = line.indexOf(UP);
  if (up === -1) return null;
  const close = line.indexOf(')', up);
  const open = line.lastIndexOf('(', up);
  if (open === -1 || close === -1 || up - open > 12) return null;
  const count = line.slice(open + 1, up).replace(/[\s,]/g, '');
  if (!/^\d{1,7}$/.test(count)) return null;
  const title = line
    .slice(0, open)
    // a link kept from the HTML (`Title <https://...>`) when the count sits outside the anchor
    .replace(/<https?:\/\/[^\s<>]*>/g, ' ')
    .replace(/^\s*(?:[-*•]|\d{1,3}[.)])\s+/, '')
    .replace(/^\[/, '')
    .trim();
  return { title, upvotes: Number(count) };
}

function parse(text: string, options: ParseOptions): ParseResult {
  const html = looksLikeHtml(text);
  const body = html ? htmlToText(text) : text;
  const lines = splitLines(body);
  const diagnostics: Diagnostic[] = [];
  const papers: Paper[] = [];
  let date: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (date === null) {
      const today = /papers for today \((\d{1,2}) ([A-Za-z]{3})[a-z]*\)/.exec(line) ?? /Daily papers of (\d{1,2} [A-Za-z]{3}[a-z]* \d{4})/i.exec(line);
      if (today) date = today[2] !== undefined ? dayMonth(Number(today[1]), today[2], options.year) : toIsoDate(today[1]);
    }
    const found = paperLine(line);
    if (!found || found.title === '') continue;
    // the paper's link: on its line, else on one of the next two lines (before the next paper)
    let link = PAPER_LINK.exec(line);
    for (let k = 1; !link && k <= 2 && i + k < lines.length && !paperLine(lines[i + k]!); k++) link = PAPER_LINK.exec(lines[i + k]!);
    const p = emptyPaper({ file: options.file, line: html ? 1 : i + 1 });
    p.title = cleanTitle(found.title.replace(/\]\($/, ''));
    p.upvotes = found.upvotes;
    const parsed = link ? parseArxivId(link[1]!) : null;
    p.arxivId = parsed?.id ?? null;
    if (!parsed) diagnostics.push({ line: p.source.line, severity: 'info', message: `"${normaliseSpaces(found.title).slice(0, 60)}" has no /papers/<id> link` });
    papers.push(p);
  }
  for (const p of papers) {
    p.date = date;
    withId(p);
  }
  if (papers.length === 0) diagnostics.push({ line: 0, severity: 'error', message: 'no "<Title> (N ▲)" lines found' });
  return { format: NAME, papers, diagnostics };
}

function dayMonth(day: number, month: string, year: number | undefined): string | null {
  const m = MONTHS.indexOf(month.toLowerCase().slice(0, 3)) + 1;
  if (m === 0 || year === undefined) return null;
  return toIsoDate(`${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

export const hfNewsletter: DigestFormat = {
  name: NAME,
  description: 'Hugging Face Daily Papers newsletter mail (titles, upvotes, links; no abstracts)',
  detect,
  parse,
};
