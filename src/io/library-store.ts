// The library on disk: the LibraryHandle the cli and the ui use, plus import and look-ups.
//
// <dir>/
//   decisions.yaml            the user's tags and notes (source of truth; core/decisions.ts)
//   digests/<sha256>.txt      every imported digest, byte for byte (source of truth for papers)
//   digests/<sha256>.json     how each was read (file name, time, format, year, order, ids given)
//   cache/papers.db           derived: papers, digests, sightings and the search index (io/db/),
//                             rebuilt from the digests when missing, damaged or of another version;
//                             also a copy of decisions.yaml (io/db/decision-table.ts) that reads
//                             and changes use while it holds the file's version
//   cache/decisions.json      derived: decisions.yaml parsed (keyed by its sha256)
//   state/journal.json        the undo journal (last 200 changes)
//   state/last-listing.json   ids of the rows of the last `papers list`, for `papers tag 3`
//   backup/<file>             the previous version of every file written
//   lock                      held while writing (io/lock.ts: pid, start time, boot, token)
//
// Every write is atomic (io/atomic.ts, or one SQLite transaction) and made under the lock
// (io/lock.ts) after re-reading what it modifies, so concurrent processes never lose an update.
// Reads take no lock. Everything here is synchronous on purpose: a change is on disk when the
// call returns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, usageError } from '../core/errors.js';
import { combineDecisions, emptyDecision, isEmptyDecision, sameDecision, tagNameProblem, type Decisions } from '../core/decisions.js';
import { applyEdit, describeEdit, editIds, type DecisionEdit } from '../core/decision-edit.js';
import { describeUndo, inverseOf, type JournalEntry } from '../core/undo.js';
import { filterPapers, isNoFilter, NO_FILTER, type PaperFilter } from '../core/filter.js';
import type { ChangeResult, Decision, LibraryHandle, LibraryPaper, PaperListing, Snapshot } from '../core/library.js';
import type { ParseOptions, ParseResult } from '../core/model.js';
import type { IdIndex, LastListing } from '../core/refs.js';
import { removeOrphanTemps, writeFileAtomic } from './atomic.js';
import { readMeta, sha256, type DigestMeta } from './digest-store.js';
import { withLock as withDirLock } from './lock.js';
import { openDecisionsFile } from './decisions-file.js';
import { spellTagEdits } from '../core/tags.js';
import { compareCodeUnits } from '../core/text/order.js';
import { sortByField } from '../core/rank/sort.js';
import { paperJsonOf, type PaperJson } from '../core/paper-json.js';
import { createMerger } from '../core/merge.js';
import { appendJournal, journalPath, readJournal, writeJournal } from './journal.js';
import { testHook } from './test-hooks.js';

import { collectWithProgress } from './progress-hook.js';
import { closesOf, recordChunks } from './json-chunks.js';
import { jsonWorkerPath } from './paths.js';
import { parallelJsonChunks, worthTwoThreads } from './db/json-parallel.js';
import type { Database } from './db/connection.js';
import type { DigestReader } from './db/build.js';
import { openDerived, openDerivedLocked, type Derived } from './db/open.js';
import { forgetDigest, importParsed, seedDatabase, type ImportOutcome, type ImportRun } from './db/import.js';
import { aliasesOfId as aliasesInDb, aliasPairs, countPapers, idsAfter, iteratePapers, lastPaper, latestRun, paperIds, readAbstract, readPapersById, resolveAlias, resolveAliases, resolveKey } from './db/read.js';
import type { PaperMark } from './db/read.js';
import { decisionsInTables, entriesOfFile, fillDecisionTables, tableVersion, updateDecisionTables } from './db/decision-table.js';
import { listingSummary, selectListings, selectPaperJson, selectPapers, type ListingOptions, type ListingSummary } from './db/listing.js';

export type { DigestMeta, ImportOutcome, ImportRun, ListingOptions, PaperMark };
export type { JournalEntry };

/** A digest read and parsed, ready to import. */
export interface ParsedDigest {
  bytes: Uint8Array;
  /** The name it was read from ("stdin" for -). */
  name: string;
  options: ParseOptions;
  result: ParseResult;
}

export interface ForgetOutcome {
  digest: DigestMeta;
  /** Papers that left the library (their decisions stay in decisions.yaml). */
  removed: string[];
}

