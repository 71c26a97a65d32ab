// decisions.yaml on disk: the user's tags and notes, the one source of truth papers must never
// lose. Read when it changed (its stamp: inode, size, mtime and ctime in ns), parsed once per
// content (cache/decisions.json keeps the parse, keyed by the file's sha256; a run that finds the
// file with the stamp the cache recorded reads neither the file nor its hash), written atomically
// with a copy of the version it replaces in backup/decisions.yaml (io/atomic.ts).
//
// An invalid file (a hand edit gone wrong) stops every write with its file:line:column; reads go
// on without the decisions, after one warning line, so the papers can still be listed and searched.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../core/errors.js';
import { parseDecisions, readOwnLayout, reserializeDecisions, serializeDecisions, spliceDecisions, type Decisions, type DecisionsError } from '../core/decisions.js';
import { tagSpellings } from '../core/tags.js';
import type { DecisionEntries } from './db/decision-table.js';
import type { Decision } from '../core/library.js';
import { asDiskError, writeFileAtomic } from './atomic.js';
import { sha256 } from './digest-store.js';
import { yaml } from './yaml.js';

interface DecisionsFile {
  readonly path: string;
  /**
   * The decisions as the file holds them now. strict (before a write): an invalid file throws its
   * file:line:column error. lenient (for reads): an invalid file gives no decisions and one warning.
   * The same Map is returned until the file changes.
   */
  read(mode: 'strict' | 'lenient'): Decisions;
  /** Replaces the file with these decisions (papers' own layout, core/decisions.ts). */
  write(next: Decisions): void;
  /** The file's stamp now (one stat): 'missing' when there is no file. */
  stamp(): string;
  /** The hash and stamp of what read or write saw last; null before them, or when the file was missing or invalid. */
  version(): { hash: string; stamp: string; canonical: boolean } | null;
  /**
   * What a change starts from, under the lock: the file's bytes hashed, then its decisions read
   * entry by entry from the database's tables when they hold that version in papers' own layout,
   * else the whole file's (as read('strict')).
   */
  forChange(): ChangeBase;
  /** Writes the base with these entries changed (null: the key leaves the file); the version written. */
  writeChange(base: ChangeBase, changes: ReadonlyMap<string, Decision | null>): { hash: string; stamp: string; canonical: boolean };
}

/** The decisions before a change, as a change reads them: by key. */
interface ChangeBase {
  get(key: string): Decision | undefined;
  /** The first-written spelling of each of these tag keys the decisions hold (core/tags.ts tagSpellings). */
  spellings(keys: ReadonlySet<string>): Map<string, string>;
  /** The hash of the file the base was read from. */
  readonly hash: string;
}

type Base = ChangeBase & ({ map: Decisions } | { entries: DecisionEntries; text: string });

interface Loaded {
  decisions: Decisions;
  hash: string;
  stamp: string;
  error: DecisionsError | null;
  /** Taken on the cache's word that the file's stamp is unchanged: its bytes were not hashed. */
  unhashed: boolean;
  /**
   * The file's bytes, when they are serializeDecisions(decisions): a write then rewrites only the
   * blocks it changes. 'on-disk': so says the cache, whose stamp matched; read when a write needs them.
   */
  canonical: Buffer | 'on-disk' | null;
}

interface Cache {
  hash: string;
  /** The file's stamp when the cache was written; absent in caches of earlier versions. */
  stamp?: string;
  decisions: Decisions;
  /** The file was papers' own serialization of the decisions (written by papers, or checked). */
  canonical: boolean;
}

/**
 * tables: the database's copy of the file (io/db/decision-table.ts) when there is one, for
 * changes that read a few entries of a large file.
 */
