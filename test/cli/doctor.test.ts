import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtOnce, ROOT, run as papers, sandbox, SEED } from './run-in-process.js';

const SECOND = join(ROOT, 'test', 'fixtures', 'corpora', 'hf-papers-2.txt'); // see test/fixtures/README.md

interface Finding {
  severity: 'ok' | 'warning' | 'problem';
  subject: string;
  message: string;
  repairable: boolean;
}

async function succeed(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = await papers(args, env);
  if (r.code !== 0) throw new Error(`papers ${args.join(' ')}: ${r.stderr}`);
  return r;
}

let ids: string[] = [];
/** A library with two overlapping digests, tags and a note: built once, copied for each test. */
const libraryCopy = builtOnce(async (env) => {
  await succeed(env, 'import', SEED);
  await succeed(env, 'import', SECOND);
  ids = (JSON.parse((await succeed(env, 'list', '--json')).stdout) as Array<{ id: string }>).map((p) => p.id);
  await succeed(env, 'tag', ids[0]!, ids[1]!, '+to-read');
  await succeed(env, 'tag', ids[5]!, '+skip');
  await succeed(env, 'note', ids[1]!, 'read section 3 first');
  await succeed(env, 'search', 'neural network');
});

async function library() {
  const { dir, env } = await libraryCopy();
  return { env, lib: dir, run: (...args: string[]) => succeed(env, ...args), ids };
}

async function doctor(env: NodeJS.ProcessEnv, ...flags: string[]) {
  const r = await papers(['doctor', '--json', ...flags], env);
  const json = JSON.parse(r.stdout) as { findings: Finding[]; repaired: string | null };
  return { code: r.code, stderr: r.stderr, findings: json.findings, problems: json.findings.filter((f) => f.severity === 'problem'), repaired: json.repaired };
}

/** Every file under dir (relative path -> bytes), for proving a repair lost nothing. */
function files(dir: string, under = ''): Map<string, string> {
  const all = new Map<string, string>();
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    const rel = join(under, entry.name);
    if (entry.isDirectory()) for (const [k, v] of files(dir, rel)) all.set(k, v);
    else all.set(rel, readFileSync(join(dir, rel), 'latin1'));
  }
  return all;
}

