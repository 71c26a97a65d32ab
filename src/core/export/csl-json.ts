// CSL-JSON (the citation format of Zotero, pandoc and citeproc): an array of items.
import { paperDate, paperUrl } from './facts.js';
import { isPlaceholderName, parseName } from './names.js';
import { escapeControls } from '../text/terminal-safe.js';
import type { ExportEntry } from './types.js';

/** Every item names papers as its `source` (the CSL variable for "where this record came from"). */
export const CSL_SOURCE = 'papers';

interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'article' | 'article-journal' | 'paper-conference';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  DOI?: string;
  archive?: string;
  number?: string;
  publisher?: string;
  'container-title'?: string;
  abstract?: string;
  source: string;
}

const CONFERENCE = /\b(conference|proceedings|proc\.|workshop|symposium|neurips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai)\b/i;

export function cslItem(entry: ExportEntry): CslItem {
  const p = entry.paper;
  const container = p.journalRef ?? p.venue;
  const item: CslItem = {
    id: p.id,
    // A preprint is an `article` in CSL 1.0.2; one with a venue is a journal or conference paper.
    type: container === null ? 'article' : CONFERENCE.test(container) ? 'paper-conference' : 'article-journal',
    title: p.title.replace(/\s+/g, ' ').trim(),
    source: CSL_SOURCE,
  };
  const authors = p.authors.filter((a) => !isPlaceholderName(a)).map(cslName);
  if (authors.length > 0) item.author = authors;
  const date = paperDate(p);
  if (date) item.issued = { 'date-parts': [[date.year, ...(date.month ? [date.month, ...(date.day ? [date.day] : [])] : [])]] };
  const url = paperUrl(p);
  if (url) item.URL = url;
  if (p.doi) item.DOI = p.doi;
  if (p.arxivId) {
    item.archive = 'arXiv';
    item.number = `arXiv:${p.arxivId}`;
    if (container === null) item.publisher = 'arXiv';
  }
  if (container !== null) item['container-title'] = container;
  if (p.abstract.trim() !== '') item.abstract = p.abstract.replace(/\s+/g, ' ').trim();
  return item;
}

function cslName(raw: string): CslName {
  const n = parseName(raw);
  if (n.kind === 'literal') return { literal: n.literal };
  const name: CslName = { family: n.family };
  if (n.given) name.given = n.given;
  if (n.particle) name['non-dropping-particle'] = n.particle;
  if (n.suffix) name.suffix = n.suffix;
  return name;
}

export function formatCslJson(entries: readonly ExportEntry[]): string {
  // Controls JSON.stringify leaves raw (DEL, C1, bidi) escaped too: the same data, safe to cat.
  return `${escapeControls(JSON.stringify(entries.map(cslItem), null, 2))}\n`;
}
