// author:, cat: and saved searches through the built binary, on two real arXiv mailings
// (test/fixtures/corpora/arxiv-mailing-2.txt and -3.txt). The expected papers of each query are
// worked out here from `papers list --json` of the same files, not written down by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'papers.js');
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
function papers(args: readonly string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
}

const ids = (stdout: string) => (JSON.parse(stdout) as JsonPaper[]).map((p) => p.id).sort();
const listed = (query: string) => {
  const r = papers(['list', '--json', '-q', query, ...FILES]);
  expect(r.code, `${query}: ${r.stderr}`).toBe(0);
  return ids(r.stdout);
};
/** Words as a reader sees them: letters and digits, case and accents folded. */
const wordsOf = (text: string): string[] => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

let all: JsonPaper[];
beforeAll(() => {
  const r = papers(['list', '--json', ...FILES]);
  expect(r.code).toBe(0);
  all = JSON.parse(r.stdout) as JsonPaper[];
});

const expected = (keep: (p: JsonPaper) => boolean) => all.filter(keep).map((p) => p.id).sort();
const bySurname = (name: string) => expected((p) => p.authors.some((a) => wordsOf(a).includes(name)));

describe('author: and cat: on the shared corpora', () => {
  it('the corpora have the papers these queries are about', () => {
    expect(bySurname('meneghetti').length).toBeGreaterThan(0);
    expect(expected((p) => p.categories.includes('astro-ph.CO')).length).toBeGreaterThan(0);
    expect(expected((p) => p.categories.includes('math.OA')).length).toBeGreaterThan(0);
  });

  it('author:Meneghetti, author:meneghetti and a one-typo surname find exactly the papers with that author', () => {
    const want = bySurname('meneghetti');
    expect(listed('author:Meneghetti')).toEqual(want);
    expect(listed('author:meneghetti')).toEqual(want);
    expect(listed('author:Menegheti')).toEqual(want);
    expect(listed('author:Mengehetti')).toEqual(want); // a swap of neighbours is one edit
  });

  it('a bare surname finds the papers with it among the authors or in the text', () => {
    const want = expected((p) => [...p.authors.flatMap(wordsOf), ...wordsOf(p.title), ...wordsOf(p.abstract)].some((w) => w.startsWith('meneghetti')));
    expect(listed('Meneghetti')).toEqual(want);
  });

  it('a full name is one author, adjacent words', () => {
    const full = all.flatMap((p) => p.authors).find((a) => wordsOf(a).includes('meneghetti'))!;
    const want = expected((p) => p.authors.some((a) => wordsOf(a).join(' ').includes(wordsOf(full).join(' '))));
    expect(listed(`author:"${full}"`)).toEqual(want);
  });

  it('cat: a category, an archive, a primary category', () => {
    expect(listed('cat:astro-ph.CO')).toEqual(expected((p) => p.categories.includes('astro-ph.CO')));
    expect(listed('cat:astro-ph')).toEqual(expected((p) => p.categories.some((c) => c === 'astro-ph' || c.startsWith('astro-ph.'))));
    expect(listed('cat:math.OA!')).toEqual(expected((p) => p.categories[0] === 'math.OA'));
    expect(listed('cat:math.OA')).toEqual(expected((p) => p.categories.includes('math.OA')));
    expect(listed('cat:math.GR!')).toEqual(expected((p) => p.categories[0] === 'math.GR'));
    expect(listed('cat:astro-ph -cat:astro-ph.CO')).toEqual(expected((p) => p.categories.some((c) => c.startsWith('astro-ph.')) && !p.categories.includes('astro-ph.CO')));
  });

  it('has:authors', () => {
    expect(listed('has:authors')).toEqual(expected((p) => p.authors.length > 0));
  });
});

describe('saved searches', () => {
  it('@name in list -q, alone and with more terms, nested and negated', () => {
    expect(listed('@astro-co')).toEqual(listed('cat:astro-ph.CO'));
    expect(listed('@astro-co -galaxy')).toEqual(listed('cat:astro-ph.CO -galaxy'));
    expect(listed('@both')).toEqual(listed('author:Meneghetti | cat:astro-ph.CO'));
    expect(listed('cat:astro-ph -@mine')).toEqual(listed('cat:astro-ph -author:Meneghetti'));
  });

  it('@name in papers search', () => {
    const r = papers(['search', '@mine', '--json', ...FILES]);
    expect(r.code, r.stderr).toBe(0);
    expect(ids(r.stdout)).toEqual(bySurname('meneghetti'));
  });

  it('@name in papers export -q, over the library', () => {
    for (const f of FILES) expect(papers(['import', f]).code).toBe(0);
    const r = papers(['export', '-q', '@astro-co', '--format', 'csl-json']);
    expect(r.code, r.stderr).toBe(0);
    const exported = (JSON.parse(r.stdout) as Array<{ id: string }>).map((e) => e.id);
    expect(exported).toHaveLength(expected((p) => p.categories.includes('astro-ph.CO')).length);
  });

  it('papers searches lists them, the broken ones with their problem', () => {
    const r = papers(['searches']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^@astro-co\s+cat:astro-ph\.CO$/m);
    expect(r.stdout).toMatch(/^@loop\s.*broken: saved search @loop names itself/m);
  });

  it('an unknown name is an error that lists the known ones', () => {
    const r = papers(['list', '-q', '@nope', ...FILES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown saved search @nope; saved searches are @astro-co @both @loop @loop-back @mine');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(papers(['search', '@mien', ...FILES]).stderr).toContain('unknown saved search @mien (did you mean @mine?); saved searches are @astro-co');
  });

  it('a saved search that names itself, through another, is an error, not a hang', () => {
    const r = papers(['search', '@loop', ...FILES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('saved search @loop names itself (@loop -> @loop-back -> @loop)');
  });
});