describe('papers doctor', () => {
  let box: Awaited<ReturnType<typeof library>>;
  beforeEach(async () => {
    box = await library();
  });

  it('finds a healthy library healthy', async () => {
    const r = await doctor(box.env);
    expect(r.code).toBe(0);
    expect(r.problems).toEqual([]);
    expect(r.findings.map((f) => f.subject)).toEqual(expect.arrayContaining(['lock', 'digests/', 'decisions.yaml', 'cache/']));
    const text = await papers(['doctor'], box.env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/the library is healthy/);
  });

  it('rebuilds every derived file after they are all deleted: list --json is identical, sources untouched', async () => {
    const before = (await box.run('list', '--json')).stdout;
    const sources = files(box.lib);
    const derived = readdirSync(join(box.lib, 'cache'));
    expect(derived).toEqual(expect.arrayContaining(['papers.db']));
    rmSync(join(box.lib, 'cache'), { recursive: true });

    const broken = await doctor(box.env);
    expect(broken.code).toBe(1);
    expect(broken.problems.map((f) => f.subject)).toContain('cache/');

    const repaired = await doctor(box.env, '--repair');
    expect(repaired.code).toBe(0);
    expect(repaired.problems).toEqual([]);
    expect(repaired.repaired).toMatch(/rebuilt every derived file from 2 digests/);
    expect(readdirSync(join(box.lib, 'cache')).sort()).toEqual(derived.sort());
    // the sources of truth and the state are byte for byte as they were
    const after = files(box.lib);
    for (const [path, bytes] of sources) if (!path.startsWith('cache/')) expect(after.get(path), path).toBe(bytes);

    expect((await box.run('list', '--json')).stdout).toBe(before);
    const kept = JSON.parse(before) as Array<{ id: string; tags: string[]; note: string | null }>;
    expect(kept.filter((p) => p.tags.includes('to-read')).map((p) => p.id)).toEqual([box.ids[0], box.ids[1]]);
    expect(kept.find((p) => p.id === box.ids[1])!.note).toBeTruthy();
  });

  it('reports a stale lock, and --repair removes it', async () => {
    writeFileSync(join(box.lib, 'lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), time: '2020-01-01T00:00:00.000Z' }));
    const r = await doctor(box.env);
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([expect.objectContaining({ subject: 'lock', repairable: true, message: expect.stringMatching(/stale lock .*is gone|older than/) })]);
    const fixed = await doctor(box.env, '--repair');
    expect(fixed.code).toBe(0);
    expect(existsSync(join(box.lib, 'lock'))).toBe(false);
  });

  it('reports a database inconsistent with the digests, and --repair fixes it', async () => {
    const before = (await box.run('list', '--json')).stdout;
    const title = (JSON.parse(before) as Array<{ title: string }>)[3]!.title;
    const db = new Database(join(box.lib, 'cache', 'papers.db'));
    db.prepare('UPDATE papers SET title = ? WHERE title = ?').run(`${title} (edited)`, title);
    db.close();
    const r = await doctor(box.env);
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([expect.objectContaining({ subject: 'cache/papers.db', repairable: true, message: expect.stringMatching(/^1 paper differs from what the digests give/) })]);
    expect((await doctor(box.env, '--repair')).code).toBe(0);
    expect((await box.run('list', '--json')).stdout).toBe(before);
  });

  it('rebuilds a damaged database by itself, saying so in one line', async () => {
    const before = (await box.run('list', '--json')).stdout;
    const path = join(box.lib, 'cache', 'papers.db');
    writeFileSync(path, readFileSync(path).subarray(0, 3000)); // truncated
    const r = await papers(['list', '--json'], box.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^papers: the library's database \(cache\/papers\.db\) is damaged \(truncated\); rebuilding it from the kept digests\n$/);
    expect(r.stdout).toBe(before);
    writeFileSync(path, 'not a database at all, just some garbage bytes '.repeat(100));
    const g = await papers(['list', '--json'], box.env);
    expect([g.code, g.stderr]).toEqual([0, "papers: the library's database (cache/papers.db) is damaged (not a database file); rebuilding it from the kept digests\n"]);
    expect(g.stdout).toBe(before);
    expect((await doctor(box.env)).problems).toEqual([]);
  });

  it('reports a decisions cache that disagrees with decisions.yaml, and a full-text index that lost a paper', async () => {
    const cachePath = join(box.lib, 'cache', 'decisions.json');
    // a read that parses decisions.yaml writes the cache: one after an edit made from outside
    // (here a comment), which the database's copy of the decisions has not seen
    writeFileSync(join(box.lib, 'decisions.yaml'), `${readFileSync(join(box.lib, 'decisions.yaml'), 'utf8')}# read\n`);
    await box.run('tags');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { hash: string; decisions: unknown[] };
    writeFileSync(cachePath, JSON.stringify({ ...cache, decisions: cache.decisions.slice(1) }));
    const r1 = await doctor(box.env);
    expect(r1.problems.map((f) => f.subject)).toEqual(['cache/decisions.json']);
    expect((await doctor(box.env, '--repair')).code).toBe(0);
    // a full-text index that lost a paper's row
    const db = new Database(join(box.lib, 'cache', 'papers.db'));
    const row = db.prepare('SELECT seq, title, authors, abstract FROM papers_text ORDER BY seq LIMIT 1').get() as { seq: number; title: string; authors: string; abstract: string };
    db.prepare("INSERT INTO papers_fts (papers_fts, rowid, title, authors, abstract) VALUES ('delete', ?, ?, ?, ?)").run(row.seq, row.title, row.authors, row.abstract);
    db.close();
    const r2 = await doctor(box.env);
    expect(r2.problems.map((f) => f.subject)).toEqual(['cache/papers.db']);
    expect((await doctor(box.env, '--repair')).code).toBe(0);
    expect((await doctor(box.env)).problems).toEqual([]);
  });

  it("reports the database's copy of decisions.yaml when it disagrees with the file; a repair rebuilds it and keeps the file", async () => {
    const ids = (JSON.parse((await box.run('list', '--json', '--limit', '2')).stdout) as Array<{ id: string }>).map((p) => p.id);
    await box.run('tag', ...ids, '+to-read');
    await box.run('list', '--tag', 'to-read'); // a read fills the copy
    const decisions = readFileSync(join(box.lib, 'decisions.yaml'), 'utf8');
    const db = new Database(join(box.lib, 'cache', 'papers.db'));
    expect(db.prepare('DELETE FROM decision_tags WHERE key = (SELECT key FROM decision_tags LIMIT 1)').run().changes + db.prepare("UPDATE decision_rows SET decision = '{\"tags\":{},\"note\":null}'").run().changes).toBeGreaterThan(1);
    db.close();
    const r = await doctor(box.env);
    expect(r.problems.map((f) => [f.subject, f.repairable])).toEqual([['cache/papers.db', true]]);
    expect((await doctor(box.env, '--repair')).code).toBe(0);
    expect((await doctor(box.env)).problems).toEqual([]);
    expect(readFileSync(join(box.lib, 'decisions.yaml'), 'utf8')).toBe(decisions);
    expect((await box.run('list', '--tag', 'to-read', '--plain')).stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('reports what it cannot repair and changes none of it: an invalid decisions.yaml, a changed digest', async () => {
    const decisions = join(box.lib, 'decisions.yaml');
    const broken = `${readFileSync(decisions, 'utf8')}\n  - this: [is not valid\n`;
    writeFileSync(decisions, broken);
    const digest = readdirSync(join(box.lib, 'digests')).find((f) => f.endsWith('.txt'))!;
    const digestPath = join(box.lib, 'digests', digest);
    writeFileSync(digestPath, `${readFileSync(digestPath, 'utf8')}\nedited by hand\n`);
    const r = await doctor(box.env, '--repair');
    expect(r.code).toBe(1);
    const bySubject = Object.fromEntries(r.problems.map((f) => [f.subject, f]));
    expect(bySubject['decisions.yaml']).toMatchObject({ repairable: false, message: expect.stringMatching(/^line \d+:\d+: /) });
    expect(bySubject[`digests/${digest}`]).toMatchObject({ repairable: false, message: expect.stringMatching(/no longer matches its hash/) });
    expect(readFileSync(decisions, 'utf8')).toBe(broken);
  });

  it('has nothing to check where there is no library, and creates none', async () => {
    const { env } = sandbox();
    const r = await doctor(env, '--repair');
    expect(r.code).toBe(0);
    expect(existsSync(env.PAPERS_HOME!)).toBe(false);
  });
});
