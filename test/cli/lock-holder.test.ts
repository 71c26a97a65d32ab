// The library lock is never broken while its holder lives, however old; a lock whose pid now
// belongs to an unrelated process is stale, and doctor says so.
import { spawn } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hookEnv, reached, release, run, seededLibrary, start } from './hooks-run.js';

const unrelated: Array<ReturnType<typeof spawn>> = [];
afterAll(async () => {
  for (const child of unrelated) child.kill('SIGKILL');
});

async function tagsOf(env: NodeJS.ProcessEnv, id: string): Promise<string[]> {
  const r = await run(['show', id, '--json'], env);
  return [...(JSON.parse(r.stdout) as { tags: string[] }).tags].sort();
}

describe('the library lock', () => {
  it('an hour-old lock whose holder is paused is waited for, not broken: both writers’ tags land', async () => {
    const { dir, env, ids } = await seededLibrary();
    const first = hookEnv(env, 'decisions-before-write');
    const a = start(['tag', ids[0]!, '+a'], first.env);
    await reached(first.dir, 'decisions-before-write');
    const hourAgo = (Date.now() - 3600_000) / 1000;
    utimesSync(join(dir, 'lock'), hourAgo, hourAgo);
    const second = hookEnv(env, 'lock-wait:mark');
    const b = start(['tag', ids[0]!, '+b'], second.env);
    await reached(second.dir, 'lock-wait');
    release(first.dir, 'decisions-before-write');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, ra.stderr, rb.code, rb.stderr]).toEqual([0, '', 0, '']);
    expect(await tagsOf(env, ids[0]!)).toEqual(['a', 'b']);
  });

  it('a lock whose pid now belongs to an unrelated process is stale: doctor reports it and a write goes ahead', async () => {
    const { dir, env, ids } = await seededLibrary();
    const other = spawn('sleep', ['120'], { stdio: 'ignore' });
    unrelated.push(other);
    await new Promise((resolve) => other.once('spawn', resolve));
    writeFileSync(join(dir, 'lock'), JSON.stringify({ pid: other.pid, host: hostname(), time: new Date().toISOString(), start: '1' }));
    const doctor = await run(['doctor'], env);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/problem lock: stale lock .*pid now belongs to another program/);
    const r = await run(['tag', ids[1]!, '+after'], { ...env, PAPERS_LOCK_WAIT_MS: '3000' });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(await tagsOf(env, ids[1]!)).toEqual(['after']);
  });
});