export interface LibraryStore extends LibraryHandle {
  readonly dir: string;
  readonly decisionsPath: string;
  /** Papers in the library on disk (0 while only the bundled seed is shown). */
  count(): number;
  /** True while the library is empty and the bundled seed is shown in its place. */
  showingSeed(): boolean;
  idIndex(): IdIndex;
  /** A mark of the papers in the library now: addedSince(mark) gives those added after it. */
  mark(): PaperMark;
  /** Ids of the papers added since mark() returned `mark`, in library order; none when the database was rebuilt meanwhile. */
  addedSince(mark: PaperMark): string[];
  /** The paper an exact id or alias names (one indexed look-up); null when none. */
  resolveId(key: string): string | null;
  /** Generation of the database (changes with every import); null while the seed is shown or there is none. */
  cacheGeneration(): string | null;
  /** The database the papers are read from (the seed's in-memory one while it is shown); null when there is none. For search. */
  database(): Database | null;
  /** Decisions keyed by paper id (entries under aliases folded in), without loading the papers. */
  decisionsById(): ReadonlyMap<string, Decision>;
  /** The papers with these ids (unknown ids are skipped), without loading the whole library. */
  papersById(ids: readonly string[]): LibraryPaper[];
  /** The papers passing the filter (every one without), whole, in library order, one at a time (for streaming output). */
  eachPaper(filter?: PaperFilter, range?: ListingOptions): Iterable<LibraryPaper>;
  /** eachPaper's papers as their `list --json` records, read from the database by the fastest way there is. */
  paperJson(filter?: PaperFilter, range?: ListingOptions): Iterable<PaperJson>;
  /** paperJson's records as UTF-8 chunks (json-chunks.ts), closed with these decisions' fields; a whole large library is read by two threads. */
  paperJsonChunks(filter: PaperFilter, range: ListingOptions, decisions: ReadonlyMap<string, Decision>): Iterable<Uint8Array>;
  /** The papers passing the filter without their abstracts, in library order, one at a time: what listings print. */
  listings(filter?: PaperFilter, range?: ListingOptions): Iterable<PaperListing>;
  /**
   * As snapshot(), but each paper's abstract is read from the database when first asked for (the
   * UI shows one at a time): what the UI's first frame waits for is the papers without them.
   */
  shownSnapshot(): Snapshot;
  /**
   * shownSnapshot() a page at a time, for a first frame that does not wait for the whole library:
   * null when there is nothing to page (the seed, papers already in memory, no database).
   */
  shownPages(): ShownPages | null;
  /** The papers passing the filter; the database reads only those. */
  select(filter: PaperFilter): Snapshot;
  /** Decisions as in the file (keys may be aliases or papers not in this library). */
  decisions(): ReadonlyMap<string, Decision>;
  /** The latest import command (the hash of its first digest: the virtual tag new), without loading the papers. */
  latestDigest(): string | null;
  /** The decision about one paper (entries kept under its aliases included), without loading the papers. */
  decisionFor(id: string): Decision | undefined;
  /** The import of these bytes (by hash), when its papers are in the library. */
  hasDigest(digest: string): DigestMeta | null;
  /** Imports one digest; digests imported with the same `run` are one import command (all their papers are new). */
  importDigest(digest: ParsedDigest, run?: ImportRun): ImportOutcome;
  /** Removes an imported digest (by hash); the papers only it brought leave, their decisions stay. */
  forget(digest: string): ForgetOutcome | null;
  lastListing(): LastListing | null;
  recordListing(ids: readonly string[]): void;
  /** The newest undo journal entries, newest first. */
  history(limit?: number): JournalEntry[];
  /** Several edits as one change: one write, one undo step (e.g. every rule of `papers rules apply`). */
  edit(edits: readonly DecisionEdit[]): Promise<EditResult>;
}

/** The papers of shownSnapshot() read in pages, in library order. */
export interface ShownPages {
  /** The first `rows` papers (in a snapshot of their own) and the library's counts. */
  first(rows: number): ListingSummary & { snapshot: Snapshot };
  /** Reads up to `rows` more papers; once every paper is read, shownSnapshot()'s snapshot, else null. */
  more(rows: number): Snapshot | null;
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
  /** The parser kept digests are re-read with (a test stands in a later one). */
  read?: DigestReader;
  /** One line for the user about the store (a damaged database being rebuilt); stderr by default. */
  notice?: (line: string) => void;
}

