// `papers show ID`: everything about one paper: fields, where and when it was seen, tags, note.
import type { Command } from 'commander';
import { effectiveTags, type Decision, type LibraryPaper } from '../../core/library.js';
import { processOutput, type Output } from '../output.js';
import { resolvePapers } from '../paper-refs.js';
import { openStore } from '../source.js';
import { tagsOf } from '../../core/tags.js';

/** The JSON of `papers show --json`: the paper as in `papers list --json`, plus tag and note times. */
export function showJson(paper: LibraryPaper, decision: Decision | undefined, latestDigest: string | null): object {
  return {
    ...paper,
    tags: tagsOf(decision),
    note: decision?.note?.text ?? null,
    tagTimes: Object.fromEntries(tagsOf(decision).map((t) => [t, decision!.tags[t]])),
    noteAt: decision?.note?.at || null,
    virtualTags: effectiveTags(paper, decision, latestDigest).filter((t) => !(decision && t in decision.tags)),
  };
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

const time = (iso: string) => (iso ? iso.slice(0, 16).replace('T', ' ') : 'time unknown');

export function formatShow(paper: LibraryPaper, decision: Decision | undefined, latestDigest: string | null, output: Output): string {
  const { color } = output;
  const width = Math.min(100, Number.isFinite(output.width) ? output.width : 100) - 4;
  const out: string[] = [`${color.yellow(paper.id)}  ${color.bold(paper.title)}`];
  const field = (name: string, value: string | null | undefined) => {
    if (value) out.push(`  ${color.dim(name.padEnd(10))} ${value}`);
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
  field('tags', [...own.map((t) => `+${t} (${time(decision!.tags[t]!)})`), ...virtual.map((t) => color.dim(`${t} (virtual)`))].join(', '));
  if (decision?.note) field('note', `${decision.note.text} ${color.dim(`(${time(decision.note.at)})`)}`);
  if (paper.links.length > 0) {
    out.push(`  ${color.dim('links')}`);
    for (const l of paper.links) out.push(`    ${l.kind.padEnd(8)} ${l.url}`);
  }
  out.push(`  ${color.dim(`seen in ${paper.sightings.length} digest${paper.sightings.length === 1 ? '' : 's'}`)}`);
  for (const s of paper.sightings) out.push(`    ${(s.date ?? '-').padEnd(10)}  ${s.file}:${s.line}  ${color.dim(`imported ${time(s.importedAt)}, digest ${s.digest.slice(0, 12)}`)}`);
  if (paper.abstract) {
    out.push(`  ${color.dim(paper.abstractKind)}`);
    out.push(wrap(paper.abstract, width, '    '));
  }
  return out.join('\n');
}

export function register(program: Command): void {
  program
    .command('show')
    .description('everything about one paper: its fields, where and when it was seen, tags and note')
    .argument('<id>', 'paper id, unique id prefix or row number of the last listing')
    .option('--json', 'print the paper as JSON')
    .action((ref: string, options: { json?: boolean }, command: Command) => {
      const output = processOutput();
      const store = openStore(command);
      const [id] = resolvePapers(store, [ref]);
      const [paper] = store.papersById([id!]);
      if (!paper) throw new Error(`paper ${id} resolved but not found`);
      const decision = store.decisionFor(paper.id);
      const latest = store.latestDigest();
      output.out(options.json ? JSON.stringify(showJson(paper, decision, latest), null, 2) : formatShow(paper, decision, latest, output));
    });
}
