// Undo reverts exactly what the journaled change did; the journal never holds a change that was
// not written; one command is one undo step.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecisions } from '../../src/core/decisions.js';
import { decisionsText, hookEnv, reached, run, seededLibrary, start } from './hooks-run.js';
import * as YAML from 'yaml';

function decisionsOf(dir: string) {
  const parsed = parseDecisions(() => YAML, decisionsText(dir));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.decisions;
}

describe('undo', () => {
  it('removes only the tag the change added: a note and a tag added by hand since survive', async () => {
    const { dir, env, ids } = await seededLibrary();
    const id = ids[0]!;
    expect((await run(['tag', id, '+to-read'], env)).code).toBe(0);
    const text = decisionsText(dir).replace(/(    to-read: \S+\n)/, '$1    mine: ""\n  note: "hand-written"\n');
    writeFileSync(join(dir, 'decisions.yaml'), text);
    expect(decisionsOf(dir).get(id)).toMatchObject({ note: { text: 'hand-written' } });
    const r = await run(['undo'], env);
    expect([r.code, r.stdout.trim()]).toEqual([0, 'undid: tagged 1 paper +to-read']);
    expect(decisionsOf(dir).get(id)).toEqual({ tags: { mine: '' }, note: { text: 'hand-written', at: '' } });
  });

  it('leaves a note changed since the change it undoes, and says so', async () => {
    const { dir, env, ids } = await seededLibrary();
    const id = ids[1]!;
    await run(['note', id, 'first'], env);
    await run(['note', id, 'second'], env);
    writeFileSync(join(dir, 'decisions.yaml'), decisionsText(dir).replace('"second"', '"second, edited by hand"'));
    const r = await run(['undo'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`not undone, left as it is: ${id}: the note (changed since)`);
    expect(decisionsOf(dir).get(id)!.note!.text).toBe('second, edited by hand');
  });

  it('undoes `papers rules apply` with two rules in one step', async () => {
    const { dir, env } = await seededLibrary();
    const config = join(env.XDG_CONFIG_HOME!, 'papers');
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'rules.yaml'), '- query: "neural"\n  tags: [nn]\n- query: "pruning"\n  tags: [prune]\n');
    const applied = await run(['rules', 'apply'], env);
    expect(applied.code).toBe(0);
    expect(applied.stdout.trim().split('\n')).toHaveLength(2);
    expect((await run(['undo', '--list'], env)).stdout.trim().split('\n')).toHaveLength(1);
    expect((await run(['undo'], env)).code).toBe(0);
    expect(decisionsOf(dir).size).toBe(0);
    expect((await run(['undo'], env)).stdout.trim()).toBe('nothing to undo');
  });

  it('journals nothing for a change killed before decisions.yaml was written', async () => {
    const { dir, env, ids } = await seededLibrary();
    await run(['tag', ids[2]!, '+kept'], env);
    const before = decisionsText(dir);
    const hooks = hookEnv(env, 'decisions-before-write:kill');
    const proc = start(['tag', ids[3]!, '+lost'], hooks.env);
    await reached(hooks.dir, 'decisions-before-write');
    expect((await proc.done).signal).toBe('SIGKILL');
    expect(decisionsText(dir)).toBe(before);
    expect((await run(['undo', '--list'], env)).stdout.trim().split('\n')).toEqual([expect.stringContaining('tagged 1 paper +kept')]);
  });
});