export function openLibrary(dir: string, options: OpenOptions = {}): LibraryStore {
  const now = options.now ?? (() => new Date());
  const decisionsFile = openDecisionsFile(dir, options.warn, (hash) => {
    const db = seedView() ? null : diskDb();
    return db ? entriesOfFile(db, hash) : null;
  });
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
  const derivedOptions = { read: options.read, notice: options.notice };
  let disk: Derived | null = openDerived(dir, derivedOptions);
  // The seed's papers are merged in memory as its database would hold them; the database itself is
  // built only for what needs one (search, look-ups), not for a listing.
  let seed: { digest: ParsedDigest; importedAt: string; papers: LibraryPaper[]; aliases: Map<string, string>; db: Database | null } | null = null;
  const view = viewCache(() => {
    canonical = tableView = snapshotCache = shownCache = null;
  });

  /** The database on disk; opened late when another process created it since. */
  function diskDb(): Database | null {
    disk ??= openDerived(dir, derivedOptions);
    return disk?.db ?? null;
  }

  function diskCount(): number {
    const db = diskDb();
    return db ? view.memo(db, 'count', () => countPapers(db)) : 0;
  }

  function seedView() {
    if (!options.seed || diskCount() > 0) return null;
    if (!seed) {
      const digest = options.seed();
      const importedAt = now().toISOString();
      const papers = createMerger([]);
      papers.add(digest.result.papers, { digest: sha256(digest.bytes), file: digest.name, importedAt });
      const ids = new Set(papers.papers.map((p) => p.id));
      const aliases = new Map<string, string>();
      for (const p of papers.papers) for (const a of p.aliases) if (!ids.has(a)) aliases.set(a, p.id);
      seed = { digest, importedAt, papers: papers.papers, aliases, db: null };
    }
    return seed;
  }

  /** The database papers are read from: the seed's while it is shown. */
  function shown(): Database | null {
    const shownSeed = seedView();
    if (shownSeed) return (shownSeed.db ??= seedDatabase(shownSeed.digest, shownSeed.importedAt));
    return diskDb();
  }

  /** The database shown, with what was derived from its papers dropped when another process (or this one) changed them. */
  function current(): Database | null {
    const db = shown();
    if (db) view.check(db);
    return db;
  }

  function latestDigest(): string | null {
    if (seedView()) return null;
    const db = current();
    return db ? view.memo(db, 'latest', () => latestRun(db)) : null;
  }

  /** alias -> paper id, looked up one key at a time (decisions name a few papers; the library may hold a million). */
  function aliases(): Pick<Map<string, string>, 'get'> {
    const shownSeed = seedView();
    if (shownSeed) return shownSeed.aliases;
    const db = current();
    return { get: (key: string) => (db ? view.memo(db, `alias:${key}`, () => resolveAlias(db, key) ?? undefined) : undefined) };
  }

  function aliasesOfId(id: string): string[] {
    const db = current();
    return db ? aliasesInDb(db, id) : [];
  }

  // ---- decisions ------------------------------------------------------------------------------
  /** Read paths: an invalid decisions.yaml gives no decisions (and one warning); writes use 'strict'. */
  const loadDecisions = () => decisionsFile.read('lenient');
  let canonical: { from: Decisions; byId: Map<string, Decision> } | null = null;
  let snapshotCache: Snapshot | null = null;
  let shownCache: Snapshot | null = null;

  /** Decisions keyed by paper id: entries under an alias are moved to the paper's id (and merged). */
  function canonicalDecisions(): Map<string, Decision> {
    const decisions = loadDecisions();
    if (canonical?.from === decisions) return canonical.byId;
    const map = new Map<string, Decision>();
    const shownSeed = seedView();
    const db = shownSeed ? null : current();
    // one query for every key: a library of many decisions would otherwise pay one look-up each
    const alias = shownSeed ? shownSeed.aliases : db ? resolveAliases(db, [...decisions.keys()]) : new Map<string, string>();
    // no key is an alias (the common case): the file's entries are keyed by paper id already, and
    // a copy of a hundred thousand of them would only cost time
    if (alias.size === 0) {
      canonical = { from: decisions, byId: decisions };
      return decisions;
    }
    for (const [key, d] of decisions) {
      const id = alias.get(key) ?? key;
      const prev = map.get(id);
      map.set(id, prev ? combineDecisions(prev, d, key === id) : d);
    }
    canonical = { from: decisions, byId: map };
    return map;
  }

  let tableView: { db: Database; stamp: string; view: ReadonlyMap<string, Decision> } | null = null;

  /**
   * The decisions for reads: looked up in the database's decision tables when they hold the file's
   * version (one stat, no read of the file), else canonicalDecisions() (which refills the tables).
   */
  function readDecisions(): ReadonlyMap<string, Decision> {
    const db = seedView() ? null : current();
    const stamp = db ? decisionsFile.stamp() : 'missing';
    if (!db || stamp === 'missing') return canonicalDecisions();
    if (tableView?.db === db && tableView.stamp === stamp) return tableView.view;
    if (tableVersion(db)?.stamp !== stamp) {
      const decisions = canonicalDecisions();
      if (!fillTables(db, (v) => v.stamp === stamp)) return decisions;
    }
    tableView = { db, stamp, view: decisionsInTables(db, canonicalDecisions) };
    return tableView.view;
  }

  /**
   * After a write of decisions.yaml made from the version `from`: the keys it changed, into the
   * decision tables. Tables of another version (the file was edited from outside since they were
   * filled) are filled anew when the write read the whole file: the next change then reads only
   * its own entries, however many changes come before the next read.
   */
  function tablesAfterWrite(from: string, changes: ReadonlyMap<string, Decision | null>, written: { hash: string; stamp: string; canonical: boolean }): void {
    const db = seedView() ? null : diskDb();
    if (db && !updateDecisionTables(db, from, changes, written)) fillTables(db, (v) => v.hash === written.hash);
  }

  /** The tables filled with the decisions as last read or written, when that version is the one wanted; whether they were. */
  function fillTables(db: Database, wanted: (version: { hash: string; stamp: string }) => boolean): boolean {
    const version = decisionsFile.version();
    return version !== null && wanted(version) && fillDecisionTables(db, loadDecisions(), version, decisionsFile.stamp);
  }

  // ---- changes --------------------------------------------------------------------------------
  /** as a real import, so a decision about a seed paper has its paper.
   * When another process imported meanwhile, the seed is not the library any more: the change
   * is refused rather than written for a paper that is in no library.
   */
  function commitSeedLocked(): void {
    if (!seed) return;
    const shownSeed = seed;
    seed = null;
    disk ??= openDerivedLocked(dir, derivedOptions);
    if (!disk || countPapers(disk.db) === 0) importLocked(shownSeed.digest);
    else throw inputError(`the library ${dir} gained papers from another papers process while the sample digest was shown; nothing was changed: open it again to see your library`);
    canonical = tableView = snapshotCache = shownCache = null;
  }

  /**
   * Applies the edits, in order, as one change under the lock: re-reads the file (what another
   * process wrote since is kept; an invalid file stops here), folds entries kept under an alias
   * into the paper's id, writes decisions.yaml, then journals before/after for undo.
   */
  function change(edits: readonly DecisionEdit[]): EditResult {
    return withLock(dir, (stillHeld) => {
      // an invalid file stops the change before the seed becomes the library
      if (seed) decisionsFile.read('strict');
      commitSeedLocked();
      const base = decisionsFile.forChange();
      // what the change makes of each key it touches (null: the key leaves the file)
      const changes = new Map<string, Decision | null>();
      const nextOf = (k: string) => (changes.has(k) ? (changes.get(k) ?? undefined) : base.get(k));
      const before: Record<string, Decision | null> = {};
      const at = now().toISOString();
      const parts: ChangeResult[] = [];
      for (const edit of spellTagEdits(edits, base)) {
        const changed: string[] = [];
        for (const id of editIds(edit)) {
          const keys = [id, ...aliasesOfId(id)].filter((k) => k === id || nextOf(k) !== undefined);
          let merged: Decision | null = null;
          for (const k of keys) {
            const d = nextOf(k);
            if (d) merged = merged ? combineDecisions(merged, d, k === id) : d;
          }
          const old = merged ?? emptyDecision();
          const updated = applyEdit(edit, old, at);
          if (sameDecision(old, updated) && keys.every((k) => k === id || nextOf(k) === undefined)) continue;
          for (const k of keys) {
            if (!(k in before)) before[k] = base.get(k) ?? null;
            changes.set(k, null);
          }
          if (!isEmptyDecision(updated)) changes.set(id, updated);
          if (!sameDecision(old, updated)) changed.push(id);
        }
        parts.push({ summary: describeEdit(edit, changed), changed });
      }
      const summary = parts.map((p) => p.summary).join('; ');
      const changed = [...new Set(parts.flatMap((p) => p.changed))];
      if (Object.keys(before).length === 0) return { summary, changed, parts };
      const after: Record<string, Decision | null> = {};
      for (const k of Object.keys(before)) after[k] = nextOf(k) ?? null;
      testHook('decisions-before-write');
      stillHeld();
      tablesAfterWrite(base.hash, changes, decisionsFile.writeChange(base, changes));
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
  function importLocked(d: ParsedDigest, run: ImportRun = {}): ImportOutcome {
    const outcome = importParsed(dir, disk, d, run, now().toISOString());
    disk = outcome.derived;
    canonical = tableView = snapshotCache = shownCache = null;
    return outcome.outcome;
  }

  /**
   * The database filtered listings are read from by SQL: the one on disk, unless its papers are
   * already in memory. The seed is filtered in memory (its papers are never new: no import brought them).
   */
  function sqlSource(): Database | null {
    if (seedView()) return null;
    const db = current();
    return db && !snapshotCache ? db : null;
  }

  function inMemory(filter: PaperFilter, range: ListingOptions): LibraryPaper[] {
    const from = range.offset ?? 0;
    const papers = filterPapers(store.snapshot(), filter);
    return (range.sort ? sortByField(papers, range.sort) : papers).slice(from, range.limit === undefined ? undefined : from + range.limit);
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
      const shownSeed = seedView();
      const db = shownSeed ? null : current();
      const decisions = readDecisions();
      if (snapshotCache && snapshotCache.decisions === decisions) return snapshotCache;
      const papers = shownSeed ? shownSeed.papers : db ? collectWithProgress('loading papers', iteratePapers(db), countPapers(db)) : [];
      snapshotCache = { papers, decisions, latestDigest: latestDigest() };
      return snapshotCache;
    },
    shownSnapshot() {
      if (seedView()) return store.snapshot();
      const db = current();
      const decisions = readDecisions();
      if (snapshotCache && snapshotCache.decisions === decisions) return snapshotCache;
      if (!db || seedView()) return store.snapshot();
      if (shownCache?.decisions === decisions) return shownCache;
      const papers = shownCache?.papers ?? collectWithProgress('loading papers', selectListings(db, NO_FILTER, decisions), countPapers(db)).map(shownPaper(db));
      shownCache = { papers, decisions, latestDigest: latestDigest() };
      return shownCache;
    },
    shownPages() {
      const db = current();
      if (!db || seedView() || snapshotCache || shownCache) return null;
      const decisions = readDecisions();
      const papers: LibraryPaper[] = [];
      const read = (limit: number) => {
        const last = papers[papers.length - 1];
        const page = [...selectListings(db, NO_FILTER, decisions, { limit, ...(last ? { after: last.id } : {}) })].map(shownPaper(db));
        papers.push(...page);
        return page.length;
      };
      return {
        first(rows) {
          read(rows);
          return { ...listingSummary(db, decisions), snapshot: { papers: papers.slice(), decisions, latestDigest: latestDigest() } };
        },
        more(rows) {
          // shownSnapshot() may have read them all meanwhile
          if (shownCache) return store.shownSnapshot();
          if (read(rows) === rows) return null;
          shownCache = { papers, decisions, latestDigest: latestDigest() };
          return store.shownSnapshot();
        },
      };
    },
    select(filter) {
      const db = sqlSource();
      if (!db) {
        const snap = store.snapshot();
        return { ...snap, papers: filterPapers(snap, filter) };
      }
      const decisions = readDecisions();
      return { papers: [...selectPapers(db, filter, decisions)], decisions, latestDigest: latestDigest() };
    },
    decisions: () => loadDecisions(),
    decisionFor: (id) => readDecisions().get(id),
    latestDigest,
    idIndex() {
      const db = current();
      return db ? { ids: paperIds(db), aliases: new Map(aliasPairs(db)) } : { ids: [], aliases: new Map() };
    },
    mark() {
      const db = seedView() ? null : current();
      return db ? lastPaper(db) : { seq: 0, id: null };
    },
    addedSince(mark) {
      const db = current();
      return db ? idsAfter(db, mark) : [];
    },
    resolveId(key) {
      const db = current();
      return db ? resolveKey(db, key) : null;
    },
    cacheGeneration() {
      if (seedView()) return null;
      const db = current();
      return db ? view.memo(db, 'generation', () => (db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get() as string | undefined) ?? null) : null;
    },
    database: () => current(),
    decisionsById: () => readDecisions(),
    papersById(wanted) {
      const db = current();
      return db ? readPapersById(db, wanted) : [];
    },
    eachPaper(filter = NO_FILTER, range = {}) {
      const db = sqlSource();
      return db ? selectPapers(db, filter, readDecisions(), range) : inMemory(filter, range);
    },
    paperJson(filter = NO_FILTER, range = {}) {
      const db = sqlSource();
      return db ? selectPaperJson(db, filter, readDecisions(), range) : inMemory(filter, range).map(paperJsonOf);
    },
    paperJsonChunks(filter, range, decisions) {
      const db = sqlSource();
      const whole = isNoFilter(filter) && range.limit === undefined && range.offset === undefined && range.after === undefined && range.sort === undefined;
      if (db && whole && !db.memory && worthTwoThreads(diskCount())) return parallelJsonChunks(db, decisions, { workerFile: jsonWorkerPath() });
      return recordChunks(store.paperJson(filter, range), closesOf(decisions));
    },
    listings(filter = NO_FILTER, range = {}) {
      const db = sqlSource();
      return db ? selectListings(db, filter, readDecisions(), range) : inMemory(filter, range);
    },
    hasDigest(digest) {
      const db = diskDb();
      if (!db || !db.prepare('SELECT 1 FROM digests WHERE hash = ?').pluck().get(digest)) return null;
      return readMeta(dir, digest);
    },
    importDigest: (d, run) =>
      withLock(dir, () => {
        seed = null;
        return importLocked(d, run);
      }),
    forget(digest) {
      return withLock(dir, () => {
        const outcome = forgetDigest(dir, disk, digest, derivedOptions);
        if (!outcome) return null;
        disk = outcome.derived;
        canonical = tableView = snapshotCache = shownCache = null;
        return { digest: outcome.meta, removed: outcome.removed };
      });
    },
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
          const from = decisionsFile.version()!.hash;
          decisionsFile.write(inverse.next);
          tablesAfterWrite(from, new Map(inverse.changed.map((k) => [k, inverse.next.get(k) ?? null])), decisionsFile.version()!);
        }
        writeJournal(paths.journal, journal, paths.backup);
        const changed = new Set(inverse.changed.map((key) => aliases().get(key) ?? key));
        return { summary: describeUndo(entry, inverse), changed: [...changed].sort(compareCodeUnits) };
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

/** A paper as the UI shows it: its abstract read from `db` when first asked for. */
const shownPaper = (db: Database) => (paper: PaperListing) => withLazyAbstract(paper, () => readAbstract(db, paper.id));

/** A paper whose abstract is read when first asked for (and can be set, as any paper's). */
function withLazyAbstract(paper: PaperListing, read: () => string): LibraryPaper {
  let text: string | undefined;
  Object.defineProperty(paper, 'abstract', {
    enumerable: true,
    configurable: true,
    get: () => (text ??= read()),
    set: (value: string) => {
      text = value;
    },
  });
  return paper as LibraryPaper;
}

/** Values derived from a database, kept while its content is unchanged (SQLite's data_version, plus this connection's own commits). */
function viewCache(onChange: () => void) {
  let seen: { db: Database; version: string } | null = null;
  let values = new Map<string, unknown>();
  const versionOf = (db: Database) => `${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`;
  const check = (db: Database): void => {
    const version = versionOf(db);
    if (seen && seen.db === db && seen.version === version) return;
    seen = { db, version };
    values = new Map();
    onChange();
  };
  return {
    check,
    memo<T>(db: Database, key: string, compute: () => T): T {
      check(db);
      if (!values.has(key)) values.set(key, compute());
      return values.get(key) as T;
    },
  };
}

/** Two decisions about one paper (one kept under an alias): tags unioned, earlier time kept; the preferred side's note. */
