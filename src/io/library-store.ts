// The library on disk: the LibraryHandle the cli and the ui use, plus import and look-ups.
//
// <dir>/
//   decisions.yaml            the user's tags and notes (source of truth; core/decisions.ts)
//   digests/<sha256>.txt      every imported digest, byte for byte (source of truth for papers)
//   digests/<sha256>.json     how each was read (file name, time, format, year, order, ids given)
//   cache/papers.db           derived: papers, digests, sightings and the search index (io/db/),
//                             rebuilt from the digests when missing, damaged or of another version
//   cache/decisions.json      derived: decisions.yaml parsed (keyed by its sha256)
//   state/journal.json        the undo journal (last 200 changes)
//   state/last-listing.json   ids of the rows of the last `papers list`, for `papers tag 3`
//   backup/<file>             the previous version of every file written
//   lock                      held while writing ({pid, host, time})
//
// Every write is atomic (io/atomic.ts, or one SQLite transaction) and made under the lock
// (io/lock.ts) after re-reading what it modifies, so concurrent processes never lose an update.
// Reads take no lock. Everything here is synchronous on purpose: a change is on disk when the
// call returns.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, usageError } from '../core/errors.js';
import { byCodePoint, emptyDecision, isEmptyDecision, parseDecisions, sameDecision, serializeDecisions, tagNameProblem, type Decisions } from '../core/decisions.js';
import { filterPapers, matchesFilter, requiredUserTags, type PaperFilter } from '../core/filter.js';
import type { ChangeResult, Decision, LibraryHandle, LibraryPaper, Snapshot } from '../core/library.js';
import type { ParseOptions, ParseResult } from '../core/model.js';
import type { IdIndex, LastListing } from '../core/refs.js';
import { removeOrphanTemps, writeFileAtomic } from './atomic.js';
import { readMeta, sha256, type DigestMeta } from './digest-store.js';
import { withLock as withDirLock } from './lock.js';
import { reportProgress } from './progress-hook.js';
import type { Database } from './db/connection.js';
import type { DigestReader } from './db/build.js';
import { openDerived, openDerivedLocked, type Derived } from './db/open.js';
import { forgetDigest, importParsed, seedDatabase, type ImportOutcome, type ImportRun } from './db/import.js';
import { aliasesOfId as aliasesInDb, aliasPairs, countPapers, iteratePapers, latestRun, paperIds, readPapersById, resolveAlias, resolveKey } from './db/read.js';

export type { DigestMeta, ImportOutcome, ImportRun };

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
  /** Every paper in library order, one at a time (for streaming output). */
  eachPaper(): Iterable<LibraryPaper>;
  /** The papers passing the filter; reads only the candidates when the filter names a user tag. */
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
}

export interface OpenOptions {
  /** The bundled seed: shown while the library is empty, imported for real at the first change. */
  seed?: () => ParsedDigest;
  now?: () => Date;
  /** The parser kept digests are re-read with (a test stands in a later one). */
  read?: DigestReader;
  /** One line for the user about the store (a damaged database being rebuilt); stderr by default. */
  notice?: (line: string) => void;
}

export interface JournalEntry {
  at: string;
  summary: string;
  /** Raw decision keys -> their value before / after the change (null: no entry). */
  before: Record<string, Decision | null>;
  after: Record<string, Decision | null>;
}

const JOURNAL_LIMIT = 200;
const JOURNAL_BYTES = 8 << 20;

/** The newest JOURNAL_LIMIT entries, fewer when they would pass JOURNAL_BYTES (the newest always kept). */
function journalText(entries: readonly JournalEntry[]): string {
  const kept: string[] = [];
  let bytes = 0;
  for (let i = entries.length - 1; i >= 0 && kept.length < JOURNAL_LIMIT; i--) {
    const json = JSON.stringify(entries[i]);
    if (kept.length > 0 && bytes + json.length > JOURNAL_BYTES) break;
    kept.push(json);
    bytes += json.length;
  }
  return `{"entries":[\n${kept.reverse().join(',\n')}\n]}\n`;
}

