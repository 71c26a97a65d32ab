// Paper rows for `papers list` and friends: a table fitted to the terminal, plain lines for pipes, JSON.
import type { LibraryPaper, Snapshot } from '../../core/library.js';
import type { Link } from '../../core/model.js';
import type { Output } from '../output.js';
import { tagsOf } from '../../core/tags.js';

export interface Row {
  paper: LibraryPaper;
  tags: string[];
}

const MARKERS: Record<Link['kind'], string> = { code: 'C', project: 'P', dataset: 'D', other: '' };

/** C code, P project page, D dataset: one letter per kind of link the paper has. */
export function linkMarkers(links: readonly Link[]): string {
  return (['code', 'project', 'dataset'] as const).filter((k) => links.some((l) => l.kind === k)).map((k) => MARKERS[k]).join('');
}

/** Cuts to `width` terminal columns with an ellipsis (titles are mostly narrow characters; wide ones count double). */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  let cols = 0;
  let out = '';
  for (const ch of text) {
    const w = isWide(ch) ? 2 : 1;
    if (cols + w > width) return `${out.slice(0, Math.max(0, out.length - 1))}…`;
    out += ch;
    cols += w;
  }
  return out;
}

function isWide(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd);
}

export function formatTable(rows: readonly Row[], output: Output): string {
  const { color } = output;
  const width = Number.isFinite(output.width) ? output.width : 100;
  const numWidth = String(rows.length).length;
  const idWidth = Math.max(2, ...rows.map((r) => r.paper.id.length));
  const lines = rows.map((row, i) => {
    const { paper } = row;
    const markers = linkMarkers(paper.links).padEnd(3);
    const date = (paper.date ?? '').padEnd(10);
    const tags = row.tags.length > 0 ? ` ${row.tags.map((t) => `+${t}`).join(' ')}` : '';
    const fixed = numWidth + 1 + idWidth + 2 + 2 + 3 + 1 + 10;
    const titleWidth = Math.max(10, width - fixed - 1);
    const titleAndTags = truncate(paper.title + tags, titleWidth);
    const title = titleAndTags.length > paper.title.length ? paper.title : titleAndTags;
    const tagPart = titleAndTags.slice(title.length);
    return [
      color.dim(String(i + 1).padStart(numWidth)),
      color.yellow(paper.id.padEnd(idWidth)),
      ' ',
      color.bold(title) + color.cyan(tagPart) + ' '.repeat(Math.max(0, titleWidth - titleAndTags.length)),
      ' ',
      color.green(markers),
      color.dim(date),
    ].join(' ').trimEnd();
  });
  return lines.join('\n');
}

/** One paper a line, tab-separated: row, id, date, link markers, tags, title. No colour, no truncation. */
export function formatPlain(rows: readonly Row[]): string {
  return rows
    .map((row, i) => [i + 1, row.paper.id, row.paper.date ?? '-', linkMarkers(row.paper.links) || '-', row.tags.map((t) => `+${t}`).join(',') || '-', row.paper.title].join('\t'))
    .join('\n');
}

/** The machine interface: every Paper field plus library fields, tags and note. Documented in the README. */
export function toJson(papers: readonly LibraryPaper[], snapshot: Snapshot): string {
  return JSON.stringify(
    papers.map((p) => {
      const decision = snapshot.decisions.get(p.id);
      return { ...p, tags: tagsOf(decision), note: decision?.note?.text ?? null };
    }),
    null,
    2,
  );
}
