// One record of a data file (a JSON object, a CSV row, a YAML mapping, a markdown table row) as
// the fields it was found to hold, and the paper those fields make, or why they make none.
import { emptyPaper, type Link, type Paper, type SourceRef } from '../../model.js';
import { cleanAbstract, classifyUrl, normaliseSpaces } from '../../text/index.js';
import { cleanTitle, toIsoDate, withId } from '../common.js';
import { isHttpUrl, paperRef } from './paper-refs.js';

export interface FoundRecord {
  title: string | null;
  /** Ids and URLs that may name the paper, the most specific first. */
  refs: string[];
  authors: string[];
  abstract: string | null;
  /** A one-line or AI summary, used when there is no abstract. */
  summary: string | null;
  categories: string[];
  date: string | null;
  upvotes: number | null;
  venue: string | null;
  comments: string | null;
  journalRef: string | null;
  /** Code, project and other links, as written. */
  links: string[];
}

export const emptyRecord = (): FoundRecord => ({
  title: null,
  refs: [],
  authors: [],
  abstract: null,
  summary: null,
  categories: [],
  date: null,
  upvotes: null,
  venue: null,
  comments: null,
  journalRef: null,
  links: [],
});

/** How much a record must show to be a paper. */
export type Evidence =
  /** an id or URL of a paper, or an abstract or authors beside the title */
  | 'any'
  /** an id or URL of a paper: for a whole file that is one object, which may be a config */
  | 'ref';

export type RecordOutcome = { paper: Paper } | { skipped: string } | { ignored: true };

const MAX_TITLE = 2000;

/** Input text quoted in a message: control characters dropped (they never reach a terminal), cut short. */
export function quoted(text: string, max = 60): string {
  const plain = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return `"${plain.length > max ? `${plain.slice(0, max - 1)}…` : plain}"`;
}

function linkOf(url: string): Link {
  return { url, kind: classifyUrl(url) };
}

/** The paper a record makes; `skipped` (with the reason) when it has a title but no evidence, `ignored` when it has neither. */
export function recordToPaper(found: FoundRecord, source: SourceRef, evidence: Evidence): RecordOutcome {
  const refs = found.refs.map(paperRef);
  const named = refs.some((r) => r.isPaper);
  const title = found.title === null ? '' : cleanTitle(found.title.length > MAX_TITLE ? found.title.slice(0, MAX_TITLE) : found.title);
  if (title === '') {
    if (!named) return { ignored: true };
    const arxiv = refs.find((r) => r.arxivId !== null)?.arxivId;
    return { skipped: `a record${arxiv ? ` for arXiv ${arxiv}` : ''} without a title` };
  }
  const weak = found.abstract !== null || found.authors.length > 0;
  if (!named && (evidence === 'ref' || !weak)) {
    const what = evidence === 'ref' ? 'no paper id or paper URL' : 'no paper id, paper URL, abstract or authors';
    return { skipped: `${quoted(title)}: ${what}; not read as a paper` };
  }
  const p = emptyPaper(source);
  p.title = title;
  const arxiv = refs.find((r) => r.arxivId !== null);
  p.arxivId = arxiv?.arxivId ?? null;
  p.version = arxiv?.version ?? null;
  p.doi = refs.find((r) => r.doi !== null)?.doi ?? null;
  if (found.abstract !== null) {
    p.abstract = cleanAbstract(found.abstract);
    p.abstractKind = 'abstract';
  } else if (found.summary !== null) {
    p.abstract = cleanAbstract(found.summary);
    p.abstractKind = 'summary';
  }
  p.authors = found.authors.map(normaliseSpaces).filter((a) => a !== '');
  p.categories = [...new Set(found.categories.map((c) => c.trim()).filter((c) => c !== ''))];
  p.date = toIsoDate(found.date);
  p.upvotes = found.upvotes;
  p.venue = found.venue === null ? null : normaliseSpaces(found.venue) || null;
  p.comments = found.comments === null ? null : normaliseSpaces(found.comments) || null;
  p.journalRef = found.journalRef === null ? null : normaliseSpaces(found.journalRef) || null;
  // A paper with an arXiv id is opened through it; any other keeps its page as a link.
  const seen = new Set<string>();
  for (const raw of [...(p.arxivId === null ? found.refs : []), ...found.links]) {
    const url = raw.trim();
    if (!isHttpUrl(url)) continue;
    const key = url.replace(/\/$/, '').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    p.links.push(linkOf(url));
  }
  return { paper: withId(p) };
}