export function openDecisionsFile(dir: string, warn: (line: string) => void = () => {}, tables: (hash: string) => DecisionEntries | null = () => null): DecisionsFile {
  const path = join(dir, 'decisions.yaml');
  const cachePath = join(dir, 'cache', 'decisions.json');
  const backupDir = join(dir, 'backup');
  let loaded: Loaded | null = null;
  let warnedFor: string | null = null;

  function stampOf(): string {
    try {
      const s = statSync(path, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return 'missing';
    }
  }

  /** The file's bytes; null when there is no file. */
  function fileBytes(): Buffer | null {
    try {
      return readFileSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw asDiskError(e, path, 'read');
      return null;
    }
  }

  /**
   * hashed: the file's bytes must be hashed (before a write: a stamp can miss an in-place rewrite
   * within one clock tick). read: the file as the caller has just read it (then hashed).
   */
  function load(hashed: boolean, read?: { stamp: string; bytes: Buffer; hash: string }): Loaded {
    const stamp = read?.stamp ?? stampOf();
    if (!read && loaded && loaded.stamp === stamp && !(hashed && loaded.unhashed)) return loaded;
    const byStamp = hashed || stamp === 'missing' ? null : readCache(cachePath);
    if (byStamp && byStamp.stamp === stamp) return (loaded = { decisions: byStamp.decisions, hash: byStamp.hash, stamp, error: null, unhashed: true, canonical: byStamp.canonical ? 'on-disk' : null });
    const bytes = read?.bytes ?? fileBytes();
    if (bytes === null) {
      if (loaded?.hash === '') return Object.assign(loaded, { stamp });
      return (loaded = { decisions: new Map(), hash: '', stamp, error: null, unhashed: false, canonical: null });
    }
    const hash = read?.hash ?? sha256(bytes);
    if (loaded && loaded.hash === hash) {
      return Object.assign(loaded, { stamp, unhashed: false });
    }
    const cached = byStamp ?? readCache(cachePath);
    if (cached && cached.hash === hash) {
      writeCache(cachePath, { ...cached, stamp }); // the same content under a new stamp (a copy, a touch)
      return (loaded = { decisions: cached.decisions, hash, stamp, error: null, unhashed: false, canonical: cached.canonical ? bytes : null });
    }
    // written by a change that read the tables: they hold this version
    const entries = tables(hash);
    if (entries) return (loaded = { decisions: entries.all(), hash, stamp, error: null, unhashed: false, canonical: bytes });
    const text = bytes.toString('utf8');
    // papers' own layout is read as it is written; only a hand edit needs the YAML library
    const own = readOwnLayout(text);
    const parsed = own ? { ok: true as const, decisions: own } : parseDecisions(yaml, text);
    if (!parsed.ok) return (loaded = { decisions: new Map(), hash, stamp, error: parsed.error, unhashed: false, canonical: null });
    const canonical = own !== null;
    writeCache(cachePath, { hash, stamp, decisions: parsed.decisions, canonical });
    return (loaded = { decisions: parsed.decisions, hash, stamp, error: null, unhashed: false, canonical: canonical ? bytes : null });
  }

  function problemLine(error: DecisionsError): string {
    const backup = existsSync(join(backupDir, 'decisions.yaml')) ? `; ${join(backupDir, 'decisions.yaml')} holds the version papers' last change replaced` : '';
    return `${path}:${error.line}:${error.column}: ${error.message}; fix the file by hand (papers will not change it while it is invalid${backup})`;
  }

  /** The decisions loaded, or the error that stops a write. */
  function strict(now: Loaded): Decisions {
    if (now.error !== null) throw inputError(problemLine(now.error));
    return now.decisions;
  }

  /** The file's text when it is papers' own layout of what was read, else null. */
  function canonicalText(from: Loaded): string | null {
    if (from.canonical === null) return null;
    if (from.canonical !== 'on-disk') return from.canonical.toString('utf8');
    const bytes = readFileSync(path);
    return sha256(bytes) === from.hash ? bytes.toString('utf8') : null;
  }

  return {
    path,
    read(mode) {
      const now = load(mode === 'strict');
      if (now.error === null) return now.decisions;
      if (mode === 'strict') return strict(now);
      if (warnedFor !== now.hash) {
        warnedFor = now.hash;
        warn(`warning: ${problemLine(now.error)}; showing the papers without your decisions until it is fixed`);
      }
      return now.decisions;
    },
    write(next) {
      // what was read last is what the file holds: the writes are made under the lock after a strict read
      const canonical = loaded ? canonicalText(loaded) : null;
      const text = (canonical === null ? null : reserializeDecisions(canonical, loaded!.decisions, next)) ?? serializeDecisions(next);
      const bytes = Buffer.from(text, 'utf8');
      writeFileAtomic(path, bytes, { backupDir });
      const hash = sha256(bytes);
      loaded = { decisions: next, hash, stamp: stampOf(), error: null, unhashed: false, canonical: bytes };
      writeCache(cachePath, { hash, stamp: loaded.stamp, decisions: next, canonical: true });
    },
    stamp: stampOf,
    version() {
      return loaded && loaded.error === null && loaded.hash !== '' ? { hash: loaded.hash, stamp: loaded.stamp, canonical: loaded.canonical !== null } : null;
    },
    forChange() {
      const stamp = stampOf();
      // what this process read last is the file still: its decisions are in memory
      const bytes = loaded && loaded.stamp === stamp && !loaded.unhashed ? null : fileBytes();
      const hash = bytes && sha256(bytes);
      const entries = bytes && hash !== loaded?.hash ? tables(hash!) : null;
      if (entries) return { hash: hash!, entries, text: bytes!.toString('utf8'), get: (key) => entries.get(key), spellings: (keys) => entries.spellings(keys) } satisfies Base;
      const map = strict(bytes ? load(true, { stamp, bytes, hash: hash! }) : load(true));
      return { hash: loaded!.hash, map, get: (key) => map.get(key), spellings: (keys) => tagSpellings(map.values(), keys) } satisfies Base;
    },
    writeChange(given, changes) {
      const base = given as Base;
      if ('map' in base) {
        this.write(withChanges(base.map, changes));
        return this.version()!;
      }
      const text = spliceDecisions(base.text, changes, base.entries) ?? serializeDecisions(withChanges(base.entries.all(), changes));
      const bytes = Buffer.from(text, 'utf8');
      writeFileAtomic(path, bytes, { backupDir });
      // The tables are the parse of this version once the caller brings them up to date; the
      // decisions cache still holds an older one, and a read that needs every entry reads them.
      loaded = null;
      return { hash: sha256(bytes), stamp: stampOf(), canonical: true };
    },
  };
}

/** The decisions with these entries changed (null: the key leaves). */
function withChanges(decisions: ReadonlyMap<string, Decision>, changes: ReadonlyMap<string, Decision | null>): Decisions {
  const next: Decisions = new Map(decisions);
  for (const [key, d] of changes) {
    next.delete(key);
    if (d !== null) next.set(key, d);
  }
  return next;
}

function readCache(cachePath: string): Cache | null {
  try {
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { hash: string; stamp?: string; canonical?: boolean; decisions: Array<[string, Decision]> };
    if (typeof cache.hash !== 'string') return null;
    return { hash: cache.hash, stamp: typeof cache.stamp === 'string' ? cache.stamp : undefined, decisions: new Map(cache.decisions), canonical: cache.canonical === true };
  } catch {
    return null;
  }
}

/** A cache that cannot be written (a read-only or full disk) only costs time: skipped silently. */
function writeCache(cachePath: string, cache: Cache): void {
  try {
    writeFileAtomic(cachePath, JSON.stringify({ hash: cache.hash, stamp: cache.stamp, canonical: cache.canonical, decisions: [...cache.decisions] }), { durable: false });
  } catch {
    /* only costs time */
  }
}
