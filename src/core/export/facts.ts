// Facts every format derives the same way from a paper: its URLs, its date, its first sentence.
import type { Link, Paper } from '../model.js';

export const arxivAbsUrl = (arxivId: string): string => `https://arxiv.org/abs/${arxivId}`;
export const arxivPdfUrl = (arxivId: string): string => `https://arxiv.org/pdf/${arxivId}`;
export const doiUrl = (doi: string): string => `https://doi.org/${doi}`;

/** The paper's own page: arXiv abstract, else its DOI, else null (code and project pages are not the paper). */
export function paperUrl(paper: Paper): string | null {
  if (paper.arxivId) return arxivAbsUrl(paper.arxivId);
  if (paper.doi) return doiUrl(paper.doi);
  return null;
}

export function linksOfKind(paper: Paper, kind: Link['kind']): string[] {
  return paper.links.filter((l) => l.kind === kind).map((l) => l.url);
}

interface PaperDate {
  year: number;
  month: number | null;
  day: number | null;
}

/**
 * When the paper appeared: the digest's date when known, else the year and month encoded in a
 * modern arXiv id (2503.01234 -> 2025-03), else null.
 */
export function paperDate(paper: Paper): PaperDate | null {
  const d = paper.date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(paper.date) : null;
  if (d) return { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) };
  const a = paper.arxivId ? /^(\d{2})(\d{2})\.\d{4,5}$/.exec(paper.arxivId) : null;
  if (a) return { year: 2000 + Number(a[1]), month: Number(a[2]), day: null };
  const old = paper.arxivId ? /\/(\d{2})(\d{2})\d{3}$/.exec(paper.arxivId) : null;
  if (old) {
    const yy = Number(old[1]);
    return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: Number(old[2]), day: null };
  }
  return null;
}

/** One line: runs of whitespace (line breaks included) folded to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'al', 'vs', 'etc', 'fig', 'figs', 'eq', 'eqs', 'cf', 'dr', 'mr', 'ms', 'prof', 'approx', 'resp', 'no', 'sec', 'ref', 'refs', 'st', 'vol', 'viz', 'ca']);
const MAX_TLDR = 400;

/** The first sentence of a text (at most MAX_TLDR characters, cut at a word with an ellipsis). */
export function firstSentence(text: string): string {
  const flat = oneLine(text);
  const end = /[.!?](?=["')\]]?\s+["'(\[]?[A-Z0-9])/g;
  let m: RegExpExecArray | null;
  let cut = flat.length;
  while ((m = end.exec(flat)) !== null) {
    const before = flat.slice(0, m.index);
    const word = /(\S+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
    // "e.g." "et al." "Fig. 3": not the end; a single capital ("J. Smith") neither.
    if (ABBREVIATIONS.has(word.replace(/^[("']+/, '')) || /^[a-z]$/i.test(word)) continue;
    cut = m.index + 1;
    break;
  }
  const sentence = flat.slice(0, cut);
  if (sentence.length <= MAX_TLDR) return sentence;
  const short = sentence.slice(0, MAX_TLDR);
  const space = short.lastIndexOf(' ');
  return `${(space > MAX_TLDR / 2 ? short.slice(0, space) : short).replace(/[\s,;:]+$/, '')}…`;
}
