// The UI's view of modules written alongside it (query + search, Markdown export, config).
// Each adapter states the shape the UI needs and delegates to the module that does the work.
import type { LibraryPaper, Snapshot } from '../core/library.js';
import { compileQuery, type CompileOptions, type Query } from '../core/query/index.js';
import { addToIndex, createSearchIndex, matchDetails, searchPapers, type QueryPlan, type SearchIndex } from '../core/search/index.js';
import { defaultValues, toConfig, type Config } from '../core/config.js';
import { formatMarkdown } from '../core/export/markdown.js';
import { exportEntries } from '../core/export/types.js';

/** Half-open [start, end) ranges of a title matched by the query, for highlighting. */
export type Ranges = ReadonlyArray<readonly [number, number]>;

export interface FilterHit {
  /** Index into snapshot.papers. */
  index: number;
  /** Where the title matched; computed on demand, for the rows on screen only. */
  title?: () => Ranges;
}

export type FilterOutcome =
  | { ok: true; hits: FilterHit[] }
  | { ok: false; message: string; /** 0-based offset of the offending token in the query. */ offset: number; length: number };

/** Applies a query typed in the live filter to the library; never throws. */
export type FilterFn = (query: string, snapshot: Snapshot) => FilterOutcome;

export interface SearchFilter extends FilterFn {
  /**
   * Indexes up to `batch` more papers of the snapshot, so that the first search does not have to;
   * true once all are. Called in small steps between keystrokes after the first frame.
   */
  prepare: (snapshot: Snapshot, batch?: number) => boolean;
}

/** What the first frame shows while the rest of the list is read: its first rows and the library's counts. */
export interface FirstPage {
  /** The first rows of the list, in library order. */
  snapshot: Snapshot;
  /** Papers in the whole library, and of them untriaged and new (the virtual tags). */
  total: number;
  untriaged: number;
  fresh: number;
  /** The earliest and latest date of its papers (date, else first seen); null when none has one. */
  dates: { first: string; last: string } | null;
}

/**
 * The library's list read in pages (the CLI passes the store's), so that the first frame does not
 * wait for every paper: the first rows at once, the rest a slice at a time after the first frame.
 */
export interface ListingPages {
  first(rows: number): FirstPage;
  /** Reads up to `rows` more; the whole snapshot (handle.snapshot()'s) once every paper is read, else null. */
  more(rows: number): Snapshot | null;
}

/** How the live filter runs a compiled query: the CLI passes the library database's search. */
export interface SnapshotSearch {
  run(query: Query, snapshot: Snapshot): { hits: ReadonlyArray<{ paper: LibraryPaper }>; plan: QueryPlan };
  /** Work done ahead of the first search, in small steps between keystrokes; true once done. */
  prepare?(snapshot: Snapshot, batch: number): boolean;
}

/** The in-memory search (core/search), for a UI started without one (tests, a memory library). */
export function memorySearch(getIndex: () => SearchIndex = createSearchIndex): SnapshotSearch {
  let index: SearchIndex | null = null;
  const prepared = new WeakMap<readonly LibraryPaper[], number>();
  return {
    run(query, snapshot) {
      index ??= getIndex();
      return searchPapers(index, query, snapshot);
    },
    prepare(snapshot, batch) {
      index ??= getIndex();
      const from = prepared.get(snapshot.papers) ?? 0;
      const to = Math.min(snapshot.papers.length, from + batch);
      addToIndex(index, snapshot.papers.slice(from, to));
      prepared.set(snapshot.papers, to);
      return to >= snapshot.papers.length;
    },
  };
}

/**
 * The live filter: the query language (src/core/query), compiled with today's date and the saved
 * searches, run by `search`, best matches first.
 */
export function createSearchFilter(search: SnapshotSearch = memorySearch(), context: CompileOptions = {}): SearchFilter {
  const positions = new WeakMap<readonly LibraryPaper[], Map<string, number>>();
  const positionOf = (snapshot: Snapshot): Map<string, number> => {
    let map = positions.get(snapshot.papers);
    if (!map) {
      map = new Map(snapshot.papers.map((p, i) => [p.id, i]));
      positions.set(snapshot.papers, map);
    }
    return map;
  };
  const filter = ((query, snapshot) => {
    const compiled = compileQuery(query, context);
    if (!compiled.ok) return { ok: false, ...compiled.error };
    const results = search.run(compiled.query, snapshot);
    const at = positionOf(snapshot);
    const hits: FilterHit[] = [];
    for (const hit of results.hits) {
      const i = at.get(hit.paper.id);
      if (i === undefined) continue;
      let ranges: Ranges | undefined;
      hits.push({ index: i, title: () => (ranges ??= matchDetails(results.plan, hit.paper).title) });
    }
    return { ok: true, hits };
  }) as SearchFilter;
  filter.prepare = (snapshot, batch = 200) => {
    if (search.prepare && !search.prepare(snapshot, batch)) return false;
    positionOf(snapshot);
    return true;
  };
  return filter;
}

export interface ExportContext {
  /** YYYY-MM-DD */
  today: string;
  /** The filter in force, or '' for none. */
  query: string;
}

/** The Markdown reading list of the export helper, for the papers exported from the UI. */
export function papersToMarkdown(papers: readonly LibraryPaper[], snapshot: Snapshot, context: ExportContext): string {
  const meta = { generated: context.today, query: context.query.trim() === '' ? null : context.query, tags: [], notTags: [] };
  return formatMarkdown(exportEntries(papers, snapshot), meta, { group: 'none', abstracts: 'tldr' });
}

/** The parts of the user's config the UI reads: the tags of keys 1-9 (null: the key does nothing), the saved searches of @1-@9. */
export type UiConfig = Pick<Config, 'quickTags'> & Partial<Pick<Config, 'searches'>>;

export const DEFAULT_UI_CONFIG: UiConfig = { quickTags: toConfig(defaultValues()).quickTags };
