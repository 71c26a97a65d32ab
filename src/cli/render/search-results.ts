// Search results for `papers search`: ranked rows with the matched words highlighted in the title
// and an abstract snippet under each; plain lines for pipes; JSON with scores and match positions.
import type { Snapshot } from '../../core/library.js';
import type { MatchDetails, MatchRange, SearchHit } from '../../core/search/index.js';
import type { Output } from '../output.js';
import { cut, textWidth } from '../../core/text/columns.js';
import { clampLine, linkMarkers, safeLine, toJson } from './paper-rows.js';

export interface ShownHit {
  hit: SearchHit;
  details: MatchDetails;
  tags: string[];
}

/** Applies `style` to the ranges of `text` (ranges past its end are clipped). */
export function highlight(text: string, ranges: readonly MatchRange[], style: (s: string) => string, rest: (s: string) => string = (s) => s): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.min(e, text.length);
    if (end <= start) continue;
    out += rest(text.slice(at, start)) + style(text.slice(start, end));
    at = end;
  }
  return out + rest(text.slice(at));
}

/** Terminal rows: rank, id, highlighted title, tags, link markers, date; the snippet indented below. No line is wider than the terminal. */
export function formatSearchTable(shown: readonly ShownHit[], output: Output): string {
  const { color } = output;
  const width = Number.isFinite(output.width) ? output.width : 100;
  const numWidth = String(shown.length).length;
  const idWidth = Math.max(2, ...shown.map((s) => textWidth(safeLine(s.hit.paper.id))));
  const indent = numWidth + 1 + idWidth + 2;
  return shown
    .map(({ hit, details, tags }, i) => {
      const { paper } = hit;
      const tail = safeLine(tags.length > 0 ? ` ${tags.map((t) => `+${t}`).join(' ')}` : '');
      const right = ` ${linkMarkers(paper.links).padEnd(3)} ${safeLine(paper.date ?? '')}`.trimEnd();
      const titleWidth = Math.max(10, width - indent - textWidth(right) - textWidth(tail));
      // Controls become one visible character each, so the match offsets still point at the same text.
      const title = cut(safeLine(paper.title), titleWidth);
      const id = safeLine(paper.id);
      const head = `${color.dim(String(i + 1).padStart(numWidth))} ${color.yellow(id + ' '.repeat(Math.max(0, idWidth - textWidth(id))))}  ${highlight(title.text, details.title, (s) => color.bold.underline(s), (s) => color.bold(s))}${color.cyan(tail)}`;
      const pad = ' '.repeat(Math.max(0, titleWidth - title.width));
      const lines = [clampLine(`${head}${pad}${color.green(right)}`.trimEnd(), width)];
      const snippet = snippetLine(details, paper.abstract.length, Math.max(1, width - indent));
      if (snippet) lines.push(clampLine(' '.repeat(indent) + highlight(snippet.text, snippet.matches, (s) => color.bold(s), (s) => color.dim(s)), width));
      return lines.join('\n');
    })
    .join('\n');
}

/** The snippet with "…" where the abstract goes on, cut to `width` columns. */
function snippetLine(details: MatchDetails, abstractLength: number, width: number): { text: string; matches: MatchRange[] } | null {
  const { snippet } = details;
  if (snippet.text === '') return null;
  const lead = snippet.start > 0 ? '…' : '';
  // Controls and white space become one character each, so the match offsets still hold.
  const body = safeLine(snippet.text).replace(/\s/g, ' ');
  const full = lead + body + (snippet.end < abstractLength ? '…' : '');
  const text = cut(full, width).text;
  return { text, matches: snippet.matches.map(([s, e]): MatchRange => [s + lead.length, e + lead.length]) };
}

/** Plain lines for pipes: rank, id, score, date, link markers, tags, title, snippet; tab-separated, no colour. */
export function formatSearchPlain(shown: readonly ShownHit[]): string {
  return shown
    .map(({ hit, details, tags }, i) =>
      [i + 1, safeLine(hit.paper.id), hit.score, safeLine(hit.paper.date ?? '-'), linkMarkers(hit.paper.links) || '-', safeLine(tags.map((t) => `+${t}`).join(',')) || '-', safeLine(hit.paper.title), safeLine(details.snippet.text).replace(/\s+/g, ' ') || '-'].join('\t'),
    )
    .join('\n');
}

/** The papers as `papers list --json` prints them, plus score, matches and snippet. */
export function formatSearchJson(shown: readonly ShownHit[], snapshot: Snapshot): string {
  const base = JSON.parse(toJson(shown.map((s) => s.hit.paper), snapshot)) as Array<Record<string, unknown>>;
  return JSON.stringify(
    base.map((paper, i) => {
      const { hit, details } = shown[i]!;
      return { ...paper, score: hit.score, matches: { title: details.title, abstract: details.abstract }, snippet: details.snippet };
    }),
    null,
    2,
  );
}
