// `papers search`, `papers list -q` and `papers help query`, through the built binary, in a
// temporary PAPERS_HOME. The papers are the bundled seed (seeds/000_8fc7cc936e25f888.txt).
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './run-in-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = join(ROOT, 'seeds', '000_8fc7cc936e25f888.txt');

function home(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'papers-search-'));
  return { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PAPERS_HOME: join(dir, 'lib'), XDG_CONFIG_HOME: join(dir, 'config'), PAPERS_CONFIG: join(dir, 'config.yaml') };
}

const papers = (args: readonly string[], env: NodeJS.ProcessEnv = home()) => run(args, env);

interface JsonHit {
  id: string;
  title: string;
  abstract: string;
  score: number;
  matches: { title: Array<[number, number]>; abstract: Array<[number, number]> };
  snippet: { text: string; start: number; end: number; matches: Array<[number, number]> };
  tags: string[];
}

describe('papers search', () => {
  it('ranks the protein design paper first for "protien desing" (plain lines when piped)', async () => {
    const r = await papers(['search', 'protien desing']);
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n')[0]!.split('\t');
    expect(first[0]).toBe('1');
    expect(first[6]).toMatch(/protein design/i);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--json adds score, match positions and the snippet to the list --json fields', async () => {
    const r = await papers(['search', 'linear attention', '--json', '--limit', '3']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as JsonHit[];
    expect(hits).toHaveLength(3);
    const [best] = hits;
    expect(best!.score).toBeGreaterThan(hits[2]!.score);
    expect(best!.tags).toEqual([]);
    const words = best!.matches.title.map(([s, e]) => best!.title.slice(s, e).toLowerCase());
    expect(words).toEqual(['linear', 'attention']);
    for (const [s, e] of best!.matches.abstract) expect(best!.abstract.slice(s, e).toLowerCase()).toMatch(/^(linear|attention)/);
    expect(best!.abstract.slice(best!.snippet.start, best!.snippet.end)).toBe(best!.snippet.text);
    for (const [s, e] of best!.snippet.matches) expect(best!.snippet.text.slice(s, e).toLowerCase()).toMatch(/^(linear|attention)/);
  });

  it('--limit caps the hits and says on stderr how many more there are', async () => {
    const r = await papers(['search', 'attention', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/more match/);
  });

  it('exits 1 with a clear message when nothing matches', async () => {
    const r = await papers(['search', 'zebrafish']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^papers: no paper matches "zebrafish"/);
    const json = await papers(['search', 'zebrafish', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('exits 2 on a malformed query, with a caret under the offending token', async () => {
    const query = 'linear since:notadate';
    const r = await papers(['search', query]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    const echoed = lines.findIndex((l) => l.trimStart() === query);
    expect(echoed).toBeGreaterThan(0);
    const caret = lines[echoed + 1]!;
    const column = lines[echoed]!.indexOf(query) + query.indexOf('notadate');
    expect(caret.indexOf('^')).toBe(column);
    expect(caret.trim()).toBe('^'.repeat('notadate'.length));
    expect(r.stderr).toMatch(/not a date/);
  });

  it('an unclosed quote and an unknown field are pointed at too', async () => {
    expect((await papers(['search', 'a "b c'])).stderr).toMatch(/never closed/);
    const r = await papers(['search', 'foo:bar']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown field "foo:"/);
  });

  it('searches the files given', async () => {
    const r = await papers(['search', 'protien', SEED, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonHit[])[0]!.title).toMatch(/protein/i);
  });

  it('an unquoted multi-word query gets a hint to quote it', async () => {
    const r = await papers(['search', 'linear', 'attention']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/quote them: papers search "linear attention"/);
  });

  it('a library search runs over the library database, and no separate index file is written', async () => {
    const env = home();
    expect((await papers(['import', SEED], env)).code).toBe(0);
    const r = await papers(['search', 'protien desing', '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonHit[])[0]!.title).toMatch(/protein design/i);
    expect(existsSync(join(env.PAPERS_HOME!, 'cache', 'papers.db'))).toBe(true);
    expect(existsSync(join(env.PAPERS_HOME!, 'cache', 'search-index.bin'))).toBe(false);
  });

  it('after an import the new papers are found, by phrase and by a typo of a word only they hold', async () => {
    const env = home();
    expect((await papers(['import', SEED], env)).code).toBe(0);
    expect((await papers(['search', 'protein'], env)).code).toBe(0);
    const second = join(ROOT, 'test', 'fixtures', 'corpora', 'arxiv-mailing-1.txt');
    expect((await papers(['import', second], env)).code).toBe(0);
    const all = JSON.parse((await papers(['list', '--json'], env)).stdout) as JsonHit[];
    const fresh = all.find((p) => !/^t/.test(p.id))!;
    const hits = JSON.parse((await papers(['search', `"${fresh.title.replace(/"/g, ' ')}"`, '--json'], env)).stdout) as JsonHit[];
    expect(hits[0]!.id).toBe(fresh.id);
    // the vocabulary typos expand against caught up with the import: a swap inside a long word
    const word = fresh.title.split(/[^A-Za-z]+/).sort((x, y) => y.length - x.length)[0]!.toLowerCase();
    expect(word.length).toBeGreaterThanOrEqual(8);
    const typo = word.slice(0, 3) + word[4] + word[3] + word.slice(5);
    const typed = JSON.parse((await papers(['search', typo, '--json', '--all'], env)).stdout) as JsonHit[];
    expect(typed.map((h) => h.id)).toContain(fresh.id);
  });

  it('searches the library database: a stale or corrupt old index file does not matter', async () => {
    const env = home();
    expect((await papers(['import', SEED], env)).code).toBe(0);
    const cache = join(env.PAPERS_HOME!, 'cache', 'search-index.bin');
    writeFileSync(cache, 'PAPERSIX\u0000 an index file of the old format');
    const r = await papers(['search', 'protien desing', '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonHit[])[0]!.title).toMatch(/protein design/i);
    writeFileSync(cache, 'not an index');
    expect((await papers(['search', 'protien desing'], env)).code).toBe(0);
  });
});

describe('papers list -q', () => {
  it('lists the matching papers in rank order, as search does', async () => {
    const env = home();
    const listed = JSON.parse((await papers(['list', '-q', 'linear attention -quantization', '--json'], env)).stdout) as JsonHit[];
    const searched = JSON.parse((await papers(['search', 'linear attention -quantization', '--json', '--all'], env)).stdout) as JsonHit[];
    expect(listed.length).toBeGreaterThan(3);
    expect(listed.map((p) => p.id)).toEqual(searched.map((p) => p.id));
    expect(listed.some((p) => /quantization/i.test(p.title + p.abstract))).toBe(false);
  });

  it('refuses a malformed query with exit 2', async () => {
    const r = await papers(['list', '--query', 'a | | b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/two "\|" in a row/);
  });
});

describe('papers help', () => {
  it('help query documents the query language', async () => {
    const r = await papers(['help', 'query']);
    expect(r.code).toBe(0);
    for (const piece of ["'word", '"linear attention"', '|', '-quantization', '-tag:', '+to-read', 'title:', 'since:', 'has:code']) expect(r.stdout).toContain(piece);
  });

  it('help COMMAND shows that command’s help; an unknown topic is a usage error', async () => {
    const r = await papers(['help', 'search']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: papers search/);
    const bad = await papers(['help', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no such command or topic/);
  });
});
