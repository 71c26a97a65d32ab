// The library on disk: the LibraryHandle the cli and the ui use, plus import and look-ups.
//
// <dir>/
//   decisions.yaml            the user's tags and notes (source of truth; core/decisions.ts)
//   digests/<sha256>.txt      every imported digest, byte for byte (source of truth for papers)
//   digests/<sha256>.json     how each was read (file name, time, format, year, order)
//   cache/library.json        derived: every paper, one per line      } rebuilt from the digests
//   cache/index.json          derived: ids, aliases, byte offsets     } when missing or stale
//   cache/decisions.json      derived: decisions.yaml parsed (keyed by its sha256)
//   state/journal.json        the undo journal (last 200 changes)
//   state/last-listing.json   ids of the rows of the last `papers list`, for `papers tag 3`
//   backup/<file>             the previous version of every file written
//   lock                      held while writing ({pid, host, time})
//
// Every write is atomic (io/atomic.ts) and made under the lock (io/lock.ts) after re-reading what
// it modifies, so concurrent processes never lose an update. Reads take no lock.
// Everything here is synchronous on purpose: a change is on disk when the call returns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, usageError } from '../core/errors.js';
import { byCodePoint, emptyDecision, isEmptyDecision, sameDecision, tagNameProblem, type Decisions } from '../core/decisions.js';
import { applyEdit, describeEdit, editIds, type DecisionEdit } from '../core/decision-edit.js';
import { describeUndo, inverseOf, type JournalEntry } from '../core/undo.js';
import { filterPapers, matchesFilter, requiredUserTags, type PaperFilter } from '../core/filter.js';
import type { ChangeResult, Decision, LibraryHandle, LibraryPaper, Snapshot } from '../core/library.js';
import { createMerger } from '../core/merge.js';
import type { ParseOptions, ParseResult } from '../core/model.js';
import { formatByName, parseDigest } from '../core/parse/index.js';
import type { IdIndex, LastListing } from '../core/refs.js';
import { removeOrphanTemps, writeFileAtomic } from './atomic.js';
import { closeIndex, readAllPapers, readIndex, readPapersAt, writeCache, type CacheIndex } from './library-cache.js';
import { digestNames, hasDigest, readDigestText, readMeta, readMetas, sha256, writeDigest, type DigestMeta } from './digest-store.js';

export type { DigestMeta };
import { withLock as withDirLock } from './lock.js';
import { openDecisionsFile } from './decisions-file.js';
import { hasTag, spellTagEdits } from '../core/tags.js';
import { appendJournal, journalPath, readJournal, writeJournal } from './journal.js';
import { testHook } from './test-hooks.js';

export type { JournalEntry };

/** A digest read and parsed, ready to import. */
export interface ParsedDigest {
  bytes: Uint8Array;
  /** The name it was read from ("stdin" for -). */
  name: string;
  options: ParseOptions;
  result: ParseResult;
}

export interface ImportOutcome {
  file: string;
  format: string;
  digest: string;
  /** Papers the digest holds. */
  found: number;
  /** Papers new to the library. */
  added: number;
  /** Papers already in the library that gained a sighting or a field. */
  updated: number;
  /** When the same bytes were imported before: that import (nothing changed). */
  already: DigestMeta | null;
  /** Problems of derived caches (the import itself succeeded). */
  warnings: string[];
}

/** A cache derived from the papers (e.g. a search index), kept up to date by every import. */
export interface DerivedCache {
  name: string;
  update(dir: string, papers: readonly LibraryPaper[], change: DerivedChange): void;
}

export interface DerivedChange {
  added: readonly string[];
  updated: readonly string[];
  /** The paper cache's generation after the import, and before it (null: there was none). */
  generation?: string;
  previousGeneration?: string | null;
  latestDigest?: string | null;
}

/** Derived caches updated on import, in order. Modules register here (see registerDerivedCache). */
const derivedCaches: DerivedCache[] = [];
export function registerDerivedCache(cache: DerivedCache): void {
  if (!derivedCaches.some((c) => c.name === cache.name)) derivedCaches.push(cache);
}

