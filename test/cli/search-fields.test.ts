// author:, cat: and saved searches through the built binary, on two real arXiv mailings
// (test/fixtures/corpora/arxiv-mailing-2.txt and -3.txt). The expected papers of each query are
// worked out here from `papers list --json` of the same files, not written down by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './run-in-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILES = ['arxiv-mailing-2.txt', 'arxiv-mailing-3.txt'].map((f) => join(ROOT, 'test', 'fixtures', 'corpora', f));

const SEARCHES = `searches:
  astro-co: 'cat:astro-ph.CO'
  mine: 'author:Meneghetti'
  both: '@mine | @astro-co'
  loop: '@loop-back'
  loop-back: '@loop'
`;

function home(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'papers-fields-'));
  writeFileSync(join(dir, 'config.yaml'), SEARCHES);
  return { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PAPERS_HOME: join(dir, 'lib'), PAPERS_CONFIG: join(dir, 'config.yaml') };
}

const env = home();
const papers = (args: readonly string[]) => run(args, env);

interface JsonPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
}

const ids = (stdout: string) => (JSON.parse(stdout) as JsonPaper[]).map((p) => p.id).sort();
const listed = async (query: string) => {
  const r = await papers(['list', '--json', '-q', query, ...FILES]);
  expect(r.code, `${query}: ${r.stderr}`).toBe(0);
  return ids(r.stdout);
};
/** Words as a reader sees them: letters and digits, case and accents folded. */
const wordsOf = (text: string): string[] => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

let all: JsonPaper[];
beforeAll(async () => {
  const r = await papers(['list', '--json', ...FILES]);
  expect(r.code).toBe(0);
  all = JSON.parse(r.stdout) as JsonPaper[];
});

const expected = (keep: (p: JsonPaper) => boolean) => all.filter(keep).map((p) => p.id).sort();
const bySurname = (name: string) => expected((p) => p.authors.some((a) => wordsOf(a).includes(name)));

describe('author: and cat: on the shared corpora', () => {
  it('the corpora have the papers these queries are about', async () => {
    expect(bySurname('meneghetti').length).toBeGreaterThan(0);
    expect(expected((p) => p.categories.includes('astro-ph.CO')).length).toBeGreaterThan(0);
    expect(expected((p) => p.categories.includes('math.OA')).length).toBeGreaterThan(0);
  });

  it('author:Meneghetti, author:meneghetti and a one-typo surname find exactly the papers with that author', async () => {
    const want = bySurname('meneghetti');
    expect(await listed('author:Meneghetti')).toEqual(want);
    expect(await listed('author:meneghetti')).toEqual(want);
    expect(await listed('author:Menegheti')).toEqual(want);
    expect(await listed('author:Mengehetti')).toEqual(want); // a swap of neighbours is one edit
  });

  it('a bare surname finds the papers with it among the authors or in the text', async () => {
    const want = expected((p) => [...p.authors.flatMap(wordsOf), ...wordsOf(p.title), ...wordsOf(p.abstract)].some((w) => w.startsWith('meneghetti')));
    expect(await listed('Meneghetti')).toEqual(want);
  });

  it('a full name is one author, adjacent words', async () => {
    const full = all.flatMap((p) => p.authors).find((a) => wordsOf(a).includes('meneghetti'))!;
    const want = expected((p) => p.authors.some((a) => wordsOf(a).join(' ').includes(wordsOf(full).join(' '))));
    expect(await listed(`author:"${full}"`)).toEqual(want);
  });

  it('cat: a category, an archive, a primary category', async () => {
    expect(await listed('cat:astro-ph.CO')).toEqual(expected((p) => p.categories.includes('astro-ph.CO')));
    expect(await listed('cat:astro-ph')).toEqual(expected((p) => p.categories.some((c) => c === 'astro-ph' || c.startsWith('astro-ph.'))));
    expect(await listed('cat:math.OA!')).toEqual(expected((p) => p.categories[0] === 'math.OA'));
    expect(await listed('cat:math.OA')).toEqual(expected((p) => p.categories.includes('math.OA')));
    expect(await listed('cat:math.GR!')).toEqual(expected((p) => p.categories[0] === 'math.GR'));
    expect(await listed('cat:astro-ph -cat:astro-ph.CO')).toEqual(expected((p) => p.categories.some((c) => c.startsWith('astro-ph.')) && !p.categories.includes('astro-ph.CO')));
  });

  it('has:authors', async () => {
    expect(await listed('has:authors')).toEqual(expected((p) => p.authors.length > 0));
  });
});

describe('saved searches', () => {
  it('@name in list -q, alone and with more terms, nested and negated', async () => {
    expect(await listed('@astro-co')).toEqual(await listed('cat:astro-ph.CO'));
    expect(await listed('@astro-co -galaxy')).toEqual(await listed('cat:astro-ph.CO -galaxy'));
    expect(await listed('@both')).toEqual(await listed('author:Meneghetti | cat:astro-ph.CO'));
    expect(await listed('cat:astro-ph -@mine')).toEqual(await listed('cat:astro-ph -author:Meneghetti'));
  });

  it('@name in papers search', async () => {
    const r = await papers(['search', '@mine', '--json', ...FILES]);
    expect(r.code, r.stderr).toBe(0);
    expect(ids(r.stdout)).toEqual(bySurname('meneghetti'));
  });

  it('@name in papers export -q, over the library', async () => {
    for (const f of FILES) expect((await papers(['import', f])).code).toBe(0);
    const r = await papers(['export', '-q', '@astro-co', '--format', 'csl-json']);
    expect(r.code, r.stderr).toBe(0);
    const exported = (JSON.parse(r.stdout) as Array<{ id: string }>).map((e) => e.id);
    expect(exported).toHaveLength(expected((p) => p.categories.includes('astro-ph.CO')).length);
  });

  it('papers searches lists them, the broken ones with their problem', async () => {
    const r = await papers(['searches']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^@astro-co\s+cat:astro-ph\.CO$/m);
    expect(r.stdout).toMatch(/^@loop\s.*broken: saved search @loop names itself/m);
  });

  it('an unknown name is an error that lists the known ones', async () => {
    const r = await papers(['list', '-q', '@nope', ...FILES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown saved search @nope; saved searches are @astro-co @both @loop @loop-back @mine');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await papers(['search', '@mien', ...FILES])).stderr).toContain('unknown saved search @mien (did you mean @mine?); saved searches are @astro-co');
  });

  it('a saved search that names itself, through another, is an error, not a hang', async () => {
    const r = await papers(['search', '@loop', ...FILES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('saved search @loop names itself (@loop -> @loop-back -> @loop)');
  });
});
