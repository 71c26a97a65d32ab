// The library as the rest of the program sees it: papers with where they were seen, the user's
// decisions, and a handle to change them. src/io implements the handle on disk; the in-memory
// one below serves the bundled seed and the UI tests.
import type { Paper } from './model.js';
import type { PaperFilter } from './filter.js';
import { editDecisions, type DecisionEdit } from './decision-edit.js';

/** One appearance of a paper in one imported digest. */
export interface Sighting {
  /** Content hash of the raw digest (its name in the library's digests/ folder). */
  digest: string;
  /** The file name the digest was imported from. */
  file: string;
  line: number;
  /** The digest's date for this paper (YYYY-MM-DD), or null when the digest shows none. */
  date: string | null;
  /** ISO time of the import. */
  importedAt: string;
  /** Hash of the first digest of the import command that brought this one, when that is another digest. */
  run?: string;
}

/** The import command a paper was first seen in (the hash of that command's first digest): the virtual tag new. */
function firstRun(paper: Pick<LibraryPaper, 'sightings'>): string | null {
  const s = paper.sightings[0];
  return s ? (s.run ?? s.digest) : null;
}

export interface LibraryPaper extends Paper {
  /** Other ids this paper answers to (e.g. its title hash once an arXiv id was learned). */
  aliases: string[];
  sightings: Sighting[];
  /** YYYY-MM-DD: the earliest / latest sighting's date (or import day when the digest had none). */
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A paper as listings show it: everything but its abstract, which only a paper shown whole needs. */
export type PaperListing = Omit<LibraryPaper, 'abstract'>;

/** The user's decision about one paper; times are ISO strings. */
export interface Decision {
  tags: Record<string, string>;
  note: { text: string; at: string } | null;
}

export interface Snapshot {
  /** Library order: by first import, then position in the digest. */
  papers: LibraryPaper[];
  /** Keyed by paper id. Papers with no decision have no entry. */
  decisions: ReadonlyMap<string, Decision>;
  /** The latest import command (the hash of its first digest), for the virtual tag `new`; null when nothing was imported. */
  latestDigest: string | null;
}

/** What a change did, for messages and for `undo`. */
export interface ChangeResult {
  /** One line for the user, e.g. "tagged 3 papers +to-read". */
  summary: string;
  /** Papers whose decision changed. */
  changed: string[];
}

/** The interface cli and ui use to read and change the library. */
export interface LibraryHandle {
  /** Where the papers come from, for headers: "library ~/.local/share/papers" or "seed". */
  readonly origin: string;
  snapshot(): Snapshot;
  tag(ids: readonly string[], add: readonly string[], remove: readonly string[]): Promise<ChangeResult>;
  setNote(id: string, text: string | null): Promise<ChangeResult>;
  /** Reverts the last change; null when there is nothing to undo. */
  undo(): Promise<ChangeResult | null>;
  /**
   * Optional fast path: a snapshot holding only the papers that pass the filter (decisions and
   * latestDigest as in snapshot()). The disk library reads only the candidates when the filter
   * names a user tag. Use selectPapers() in core/filter.ts, which falls back to snapshot().
   */
  select?(filter: PaperFilter): Snapshot;
}

/** The user's tags of a paper plus the virtual ones that hold for it. */
export function effectiveTags(paper: LibraryPaper, decision: Decision | undefined, latestDigest: string | null): string[] {
  const own = decision ? Object.keys(decision.tags) : [];
  const tags = [...own];
  if (latestDigest !== null && firstRun(paper) === latestDigest) tags.push('new');
  if (new Set(paper.sightings.map((s) => s.digest)).size > 1) tags.push('seen');
  if (own.length === 0) tags.push('untriaged');
  return tags;
}

/** Wraps parsed papers (e.g. the bundled seed) as library papers seen once in one digest. */
export function asLibraryPapers(papers: readonly Paper[], digest: string, importedAt: string): LibraryPaper[] {
  return papers.map((p) => ({
    ...p,
    aliases: [],
    sightings: [{ digest, file: p.source.file, line: p.source.line, date: p.date, importedAt }],
    firstSeen: p.date ?? importedAt.slice(0, 10),
    lastSeen: p.date ?? importedAt.slice(0, 10),
  }));
}

/** A library held in memory: for the UI tests and for sessions that must not touch the disk. */
export function memoryLibrary(papers: LibraryPaper[], origin = 'memory', now: () => string = () => new Date().toISOString()): LibraryHandle {
  let decisions = new Map<string, Decision>();
  const history: Array<{ decisions: Map<string, Decision>; change: ChangeResult }> = [];
  const latestDigest = papers.length > 0 ? (papers[papers.length - 1]!.sightings[0]?.digest ?? null) : null;

  /** One change, made as the library on disk makes it (decision-edit.ts); one undo step unless it changed nothing. */
  const change = async (edits: readonly DecisionEdit[]): Promise<ChangeResult> => {
    const { next, parts } = editDecisions(edits, decisions, now());
    const result = { summary: parts.map((p) => p.summary).join('; '), changed: [...new Set(parts.flatMap((p) => p.changed))] };
    if (result.changed.length === 0) return result;
    history.push({ decisions, change: result });
    decisions = next;
    return result;
  };

  return {
    origin,
    snapshot: () => ({ papers, decisions, latestDigest }),
    tag: (ids, add, remove) => change([{ kind: 'tag', ids, add, remove }]),
    setNote: (id, text) => change([{ kind: 'note', id, text }]),
    async undo() {
      const previous = history.pop();
      if (!previous) return null;
      decisions = previous.decisions;
      // As the library on disk words it.
      return { summary: `undid: ${previous.change.summary}`, changed: previous.change.changed };
    },
  };
}
