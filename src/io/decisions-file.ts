// decisions.yaml on disk: the user's tags and notes, the one source of truth papers must never
// lose. Read when it changed (its stamp: inode, size, mtime and ctime in ns), parsed once per
// content (cache/decisions.json keeps the parse, keyed by the file's sha256), written atomically
// with a copy of the version it replaces in backup/decisions.yaml (io/atomic.ts).
//
// An invalid file (a hand edit gone wrong) stops every write with its file:line:column; reads go
// on without the decisions, after one warning line, so the papers can still be listed and searched.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../core/errors.js';
import { parseDecisions, reserializeDecisions, serializeDecisions, type Decisions, type DecisionsError } from '../core/decisions.js';
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
}

interface Loaded {
  decisions: Decisions;
  hash: string;
  stamp: string;
  error: DecisionsError | null;
  /** The file's bytes, when they are serializeDecisions(decisions): a write then rewrites only the blocks it changes. */
  canonical: Buffer | null;
}

interface Cache {
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

  function load(): Loaded {
    const stamp = stampOf();
    if (loaded && loaded.stamp === stamp) return loaded;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw asDiskError(e, path, 'read');
      if (loaded?.hash === '') return Object.assign(loaded, { stamp });
      return (loaded = { decisions: new Map(), hash: '', stamp, error: null, canonical: null });
    }
    const hash = sha256(bytes);
    if (loaded && loaded.hash === hash) {
      return Object.assign(loaded, { stamp });
    }
    const cached = readCache(cachePath, hash);
    if (cached) return (loaded = { decisions: cached.decisions, hash, stamp, error: null, canonical: cached.canonical ? bytes : null });
    const text = bytes.toString('utf8');
    const parsed = parseDecisions(yaml(), text);
    if (!parsed.ok) return (loaded = { decisions: new Map(), hash, stamp, error: parsed.error, canonical: null });
    const canonical = serializeDecisions(parsed.decisions) === text;
    writeCache(cachePath, hash, { decisions: parsed.decisions, canonical });
    return (loaded = { decisions: parsed.decisions, hash, stamp, error: null, canonical: canonical ? bytes : null });
  }

  function problemLine(error: DecisionsError): string {
    const backup = existsSync(join(backupDir, 'decisions.yaml')) ? `; ${join(backupDir, 'decisions.yaml')} holds the version papers' last change replaced` : '';
    return `${path}:${error.line}:${error.column}: ${error.message}; fix the file by hand (papers will not change it while it is invalid${backup})`;
  }

  return {
    path,
    read(mode) {
      const now = load();
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
      const before = loaded?.canonical ? loaded : null;
      const text = (before && reserializeDecisions(before.canonical!.toString('utf8'), before.decisions, next)) ?? serializeDecisions(next);
      const bytes = Buffer.from(text, 'utf8');
      writeFileAtomic(path, bytes, { backupDir });
      const hash = sha256(bytes);
      loaded = { decisions: next, hash, stamp: stampOf(), error: null, canonical: bytes };
      writeCache(cachePath, hash, { decisions: next, canonical: true });
    },
  };
}

function readCache(cachePath: string, hash: string): Cache | null {
  try {
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { hash: string; canonical?: boolean; decisions: Array<[string, Decision]> };
    return cache.hash === hash ? { decisions: new Map(cache.decisions), canonical: cache.canonical === true } : null;
  } catch {
    return null;
  }
}

/** A cache that cannot be written (a read-only or full disk) only costs time: skipped silently. */
function writeCache(cachePath: string, hash: string, cache: Cache): void {
  try {
    writeFileAtomic(cachePath, JSON.stringify({ hash, canonical: cache.canonical, decisions: [...cache.decisions] }), { durable: false });
  } catch {
    /* only costs time */
  }
}