export interface LibraryStore extends LibraryHandle {
  readonly dir: string;
  readonly decisionsPath: string;
  /** Papers in the library on disk (0 while only the bundled seed is shown). */
  count(): number;
  /** True while the library is empty and the bundled seed is shown in its place. */
  showingSeed(): boolean;
  idIndex(): IdIndex;
  /** Generation of the paper cache on disk (io/library-cache.ts); null while the seed is shown or there is none. */
  cacheGeneration(): string | null;
  /** Decisions keyed by paper id (entries under aliases folded in), without loading the papers. */
  decisionsById(): ReadonlyMap<string, Decision>;
  /** The papers with these ids (unknown ids are skipped), without loading the whole library. */
  papersById(ids: readonly string[]): LibraryPaper[];
  /** The papers passing the filter; reads only the candidates when the filter names a user tag. */
  select(filter: PaperFilter): Snapshot;
  /** Decisions as in the file (keys may be aliases or papers not in this library). */
  decisions(): ReadonlyMap<string, Decision>;
  /** Hash of the latest imported digest (the virtual tag new), without loading the papers. */
  latestDigest(): string | null;
  /** The decision about one paper (entries kept under its aliases included), without loading the papers. */
  decisionFor(id: string): Decision | undefined;
  hasDigest(digest: string): DigestMeta | null;
  importDigest(digest: ParsedDigest): ImportOutcome;
  lastListing(): LastListing | null;
  recordListing(ids: readonly string[]): void;
  /** The newest undo journal entries, newest first. */
  history(limit?: number): JournalEntry[];
  /** Several edits as one change: one write, one undo step (e.g. every rule of `papers rules apply`). */
  edit(edits: readonly DecisionEdit[]): Promise<EditResult>;
}

export interface EditResult extends ChangeResult {
  /** What each edit did, in order. */
  parts: ChangeResult[];
}

export interface OpenOptions {
  /** The bundled seed: shown while the library is empty, imported for real at the first change. */
  seed?: () => ParsedDigest;
  now?: () => Date;
  /** Where a read that goes on despite a problem says so (one line), e.g. an invalid decisions.yaml. */
  warn?: (line: string) => void;
}

interface PaperView {
  papers: LibraryPaper[] | null;
  index: CacheIndex | null;
}

