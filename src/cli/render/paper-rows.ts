// Paper rows for `papers list` and friends: a table fitted to the terminal, plain lines for pipes, JSON.
// Everything from a digest is shown through safeLine (controls made visible); JSON keeps it exact.
import type { LibraryPaper, PaperListing, Snapshot } from '../../core/library.js';
import type { Link } from '../../core/model.js';
import { cut, padToWidth, textWidth, truncate as cutColumns } from '../../core/text/columns.js';
import { showControlsLine } from '../../core/text/terminal-safe.js';
import type { Output } from '../output.js';
import { decisionFields } from '../../core/paper-json.js';

export interface Row {
  paper: PaperListing;
  tags: string[];
}

const MARKERS: Record<Link['kind'], string> = { code: 'C', project: 'P', dataset: 'D', other: '' };

/** C code, P project page, D dataset: one letter per kind of link the paper has. */
export function linkMarkers(links: readonly Link[]): string {
  return (['code', 'project', 'dataset'] as const).filter((k) => links.some((l) => l.kind === k)).map((k) => MARKERS[k]).join('');
}

/** Untrusted text cut to `width` columns for one line of a table: controls shown (see terminal-safe), an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  return cutColumns(showControlsLine(text), width);
}

/** Untrusted text for one line, every control shown as a visible character. */
export const safeLine = showControlsLine;

/** The styled line cut to the terminal's width (escape sequences are never cut): no row can wrap. */
export function clampLine(line: string, width: number): string {
  return textWidth(line) <= width ? line : cutColumns(line, width);
}

const tagText = (tags: readonly string[]) => safeLine(tags.map((t) => `+${t}`).join(' '));

/**
 * `row id   title +tags   CPD date`: the title column takes what the others leave, so a row is
 * exactly as wide as the terminal when the title is long. Narrower than the fixed columns allow,
 * the link markers and date go first.
 */
export function formatTable(rows: readonly Row[], output: Output): string {
  const { color } = output;
  const width = Number.isFinite(output.width) ? output.width : 100;
  const numWidth = String(rows.length).length;
  const idWidth = Math.max(2, ...rows.map((r) => textWidth(safeLine(r.paper.id))));
  const lead = numWidth + 1 + idWidth + 3;
  const tail = 3 + 3 + 1 + 10;
  const withTail = width - lead - tail >= 10;
  const titleWidth = Math.max(1, width - lead - (withTail ? tail : 0));
  const lines = rows.map((row, i) => {
    const { paper } = row;
    const title = safeLine(paper.title);
    const tags = row.tags.length > 0 ? ` ${tagText(row.tags)}` : '';
    const cell = cut(title + tags, titleWidth);
    // The tags are coloured only where they survived the cut whole.
    const shownTitle = cell.text.length > title.length ? title : cell.text;
    const shownTags = cell.text.slice(shownTitle.length);
    const parts = [
      color.dim(String(i + 1).padStart(numWidth)),
      ' ',
      color.yellow(padToWidth(safeLine(paper.id), idWidth)),
      '   ',
      color.bold(shownTitle) + color.cyan(shownTags) + ' '.repeat(Math.max(0, titleWidth - cell.width)),
    ];
    if (withTail) parts.push('   ', color.green(linkMarkers(paper.links).padEnd(3)), ' ', color.dim(safeLine(paper.date ?? '')));
    return clampLine(parts.join('').trimEnd(), width);
  });
  return lines.join('\n');
}

/** One paper a line, tab-separated: row, id, date, link markers, tags, title. No colour, no truncation. */
export function formatPlain(rows: readonly Row[]): string {
  return rows
    .map((row, i) => [i + 1, safeLine(row.paper.id), safeLine(row.paper.date ?? '-'), linkMarkers(row.paper.links) || '-', safeLine(row.tags.map((t) => `+${t}`).join(',')) || '-', safeLine(row.paper.title)].join('\t'))
    .join('\n');
}

/** The machine interface: every Paper field plus library fields, tags and note. Documented in the README. */
export function toJson(papers: readonly LibraryPaper[], snapshot: Pick<Snapshot, 'decisions'>): string {
  return JSON.stringify(
    papers.map((p) => jsonRecord(p, snapshot.decisions)),
    null,
    2,
  );
}

/** One paper of toJson's array. */
function jsonRecord(p: LibraryPaper, decisions: Snapshot['decisions']) {
  return { ...p, ...decisionFields(decisions.get(p.id)) };
}
