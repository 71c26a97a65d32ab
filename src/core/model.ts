// The paper model every parser produces and every command consumes. Pure types and tiny helpers.
import type { YamlModule } from './yaml-codec.js';

export type LinkKind = 'code' | 'project' | 'dataset' | 'other';

export interface Link {
  url: string;
  kind: LinkKind;
}

/** Where a paper starts in the digest it was read from (line is 1-based). */
export interface SourceRef {
  file: string;
  line: number;
}

/** What the `abstract` field holds: a full abstract, a search-result snippet, a one-line AI summary, or nothing. */
export type AbstractKind = 'abstract' | 'snippet' | 'summary' | 'none';

/** arXiv listing sections; null where a format has no such notion. */
export type AnnounceType = 'new' | 'cross' | 'replace' | null;

export interface Paper {
  /** Short, stable, typeable: the arXiv id when known, else derived from the normalised title. */
  id: string;
  title: string;
  /** Clean plain text (LaTeX leftovers resolved); empty when the digest has none. */
  abstract: string;
  abstractKind: AbstractKind;
  links: Link[];
  /** Without version suffix, e.g. "2503.01234" or "hep-ex/0307015". */
  arxivId: string | null;
  authors: string[];
  upvotes: number | null;
  /** YYYY-MM-DD the digest shows for the paper (its card's date, else the date header above it), or null. */
  date: string | null;
  source: SourceRef;
  /** arXiv version number when the text shows one (v2 -> 2). */
  version: number | null;
  announceType: AnnounceType;
  categories: string[];
  comments: string | null;
  journalRef: string | null;
  doi: string | null;
  /** Venue / publication line (Google Scholar), or null. */
  venue: string | null;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** 1-based line in the input; 0 when the diagnostic concerns the whole input. */
  line: number;
  message: string;
  severity: Severity;
}

/** What one parser returns. Parsers never throw: problems become diagnostics. */
export interface ParseResult {
  /** Name of the format recognised, e.g. "hf-page". */
  format: string;
  papers: Paper[];
  diagnostics: Diagnostic[];
}

/** Context a parser needs beyond the text itself. */
export interface ParseOptions {
  /** Name used in `source.file` and diagnostics. */
  file: string;
  /** Year for dates printed without one (from --year or the file's mtime). */
  year?: number;
  /** Where `year` came from, for the diagnostic that says which year was assumed. */
  yearSource?: 'flag' | 'mtime' | 'today';
  /** Called by container formats (a mailbox) as they go, so a long parse can show a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** The yaml package, for the YAML records reader; loaded only when a YAML digest is read (io/yaml.ts). */
  yaml?: () => YamlModule;
}

/** A Paper with every optional field at its empty value; parsers spread their findings over it. */
export function emptyPaper(source: SourceRef): Paper {
  return {
    id: '',
    title: '',
    abstract: '',
    abstractKind: 'none',
    links: [],
    arxivId: null,
    authors: [],
    upvotes: null,
    date: null,
    source,
    version: null,
    announceType: null,
    categories: [],
    comments: null,
    journalRef: null,
    doi: null,
    venue: null,
  };
}
