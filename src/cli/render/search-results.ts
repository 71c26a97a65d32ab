// Search results for `papers search`: ranked rows with the matched words highlighted in the title
// and an abstract snippet under each; plain lines for pipes; JSON with scores and match positions.
import type { Snapshot } from '../../core/library.js';
import type { MatchDetails, MatchRange, SearchHit } from '../../core/search/index.js';
import type { Output } from '../output.js';
import { linkMarkers, toJson, truncate } from './paper-rows.js';

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

/** Terminal rows: rank, id, highlighted title, tags, link markers, date; the snippet indented below. */
export function formatSearchTable(shown: readonly ShownHit[], output: Output): string {
  const { color } = output;
  const width = Number.isFinite(output.width) ? output.width : 100;
  const numWidth = String(shown.length).length;
  const idWidth = Math.max(2, ...shown.map((s) => s.hit.paper.id.length));
  const indent = numWidth + 1 + idWidth + 2;
  return shown
    .map(({ hit, details, tags }, i) => {
      const { paper } = hit;
      const tail = `${tags.length > 0 ? ` ${tags.map((t) => `+${t}`).join(' ')}` : ''}`;
      const right = ` ${linkMarkers(paper.links).padEnd(3)} ${paper.date ?? ''}`.trimEnd();
      const titleWidth = Math.max(10, width - indent - right.length - tail.length - 1);
      const title = truncate(paper.title, titleWidth);
      const head = `${color.dim(String(i + 1).padStart(numWidth))} ${color.yellow(paper.id.padEnd(idWidth))}  ${highlight(title, details.title, (s) => color.bold.underline(s), (s) => color.bold(s))}${color.cyan(tail)}`;
      const pad = ' '.repeat(Math.max(0, titleWidth - title.length));
      const lines = [`${head}${pad}${color.green(right)}`.trimEnd()];
      const snippet = snippetLine(details, paper.abstract.length, Math.max(20, width - indent));
      if (snippet) lines.push(' '.repeat(indent) + highlight(snippet.text, snippet.matches, (s) => color.bold(s), (s) => color.dim(s)));
      return lines.join('\n');
    })
    .join('\n');
}

/** The snippet with "…" where the abstract goes on, cut to `width` columns. */
function snippetLine(details: MatchDetails, abstractLength: number, width: number): { text: string; matches: MatchRange[] } | null {
  const { snippet } = details;
  if (snippet.text === '') return null;
  const lead = snippet.start > 0 ? '…' : '';
  // Whitespace runs become one space only where that keeps offsets (abstracts are clean text already).
  const body = snippet.text.replace(/\s/g, ' ');
  const full = lead + body + (snippet.end < abstractLength ? '…' : '');
  const text = truncate(full, width);
  return { text, matches: snippet.matches.map(([s, e]): MatchRange => [s + lead.length, e + lead.length]) };
}

/** Plain lines for pipes: rank, id, score, date, link markers, tags, title, snippet; tab-separated, no colour. */
export function formatSearchPlain(shown: readonly ShownHit[]): string {
  return shown
    .map(({ hit, details, tags }, i) =>
      [i + 1, hit.paper.id, hit.score, hit.paper.date ?? '-', linkMarkers(hit.paper.links) || '-', tags.map((t) => `+${t}`).join(',') || '-', hit.paper.title, details.snippet.text.replace(/\s+/g, ' ') || '-'].join('\t'),
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
