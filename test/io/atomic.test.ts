// Atomic writes keep the file what the user made it: a symlink stays a link, the mode is kept, a
// read-only file is refused, and the backup is a real copy of the previous version.
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PapersError } from '../../src/core/errors.js';
import { writeFileAtomic } from '../../src/io/atomic.js';
import { tempDir } from './library-helpers.js';

describe('writeFileAtomic', () => {
  it('writes through a symlink: the link stays a link and its target gets the new bytes', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sync'));
    const target = join(dir, 'sync', 'decisions.yaml');
    writeFileSync(target, 'old\n');
    const link = join(dir, 'decisions.yaml');
    symlinkSync(join('sync', 'decisions.yaml'), link);
    writeFileAtomic(link, 'new\n', { backupDir: join(dir, 'backup') });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('sync', 'decisions.yaml'));
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(readdirSync(join(dir, 'sync'))).toEqual(['decisions.yaml']);
  });

  it('keeps the previous version as a regular copy, also behind a symlink', () => {
    const dir = tempDir();
    const target = join(dir, 'real.yaml');
    writeFileSync(target, 'one\n');
    const link = join(dir, 'decisions.yaml');
    symlinkSync('real.yaml', link);
    writeFileAtomic(link, 'two\n', { backupDir: join(dir, 'backup') });
    writeFileAtomic(link, 'three\n', { backupDir: join(dir, 'backup') });
    const kept = join(dir, 'backup', 'decisions.yaml');
    expect(lstatSync(kept).isFile()).toBe(true);
    expect(readFileSync(kept, 'utf8')).toBe('two\n');
    expect(statSync(kept).ino).not.toBe(statSync(target).ino);
  });

  it('keeps the mode of the file it replaces (a 0600 file stays 0600, and so does its backup)', () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.yaml');
    writeFileSync(file, 'secret\n');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'still secret\n', { backupDir: join(dir, 'backup') });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'backup', 'decisions.yaml')).mode & 0o777).toBe(0o600);
  });

  it('refuses, in one line naming the file, to replace a file nobody may write', () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.yaml');
    writeFileSync(file, 'keep me\n');
    chmodSync(file, 0o444);
    let error: unknown;
    try {
      writeFileAtomic(file, 'overwritten\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PapersError);
    expect((error as Error).message).toContain(`${file}: is read-only`);
    expect((error as Error).message).not.toContain('\n');
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect(readdirSync(dir)).toEqual(['decisions.yaml']);
  });
});
