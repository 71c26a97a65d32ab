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
import { parseDecisions, readOwnLayout, reserializeDecisions, serializeDecisions, type Decisions, type DecisionsError } from '../core/decisions.js';
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
  version(): { hash: string; stamp: string } | null;
}

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

export function openDecisionsFile(dir: string, warn: (line: string) => void = () => {}): DecisionsFile {
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

  /** hashed: the file's bytes must be hashed (before a write: a stamp can miss an in-place rewrite within one clock tick). */
  function load(hashed: boolean): Loaded {
    const stamp = stampOf();
    if (loaded && loaded.stamp === stamp && !(hashed && loaded.unhashed)) return loaded;
    const byStamp = hashed || stamp === 'missing' ? null : readCache(cachePath);
    if (byStamp && byStamp.stamp === stamp) return (loaded = { decisions: byStamp.decisions, hash: byStamp.hash, stamp, error: null, unhashed: true, canonical: byStamp.canonical ? 'on-disk' : null });
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw asDiskError(e, path, 'read');
      if (loaded?.hash === '') return Object.assign(loaded, { stamp });
      return (loaded = { decisions: new Map(), hash: '', stamp, error: null, unhashed: false, canonical: null });
    }
    const hash = sha256(bytes);
    if (loaded && loaded.hash === hash) {
      return Object.assign(loaded, { stamp, unhashed: false });
    }
    const cached = byStamp ?? readCache(cachePath);
    if (cached && cached.hash === hash) {
      writeCache(cachePath, { ...cached, stamp }); // the same content under a new stamp (a copy, a touch)
      return (loaded = { decisions: cached.decisions, hash, stamp, error: null, unhashed: false, canonical: cached.canonical ? bytes : null });
    }
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
      if (mode === 'strict') throw inputError(problemLine(now.error));
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
      return loaded && loaded.error === null && loaded.hash !== '' ? { hash: loaded.hash, stamp: loaded.stamp } : null;
    },
  };
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
