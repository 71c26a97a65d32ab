// RIS (EndNote, Zotero, Mendeley): one record per paper, `TAG  - value` lines with CRLF ends.
import { arxivPdfUrl, oneLine, paperDate, paperUrl } from './facts.js';
import { isPlaceholderName, parseName } from './names.js';
import { withoutControls } from '../text/terminal-safe.js';
import type { ExportEntry } from './types.js';

/** Every record names papers as its database provider; RIS has no comments to mark a file with. */
export const RIS_PROVIDER = 'papers';

const CONFERENCE = /\b(conference|proceedings|proc\.|workshop|symposium)\b/i;

function risName(raw: string): string {
  const n = parseName(raw);
  if (n.kind === 'literal') return n.literal;
  const family = n.particle ? `${n.particle} ${n.family}` : n.family;
  return [family, n.given, ...(n.suffix ? [n.suffix] : [])].filter(Boolean).join(', ');
}

export function formatRis(entries: readonly ExportEntry[]): string {
  const lines: string[] = [];
  // One line each: a line break in a value would start a tag of its own; controls go too.
  const tag = (name: string, value: string) => {
    const v = oneLine(withoutControls(value));
    if (v !== '') lines.push(`${name}  - ${v}`);
  };
  for (const e of entries) {
    const p = e.paper;
    const container = p.journalRef ?? p.venue;
    // UNPB (unpublished work) is what reference managers map preprints to.
    lines.push(`TY  - ${container === null ? 'UNPB' : CONFERENCE.test(container) ? 'CONF' : 'JOUR'}`);
    tag('ID', p.id);
    tag('TI', p.title);
    for (const a of p.authors) if (!isPlaceholderName(a)) tag('AU', risName(a));
    const date = paperDate(p);
    if (date) {
      tag('PY', String(date.year));
      const pad = (n: number | null) => (n === null ? '' : String(n).padStart(2, '0'));
      tag('DA', `${date.year}/${pad(date.month)}/${pad(date.day)}/`);
    }
    if (container !== null) tag('T2', container);
    if (p.arxivId) {
      tag('PB', 'arXiv');
      tag('M1', `arXiv:${p.arxivId}`);
    }
    const url = paperUrl(p);
    if (url) tag('UR', url);
    if (p.arxivId) tag('L1', arxivPdfUrl(p.arxivId));
    if (p.doi) tag('DO', p.doi);
    tag('AB', p.abstract);
    tag('DP', RIS_PROVIDER);
    lines.push('ER  - ', '');
  }
  return lines.map((l) => `${l}\r\n`).join('');
}
