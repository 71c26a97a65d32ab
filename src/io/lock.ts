// One writer at a time per library: a lock file <dir>/lock holding {pid, host, time}, created
// atomically (written as a temp file, then hard-linked into place, which fails if a lock exists).
// A lock whose process is gone (same host, pid not running) or that is older than STALE_MS is
// stale and is broken, under a second tiny lock so two processes never both break it and so
// never remove a fresh lock by mistake. Waits up to PAPERS_LOCK_WAIT_MS (default 5 s), then fails
// with a message naming the process that holds it.
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { failure } from '../core/errors.js';
import { pidAlive, sleepSync } from './atomic.js';

export interface LockInfo {
  pid: number;
  host: string;
  time: string;
}

const STALE_MS = 10 * 60_000;
const BREAKER_STALE_MS = 5_000;

export function lockPath(dir: string): string {
  return join(dir, 'lock');
}

function waitLimit(): number {
  const v = Number(process.env.PAPERS_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 5_000;
}

export function readLock(dir: string): { info: LockInfo | null; raw: string; mtimeMs: number } | null {
  const path = lockPath(dir);
  try {
    const raw = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    let info: LockInfo | null = null;
    try {
      const v = JSON.parse(raw) as Partial<LockInfo>;
      if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.time === 'string') info = { pid: v.pid, host: v.host, time: v.time };
    } catch {
      info = null;
    }
    return { info, raw, mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}


/** Why a lock is stale, or null when its holder may still be running. */
export function staleReason(lock: { info: LockInfo | null; mtimeMs: number }, now = Date.now()): string | null {
  if (now - lock.mtimeMs > STALE_MS) return 'it is older than 10 minutes';
  if (lock.info === null) return now - lock.mtimeMs > BREAKER_STALE_MS ? 'it is unreadable' : null;
  if (lock.info.host === hostname() && !pidAlive(lock.info.pid)) return `process ${lock.info.pid} is gone`;
  return null;
}

let tmpCounter = 0;
/** Creates `path` holding `content`, atomically; false when it already exists. */
function createExclusive(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${(tmpCounter++).toString(36)}.tmp`;
  writeFileSync(tmp, content);
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') return createWithFlag(path, content);
    throw e;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* gone */
    }
  }
}

/** Fallback where hard links are not allowed: O_EXCL create (a reader may briefly see it empty). */
function createWithFlag(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  writeSync(fd, content);
  closeSync(fd);
  return true;
}

function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* gone */
  }
}

/** Removes a stale lock if it is still the same one we judged stale; false when another process is breaking it. */
function breakStale(dir: string, judgedRaw: string): boolean {
  const breaker = `${lockPath(dir)}.break`;
  if (!createExclusive(breaker, String(process.pid))) {
    try {
      if (Date.now() - statSync(breaker).mtimeMs > BREAKER_STALE_MS) unlinkQuiet(breaker);
    } catch {
      /* gone */
    }
    return false;
  }
  try {
    const now = readLock(dir);
    if (now && now.raw === judgedRaw) unlinkSync(lockPath(dir));
  } finally {
    unlinkQuiet(breaker);
  }
  return true;
}

function describeHolder(lock: { info: LockInfo | null } | null): string {
  if (!lock?.info) return 'another papers process';
  return `papers process ${lock.info.pid} on ${lock.info.host} (since ${lock.info.time})`;
}

export type Release = () => void;

/** Takes the library lock, waiting briefly; throws a user-facing failure when it stays held. */
export function acquireLock(dir: string): Release {
  mkdirSync(dir, { recursive: true });
  const path = lockPath(dir);
  const content = JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString() } satisfies LockInfo);
  const deadline = Date.now() + waitLimit();
  let pause = 5;
  for (;;) {
    if (createExclusive(path, content)) {
      return () => {
        const now = readLock(dir);
        if (now && now.raw === content) unlinkQuiet(path);
      };
    }
    const held = readLock(dir);
    if (held && staleReason(held) !== null && breakStale(dir, held.raw)) continue;
    if (Date.now() >= deadline) {
      throw failure(`the library ${dir} is in use by ${describeHolder(held)}; try again when it has finished (if no papers is running, remove ${path})`);
    }
    sleepSync(pause + Math.floor(Math.random() * pause));
    pause = Math.min(50, pause * 2);
  }
}

export function withLock<T>(dir: string, fn: () => T): T {
  const release = acquireLock(dir);
  try {
    return fn();
  } finally {
    release();
  }
}
