// `papers show` for a terminal: one paper's fields, tags, note, links, sightings and abstract.
// Everything from a digest or the library is shown through the terminal sanitiser.
import { effectiveTags, type Decision, type LibraryPaper } from '../../core/library.js';
import { wrap } from '../../core/text/columns.js';
import { showControls, showControlsLine } from '../../core/text/terminal-safe.js';
import type { Output } from '../output.js';
import { tagsOf } from '../../core/tags.js';

const time = (iso: string) => (iso ? iso.slice(0, 16).replace('T', ' ') : 'time unknown');

function wrapIndented(text: string, width: number, indent: string): string {
  return wrap(showControls(text), width)
    .filter((l) => l !== '')
    .map((l) => indent + l)
    .join('\n');
}

export function formatShow(paper: LibraryPaper, decision: Decision | undefined, latestDigest: string | null, output: Output): string {
  const { color } = output;
  const safe = showControlsLine;
  const width = Math.min(100, Number.isFinite(output.width) ? output.width : 100) - 4;
  const out: string[] = [`${color.yellow(safe(paper.id))}  ${color.bold(safe(paper.title))}`];
  const field = (name: string, value: string | null | undefined) => {
    if (value) out.push(`  ${color.dim(name.padEnd(10))} ${safe(value)}`);
  };
  field('arXiv', paper.arxivId ? `${paper.arxivId}${paper.version ? `v${paper.version}` : ''}` : null);
  field('aliases', paper.aliases.join(', '));
  field('authors', paper.authors.join(', '));
  field('date', paper.date);
  field('seen', paper.firstSeen === paper.lastSeen ? paper.firstSeen : `${paper.firstSeen} to ${paper.lastSeen}`);
  field('upvotes', paper.upvotes === null ? null : String(paper.upvotes));
  field('categories', paper.categories.join(', '));
  field('announce', paper.announceType);
  field('venue', paper.venue);
  field('journal', paper.journalRef);
  field('doi', paper.doi);
  field('comments', paper.comments);
  const own = tagsOf(decision);
  const virtual = effectiveTags(paper, decision, latestDigest).filter((t) => !own.includes(t));
  const tags = [...own.map((t) => `+${safe(t)} (${time(decision!.tags[t]!)})`), ...virtual.map((t) => color.dim(`${t} (virtual)`))].join(', ');
  if (tags) out.push(`  ${color.dim('tags'.padEnd(10))} ${tags}`);
  if (decision?.note) out.push(`  ${color.dim('note'.padEnd(10))} ${safe(decision.note.text)} ${color.dim(`(${time(decision.note.at)})`)}`);
  if (paper.links.length > 0) {
    out.push(`  ${color.dim('links')}`);
    for (const l of paper.links) out.push(`    ${l.kind.padEnd(8)} ${safe(l.url)}`);
  }
  out.push(`  ${color.dim(`seen in ${paper.sightings.length} digest${paper.sightings.length === 1 ? '' : 's'}`)}`);
  for (const s of paper.sightings) out.push(`    ${safe(s.date ?? '-').padEnd(10)}  ${safe(s.file)}:${s.line}  ${color.dim(`imported ${time(s.importedAt)}, digest ${s.digest.slice(0, 12)}`)}`);
  if (paper.abstract) {
    out.push(`  ${color.dim(paper.abstractKind)}`);
    out.push(wrapIndented(paper.abstract, width, '    '));
  }
  return out.join('\n');
}
