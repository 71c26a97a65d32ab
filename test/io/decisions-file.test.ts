// decisions.yaml on disk: an invalid file stops writes with file:line:column and names the backup
// truthfully; reads go on without the decisions after one warning.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDecisionsFile } from '../../src/io/decisions-file.js';
import { tempDir } from './library-helpers.js';

const ENTRY = { tags: { read: '2026-01-01T00:00:00.000Z' }, note: null };

describe('decisions file', () => {
  it('an invalid file: strict reads throw file:line:column naming what the backup holds; lenient reads warn once', () => {
    const dir = tempDir();
    const warned: string[] = [];
    const file = openDecisionsFile(dir, (l) => warned.push(l));
    file.write(new Map([['a', ENTRY]]));
    file.write(new Map([['a', ENTRY], ['b', ENTRY]]));
    const broken = `${readFileSync(file.path, 'utf8')}\nc:\n  tgas: [x]\n`;
    writeFileSync(file.path, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('tgas')) + 1;
    expect(() => file.read('strict')).toThrow(`${file.path}:${line}:3: unknown field "tgas" (expected tags or note); fix the file by hand (papers will not change it while it is invalid; ${join(dir, 'backup', 'decisions.yaml')} holds the version papers' last change replaced)`);
    expect(file.read('lenient').size).toBe(0);
    expect(file.read('lenient').size).toBe(0);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(new RegExp(`^warning: .*decisions\\.yaml:${line}:3: .*; showing the papers without your decisions until it is fixed$`));
    expect(readFileSync(join(dir, 'backup', 'decisions.yaml'), 'utf8')).not.toContain('"b"');
    expect(readFileSync(file.path, 'utf8')).toBe(broken);
  });

  it('does not mention a backup that does not exist', () => {
    const dir = tempDir();
    const file = openDecisionsFile(dir);
    writeFileSync(file.path, 'a:\n  tgas: [x]\n');
    expect(() => file.read('strict')).toThrow(/invalid\)$/);
  });

  it('reads the decisions whatever cache/decisions.json claims when its hash is another file’s', () => {
    const dir = tempDir();
    const file = openDecisionsFile(dir);
    file.write(new Map([['a', ENTRY]]));
    mkdirSync(join(dir, 'cache'), { recursive: true });
    writeFileSync(join(dir, 'cache', 'decisions.json'), JSON.stringify({ hash: 'x'.repeat(64), decisions: [['z', ENTRY]] }));
    expect([...openDecisionsFile(dir).read('strict').keys()]).toEqual(['a']);
  });

  it('a read finds the file by the stamp the cache recorded and skips hashing it; a read before a write hashes it all the same', () => {
    const dir = tempDir();
    const file = openDecisionsFile(dir);
    file.write(new Map([['a', ENTRY]]));
    const cachePath = join(dir, 'cache', 'decisions.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { stamp: string; decisions: unknown[] };
    expect(cache.stamp).toMatch(/^\d+:\d+:\d+:\d+$/);
    // a cache whose stamp is the file's but whose content is not (as after an in-place rewrite
    // within one clock tick): reads trust the stamp, a write's read hashes the bytes
    writeFileSync(cachePath, JSON.stringify({ ...cache, hash: 'x'.repeat(64), decisions: [['z', ENTRY]] }));
    expect([...openDecisionsFile(dir).read('lenient').keys()]).toEqual(['z']);
    expect([...openDecisionsFile(dir).read('strict').keys()]).toEqual(['a']);
    expect([...openDecisionsFile(dir).read('lenient').keys()], 'the strict read rewrote the cache').toEqual(['a']);
  });

  it('a write after a read that trusted the stamp rewrites the file from what it holds', () => {
    const dir = tempDir();
    openDecisionsFile(dir).write(new Map([['a', ENTRY], ['b', ENTRY]]));
    const file = openDecisionsFile(dir);
    expect(file.read('lenient').size).toBe(2);
    const next = new Map(file.read('strict'));
    next.set('c', ENTRY);
    file.write(next);
    expect([...openDecisionsFile(dir).read('strict').keys()].sort()).toEqual(['a', 'b', 'c']);
  });
});
