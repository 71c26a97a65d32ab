// Atomic file replacement: write a temp file beside the target, fsync it, keep a copy of the
// previous version as a backup, rename over the target, fsync the folder. A reader, or a process
// killed at any point, sees the old bytes or the new ones, never a mix.
//
// The file stays what the user made it: a symlink is followed and its target replaced (so a synced
// or dotfile-managed decisions.yaml stays a link), the mode and owner are kept (a 0600 file stays
// 0600), and a file nobody may write is refused rather than replaced. A disk error (full, read-only,
// permissions) becomes one line naming the file (core/errors.ts); no temp file is left behind.
import { closeSync, copyFileSync, fchmodSync, fchownSync, fsyncSync, mkdirSync, openSync, readdirSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PapersError, diskErrorMessage, failure } from '../core/errors.js';
import { testHook } from './test-hooks.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread (the library is written synchronously, so that nothing interleaves). */
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

let counter = 0;
/** A temp name beside `path` that removeOrphanTemps recognises (it holds the writer's pid). */
export function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.${(counter++).toString(36)}.tmp`);
}

const TEMP = /^\..+\.(\d+)\.[0-9a-z]+\.[0-9a-z]+\.tmp$/;

/** Removes temp files left in these folders by writers that were killed (their pid is gone). */
export function removeOrphanTemps(dirs: readonly string[]): void {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP.exec(name);
      if (!m || Number(m[1]) === process.pid || pidAlive(Number(m[1]))) continue;
      unlinkQuiet(join(dir, name));
    }
  }
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

interface WriteOptions {
  /** Folder in which a copy of the replaced version is kept under the same name (made if missing). */
  backupDir?: string;
  /** false: skip the fsyncs (still atomic, but may be lost in a power cut): for state that is cheap to lose. */
  durable?: boolean;
}

/** Replaces `path` with `data` (bytes, text, or text in pieces for large files) atomically (see the top of this file). */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>, options: WriteOptions = {}): void {
  const target = followLinks(path);
  const existing = statIfAny(target);
  if (existing && (existing.mode & 0o222) === 0) {
    throw failure(`${path}: is read-only (mode ${(existing.mode & 0o777).toString(8).padStart(4, '0')}), so papers leaves it as it is; make it writable (chmod u+w ${path}) to let papers change it`);
  }
  const dir = dirname(target);
  let tmp: string | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    tmp = tempName(target);
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      if (existing) keepOwnerAndMode(fd, existing);
      writeData(fd, data, target);
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.backupDir) backup(target, options.backupDir, basename(path));
    renameSync(tmp, target);
    tmp = null;
  } catch (e) {
    if (tmp !== null) unlinkQuiet(tmp);
    throw asDiskError(e, path, 'write');
  }
  if (options.durable !== false) fsyncDir(dir);
}

/** A disk error as the user's one line naming `path` (others unchanged). */
export function asDiskError(e: unknown, path: string, action: 'read' | 'write'): unknown {
  if (e instanceof PapersError) return e;
  const message = diskErrorMessage((e as NodeJS.ErrnoException).code, path, action);
  return message === null ? e : failure(message);
}

/** The file a path finally names: symlinks followed (a dangling link names its missing target). */
function followLinks(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = readlinkSync(current);
    } catch {
      return current; // not a link, or not there yet
    }
    current = resolve(dirname(current), link);
  }
  throw failure(`${path}: too many levels of symbolic links; point it at a file`);
}

function statIfAny(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw asDiskError(e, path, 'read');
  }
}

function keepOwnerAndMode(fd: number, was: Stats): void {
  fchmodSync(fd, was.mode & 0o7777);
  if (typeof process.getuid === 'function' && process.getuid() === 0 && (was.uid !== 0 || was.gid !== 0)) {
    try {
      fchownSync(fd, was.uid, was.gid);
    } catch {
      // Not permitted here (e.g. a network file system): the mode is still kept.
    }
  }
}

/** Writes `data` to the temp file of `target`, passing the test hook write-midway halfway through. */
function writeData(fd: number, data: string | Uint8Array | Iterable<string>, target: string): void {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const half = Math.floor(bytes.length / 2);
    writeAll(fd, bytes.subarray(0, half));
    testHook('write-midway', target);
    writeAll(fd, bytes.subarray(half));
    return;
  }
  let first = true;
  for (const piece of data) {
    writeAll(fd, Buffer.from(piece, 'utf8'));
    if (first) testHook('write-midway', target);
    first = false;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/**
 * Keeps a copy of the current version of `target` (if any) as backupDir/<name>, itself replaced
 * atomically. A copy, not a hard link: a file edited in place later must not change its backup.
 */
function backup(target: string, backupDir: string, name: string): void {
  mkdirSync(backupDir, { recursive: true });
  const kept = join(backupDir, name);
  const tmp = tempName(kept);
  try {
    copyFileSync(target, tmp);
    renameSync(tmp, kept);
  } catch (e) {
    unlinkQuiet(tmp);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
}