export function openLibrary(dir: string, options: OpenOptions = {}): LibraryStore {
  const now = options.now ?? (() => new Date());
  const decisionsFile = openDecisionsFile(dir, options.warn);
  const paths = {
    journal: journalPath(dir),
    listing: join(dir, 'state', 'last-listing.json'),
    backup: join(dir, 'backup'),
  };

  /** The library lock; the first time, also sweeps temp files left by killed writers. */
  let swept = false;
  function withLock<T>(lockDir: string, fn: (stillHeld: () => void) => T): T {
    return withDirLock(lockDir, (stillHeld) => {
      if (!swept) {
        swept = true;
        removeOrphanTemps([dir, join(dir, 'cache'), join(dir, 'state'), join(dir, 'digests'), paths.backup]);
      }
      return fn(stillHeld);
    });
  }

  // ---- papers ---------------------------------------------------------------------------------
  const disk: PaperView = { papers: null, index: null };
  let seed: { digest: ParsedDigest; papers: LibraryPaper[] } | null = null;
  let aliasMap: Map<string, string> | null = null;
  let aliasesOf: Map<string, string[]> | null = null;

  /** Replaces the index held, closing the file the old one held open. */
  const setIndex = (next: CacheIndex | null) => {
    if (disk.index && disk.index !== next) closeIndex(disk.index);
    disk.index = next;
  };

  const resetDerived = () => {
    aliasMap = null;
    aliasesOf = null;
    snapshotCache = null;
    canonical = null;
  };

  /** Brings the cache in line with the digests (catch-up after a killed import, or full rebuild). */
  function syncCache(): void {
    const index = readIndex(dir);
    const names = new Set(digestNames(dir));
    if (index && names.size === index.digests.length && index.digests.every((d) => names.has(d))) {
      setIndex(index);
      return;
    }
    closeIndex(index);
    if (names.size === 0 && !index) {
      setIndex(null);
      return;
    }
    withLock(dir, () => {
      const again = readIndex(dir);
      const metas = readMetas(dir);
      const order = metas.map((m) => m.digest);
      if (again && again.digests.length === order.length && again.digests.every((d, i) => d === order[i])) {
        setIndex(again);
        return;
      }
      const prefix = again !== null && again.digests.every((d, i) => d === order[i]);
      const base = prefix ? readAllPapers(dir, again) : [];
      const done = prefix ? again.digests.length : 0;
      const merger = createMerger(base);
      const applied = order.slice(0, done);
      for (const meta of metas.slice(done)) {
        const text = readDigestText(dir, meta.digest);
        if (text === null) continue;
        const format = formatByName(meta.format);
        const result = parseDigest(text, { file: meta.file, ...(meta.year !== null ? { year: meta.year } : {}), ...(meta.yearSource ? { yearSource: meta.yearSource } : {}) }, format);
        merger.add(result.papers, { digest: meta.digest, file: meta.file, importedAt: meta.importedAt });
        applied.push(meta.digest);
      }
      closeIndex(again);
      setIndex(writeCache(dir, merger.papers, applied, applied[applied.length - 1] ?? null));
      disk.papers = merger.papers;
    });
  }

  syncCache();

  function diskCount(): number {
    return disk.index?.ids.length ?? 0;
  }

  function seedView() {
    if (diskCount() > 0 || !options.seed) return null;
    if (!seed) {
      const digest = options.seed();
      const hash = sha256(digest.bytes);
      const merger = createMerger([]);
      merger.add(digest.result.papers, { digest: hash, file: digest.name, importedAt: now().toISOString() });
      seed = { digest, papers: merger.papers };
    }
    return seed;
  }

  function allPapers(): LibraryPaper[] {
    const s = seedView();
    if (s) return s.papers;
    if (!disk.papers) disk.papers = disk.index ? readAllPapers(dir, disk.index) : [];
    return disk.papers;
  }

  /** The latest import, for the virtual tag `new`; none while only the seed is shown (nothing was imported). */
  function latestDigest(): string | null {
    if (seedView()) return null;
    return disk.index?.latestDigest ?? null;
  }

  function ids(): readonly string[] {
    const s = seedView();
    return s ? s.papers.map((p) => p.id) : (disk.index?.ids ?? []);
  }

  function aliases(): Map<string, string> {
    if (aliasMap) return aliasMap;
    const map = new Map<string, string>();
    const s = seedView();
    if (s) {
      const idSet = new Set(s.papers.map((p) => p.id));
      for (const p of s.papers) for (const a of p.aliases) if (!idSet.has(a)) map.set(a, p.id);
    } else for (const [a, id] of disk.index?.aliases ?? []) map.set(a, id);
    aliasMap = map;
    return map;
  }

  function aliasesOfId(id: string): string[] {
    if (!aliasesOf) {
      aliasesOf = new Map();
      for (const [a, target] of aliases()) {
        const list = aliasesOf.get(target);
        if (list) list.push(a);
        else aliasesOf.set(target, [a]);
      }
    }
    return aliasesOf.get(id) ?? [];
  }

  /** Library positions of these ids, ascending (one pass over the ids: cheaper than a map of 100,000). */
  function positionsOf(wanted: ReadonlySet<string>): number[] {
    const out: number[] = [];
    if (wanted.size === 0) return out;
    const all = ids();
    for (let i = 0; i < all.length; i++) if (wanted.has(all[i]!)) out.push(i);
    return out;
  }

  // ---- decisions ------------------------------------------------------------------------------
  /** Read paths: an invalid decisions.yaml gives no decisions (and one warning); writes use 'strict'. */
  const loadDecisions = () => decisionsFile.read('lenient');
  let canonical: { from: Decisions; byId: Map<string, Decision> } | null = null;
  let snapshotCache: Snapshot | null = null;

  /** Decisions keyed by paper id: entries under an alias are moved to the paper's id (and merged). */
  function canonicalDecisions(): Map<string, Decision> {
    const decisions = loadDecisions();
    if (canonical?.from === decisions) return canonical.byId;
    const map = new Map<string, Decision>();
    const alias = aliases();
    for (const [key, d] of decisions) {
      const id = alias.get(key) ?? key;
      const prev = map.get(id);
      map.set(id, prev ? combine(prev, d, key === id) : d);
    }
    canonical = { from: decisions, byId: map };
    return map;
  }

  // ---- changes --------------------------------------------------------------------------------
  /** Commits the shown seed as a real import, so a decision about a seed paper has its paper. */
  function commitSeedLocked(): void {
    if (!seed) return;
    const fresh = readIndex(dir);
    if (!fresh || fresh.ids.length === 0) {
      closeIndex(fresh);
      importLocked(seed.digest);
    } else {
      setIndex(fresh);
      disk.papers = null;
    }
    seed = null;
    resetDerived();
  }

  /**
   * Applies the edits, in order, as one change under the lock: re-reads the file (what another
   * process wrote since is kept; an invalid file stops here), folds entries kept under an alias
   * into the paper's id, writes decisions.yaml, then journals before/after for undo.
   */
  function change(edits: readonly DecisionEdit[]): EditResult {
    return withLock(dir, (stillHeld) => {
      decisionsFile.read('strict');
      commitSeedLocked();
      const current = decisionsFile.read('strict');
      const next: Decisions = new Map(current);
      const before: Record<string, Decision | null> = {};
      const at = now().toISOString();
      const parts: ChangeResult[] = [];
      for (const edit of spellTagEdits(edits, current)) {
        const changed: string[] = [];
        for (const id of editIds(edit)) {
          const keys = [id, ...aliasesOfId(id)].filter((k) => k === id || next.has(k));
          let merged: Decision | null = null;
          for (const k of keys) {
            const d = next.get(k);
            if (d) merged = merged ? combine(merged, d, k === id) : d;
          }
          const old = merged ?? emptyDecision();
          const updated = applyEdit(edit, old, at);
          if (sameDecision(old, updated) && keys.every((k) => k === id || !next.has(k))) continue;
          for (const k of keys) {
            if (!(k in before)) before[k] = current.get(k) ?? null;
            next.delete(k);
          }
          if (!isEmptyDecision(updated)) next.set(id, updated);
          if (!sameDecision(old, updated)) changed.push(id);
        }
        parts.push({ summary: describeEdit(edit, changed), changed });
      }
      const summary = parts.map((p) => p.summary).join('; ');
      const changed = [...new Set(parts.flatMap((p) => p.changed))];
      if (Object.keys(before).length === 0) return { summary, changed, parts };
      const after: Record<string, Decision | null> = {};
      for (const k of Object.keys(before)) after[k] = next.get(k) ?? null;
      testHook('decisions-before-write');
      stillHeld();
      decisionsFile.write(next);
      testHook('decisions-before-journal');
      appendJournal(paths.journal, { at, summary, before, after }, paths.backup);
      return { summary, changed, parts };
    });
  }

  function checkTags(tags: readonly string[]): void {
    for (const t of tags) {
      const problem = tagNameProblem(t);
      if (problem) throw usageError(problem);
    }
  }

  // ---- import ---------------------------------------------------------------------------------
  function importLocked(d: ParsedDigest): ImportOutcome {
    const digest = sha256(d.bytes);
    const base = { file: d.name, format: d.result.format, digest, found: d.result.papers.length, warnings: [] as string[] };
    const previous = hasDigest(dir, digest) ? readMeta(dir, digest) : null;
    if (previous) return { ...base, added: 0, updated: 0, already: previous };
    const fresh = readIndex(dir);
    if (fresh?.generation !== disk.index?.generation) {
      setIndex(fresh);
      disk.papers = null;
    } else closeIndex(fresh);
    const papers = disk.index ? (disk.papers ?? readAllPapers(dir, disk.index)) : [];
    const previousGeneration = disk.index?.generation ?? null;
    const importedAt = now().toISOString();
    const merger = createMerger(papers);
    const { added, updated } = merger.add(d.result.papers, { digest, file: d.name, importedAt });
    const meta: DigestMeta = {
      digest,
      seq: digestNames(dir).length + 1,
      file: d.name,
      importedAt,
      format: d.result.format,
      year: d.options.year ?? null,
      yearSource: d.options.yearSource ?? null,
      papers: d.result.papers.length,
    };
    writeDigest(dir, d.bytes, meta);
    setIndex(writeCache(dir, merger.papers, [...(disk.index?.digests ?? []), digest], digest));
    disk.papers = merger.papers;
    resetDerived();
    for (const cache of derivedCaches) {
      try {
        cache.update(dir, merger.papers, { added, updated, generation: disk.index!.generation, previousGeneration, latestDigest: digest });
      } catch (e) {
        base.warnings.push(`${cache.name}: not updated (${e instanceof Error ? e.message : String(e)}); it will be rebuilt when next needed`);
      }
    }
    return { ...base, added: added.length, updated: updated.length, already: null };
  }

  // ---- the handle -----------------------------------------------------------------------------
  const store: LibraryStore = {
    dir,
    decisionsPath: decisionsFile.path,
    get origin() {
      return seedView() ? `seed (your library ${dir} is empty)` : `library ${dir}`;
    },
    count: diskCount,
    showingSeed: () => seedView() !== null,
    snapshot() {
      const decisions = canonicalDecisions();
      if (snapshotCache && snapshotCache.decisions === decisions) return snapshotCache;
      snapshotCache = { papers: allPapers(), decisions, latestDigest: latestDigest() };
      return snapshotCache;
    },
    select(filter) {
      const required = requiredUserTags(filter);
      const decisions = canonicalDecisions();
      if (required.length === 0 || disk.papers || seedView() || !disk.index) {
        const snap = store.snapshot();
        return { ...snap, papers: filterPapers(snap, filter) };
      }
      const wanted = new Set<string>();
      for (const [id, d] of decisions) if (required.every((t) => hasTag(Object.keys(d.tags), t))) wanted.add(id);
      const hits = positionsOf(wanted);
      const latest = latestDigest();
      const papers = readPapersAt(dir, disk.index, hits).filter((p) => matchesFilter(p, decisions.get(p.id), latest, filter));
      return { papers, decisions, latestDigest: latest };
    },
    decisions: () => loadDecisions(),
    decisionFor: (id) => canonicalDecisions().get(id),
    latestDigest,
    idIndex: () => ({ ids: ids(), aliases: aliases() }),
    cacheGeneration: () => (seedView() ? null : (disk.index?.generation ?? null)),
    decisionsById: () => canonicalDecisions(),
    papersById(wanted) {
      if (disk.papers || seedView() || !disk.index) {
        const byId = new Map(allPapers().map((p) => [p.id, p]));
        return wanted.map((id) => byId.get(id)).filter((p): p is LibraryPaper => p !== undefined);
      }
      const at = positionsOf(new Set(wanted));
      const byId = new Map(readPapersAt(dir, disk.index, at).map((p) => [p.id, p]));
      return wanted.map((id) => byId.get(id)).filter((p): p is LibraryPaper => p !== undefined);
    },
    hasDigest: (digest) => (hasDigest(dir, digest) ? readMeta(dir, digest) : null),
    importDigest: (d) =>
      withLock(dir, () => {
        seed = null;
        return importLocked(d);
      }),
    async tag(ids, add, remove) {
      checkTags([...add, ...remove]);
      return change([{ kind: 'tag', ids, add, remove }]);
    },
    async setNote(id, text) {
      return change([{ kind: 'note', id, text }]);
    },
    async edit(edits) {
      checkTags(edits.flatMap((e) => (e.kind === 'tag' ? [...e.add, ...e.remove] : [])));
      return change(edits);
    },
    async undo() {
      return withLock(dir, (stillHeld) => {
        const journal = readJournal(paths.journal);
        const entry = journal.pop();
        if (!entry) return null;
        const inverse = inverseOf(entry, decisionsFile.read('strict'));
        if (inverse.changed.length > 0) {
          stillHeld();
          decisionsFile.write(inverse.next);
        }
        writeJournal(paths.journal, journal, paths.backup);
        const changed = new Set(inverse.changed.map((key) => aliases().get(key) ?? key));
        return { summary: describeUndo(entry, inverse), changed: [...changed].sort(byCodePoint) };
      });
    },
    lastListing() {
      try {
        const v = JSON.parse(readFileSync(paths.listing, 'utf8')) as LastListing;
        return Array.isArray(v.ids) ? v : null;
      } catch {
        return null;
      }
    },
    recordListing(list) {
      try {
        writeFileAtomic(paths.listing, JSON.stringify({ at: now().toISOString(), ids: list }), { durable: false });
      } catch {
        // Row numbers then fall back to an older listing; the listing itself was printed.
      }
    },
    history: (limit = 20) => readJournal(paths.journal).slice(-limit).reverse(),
  };
  return store;
}

/** Two decisions about one paper (one kept under an alias): tags unioned, earlier time kept; the preferred side's note. */
function combine(a: Decision, b: Decision, preferB: boolean): Decision {
  const tags = { ...a.tags };
  for (const [t, at] of Object.entries(b.tags)) if (!(t in tags) || at < tags[t]!) tags[t] = at;
  const note = preferB ? (b.note ?? a.note) : (a.note ?? b.note);
  return { tags, note };
}
