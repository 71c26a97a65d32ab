// The Markdown reading list: YAML front matter, a heading, papers as task items with their links,
// optionally grouped and with abstracts. Renders on GitHub and in Obsidian, and reads back with
// reading-list.ts, so the lines papers writes follow a small fixed grammar (see README, export).
import { arxivAbsUrl, arxivPdfUrl, doiUrl, firstSentence, linksOfKind, oneLine } from './facts.js';
import { fingerprint, normaliseNote } from './note-text.js';
import { escapeInline, escapeParagraph, linkDestination } from './markdown-escape.js';
import { READ_TAG, type ExportEntry, type ExportMeta, type MarkdownOptions } from './types.js';
import { compareCodeUnits } from '../text/order.js';

/** The front matter line that marks a file as a reading list papers wrote (version 1 of the grammar). */
export const MD_GENERATOR = 'papers reading-list 1';
/** Starts the line papers writes for an abstract's first sentence. */
export const TLDR_PREFIX = '*TL;DR:*';
const DEFAULT_TITLE = 'Reading list';

/**
 * The comment that ends each item's first line. It names the paper and remembers what the item
 * was exported with (ticked, the note's fingerprint) so an import applies only what the user changed.
 */
function idComment(id: string, ticked: boolean, note: string): string {
  return `<!-- papers:id=${id}${ticked ? ' ticked' : ''}${note !== '' ? ` note=${fingerprint(note)}` : ''} -->`;
}

export function formatMarkdown(entries: readonly ExportEntry[], meta: ExportMeta, options: MarkdownOptions): string {
  const out: string[] = [...frontMatter(entries.length, meta), '', `# ${DEFAULT_TITLE}`];
  for (const group of groupEntries(entries, options.group)) {
    out.push('');
    if (group.heading !== null) out.push(`## ${escapeInline(group.heading)}`, '');
    const items = group.entries.map((e) => item(e, options));
    const loose = items.some((lines) => lines.length > 1);
    items.forEach((lines, i) => {
      if (loose && i > 0) out.push('');
      out.push(...lines);
    });
  }
  return `${out.join('\n')}\n`;
}

function frontMatter(count: number, meta: ExportMeta): string[] {
  // JSON strings and arrays are valid YAML flow scalars and sequences: quoting stays exact.
  const lines = ['---', `title: ${JSON.stringify(DEFAULT_TITLE)}`, `generated: ${meta.generated}`, `query: ${meta.query === null ? 'null' : JSON.stringify(meta.query)}`];
  if (meta.tags.length > 0) lines.push(`filter-tags: ${JSON.stringify(meta.tags)}`);
  if (meta.notTags.length > 0) lines.push(`filter-not-tags: ${JSON.stringify(meta.notTags)}`);
  lines.push(`count: ${count}`, `generator: ${MD_GENERATOR}`, '---');
  return lines;
}

interface Group {
  heading: string | null;
  entries: ExportEntry[];
}

const UNTAGGED = 'Untagged';
const UNDATED = 'Undated';

/**
 * Groups in a fixed order. By tag, each paper sits once, under its first tag in sorted order (`read`
 * is shown by the tick, not grouped), untagged papers last. By date, newest first, undated last.
 * Within a group papers keep the order they were given in.
 */
export function groupEntries(entries: readonly ExportEntry[], group: MarkdownOptions['group']): Group[] {
  if (group === 'none') return [{ heading: null, entries: [...entries] }];
  const keyOf = (e: ExportEntry): string | null => (group === 'tag' ? (e.tags.filter((t) => t !== READ_TAG)[0] ?? null) : e.paper.date);
  const groups = new Map<string | null, ExportEntry[]>();
  for (const e of entries) {
    const key = keyOf(e);
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  const keys = [...groups.keys()].filter((k): k is string => k !== null).sort(compareCodeUnits);
  if (group === 'date') keys.reverse();
  const result = keys.map((k) => ({ heading: k, entries: groups.get(k)! }));
  const rest = groups.get(null);
  if (rest) result.push({ heading: group === 'tag' ? UNTAGGED : UNDATED, entries: rest });
  return result;
}

function item(entry: ExportEntry, options: MarkdownOptions): string[] {
  const { paper } = entry;
  const note = normaliseNote(entry.note ?? '');
  const ticked = entry.tags.includes(READ_TAG);
  const links = itemLinks(entry).map(([label, url]) => `[${label}](${linkDestination(url)})`);
  const head = [`**${escapeInline(paper.title)}**`, ...links].join(' · ');
  const lines = [`- [${ticked ? 'x' : ' '}] ${head} ${idComment(paper.id, ticked, note)}`];
  const abstract = oneLine(paper.abstract);
  if (abstract !== '' && options.abstracts === 'tldr') {
    lines.push('', `  ${TLDR_PREFIX} ${escapeInline(paper.abstractKind === 'summary' ? abstract : firstSentence(abstract))}`);
  }
  if (abstract !== '' && options.abstracts === 'full') {
    const label = paper.abstractKind === 'snippet' ? 'Snippet' : paper.abstractKind === 'summary' ? 'Summary' : 'Abstract';
    lines.push('', `  <details><summary>${label}</summary>`, '', `  ${escapeParagraph(abstract)}`, '', '  </details>');
  }
  if (note !== '') {
    lines.push('', ...note.split('\n').map((l) => (l.trim() === '' ? '' : `  ${l}`)));
  }
  return lines;
}

function itemLinks(entry: ExportEntry): Array<[string, string]> {
  const { paper } = entry;
  const links: Array<[string, string]> = [];
  if (paper.arxivId) links.push(['arXiv', arxivAbsUrl(paper.arxivId)], ['PDF', arxivPdfUrl(paper.arxivId)]);
  else if (paper.doi) links.push(['DOI', doiUrl(paper.doi)]);
  for (const kind of ['code', 'project', 'dataset'] as const) {
    linksOfKind(paper, kind).forEach((url, i) => links.push([i === 0 ? kind : `${kind} ${i + 1}`, url]));
  }
  return links;
}
