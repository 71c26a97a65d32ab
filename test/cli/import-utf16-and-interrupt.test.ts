// Import: UTF-16 digests are decoded, not refused as binary; Ctrl-C stops between files and says
// which files were imported.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryEnv } from './library-run.js';
import { hookEnv, listIds, reached, release, ROOT, run, SEED, start, tempFiles } from './hooks-run.js';

const SEED_TEXT = readFileSync(SEED, 'utf8');

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'papers-import-'));
  return { dir, lib: join(dir, 'lib'), env: libraryEnv(join(dir, 'lib'), { PAPERS_LOCK_WAIT_MS: '60000' }) };
}

describe('UTF-16 digests', () => {
  const expected = async () => {
    const { dir, env } = fresh();
    const r = await run(['list', SEED, '--json'], env);
    expect(r.code).toBe(0);
    return { dir, env, papers: (JSON.parse(r.stdout) as Array<{ title: string }>).map((p) => p.title) };
  };

  it.each([
    ['little-endian with a byte order mark', 'le', true],
    ['big-endian with a byte order mark', 'be', true],
    ['little-endian without one', 'le', false],
    ['big-endian without one', 'be', false],
  ] as const)('reads %s as the same papers as UTF-8', async (_name, order, bom) => {
    const { dir, env, papers } = await expected();
    const file = join(dir, 'digest-utf16.txt');
    writeFileSync(file, utf16(SEED_TEXT, order, bom));
    const r = await run(['list', file, '--json'], env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect((JSON.parse(r.stdout) as Array<{ title: string }>).map((p) => p.title)).toEqual(papers);
  });

  it('imports one, and importing it again changes nothing', async () => {
    const { dir, env } = fresh();
    const file = join(dir, 'digest-utf16.txt');
    writeFileSync(file, utf16(SEED_TEXT, 'le', true));
    const first = await run(['import', file], env);
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toMatch(/\d+ new/);
    expect((await run(['import', file], env)).stdout).toMatch(/already imported/);
  });
});

describe('papers import --dry-run', () => {
  it('says what a digest holds and imports nothing', async () => {
    const { lib, env } = fresh();
    const r = await run(['import', '--dry-run', SEED], env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/hf-page, 100 papers.*; not imported \(--dry-run\)/);
    expect(existsSync(join(lib, 'digests'))).toBe(false);
  });
});

describe('Ctrl-C during an import', () => {
  it('finishes the file being imported, starts no other, says which were kept, exits 130', async () => {
    const { dir, env } = fresh();
    const corpus = (name: string) => join(ROOT, 'test', 'fixtures', 'corpora', name);
    const files = [SEED, corpus('arxiv-mailing-1.txt'), corpus('google-scholar-alert-1.txt')];
    const hooks = hookEnv(env, 'import-after-file');
    const proc = start(['import', ...files], hooks.env);
    const pid = await reached(hooks.dir, 'import-after-file');
    process.kill(pid, 'SIGINT');
    release(hooks.dir, 'import-after-file');
    const r = await proc.done;
    expect(r.code).toBe(130);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([`papers: interrupted: kept 1 file (${SEED}); not imported: ${files[1]}, ${files[2]}; run the same import again to finish (files already imported are skipped)`]);
    const seedOnly = await listIds(env);
    expect(seedOnly.length).toBeGreaterThan(0);
    expect(tempFiles(join(dir, 'lib'))).toEqual([]);
    const again = await run(['import', ...files], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already imported/);
    expect(again.stdout).toMatch(/arxiv-mailing-1\.txt: .* new/);
    expect((await listIds(env)).length).toBeGreaterThan(seedOnly.length);
  });
});
