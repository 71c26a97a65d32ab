// What every export format receives: the selected papers with the user's tags and note, and the
// facts about the export itself (when, which selection). Pure data; the CLI builds it.
import type { LibraryPaper, Snapshot } from '../library.js';
import { tagsOf } from '../tags.js';

export const EXPORT_FORMATS = ['md', 'json', 'csl-json', 'bibtex', 'ris', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const GROUPINGS = ['tag', 'date', 'none'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const ABSTRACT_MODES = ['none', 'tldr', 'full'] as const;
export type AbstractMode = (typeof ABSTRACT_MODES)[number];

export interface ExportEntry {
  paper: LibraryPaper;
  /** The user's own tags, sorted (virtual tags such as `new` are not exported). */
  tags: string[];
  note: string | null;
}

/** Facts about the export, written into the formats that have room for them. */
export interface ExportMeta {
  /** YYYY-MM-DD, passed in by the caller: output never depends on a clock read here. */
  generated: string;
  /** The query text as given, or null for "everything". */
  query: string | null;
  /** --tag / --not-tag filters as given. */
  tags: string[];
  notTags: string[];
}

export interface MarkdownOptions {
  group: Grouping;
  abstracts: AbstractMode;
}

export interface CsvOptions {
  /** Cells exactly as they are, formulas included (for data pipelines); by default they are defused. */
  raw: boolean;
}

/** The tag that marks a paper as read: a ticked box in the Markdown reading list. */
export const READ_TAG = 'read';

/** Export entries for the given papers, in the given order. */
export function exportEntries(papers: readonly LibraryPaper[], snapshot: Snapshot): ExportEntry[] {
  return papers.map((paper) => {
    const decision = snapshot.decisions.get(paper.id);
    return { paper, tags: tagsOf(decision), note: decision?.note?.text ?? null };
  });
}
