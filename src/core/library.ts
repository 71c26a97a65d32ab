// The library as the rest of the program sees it: papers with where they were seen, the user's
// decisions, and a handle to change them. src/io implements the handle on disk; the in-memory
// one below serves the bundled seed and the UI tests.
import type { Paper } from './model.js';
import type { PaperFilter } from './filter.js';

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
export function firstRun(paper: Pick<LibraryPaper, 'sightings'>): string | null {
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

export const VIRTUAL_TAGS = ['new', 'seen', 'untriaged'] as const;
export type VirtualTag = (typeof VIRTUAL_TAGS)[number];

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

  const commit = (next: Map<string, Decision>, summary: string, changed: string[]): ChangeResult => {
    const change = { summary, changed };
    history.push({ decisions, change });
    decisions = next;
    return change;
  };

  return {
    origin,
    snapshot: () => ({ papers, decisions, latestDigest }),
    async tag(ids, add, remove) {
      const next = new Map(decisions);
      const changed: string[] = [];
      const at = now();
      for (const id of ids) {
        const before = next.get(id) ?? { tags: {}, note: null };
        const tags = { ...before.tags };
        for (const t of remove) delete tags[t];
        for (const t of add) tags[t] ??= at;
        if (JSON.stringify(Object.keys(tags).sort()) === JSON.stringify(Object.keys(before.tags).sort())) continue;
        changed.push(id);
        if (Object.keys(tags).length === 0 && before.note === null) next.delete(id);
        else next.set(id, { ...before, tags });
      }
      const words = [...add.map((t) => `+${t}`), ...remove.map((t) => `-${t}`)].join(' ');
      return commit(next, `tagged ${changed.length} paper${changed.length === 1 ? '' : 's'} ${words}`, changed);
    },
    async setNote(id, text) {
      const next = new Map(decisions);
      const before = next.get(id) ?? { tags: {}, note: null };
      next.set(id, { ...before, note: text === null ? null : { text, at: now() } });
      return commit(next, text === null ? `removed the note of ${id}` : `noted ${id}`, [id]);
    },
    async undo() {
      const previous = history.pop();
      if (!previous) return null;
      decisions = previous.decisions;
      // As the library on disk words it.
      return { summary: `undid: ${previous.change.summary}`, changed: previous.change.changed };
    },
  };
}
