// What was recognised in one digest file, as data (for --json) and as the one line that both
// `papers parse` and `papers import` print per file. File names are shown through the terminal sanitiser.
import type { ParseResult } from '../../core/model.js';
import { showControlsLine as safe } from '../../core/text/terminal-safe.js';
import type { DigestMeta, ImportOutcome } from '../../io/library-store.js';

export interface ParseSummary {
  file: string;
  format: string;
  papers: number;
  /** First and last paper date (YYYY-MM-DD), or null when the digest shows none. */
  dates: { from: string; to: string } | null;
  /** Papers per arXiv listing section; null when no paper has one (a format without the notion). */
  announceTypes: { new: number; cross: number; replace: number } | null;
  errors: number;
  warnings: number;
}

export function summariseParse(file: string, result: ParseResult): ParseSummary {
  let from: string | null = null;
  let to: string | null = null;
  const announce = { new: 0, cross: 0, replace: 0 };
  let announced = false;
  for (const p of result.papers) {
    if (p.date !== null) {
      if (from === null || p.date < from) from = p.date;
      if (to === null || p.date > to) to = p.date;
    }
    if (p.announceType !== null) {
      announce[p.announceType]++;
      announced = true;
    }
  }
  return {
    file,
    format: result.format,
    papers: result.papers.length,
    dates: from !== null && to !== null ? { from, to } : null,
    announceTypes: announced ? announce : null,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `arxiv-mailing-2.txt: arxiv-mail, 60 papers found (2023-03-03; arXiv: 53 new, 4 cross-lists, 3 replacements)`. */
export function parseSummaryLine(s: ParseSummary): string {
  const details: string[] = [];
  if (s.papers > 0) details.push(s.dates === null ? 'no dates' : s.dates.from === s.dates.to ? s.dates.from : `${s.dates.from} to ${s.dates.to}`);
  if (s.announceTypes) {
    const { new: fresh, cross, replace } = s.announceTypes;
    details.push(`arXiv: ${fresh} new, ${plural(cross, 'cross-list')}, ${plural(replace, 'replacement')}`);
  }
  return `${safe(s.file)}: ${s.format}, ${plural(s.papers, 'paper')} found${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}

/**
 * What one file's import did, in one line: what was recognised (the line `papers parse` prints:
 * file, format, papers found, dates, arXiv sections), then new and updated (or that nothing changed).
 */
export function importSummaryLine(o: Pick<ImportOutcome, 'file' | 'format' | 'found' | 'added' | 'updated' | 'already'>, parsed?: ParseSummary): string {
  const papers = `${o.found} paper${o.found === 1 ? '' : 's'}`;
  if (o.already) return `${safe(o.file)}: ${o.format}, ${papers}: already imported${alreadyWhere(o.file, o.already)}; nothing changed`;
  const recognised = parsed ? parseSummaryLine(parsed) : `${safe(o.file)}: ${o.format}, ${papers} found`;
  return `${recognised}, ${o.added} new, ${o.updated} updated`;
}

function alreadyWhere(file: string, meta: DigestMeta): string {
  const when = meta.importedAt.slice(0, 16).replace('T', ' ');
  return meta.file === file ? ` on ${when}` : ` (as ${safe(meta.file)} on ${when})`;
}
