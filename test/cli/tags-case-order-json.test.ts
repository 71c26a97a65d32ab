// Tags as a demanding user meets them, in process: case-insensitive matching in the library's
// spelling, one order everywhere, warnings for unknown tags, and --json on the commands that change things.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, sandbox, SEED, tempDir } from './run-in-process.js';

const { env } = sandbox();
const papersIn = (library: string, args: readonly string[]) => run(['--library', library, ...args], env);
const tempLibrary = () => join(tempDir(), 'library');

let lib = '';
let ids: string[] = [];
const json = <T>(text: string): T => JSON.parse(text) as T;
const listIds = async (...args: string[]) => json<Array<{ id: string }>>((await papersIn(lib, ['list', '--json', ...args])).stdout).map((p) => p.id);

beforeAll(async () => {
  lib = tempLibrary();
  const r = await papersIn(lib, ['import', SEED, '--json']);
  expect(r.code).toBe(0);
  const outcomes = json<Array<{ found: number; added: number; already: boolean }>>(r.stdout);
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]).toMatchObject({ added: outcomes[0]!.found, already: false });
  ids = await listIds();
}, 120_000);

describe('tags regardless of case', () => {
  it('adds the spelling in use, keeps a new tag as typed, and filters in any case', async () => {
    const first = await papersIn(lib, ['tag', ids[0]!, '+to-read', '--json']);
    expect(json(first.stdout)).toMatchObject({ add: ['to-read'], remove: [], papers: [ids[0]], changed: [ids[0]] });
    const second = json<{ add: string[]; tags: Record<string, string[]> }>((await papersIn(lib, ['tag', ids[1]!, '+To-Read', '+NewTopic', '--json'])).stdout);
    expect(second.add).toEqual(['to-read', 'NewTopic']);
    expect(second.tags[ids[1]!]).toEqual(['NewTopic', 'to-read']);
    const file = readFileSync(join(lib, 'decisions.yaml'), 'utf8');
    expect(file).not.toContain('To-Read');
    expect(file).toContain('NewTopic');
    expect(await listIds('--tag', 'TO-READ')).toEqual([ids[0], ids[1]]);
    expect((await listIds('-q', '+To-read')).sort()).toEqual([ids[0]!, ids[1]!].sort());
    expect(await listIds('--tag', 'newtopic')).toEqual([ids[1]]);
    const removed = json<{ remove: string[]; changed: string[] }>((await papersIn(lib, ['tag', ids[1]!, '-NEWTOPIC', '--json'])).stdout);
    expect(removed).toMatchObject({ remove: ['NewTopic'], changed: [ids[1]] });
    const clash = await papersIn(lib, ['tag', ids[1]!, '+Skip', '-skip']);
    expect(clash.code).toBe(2);
    expect(clash.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('one tag order', () => {
  it('show, list, tags and export print tags in code-point order, whatever order they were added in', async () => {
    const id = ids[5]!;
    for (const t of ['+zeta', '+Alpha', '+beta']) await papersIn(lib, ['tag', id, t]);
    const order = ['Alpha', 'beta', 'zeta'];
    expect(json<{ tags: string[]; tagTimes: Record<string, string> }>((await papersIn(lib, ['show', id, '--json'])).stdout)).toMatchObject({ tags: order });
    expect(Object.keys(json<{ tagTimes: object }>((await papersIn(lib, ['show', id, '--json'])).stdout).tagTimes)).toEqual(order);
    const row = json<Array<{ id: string; tags: string[] }>>((await papersIn(lib, ['list', '--json', '--tag', 'zeta'])).stdout);
    expect(row.map((p) => p.tags)).toEqual([order]);
    const counted = json<Array<{ tag: string; virtual: boolean }>>((await papersIn(lib, ['tags', '--json'])).stdout).filter((c) => !c.virtual).map((c) => c.tag);
    expect(counted).toEqual([...counted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(counted).toEqual(expect.arrayContaining(order));
    const exported = json<{ papers: Array<{ tags: string[] }> }>((await papersIn(lib, ['export', '--tag', 'zeta', '--format', 'json'])).stdout);
    expect(exported.papers.map((p) => p.tags)).toEqual([order]);
    const plain = (await papersIn(lib, ['list', '--plain', '--tag', 'zeta'])).stdout;
    expect(plain.indexOf('Alpha')).toBeLessThan(plain.indexOf('beta'));
    expect(plain.indexOf('beta')).toBeLessThan(plain.indexOf('zeta'));
  });
});

describe('a tag no paper carries', () => {
  it('warns in one line on stderr with the closest tag, and the command still runs', async () => {
    await papersIn(lib, ['tag', ids[0]!, '+to-read']);
    const r = await papersIn(lib, ['list', '--json', '--tag', 'to-raed']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual([]);
    expect(r.stderr).toBe('papers: warning: no paper has the tag "to-raed"; did you mean "to-read"?\n');
    const q = await papersIn(lib, ['list', '--json', '-q', '-tag:to-raed']);
    expect(q.code).toBe(0);
    expect(json<unknown[]>(q.stdout).length).toBe(ids.length);
    expect(q.stderr).toContain('did you mean "to-read"?');
    const far = await papersIn(lib, ['list', '--json', '--not-tag', 'qqqqqqqqqq']);
    expect(far.stderr).toMatch(/^papers: warning: no paper has the tag "qqqqqqqqqq"; the tags are: .*to-read/);
    expect(far.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says nothing for a tag some paper carries, in any case, or a virtual tag', async () => {
    await papersIn(lib, ['tag', ids[0]!, '+to-read']);
    for (const args of [['--tag', 'TO-READ'], ['--tag', 'untriaged'], ['-q', '+to-read']]) {
      const r = await papersIn(lib, ['list', '--json', ...args]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });
});

describe('--json for scripts', () => {
  it('note, undo and undo --list print JSON alone on stdout', async () => {
    const noted = await papersIn(lib, ['note', ids[2]!, 'read', 'section', '3', '--json']);
    expect(json(noted.stdout)).toMatchObject({ id: ids[2], note: 'read section 3', changed: [ids[2]] });
    const list = json<Array<{ at: string; summary: string; papers: string[] }>>((await papersIn(lib, ['undo', '--list', '--json'])).stdout);
    expect(list[0]).toMatchObject({ summary: `noted ${ids[2]}`, papers: [ids[2]] });
    expect(list[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const undone = json<{ undone: boolean; changed: string[] }>((await papersIn(lib, ['undo', '--json'])).stdout);
    expect(undone).toMatchObject({ undone: true, changed: [ids[2]] });
    expect(json<{ note: string | null }>((await papersIn(lib, ['show', ids[2]!, '--json'])).stdout).note).toBeNull();
  });

  it('import --json of a digest already imported says already, with messages off stdout', async () => {
    const r = await papersIn(lib, ['import', SEED, '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual([expect.objectContaining({ already: true, added: 0, updated: 0 })]);
    expect(r.stderr).toContain('already imported');
  });

  it('an empty undo history', async () => {
    const fresh = tempLibrary();
    expect(json((await papersIn(fresh, ['undo', '--json'])).stdout)).toEqual({ undone: false, summary: 'nothing to undo', changed: [] });
    expect(json((await papersIn(fresh, ['undo', '--list', '--json'])).stdout)).toEqual([]);
  });
});

describe('--sort date', () => {
  it('puts undated papers after every dated one', async () => {
    const fresh = tempLibrary();
    const scholar = join(import.meta.dirname, '..', 'fixtures', 'corpora', 'google-scholar-alert-1.txt');
    // the undated papers are imported last, so their import day is the newest day in the library
    expect((await papersIn(fresh, ['import', SEED, scholar])).code).toBe(0);
    const listed = json<Array<{ date: string | null }>>((await papersIn(fresh, ['list', '--sort', 'date', '--json'])).stdout);
    const dates = listed.map((p) => p.date);
    const undated = dates.filter((d) => d === null).length;
    expect(undated).toBeGreaterThan(0);
    expect(dates.slice(dates.length - undated)).toEqual(Array(undated).fill(null));
    const dated = dates.slice(0, dates.length - undated) as string[];
    expect(dated).toEqual([...dated].sort().reverse());
  });
});
