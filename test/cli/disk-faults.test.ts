// Faults from the disk, on real mounts: a full tmpfs and a read-only one. Read-only commands work
// (caches that cannot be written are skipped); writes fail in one line naming the file and the
// problem, exit 1, with nothing changed and no temp file left. Needs root and mount(8): otherwise
// every test here is skipped, with the reason in its name.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionsText, run, seededLibrary, tempFiles } from './hooks-run.js';

const mounted: string[] = [];

function mountTmpfs(size: string): string {
  const point = mkdtempSync(join(tmpdir(), 'papers-mount-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', point], { stdio: 'pipe' });
  mounted.push(point);
  return point;
}

function whyNoMounts(): string | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not root';
  try {
    const point = mountTmpfs('64k');
    execFileSync('umount', [point], { stdio: 'pipe' });
    mounted.pop();
    rmSync(point, { recursive: true });
    return null;
  } catch (e) {
    return `mount failed: ${(e as Error).message.split('\n')[0]}`;
  }
}

const noMounts = whyNoMounts();
const skipNote = noMounts === null ? '' : ` (skipped: ${noMounts})`;

afterAll(async () => {
  for (const point of mounted.reverse()) {
    try {
      execFileSync('umount', [point], { stdio: 'pipe' });
      rmSync(point, { recursive: true, force: true });
    } catch {
      /* already unmounted */
    }
  }
});

/** A library on its own small tmpfs, every cache built (list, search), one paper tagged. */
async function libraryOnTmpfs() {
  const point = mountTmpfs('4m');
  const lib = await seededLibrary(join(point, 'lib'));
  for (const args of [['list', '--plain'], ['search', 'neural'], ['tag', lib.ids[0]!, '+keep']]) {
    const r = await run(args, lib.env);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  return { ...lib, point };
}

/** Fills the file system until it is full; with `sparePage`, all but one page (room for the lock, not for decisions.yaml). */
/** Fills the disk; with `spare`, leaves that many bytes (freed again by removing the file 'spare'). */
function fill(point: string, spareBytes = 0): string {
  const spare = join(point, 'spare');
  if (spareBytes > 0) writeFileSync(spare, Buffer.alloc(spareBytes, 1));
  const path = join(point, 'filler');
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  const small = Buffer.alloc(512, 1);
  const fd2 = openSync(join(point, 'filler2'), 'w');
  try {
    for (;;) writeSync(fd2, small);
  } catch {
    /* full to the byte */
  } finally {
    closeSync(fd2);
  }
  if (spareBytes > 0) rmSync(spare);
  return path;
}

async function readCommandsWork(env: NodeJS.ProcessEnv, id: string): Promise<void> {
  for (const args of [['list', '--plain'], ['show', id], ['search', 'neural'], ['export', '--format', 'json'], ['tags']]) {
    const r = await run(args, env);
    expect([args.join(' '), r.code]).toEqual([args.join(' '), 0]);
    expect(r.stderr).not.toMatch(/papers: |warning|error|E[A-Z]{3,}/); // search's hint of more matches is fine
    expect(r.stdout.length).toBeGreaterThan(0);
  }
}

function refusesInOneLine(r: { code: number | null; stderr: string }, problem: RegExp): void {
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(problem);
  expect(lines[0]).not.toMatch(/internal error|please report/);
}

describe.skipIf(noMounts !== null)(`a full disk${skipNote}`, () => {
  it('read-only commands work; a tag or note fails in one line, changes nothing and leaves no temp file', async () => {
    const { dir, env, ids, point } = await libraryOnTmpfs();
    const before = decisionsText(dir);
    const filler = fill(point);
    await readCommandsWork(env, ids[0]!);
    refusesInOneLine(await run(['tag', ids[1]!, '+x'], env), /lib\/(lock \(the library's lock\)|decisions\.yaml): cannot write it: the disk is full \(ENOSPC\); free some space/);
    refusesInOneLine(await run(['note', ids[1]!, 'a long note '.repeat(2000)], env), /the disk is full \(ENOSPC\)/);
    expect(decisionsText(dir)).toBe(before);
    expect(tempFiles(dir)).toEqual([]);
    rmSync(filler);
    rmSync(`${filler}2`);
    expect((await run(['tag', ids[1]!, '+x'], env)).code).toBe(0);
    expect((await run(['undo', '--list'], env)).stdout.trim().split('\n')).toHaveLength(2);
  });
});

describe.skipIf(noMounts !== null)(`a disk with room for the lock only${skipNote}`, () => {
  it('a tag fails naming decisions.yaml; nothing is journaled, nothing changed, no temp file left', async () => {
    const { dir, env, ids, point } = await libraryOnTmpfs();
    // decisions.yaml larger than the room left, which holds the lock and the database's
    // shared-memory file (SQLite's WAL mode creates it when a command opens the library)
    expect((await run(['note', ids[2]!, 'a long note '.repeat(6000)], env)).code).toBe(0);
    const before = decisionsText(dir);
    const journal = (await run(['undo', '--list'], env)).stdout;
    fill(point, 48 * 1024);
    refusesInOneLine(await run(['tag', ids[1]!, '+x'], env), /lib\/decisions\.yaml: cannot write it: the disk is full \(ENOSPC\)/);
    expect(decisionsText(dir)).toBe(before);
    expect(tempFiles(dir)).toEqual([]);
    expect((await run(['undo', '--list'], env)).stdout).toBe(journal);
  });
});

describe.skipIf(noMounts !== null)(`a read-only library${skipNote}`, () => {
  it('read-only commands work; writes fail in one line naming the file and the problem', async () => {
    const { dir, env, ids, point } = await libraryOnTmpfs();
    const before = decisionsText(dir);
    execFileSync('mount', ['-o', 'remount,ro', point], { stdio: 'pipe' });
    await readCommandsWork(env, ids[0]!);
    refusesInOneLine(await run(['tag', ids[1]!, '+x'], env), /the file system is read-only \(EROFS\)/);
    refusesInOneLine(await run(['undo'], env), /the file system is read-only \(EROFS\)/);
    expect(decisionsText(dir)).toBe(before);
  });
});
