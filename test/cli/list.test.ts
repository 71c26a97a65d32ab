// `papers list`, run as users run it: the built program (npm test builds dist/ first), in process
// except where pipes and terminals are the point.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './run-in-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'papers.js');
const HF2 = join(ROOT, 'test', 'fixtures', 'corpora', 'hf-papers-2.txt');
const ANSI = /\u001b\[/;

/** A fresh home for the library and config, so nothing reads or writes the real one. */
function sandbox(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'papers-list-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PAPERS_HOME: join(dir, 'library'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    HOME: dir,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
  delete env.PAPERS_DEBUG;
  return { dir, env };
}

const papers = (args: string[], env: NodeJS.ProcessEnv, input?: string | Buffer) => run(args, env, input);

function sh(command: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync('sh', ['-c', command], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonPaper {
  id: string;
  title: string;
  abstract: string;
  links: { url: string; kind: string }[];
  source: { file: string; line: number };
  date: string | null;
}

/** The record of `papers list --json`, key for key in this order (README, JSON output): a contract with scripts. */
const RECORD_KEYS = ['id', 'title', 'abstract', 'abstractKind', 'links', 'arxivId', 'authors', 'upvotes', 'date', 'source', 'version', 'announceType', 'categories', 'comments', 'journalRef', 'doi', 'venue', 'aliases', 'sightings', 'firstSeen', 'lastSeen', 'tags', 'note'];
const SIGHTING_KEYS = ['digest', 'file', 'line', 'date', 'importedAt'];

describe('papers list --json', () => {
  it('prints every record with the same keys in the same order, indented as JSON.stringify(value, null, 2), from the seed and from a library', async () => {
    const { env } = sandbox();
    const seed = await papers(['list', '--json'], env);
    expect((await papers(['import', join(ROOT, 'seeds', '000_8fc7cc936e25f888.txt')], env)).code).toBe(0);
    const first = JSON.parse(seed.stdout)[0].id as string;
    expect((await papers(['tag', first, '+to-read', '+Later'], env)).code).toBe(0);
    expect((await papers(['note', first, 'a "quoted" note'], env)).code).toBe(0);
    const library = await papers(['list', '--json'], env);
    for (const r of [seed, library]) {
      expect(r.code).toBe(0);
      const records = JSON.parse(r.stdout) as Array<Record<string, unknown> & { sightings: object[] }>;
      expect(records).toHaveLength(100);
      expect(r.stdout).toBe(`${JSON.stringify(records, null, 2)}\n`);
      for (const record of records) {
        expect(Object.keys(record)).toEqual(RECORD_KEYS);
        for (const s of record.sightings) expect(Object.keys(s)).toEqual(SIGHTING_KEYS);
      }
    }
    const tagged = (JSON.parse(library.stdout) as Array<{ id: string; tags: string[]; note: string | null }>).find((p) => p.id === first)!;
    expect([tagged.tags, tagged.note]).toEqual([['Later', 'to-read'], 'a "quoted" note']);
    // streamed to a pipe, twice: the second finds the decisions in the database's copy of them
    for (let i = 0; i < 2; i++) expect(sh(`node ${BIN} list --json | cat`, env)).toEqual({ code: 0, stdout: library.stdout, stderr: '' });
  });
});

describe('papers list on the bundled seed', () => {
  it('--json gives the 100 papers in page order, with the same ids on a second run', async () => {
    const { env } = sandbox();
    const first = await papers(['list', '--json'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const list = JSON.parse(first.stdout) as JsonPaper[];
    expect(list).toHaveLength(100);
    expect(list[0]!.title).toBe('Decoding specialised feature neurons in LLMs with the final projection layer');
    expect(list[99]!.title).toBe('ZeroQuant-FP: A Leap Forward in LLMs Post-Training W4A8 Quantization Using Floating-Point Formats');
    expect(list.map((p) => p.source.line)).toEqual([...list.map((p) => p.source.line)].sort((a, b) => a - b));
    expect(new Set(list.map((p) => p.id)).size).toBe(100);
    const mg = list.find((p) => p.title.startsWith('MixtureGrowth'))!;
    expect(mg.links).toContainEqual({ url: 'https://github.com/chaudatascience/mixturegrowth', kind: 'code' });
    expect(list.every((p) => p.abstract.length > 500)).toBe(true);

    const again = JSON.parse((await papers(['list', '--json'], sandbox().env)).stdout) as JsonPaper[];
    expect(again.map((p) => p.id)).toEqual(list.map((p) => p.id));
  });

  it('--limit 3 prints three papers', async () => {
    const { env } = sandbox();
    const r = await papers(['list', '--limit', '3'], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2\ttyrnnmx66\t\d{4}-03-12\tC\t.*\tMixtureGrowth: Growing Neural Networks by Recombining Learned Parameters$/);
    expect(JSON.parse((await papers(['list', '--json', '--limit', '3'], env)).stdout)).toHaveLength(3);
  });

  it('piped, prints plain tab-separated lines without colour, even with FORCE_COLOR', async () => {
    const { env } = sandbox();
    for (const colour of [{ NO_COLOR: '1', FORCE_COLOR: '0' }, { NO_COLOR: '', FORCE_COLOR: '1' }, { NO_COLOR: undefined, FORCE_COLOR: '3' }]) {
      const r = await papers(['list'], { ...env, ...colour });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(ANSI);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(100);
      for (const line of lines) expect(line.split('\t')).toHaveLength(6);
    }
  });

  it('`papers list | head -3` ends quietly', async () => {
    const { env } = sandbox();
    const r = sh(`"${process.execPath}" "${BIN}" list | head -3`, env);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('');
    // and with an early-closing reader of a larger output
    const json = sh(`"${process.execPath}" "${BIN}" list --json | head -c 100 >/dev/null; echo "exit=$?"`, env);
    expect(json.stderr).toBe('');
    expect(json.stdout.trim()).toBe('exit=0');
  });

  // A terminal, through script(1): a table with colour unless NO_COLOR says otherwise.
  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
  it.skipIf(!hasScript)('on a terminal prints a table, coloured unless NO_COLOR is set', () => {
    const { env } = sandbox();
    const run = (extra: NodeJS.ProcessEnv) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" list --limit 3`, '/dev/null'], { cwd: ROOT, env: { ...env, COLUMNS: '100', TERM: 'xterm', ...extra }, encoding: 'utf8', timeout: 30_000 });
    const plain = run({ NO_COLOR: '1', FORCE_COLOR: undefined });
    expect(plain.status).toBe(0);
    expect(plain.stdout).not.toMatch(ANSI);
    const rows = plain.stdout.replace(/\r/g, '').trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^2 tyrnnmx66 +MixtureGrowth/);
    expect(rows[1]).toMatch(/C +\d{4}-03-12$/);
    const coloured = run({ NO_COLOR: undefined, FORCE_COLOR: undefined });
    expect(coloured.stdout).toMatch(ANSI);
  });
});

describe('papers list FILE', () => {
  it('reads hf-papers-2.txt: 20 papers with card dates and upvotes', async () => {
    const { env } = sandbox();
    const r = await papers(['list', '--json', '--year', '2026', HF2], env);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as (JsonPaper & { upvotes: number | null })[];
    expect(list).toHaveLength(20);
    expect(list[0]).toMatchObject({ title: 'MURMUR: An Efficient Inference System for Long-Form ASR', upvotes: 0, date: '2026-05-30' });
    expect(list[1]).toMatchObject({ upvotes: 65, date: '2024-03-08' });
    // info diagnostics (the assumed year) only with --verbose
    expect(r.stderr).toBe('');
    const verbose = await papers(['list', '--verbose', '--year', '2026', HF2], env);
    expect(verbose.stderr).toContain(`${HF2}:59: info: "May 30" has no year: assumed 2026 (from --year)`);
  });

  it('reads stdin as "-"', async () => {
    const { env } = sandbox();
    const text = 'Mar 12\n\nA Paper From Stdin\n\nWe propose a method that works well. Code is at github.com/a/b.\n';
    const r = await papers(['list', '--json', '--year', '2025', '-'], env, text);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ title: 'A Paper From Stdin', date: '2025-03-12', source: { file: 'stdin', line: 3 }, links: [{ url: 'https://github.com/a/b', kind: 'code' }] }]);
  });
});

describe('papers list errors: one line naming the file, exit 2, no stack trace', () => {
  const expectOneLine = (r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^papers: /);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
  };

  it('a missing file', async () => {
    const { dir, env } = sandbox();
    const missing = join(dir, 'nope.txt');
    expectOneLine(await papers(['list', missing], env), new RegExp(`${missing.replace(/[.]/g, '\\.')}: no such file`));
  });

  it('a directory', async () => {
    const { dir, env } = sandbox();
    expectOneLine(await papers(['list', dir], env), /is a directory/);
  });

  it('a binary file', async () => {
    const { dir, env } = sandbox();
    const file = join(dir, 'image.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expectOneLine(await papers(['list', file], env), /image\.png: is a binary file/);
  });

  it('an empty file', async () => {
    const { dir, env } = sandbox();
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    expectOneLine(await papers(['list', file], env), /empty\.txt: is empty/);
  });

  it('a file with no papers', async () => {
    const { dir, env } = sandbox();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'just some words\n');
    expectOneLine(await papers(['list', file], env), /notes\.txt(:\d+)?: no papers found/);
    const dateOnly = join(dir, 'date-only.txt');
    writeFileSync(dateOnly, 'Mar 12\n');
    expectOneLine(await papers(['list', dateOnly], env), /date-only\.txt: no papers found/);
  });

  it('a good file and a bad one: the bad one is named, nothing printed', async () => {
    const { dir, env } = sandbox();
    const copy = join(dir, 'good.txt');
    copyFileSync(HF2, copy);
    expectOneLine(await papers(['list', copy, join(dir, 'missing.txt')], env), /missing\.txt: no such file/);
  });

  it('a wrong flag or flag value', async () => {
    const { env } = sandbox();
    expectOneLine(await papers(['list', '--bogus'], env), /--bogus/);
    expectOneLine(await papers(['list', '--limit', 'x'], env), /--limit x/);
    expectOneLine(await papers(['list', '--year', '12'], env), /--year 12/);
  });

  it('a mistyped command is not taken for a missing file', async () => {
    const { env } = sandbox();
    expectOneLine(await papers(['lsit'], env), /unknown command 'lsit'.*did you mean 'papers list'/);
    expectOneLine(await papers(['serch', 'x'], env), /did you mean 'papers search'/);
    // after an explicit `list`, the word is a file name again
    expectOneLine(await papers(['list', 'lsit'], env), /lsit: no such file/);
  });
});

describe('papers list --help', () => {
  it('shows examples', async () => {
    const r = await papers(['list', '--help'], sandbox().env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('papers list digest.txt --limit 10');
  });
});
