// The lock's holder is identified by pid and start time: a reused pid is stale, a live holder never is.
import { readFileSync, utimesSync, writeFileSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockPath, processStart, readLock, staleReason, type LockInfo } from '../../src/io/lock.js';
import { tempDir } from './library-helpers.js';

const ME_START = processStart(process.pid);
const hasProc = ME_START !== null;

function lockOf(info: LockInfo, ageMs = 0) {
  const dir = tempDir();
  writeFileSync(lockPath(dir), JSON.stringify(info));
  const t = (Date.now() - ageMs) / 1000;
  utimesSync(lockPath(dir), t, t);
  return readLock(dir)!;
}

/** A pid that surely ran and ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('lock staleness', () => {
  it.skipIf(!hasProc)('is never stale while its holder runs, however old the lock (a paused process, a suspended laptop)', () => {
    const lock = lockOf({ pid: process.pid, host: hostname(), time: '2020-01-01T00:00:00.000Z', start: ME_START! }, 3 * 3600_000);
    expect(staleReason(lock)).toBeNull();
  });

  it.skipIf(!hasProc)('is stale when its pid now belongs to another process (another start time)', () => {
    const lock = lockOf({ pid: process.pid, host: hostname(), time: new Date().toISOString(), start: String(Number(ME_START) + 12345) });
    expect(staleReason(lock)).toMatch(/pid now belongs to another program/);
  });

  it('is stale when its process is gone', () => {
    const pid = deadPid();
    expect(staleReason(lockOf({ pid, host: hostname(), time: new Date().toISOString() }))).toBe(`process ${pid} is gone`);
  });

  it('is not judged for another host (its process cannot be checked from here)', () => {
    expect(staleReason(lockOf({ pid: deadPid(), host: `${hostname()}-elsewhere`, time: new Date().toISOString() }, 3 * 3600_000))).toBeNull();
  });
});

describe('acquireLock', () => {
  it('names its holder by pid, start time and a token, and leaves no temp file', () => {
    const dir = tempDir();
    const lock = acquireLock(dir);
    const info = JSON.parse(readFileSync(lockPath(dir), 'utf8')) as LockInfo;
    expect(info.pid).toBe(process.pid);
    if (hasProc) expect(info.start).toBe(ME_START);
    expect(info.token).toMatch(/^[0-9a-f]{24}$/);
    expect(readdirSync(dir)).toEqual(['lock']);
    lock.stillHeld();
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stillHeld fails once the lock file is no longer this holder’s', () => {
    const dir = tempDir();
    const lock = acquireLock(dir);
    writeFileSync(lockPath(dir), JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), token: 'someone-else' }));
    expect(() => lock.stillHeld()).toThrow(/was taken from this process/);
    lock.release();
    expect(readFileSync(lockPath(dir), 'utf8')).toContain('someone-else');
  });

  it.skipIf(!hasProc)('takes over a lock whose pid was reused by an unrelated process', () => {
    const dir = tempDir();
    writeFileSync(lockPath(dir), JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString(), start: '1' }));
    const prev = process.env.PAPERS_LOCK_WAIT_MS;
    process.env.PAPERS_LOCK_WAIT_MS = '0';
    try {
      const lock = acquireLock(dir);
      lock.release();
    } finally {
      if (prev === undefined) delete process.env.PAPERS_LOCK_WAIT_MS;
      else process.env.PAPERS_LOCK_WAIT_MS = prev;
    }
  });
});
