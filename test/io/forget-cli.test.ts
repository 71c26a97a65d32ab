// `papers forget --digest` through the built program: by file and by hash prefix; a wrong name is one line and exit 2.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryEnv, ROOT, run, SEED } from '../cli/run-in-process.js';
import { tempDir } from './library-helpers.js';

const HF = join(ROOT, 'test', 'fixtures', 'corpora', 'hf-api-1.json'); // see test/fixtures/README.md

describe('papers forget', () => {
  it('forgets a digest by its file, keeps the tags, and a re-import restores them', async () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    expect((await run(['import', SEED, HF], env)).code).toBe(0);
    const ids = (JSON.parse((await run(['list', '--json'], env)).stdout) as Array<{ id: string }>).map((p) => p.id);
    const hfId = ids[100]!;
    expect((await run(['tag', hfId, ids[0]!, '+to-read'], env)).code).toBe(0);
    const decisions = readFileSync(join(dir, 'decisions.yaml'), 'utf8');

    const r = await run(['forget', '--digest', HF], env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^forgot .*hf-api-1\.json \(imported .*\): 8 papers left the library; their decisions are kept\n$/);
    expect((await run(['list', '--tag', 'to-read', '--json'], env)).stdout).not.toContain(hfId);
    expect(readFileSync(join(dir, 'decisions.yaml'), 'utf8')).toBe(decisions);

    expect((await run(['import', HF], env)).stdout).toMatch(/8 new/);
    const back = JSON.parse((await run(['list', '--tag', 'to-read', '--json'], env)).stdout) as Array<{ id: string }>;
    expect(back.map((p) => p.id).sort()).toEqual([hfId, ids[0]!].sort());
  });

  it('forgets by a hash prefix; an unknown one is one line and exit 2', async () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    await run(['import', SEED], env);
    const hash = readdirSync(join(dir, 'digests')).find((f) => f.endsWith('.json'))!.slice(0, 10);
    const wrong = await run(['forget', '--digest', 'ffffff0000'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run(['forget', '--digest', hash], env)).stdout).toMatch(/100 papers left the library/);
    expect(JSON.parse((await run(['list', '--json'], env)).stdout)).toHaveLength(100); // the empty library shows the bundled seed again
  });
});
