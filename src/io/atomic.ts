// Atomic file replacement: write a temp file in the same folder, fsync it, keep the previous
// version as a backup (a hard link, so it costs nothing), rename over the target, fsync the folder.
// A reader, or a process killed at any point, sees the old bytes or the new ones, never a mix.
import { closeSync, copyFileSync, readdirSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Test hook: PAPERS_TEST_WRITE_DELAY_MS pauses inside every write (half the data written), so a test can kill the process there. */
function testDelay(): number {
  const v = Number(process.env.PAPERS_TEST_WRITE_DELAY_MS ?? 0);
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** The same test hook for writes that are not files (a database transaction, half applied). */
export function pauseForTest(): void {
  const ms = testDelay();
  if (ms > 0) sleepSync(ms);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread (the library is written synchronously, so that nothing interleaves). */
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export function fsyncDir(dir: string): void {
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
function tempName(path: string): string {
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
      try {
        unlinkSync(join(dir, name));
      } catch {
        /* gone */
      }
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

export interface WriteOptions {
  /** Folder in which the replaced version is kept under the same name (made if missing). */
  backupDir?: string;
  /** false: skip the fsyncs (still atomic, but may be lost in a power cut): for state that is cheap to lose. */
  durable?: boolean;
}

/** Replaces `path` with `data` (bytes, text, or text in pieces for large files) atomically (see the top of this file). */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>, options: WriteOptions = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = tempName(path);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    const delay = testDelay();
    if (typeof data === 'string' || data instanceof Uint8Array) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const half = delay > 0 ? Math.floor(bytes.length / 2) : bytes.length;
      writeAll(fd, bytes.subarray(0, half));
      if (delay > 0) sleepSync(delay);
      writeAll(fd, bytes.subarray(half));
    } else {
      let first = true;
      for (const piece of data) {
        writeAll(fd, Buffer.from(piece, 'utf8'));
        if (first && delay > 0) sleepSync(delay);
        first = false;
      }
    }
    if (options.durable !== false) fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  if (options.backupDir) backup(path, options.backupDir);
  renameSync(tmp, path);
  if (options.durable !== false) fsyncDir(dir);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
}

/** Keeps the current version of `path` (if any) as backupDir/<name>, itself replaced atomically. */
function backup(path: string, backupDir: string): void {
  mkdirSync(backupDir, { recursive: true });
  const target = join(backupDir, basename(path));
  const tmp = tempName(target);
  try {
    linkSync(path, tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    // File systems without hard links: copy instead.
    try {
      copyFileSync(path, tmp);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw copyError;
    }
  }
  renameSync(tmp, target);
}