export function openLibrary(dir: string, options: OpenOptions = {}): LibraryStore {
  const now = options.now ?? (() => new Date());
  const paths = {
    decisions: join(dir, 'decisions.yaml'),
    decisionsCache: join(dir, 'cache', 'decisions.json'),
    journal: join(dir, 'state', 'journal.json'),
    listing: join(dir, 'state', 'last-listing.json'),
    backup: join(dir, 'backup'),
  };

  /** The library lock; the first time, also sweeps temp files left by killed writers. */
  let swept = false;
  function withLock<T>(lockDir: string, fn: () => T): T {
    return withDirLock(lockDir, () => {
      if (!swept) {
        swept = true;
        removeOrphanTemps([dir, join(dir, 'cache'), join(dir, 'state'), join(dir, 'digests'), paths.backup]);
      }
      return fn();
    });
  }

  // ---- papers ---------------------------------------------------------------------------------
  const derivedOptions = { read: options.read, notice: options.notice };
  let disk: Derived | null = openDerived(dir, derivedOptions);
  let seed: { digest: ParsedDigest; db: Database } | null = null;
  const view = viewCache(() => {
    canonical = snapshotCache = null;
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
      seed = { digest, db: seedDatabase(digest, now().toISOString()) };
    }
    return seed;
  }

  /** The database papers are read from: the seed's while it is shown. */
  function shown(): Database | null {
    return seedView()?.db ?? diskDb();
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
    const db = current();
    return { get: (key: string) => (db ? view.memo(db, `alias:${key}`, () => resolveAlias(db, key) ?? undefined) : undefined) };
  }

  function aliasesOfId(id: string): string[] {
    const db = current();
    return db ? aliasesInDb(db, id) : [];
  }

  // ---- decisions ------------------------------------------------------------------------------
  let raw: { decisions: Decisions; hash: string; stamp: string } | null = null;
  let canonical: Map<string, Decision> | null = null;
  let snapshotCache: Snapshot | null = null;

  function stampOf(): string {
    try {
      const s = statSync(paths.decisions, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return 'missing';
    }
  }

  /** Reads decisions.yaml if it changed since last read; throws a file:line:column error when it is invalid. */
  function loadDecisions(force = false): Decisions {
    const stamp = stampOf();
    if (raw && !force && raw.stamp === stamp) return raw.decisions;
    let bytes: Buffer;
    try {
      bytes = readFileSync(paths.decisions);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw inputError(`${paths.decisions}: cannot be read (${(e as NodeJS.ErrnoException).code}); check its permissions`);
      if (raw?.hash !== '') canonical = snapshotCache = null;
      raw = { decisions: new Map(), hash: '', stamp };
      return raw.decisions;
    }
    const hash = sha256(bytes);
    if (raw && raw.hash === hash) {
      raw.stamp = stamp;
      return raw.decisions;
    }
    canonical = snapshotCache = null;
    const cached = readDecisionsCache(hash);
    if (cached) {
      raw = { decisions: cached, hash, stamp };
      return cached;
    }
    const parsed = parseDecisions(bytes.toString('utf8'));
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      throw inputError(`${paths.decisions}:${line}:${column}: ${message}; fix the file by hand (papers will not change it while it is invalid; its last version written by papers is in ${join(paths.backup, 'decisions.yaml')})`);
    }
    raw = { decisions: parsed.decisions, hash, stamp };
    try {
      writeFileAtomic(paths.decisionsCache, JSON.stringify({ hash, decisions: [...parsed.decisions] }), { durable: false });
    } catch {
      // A cache we cannot write only costs time.
    }
    return parsed.decisions;
  }

  function readDecisionsCache(hash: string): Decisions | null {
    try {
      const cache = JSON.parse(readFileSync(paths.decisionsCache, 'utf8')) as { hash: string; decisions: Array<[string, Decision]> };
      return cache.hash === hash ? new Map(cache.decisions) : null;
    } catch {
      return null;
    }
  }

  /** Decisions keyed by paper id: entries under an alias are moved to the paper's id (and merged). */
  function canonicalDecisions(): Map<string, Decision> {
    const decisions = loadDecisions();
    if (canonical) return canonical;
    const map = new Map<string, Decision>();
    const alias = aliases();
    for (const [key, d] of decisions) {
      const id = alias.get(key) ?? key;
      const prev = map.get(id);
      map.set(id, prev ? combine(prev, d, key === id) : d);
    }
    canonical = map;
    return map;
  }

  // ---- changes --------------------------------------------------------------------------------
  function readJournal(): JournalEntry[] {
    try {
      const j = JSON.parse(readFileSync(paths.journal, 'utf8')) as { entries: JournalEntry[] };
      return Array.isArray(j.entries) ? j.entries : [];
    } catch {
      return [];
    }
  }

  function writeDecisions(next: Decisions): void {
    const text = serializeDecisions(next);
    writeFileAtomic(paths.decisions, text, { backupDir: paths.backup });
    const hash = sha256(text);
    raw = { decisions: next, hash, stamp: stampOf() };
    canonical = snapshotCache = null;
    try {
      writeFileAtomic(paths.decisionsCache, JSON.stringify({ hash, decisions: [...next] }), { durable: false });
    } catch {
      /* only costs time */
    }
  }

  /**
   * Commits the shown seed as a real import, so a decision about a seed paper has its paper.
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
    canonical = snapshotCache = null;
  }

  /**
   * Applies `edit` to the decisions of the given papers under the lock: re-reads the file, edits
   * the entries (folding entries kept under an alias into the paper's id), journals before/after,
   * writes. `edit` returns the new decision, or the old one to leave it.
   */
  function change(ids: readonly string[], edit: (id: string, before: Decision) => Decision, summary: (changed: string[]) => string): ChangeResult {
    return withLock(dir, () => {
      // Re-read under the lock (what another process wrote since is kept): the stamp (inode, size,
      // mtime in ns) changes with every atomic replace and every edit. An invalid file stops here.
      loadDecisions();
      commitSeedLocked();
      const current = loadDecisions();
      const next: Decisions = new Map(current);
      const before: Record<string, Decision | null> = {};
      const after: Record<string, Decision | null> = {};
      const changed: string[] = [];
      for (const id of ids) {
        const keys = [id, ...aliasesOfId(id)].filter((k) => k === id || next.has(k));
        let merged: Decision | null = null;
        for (const k of keys) {
          const d = next.get(k);
          if (d) merged = merged ? combine(merged, d, k === id) : d;
        }
        const old = merged ?? emptyDecision();
        const updated = edit(id, old);
        if (sameDecision(old, updated) && keys.every((k) => k === id || !next.has(k))) continue;
        for (const k of keys) {
          if (!(k in before)) before[k] = current.get(k) ?? null;
          next.delete(k);
        }
        if (!isEmptyDecision(updated)) next.set(id, updated);
        for (const k of keys) after[k] = next.get(k) ?? null;
        if (!sameDecision(old, updated)) changed.push(id);
      }
      const text = summary(changed);
      if (Object.keys(before).length === 0) return { summary: text, changed };
      const journal = readJournal();
      journal.push({ at: now().toISOString(), summary: text, before, after });
      writeFileAtomic(paths.journal, journalText(journal), { backupDir: paths.backup });
      writeDecisions(next);
      return { summary: text, changed };
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
    canonical = snapshotCache = null;
    return outcome.outcome;
  }

  // ---- the handle -----------------------------------------------------------------------------
  const store: LibraryStore = {
    dir,
    decisionsPath: paths.decisions,
    get origin() {
      return seedView() ? `seed (your library ${dir} is empty)` : `library ${dir}`;
    },
    count: diskCount,
    showingSeed: () => seedView() !== null,
    snapshot() {
      const db = current();
      const decisions = canonicalDecisions();
      if (snapshotCache && snapshotCache.decisions === decisions) return snapshotCache;
      snapshotCache = { papers: db ? loadAll(db) : [], decisions, latestDigest: latestDigest() };
      return snapshotCache;
    },
    select(filter) {
      const required = requiredUserTags(filter);
      const db = current();
      const decisions = canonicalDecisions();
      if (required.length === 0 || !db || snapshotCache) {
        const snap = store.snapshot();
        return { ...snap, papers: filterPapers(snap, filter) };
      }
      const wanted: string[] = [];
      for (const [id, d] of decisions) if (required.every((t) => t in d.tags)) wanted.push(id);
      const latest = latestDigest();
      const order = new Map(paperIds(db).map((id, i) => [id, i]));
      const papers = readPapersById(db, wanted)
        .filter((p) => matchesFilter(p, decisions.get(p.id), latest, filter))
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      return { papers, decisions, latestDigest: latest };
    },
    decisions: () => loadDecisions(),
    decisionFor: (id) => canonicalDecisions().get(id),
    latestDigest,
    idIndex() {
      const db = current();
      return db ? { ids: paperIds(db), aliases: new Map(aliasPairs(db)) } : { ids: [], aliases: new Map() };
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
    decisionsById: () => canonicalDecisions(),
    papersById(wanted) {
      const db = current();
      return db ? readPapersById(db, wanted) : [];
    },
    eachPaper() {
      const db = current();
      return db ? iteratePapers(db) : [];
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
        canonical = snapshotCache = null;
        return { digest: outcome.meta, removed: outcome.removed };
      });
    },
    async tag(ids, add, remove) {
      checkTags([...add, ...remove]);
      const stamp = now().toISOString();
      const words = [...add.map((t) => `+${t}`), ...remove.map((t) => `-${t}`)].join(' ');
      return change(
        ids,
        (_id, before) => {
          const tags = { ...before.tags };
          for (const t of remove) delete tags[t];
          for (const t of add) tags[t] ??= stamp;
          return { ...before, tags };
        },
        (changed) => (changed.length === 0 ? `nothing to change: ${ids.length === 1 ? 'the paper is' : `the ${ids.length} papers are`} already ${words}` : `tagged ${changed.length} paper${changed.length === 1 ? '' : 's'} ${words}`),
      );
    },
    async setNote(id, text) {
      const value = text === null || text.trim() === '' ? null : text;
      return change(
        [id],
        (_id, before) => ({ ...before, note: value === null ? null : before.note?.text === value ? before.note : { text: value, at: now().toISOString() } }),
        (changed) => (changed.length === 0 ? `nothing to change: ${value === null ? `${id} has no note` : `${id} already has this note`}` : value === null ? `removed the note of ${id}` : `noted ${id}`),
      );
    },
    async undo() {
      return withLock(dir, () => {
        const journal = readJournal();
        const entry = journal.pop();
        if (!entry) return null;
        const next: Decisions = new Map(loadDecisions());
        const changed = new Set<string>();
        for (const [key, value] of Object.entries(entry.before)) {
          if (value === null || isEmptyDecision(value)) next.delete(key);
          else next.set(key, value);
          changed.add(aliases().get(key) ?? key);
        }
        writeFileAtomic(paths.journal, journalText(journal), { backupDir: paths.backup });
        writeDecisions(next);
        return { summary: `undid: ${entry.summary}`, changed: [...changed].sort(byCodePoint) };
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
    history: (limit = 20) => readJournal().slice(-limit).reverse(),
  };
  return store;
}

/** Every paper, with a progress bar on a terminal when it takes a while. */
function loadAll(db: Database): LibraryPaper[] {
  const papers: LibraryPaper[] = [];
  const progress = reportProgress('loading papers', countPapers(db));
  try {
    for (const p of iteratePapers(db)) {
      papers.push(p);
      progress.tick();
    }
  } finally {
    progress.done();
  }
  return papers;
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
function combine(a: Decision, b: Decision, preferB: boolean): Decision {
  const tags = { ...a.tags };
  for (const [t, at] of Object.entries(b.tags)) if (!(t in tags) || at < tags[t]!) tags[t] = at;
  const note = preferB ? (b.note ?? a.note) : (a.note ?? b.note);
  return { tags, note };
}
