// `papers forget --digest` through the built binary: by file and by hash prefix; a wrong name is one line and exit 2.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryEnv, ROOT, run, SEED } from '../cli/library-run.js';
import { tempDir } from './library-helpers.js';

const HF = join(ROOT, 'test', 'fixtures', 'corpora', 'hf-api-1.json'); // see test/fixtures/README.md

describe('papers forget', () => {
  it('forgets a digest by its file, keeps the tags, and a re-import restores them', () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    expect(run(['import', SEED, HF], env).code).toBe(0);
    const ids = (JSON.parse(run(['list', '--json'], env).stdout) as Array<{ id: string }>).map((p) => p.id);
    const hfId = ids[100]!;
    expect(run(['tag', hfId, ids[0]!, '+to-read'], env).code).toBe(0);
    const decisions = readFileSync(join(dir, 'decisions.yaml'), 'utf8');

    const r = run(['forget', '--digest', HF], env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^forgot .*hf-api-1\.json \(imported .*\): 8 papers left the library; their decisions are kept\n$/);
    expect(run(['list', '--tag', 'to-read', '--json'], env).stdout).not.toContain(hfId);
    expect(readFileSync(join(dir, 'decisions.yaml'), 'utf8')).toBe(decisions);

    expect(run(['import', HF], env).stdout).toMatch(/8 new/);
    const back = JSON.parse(run(['list', '--tag', 'to-read', '--json'], env).stdout) as Array<{ id: string }>;
    expect(back.map((p) => p.id).sort()).toEqual([hfId, ids[0]!].sort());
  });

  it('forgets by a hash prefix; an unknown one is one line and exit 2', () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    run(['import', SEED], env);
    const hash = readdirSync(join(dir, 'digests')).find((f) => f.endsWith('.json'))!.slice(0, 10);
    const wrong = run(['forget', '--digest', 'ffffff0000'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(run(['forget', '--digest', hash], env).stdout).toMatch(/100 papers left the library/);
    expect(JSON.parse(run(['list', '--json'], env).stdout)).toHaveLength(100); // the empty library shows the bundled seed again
  });
});
