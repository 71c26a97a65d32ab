// The preview of one paper as styled lines wrapped to a width: the Preview view draws a window of
// them and the reducer uses their count to bound scrolling. Pure.
import { effectiveTags, type LibraryPaper, type Snapshot } from '../core/library.js';
import { wrap } from './text.js';

const LABEL_WIDTH = 7;

export type LineStyle = 'title' | 'meta' | 'tags' | 'link' | 'body' | 'blank';

export interface PreviewLine {
  text: string;
  style: LineStyle;
}

/** The URL `o` opens: the paper's first link, else its arXiv page. */
export function firstLink(paper: LibraryPaper): string | null {
  return paper.links[0]?.url ?? (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : null);
}

export function previewLines(paper: LibraryPaper, snapshot: Snapshot, width: number): PreviewLine[] {
  const lines: PreviewLine[] = [];
  const add = (text: string, style: LineStyle) => {
    for (const line of wrap(text, width)) lines.push({ text: line, style });
  };
  /** A labelled field: the label in a fixed column, continuation lines indented under the value. */
  const field = (label: string, value: string, style: LineStyle) => {
    const indent = LABEL_WIDTH + 1;
    wrap(value, Math.max(10, width - indent)).forEach((line, i) => lines.push({ text: `${i === 0 ? label.padEnd(LABEL_WIDTH) : ' '.repeat(LABEL_WIDTH)} ${line}`, style }));
  };
  add(paper.title, 'title');
  const meta = [paper.id, paper.date, paper.upvotes !== null ? `▲ ${paper.upvotes}` : null, paper.categories.join(' ') || null].filter(Boolean);
  add(meta.join(' · '), 'meta');
  if (paper.authors.length > 0) add(paper.authors.join(', '), 'meta');
  const decision = snapshot.decisions.get(paper.id);
  const tags = effectiveTags(paper, decision, snapshot.latestDigest);
  field('tags', tags.map((t) => `+${t}`).join(' ') || '-', 'tags');
  if (decision?.note) field('note', decision.note.text, 'meta');
  const links = paper.links.length > 0 ? paper.links : paper.arxivId ? [{ url: `https://arxiv.org/abs/${paper.arxivId}`, kind: 'arxiv' }] : [];
  for (const link of links) field(link.kind, link.url, 'link');
  for (const s of paper.sightings) field('seen', `${s.file}:${s.line}${s.date ? ` (${s.date})` : ''}, imported ${s.importedAt.slice(0, 10)}`, 'meta');
  lines.push({ text: '', style: 'blank' });
  const kind = paper.abstractKind === 'snippet' ? 'snippet: ' : paper.abstractKind === 'summary' ? 'summary: ' : '';
  add(paper.abstract ? kind + paper.abstract : '(no abstract in the digest)', 'body');
  return lines;
}
