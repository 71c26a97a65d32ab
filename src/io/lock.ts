// One writer at a time per library: a lock file <dir>/lock naming its holder, created atomically
// (written as a temp file, then hard-linked into place, which fails if a lock exists).
//
// The holder is identified by pid plus that process's start time (/proc/<pid>/stat) and the boot
// it ran in, so a pid reused by an unrelated program after a crash or a restart is recognised, and
// by a random token it re-checks before it commits (stillHeld). A lock is stale only when its
// holder is provably gone: same host, and the pid is not running, or now belongs to another
// process, or the machine restarted since. Age never makes a lock stale: a paused process or a
// suspended laptop still holds it. A stale lock is broken under a second tiny lock so two
// processes never both break it and so never remove a fresh lock by mistake. Waits up to
// PAPERS_LOCK_WAIT_MS (default 5 s), then fails with a message naming the process that holds it.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { failure } from '../core/errors.js';
import { asDiskError, pidAlive, sleepSync, tempName, unlinkQuiet } from './atomic.js';
import { testHook } from './test-hooks.js';

export interface LockInfo {
  pid: number;
  host: string;
  time: string;
  /** The holder's start time in clock ticks since boot (/proc/<pid>/stat), where the system tells. */
  start?: string;
  /** The boot the holder ran in (/proc/sys/kernel/random/boot_id), where the system tells. */
  boot?: string;
  /** Random: the holder re-reads the lock before it commits and stops unless it still finds this. */
  token?: string;
}

/** An unreadable lock (hand-damaged; or the no-hard-link fallback caught mid-write) is stale after this. */
const UNREADABLE_STALE_MS = 5_000;
const BREAKER_STALE_MS = 5_000;

export function lockPath(dir: string): string {
  return join(dir, 'lock');
}

function waitLimit(): number {
  const v = Number(process.env.PAPERS_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 5_000;
}

/** When process `pid` started, in clock ticks since boot; null where /proc does not tell (or it is gone). */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; starttime is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function readLock(dir: string): { info: LockInfo | null; raw: string; mtimeMs: number } | null {
  const path = lockPath(dir);
  try {
    const raw = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    let info: LockInfo | null = null;
    try {
      const v = JSON.parse(raw) as Partial<LockInfo>;
      if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.time === 'string') {
        info = { pid: v.pid, host: v.host, time: v.time };
        if (typeof v.start === 'string') info.start = v.start;
        if (typeof v.boot === 'string') info.boot = v.boot;
        if (typeof v.token === 'string') info.token = v.token;
      }
    } catch {
      info = null;
    }
    return { info, raw, mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw asDiskError(e, path, 'read');
  }
}

/** Why a lock is stale (its holder is provably gone), or null when its holder may still be running. */
export function staleReason(lock: { info: LockInfo | null; mtimeMs: number }, now = Date.now()): string | null {
  const { info } = lock;
  if (info === null) return now - lock.mtimeMs > UNREADABLE_STALE_MS ? 'it is unreadable' : null;
  if (info.host !== hostname()) return null; // another machine's process: it cannot be checked from here
  const boot = bootId();
  if (info.boot !== undefined && boot !== null && info.boot !== boot) return `it was taken by process ${info.pid} before the machine restarted`;
  if (!pidAlive(info.pid)) return `process ${info.pid} is gone`;
  const start = info.start === undefined ? null : processStart(info.pid);
  if (start !== null && start !== info.start) return `process ${info.pid} is gone (its pid now belongs to another program)`;
  return null;
}

/** Creates `path` holding `content`, atomically; false when it already exists. */
function createExclusive(path: string, content: string): boolean {
  const tmp = tempName(path);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') return createWithFlag(path, content);
    throw e;
  } finally {
    unlinkQuiet(tmp);
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
  try {
    writeSync(fd, content);
  } catch (e) {
    closeSync(fd);
    unlinkQuiet(path);
    throw e;
  }
  closeSync(fd);
  return true;
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

function describeHolder(info: LockInfo | null): string {
  if (!info) return 'another papers process';
  return `papers process ${info.pid} on ${info.host} (since ${info.time})`;
}

interface HeldLock {
  release(): void;
  /** Throws unless the lock file is still this holder's: call before committing a write. */
  stillHeld(): void;
}

/** Takes the library lock, waiting briefly; throws a user-facing failure when it stays held. */
export function acquireLock(dir: string): HeldLock {
  const path = lockPath(dir);
  const info: LockInfo = { pid: process.pid, host: hostname(), time: new Date().toISOString(), token: randomBytes(12).toString('hex') };
  const start = processStart(process.pid);
  const boot = bootId();
  if (start !== null) info.start = start;
  if (boot !== null) info.boot = boot;
  const content = JSON.stringify(info);
  const deadline = Date.now() + waitLimit();
  let pause = 5;
  let waited = false;
  for (;;) {
    let created: boolean;
    try {
      mkdirSync(dir, { recursive: true });
      created = createExclusive(path, content);
    } catch (e) {
      throw asDiskError(e, `${path} (the library's lock)`, 'write');
    }
    if (created) {
      const ours = () => readLock(dir)?.raw === content;
      return {
        release: () => {
          if (ours()) unlinkQuiet(path);
        },
        stillHeld: () => {
          if (!ours()) throw failure(`the lock ${path} was taken from this process while it worked; nothing was written; try again`);
        },
      };
    }
    const held = readLock(dir);
    if (held && staleReason(held) !== null && breakStale(dir, held.raw)) continue;
    if (!waited) {
      waited = true;
      testHook('lock-wait');
    }
    if (Date.now() >= deadline) {
      throw failure(`the library ${dir} is in use by ${describeHolder(held?.info ?? null)}; try again when it has finished (if no papers is running, remove ${path})`);
    }
    sleepSync(pause + Math.floor(Math.random() * pause));
    pause = Math.min(50, pause * 2);
  }
}

/** Runs `fn` holding the library lock; `fn` gets stillHeld to call before it commits. */
export function withLock<T>(dir: string, fn: (stillHeld: () => void) => T): T {
  const lock = acquireLock(dir);
  try {
    return fn(lock.stillHeld);
  } finally {
    lock.release();
  }
}
