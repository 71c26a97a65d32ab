// The library through the built program: import, tag, tags, show, note, undo, list filters,
// concurrency, kills in the middle of a write, locks, git merges of decisions.yaml. Real processes
// where the test is about processes (and for the listings on a terminal), else in process.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecisions } from '../../src/core/decisions.js';
import { dumpDatabase, hfDigest, seedPapers, tempDir } from '../io/library-helpers.js';
import { run as runProcess, runOnTerminal, start } from './library-run.js';
import { builtOnce, libraryEnv, run, SEED } from './run-in-process.js';
import { hookEnv, reached } from './hooks-run.js';
import * as YAML from 'yaml';

const seededLibrary = builtOnce(async (env) => {
  const r = await run(['import', SEED, '--year', '2025'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

async function listIds(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string[]> {
  const r = await run(['list', '--json', ...args], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as Array<{ id: string }>).map((p) => p.id);
}

async function tagsOf(env: NodeJS.ProcessEnv, id: string): Promise<string[]> {
  return (JSON.parse((await run(['show', id, '--json'], env)).stdout) as { tags: string[] }).tags;
}

describe('papers import', () => {
  it('prints one line per file; importing again changes nothing and says so', async () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    const seed = seedPapers();
    const second = join(dir, '..', `second-${Date.now()}.txt`);
    writeFileSync(second, hfDigest('2025-03-20', [seed[0]!, { title: 'A Completely New Paper on Library Merging', abstract: 'We merge libraries. Every decision survives a git merge between two machines.' }]));
    const first = await run(['import', SEED, second], env);
    expect(first.stderr).toBe('');
    // the line starts with what `papers parse` prints (dates: the seed's year comes from its mtime)
    expect(first.stdout).toMatch(new RegExp(`^${SEED.replace(/[.]/g, '\\.')}: hf-page, 100 papers found \\(\\d{4}-03-12\\), 100 new, 0 updated\n`));
    expect(first.stdout.split('\n')[1]).toBe(`${second}: hf-page, 2 papers found (2025-03-20), 1 new, 1 updated`);
    const before = dumpDatabase(dir);
    const again = await run(['import', second], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^${second.replace(/[.]/g, '\\.')}: hf-page, 2 papers: already imported on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d; nothing changed\\n$`));
    expect(dumpDatabase(dir)).toEqual(before);
    const fromStdin = await run(['import', '-'], env, readFileSync(second, 'utf8'));
    expect(fromStdin.stdout).toMatch(/^stdin: hf-page, 2 papers: already imported \(as .*second-.*\.txt on .*\); nothing changed\n$/);
    expect(await listIds(env)).toHaveLength(101);
  });

  it('reports a file that is not a digest and imports the others', async () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    const junk = join(dir, '..', `junk-${Date.now()}.txt`);
    writeFileSync(junk, '\n\n');
    const r = await run(['import', junk, SEED], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`papers: ${junk}`);
    expect(r.stderr).toContain('is empty');
    expect(r.stdout).toMatch(new RegExp(`${SEED.replace(/[.]/g, '\\.')}: hf-page, 100 papers found \\(\\d{4}-03-12\\), 100 new`));
  });
});

describe('papers tag / tags / show / note / undo', () => {
  it('resolves row numbers of the last listing, ids and unique prefixes', async () => {
    const { env } = await seededLibrary();
    const ids = await listIds(env);
    // Row numbers come from listings shown on a terminal (the JSON ones above are for scripts).
    runOnTerminal(['list', '--limit', '5'], env);
    expect((await run(['tag', '2', '+to-read'], env)).stdout).toMatch(new RegExp(`^tagged 1 paper \\+to-read: ${ids[1]} “.+”\n$`));
    const prefixOf = (id: string) => {
      for (let n = 2; n <= id.length; n++) if (ids.filter((x) => x.startsWith(id.slice(0, n))).length === 1) return id.slice(0, n);
      return id;
    };
    expect((await run(['tag', prefixOf(ids[9]!), ids[10]!, '+to-read', '+later'], env)).code).toBe(0);
    expect(await listIds(env, '--tag', 'to-read')).toEqual([ids[1], ids[9], ids[10]]);
    expect(await listIds(env, '--tag', 'to-read', '--tag', 'later')).toEqual([ids[9], ids[10]]);
    expect(await listIds(env, '--tag', 'to-read', '--not-tag', 'later')).toEqual([ids[1]]);
    // rows refer to the listing just printed (the filtered one)
    runOnTerminal(['list', '--tag', 'to-read'], env);
    expect((await run(['tag', '3', '-later'], env)).stdout).toMatch(new RegExp(`^tagged 1 paper -later: ${ids[10]} “.+”\n$`));

    // papers search records its rows too
    const hits = JSON.parse((await run(['search', 'linear attention', '--json', '--limit', '3'], env)).stdout) as Array<{ id: string }>;
    expect(hits).toHaveLength(3);
    runOnTerminal(['search', 'linear attention', '--limit', '3'], env);
    expect((await run(['tag', '3', '+from-search'], env)).stdout).toMatch(new RegExp(`^tagged 1 paper \\+from-search: ${hits[2]!.id} “.+”\n$`));
    runOnTerminal(['list', '--tag', 'to-read'], env);

    const out = await run(['tag', '4', '+x'], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('papers: 4: the last listing has 3 rows; give a row from 1 to 3, or the paper id\n');
    const ambiguous = await run(['tag', 't', '+x'], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/^papers: t: ambiguous, \d+ papers start with it: t\w+, t\w+/);
    expect((await run(['tag', 'nope', '+x'], env)).stderr).toContain('nope: no paper has this id');
    expect((await run(['tag', '1', '+new'], env)).stderr).toContain('"new" is a virtual tag');
    expect((await run(['tag', '1'], env)).stderr).toContain('no tag given');
  }, 90_000); // two dozen runs of the binary

  it('tags counts, show, note and undo', async () => {
    const { env } = await seededLibrary();
    const ids = await listIds(env);
    await run(['tag', ids[0]!, ids[1]!, '+to-read'], env);
    await run(['tag', ids[1]!, '+skip', '-to-read'], env);
    expect((await run(['tags'], env)).stdout).toBe('  1  skip\n  1  to-read\n100  new  (virtual)\n  0  seen  (virtual)\n 98  untriaged  (virtual)\n');
    expect((await run(['note', ids[0]!, 'read', 'section 3'], env)).stdout).toMatch(new RegExp(`^noted ${ids[0]} “.+”\n$`));
    const shown = JSON.parse((await run(['show', ids[0]!, '--json'], env)).stdout);
    expect(shown).toMatchObject({ id: ids[0], tags: ['to-read'], note: 'read section 3', virtualTags: ['new'] });
    expect(shown.sightings[0].file).toBe(SEED);
    const text = (await run(['show', ids[0]!], env)).stdout;
    expect(text).toContain('+to-read (');
    expect(text).toContain('read section 3');
    expect(text).toContain(`${SEED}:`);
    expect((await run(['undo'], env)).stdout).toBe(`undid: noted ${ids[0]}\n`);
    expect((await run(['undo'], env)).stdout).toBe('undid: tagged 1 paper +skip -to-read\n');
    expect(await tagsOf(env, ids[1]!)).toEqual(['to-read']);
    expect((await run(['undo'], env)).stdout).toBe('undid: tagged 2 papers +to-read\n');
    expect((await run(['undo'], env)).stdout).toBe('nothing to undo\n');
    expect(await listIds(env, '--tag', 'untriaged')).toHaveLength(100);
  });

  it('list filters: --new, --since/--until, --digest, virtual tags', async () => {
    const { dir, env } = await seededLibrary();
    const seed = seedPapers();
    const second = join(dir, '..', `second-${Date.now()}.txt`);
    const fresh = { title: 'A Completely New Paper on Library Merging', abstract: 'We merge libraries. Every decision survives a git merge between two machines.' };
    writeFileSync(second, hfDigest('2025-03-20', [seed[3]!, fresh]));
    await run(['import', second], env);
    const all = await listIds(env);
    expect(all).toHaveLength(101);
    expect(await listIds(env, '--new')).toEqual([all[100]]);
    expect(await listIds(env, '--tag', 'seen')).toEqual([all[3]]);
    expect(await listIds(env, '--since', '2025-03-20')).toEqual([all[3], all[100]]);
    expect(await listIds(env, '--until', '2025-03-19')).toHaveLength(100);
    expect(await listIds(env, '--digest', second)).toEqual([all[3], all[100]]);
    expect((await run(['list', '--since', 'soon'], env)).stderr).toContain('--since soon: expected a date');
  });

  it('tagging the bundled seed in an empty library imports it first', async () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    const ids = await listIds(env);
    expect(ids).toHaveLength(100);
    runOnTerminal(['list', '--plain'], env);
    expect(existsSync(join(dir, 'digests'))).toBe(false);
    expect((await run(['tag', '7', '+to-read'], env)).code).toBe(0);
    expect(readdirSync(join(dir, 'digests'))).toHaveLength(2);
    expect(await listIds(env, '--tag', 'to-read')).toEqual([ids[6]]);
  });
});

describe('safety', () => {
  it('twenty concurrent papers tag processes lose no tag', async () => {
    const { env } = await seededLibrary();
    const ids = await listIds(env);
    const runs = Array.from({ length: 20 }, (_, i) => start(['tag', ids[i]!, ids[50]!, `+t${i}`, '+to-read'], env).done);
    const results = await Promise.all(runs);
    for (const r of results) expect([r.code, r.stderr]).toEqual([0, '']);
    expect(await listIds(env, '--tag', 'to-read')).toEqual([...ids.slice(0, 20), ids[50]]);
    expect((await tagsOf(env, ids[50]!)).sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `t${i}`), 'to-read'].sort());
    const journal = (await run(['undo', '--list'], env)).stdout.trim().split('\n');
    expect(journal).toHaveLength(20);
  });

  it('a tag killed with SIGKILL halfway through any of its writes, or between them, leaves the old or the new state', async () => {
    const { dir, env } = await seededLibrary();
    const ids = await listIds(env);
    const allFilesParse = () => {
      const decisions = parseDecisions(() => YAML, readFileSync(join(dir, 'decisions.yaml'), 'utf8'));
      expect(decisions.ok).toBe(true);
      for (const f of ['cache/index.json', 'cache/library.json', 'cache/decisions.json', 'state/journal.json']) {
        if (existsSync(join(dir, f))) JSON.parse(readFileSync(join(dir, f), 'utf8'));
      }
      return decisions.ok ? decisions.decisions : new Map();
    };
    await run(['tag', ids[0]!, '+base'], env);
    const killedAt: string[] = [];
    let i = 0;
    /** A tag of one more paper with the hook `point`; whether the hook killed it. */
    const killAt = async (point: string): Promise<boolean> => {
      i++;
      const before = allFilesParse();
      const hooks = hookEnv(env, point);
      const r = await start(['tag', ids[i]!, `+k${i}`], hooks.env).done;
      const after = allFilesParse();
      const tagged = after.get(ids[i]!)?.tags ?? {};
      // old state (no k tag) or new state (the k tag): never anything else
      expect(Object.keys(tagged).filter((t) => t !== `k${i}`)).toEqual(Object.keys(before.get(ids[i]!)?.tags ?? {}));
      expect(Object.keys(after.get(ids[0]!)!.tags)).toEqual(['base']);
      if (r.signal !== 'SIGKILL') {
        expect([r.code, r.stderr]).toEqual([0, '']);
        return false;
      }
      const name = point.split(/[@:]/)[0]!;
      await reached(hooks.dir, name);
      const marker = readdirSync(hooks.dir).find((f) => f.startsWith(`${name}.`))!;
      killedAt.push(name === 'write-midway' ? readFileSync(join(hooks.dir, marker), 'utf8').slice(dir.length + 1) : name);
      return true;
    };
    // halfway through the n-th file a tag writes, for every n until a tag makes no n-th write
    for (let n = 1; await killAt(`write-midway@${n}:kill`); n++) expect(n).toBeLessThan(20);
    // and between decisions.yaml and the journal
    expect(await killAt('decisions-before-journal:kill')).toBe(true);
    expect(killedAt).toEqual(expect.arrayContaining(['decisions.yaml', 'decisions-before-journal']));
    // the lock the killed processes left behind is recovered; the library still works
    const r = await run(['tag', ids[30]!, '+after'], env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(await tagsOf(env, ids[30]!)).toEqual(['after']);
    // and the temp files of the killed writers are swept away
    const temps = ['', 'cache', 'state', 'backup'].flatMap((d) => readdirSync(join(dir, d)).filter((f) => f.endsWith('.tmp')));
    expect(temps).toEqual([]);
  });

  it('an import killed inside its transaction leaves a library that works and catches up', async () => {
    const { dir, env } = await seededLibrary();
    const second = join(dir, '..', `second-${Date.now()}.txt`);
    writeFileSync(second, hfDigest('2025-03-20', [{ title: 'A Completely New Paper on Library Merging', abstract: 'We merge libraries. Every decision survives a git merge between two machines.' }]));
    // the digest's .txt then .json are written, then its papers in one transaction: killed inside it
    const hooks = hookEnv(env, 'import-in-transaction:kill');
    expect((await start(['import', second], hooks.env).done).signal).toBe('SIGKILL');
    await reached(hooks.dir, 'import-in-transaction');
    // the next import of the same file does not call it imported while its paper is missing
    const again = await run(['import', second], env);
    expect(again.code).toBe(0);
    expect(await listIds(env)).toHaveLength(101);
    expect((await run(['list', '--json'], env)).stdout).toContain('A Completely New Paper on Library Merging');
  });

  it('waits for a live lock, then fails with a clear message; breaks a stale one', async () => {
    const { dir, env } = await seededLibrary();
    const ids = await listIds(env);
    const lock = join(dir, 'lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), time: '2025-03-12T08:00:00.000Z' }));
    // a process of its own: the lock names this one
    const held = runProcess(['tag', ids[0]!, '+x'], { ...env, PAPERS_LOCK_WAIT_MS: '300' });
    expect(held.code).toBe(1);
    expect(held.stderr).toBe(`papers: the library ${dir} is in use by papers process ${process.pid} on ${hostname()} (since 2025-03-12T08:00:00.000Z); try again when it has finished (if no papers is running, remove ${lock})\n`);
    expect(readFileSync(lock, 'utf8')).toContain(String(process.pid));
    // a lock left by a process that is gone
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lock, JSON.stringify({ pid: Number(dead), host: hostname(), time: '2025-03-12T08:00:00.000Z' }));
    const r = runProcess(['tag', ids[0]!, '+x'], { ...env, PAPERS_LOCK_WAIT_MS: '300' });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(existsSync(lock)).toBe(false);
  });

  it('an invalid decisions.yaml is reported with its line and left byte for byte', async () => {
    const { dir, env } = await seededLibrary();
    const ids = await listIds(env);
    await run(['tag', ids[0]!, '+to-read'], env);
    const path = join(dir, 'decisions.yaml');
    const broken = `${readFileSync(path, 'utf8')}\n${ids[1]}:\n  tags:\n    to-read: [oops\n`;
    writeFileSync(path, broken);
    const mtime = statSync(path).mtimeMs;
    const r = await run(['tag', ids[2]!, '+x'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^papers: ${path.replace(/[.]/g, '\\.')}:\\d+:\\d+: .*; fix the file by hand`));
    const line = Number(/decisions\.yaml:(\d+):/.exec(r.stderr)![1]);
    expect(broken.split('\n')[line - 1]).toMatch(/oops|^$/);
    // Reads go on without the decisions, after one warning; writes (undo too) refuse.
    const listed = await run(['list', '--plain'], env);
    expect([listed.code, listed.stderr.trim().split('\n')]).toEqual([0, [expect.stringMatching(new RegExp(`^papers: warning: ${path.replace(/[.]/g, '\\.')}:${line}:\\d+: `))]]);
    expect((await run(['undo'], env)).code).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(broken);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });
});

describe('decisions.yaml in git', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  async function twoMachines() {
    const { dir: a, env: envA } = await seededLibrary();
    writeFileSync(join(a, '.gitignore'), 'cache/\nstate/\nbackup/\nlock\n');
    const ids = [...(await listIds(envA))].sort();
    // a base with some decisions spread over the file
    for (const i of [10, 30, 50, 70]) await run(['tag', ids[i]!, '+base'], envA);
    git(a, 'init', '-q');
    git(a, 'add', '-A');
    git(a, 'commit', '-qm', 'base');
    const b = join(tempDir(), 'clone');
    git(a, 'clone', '-q', a, b);
    const envB = libraryEnv(b);
    return { a, b, envA, envB, ids };
  }

  it('two machines that tag different papers merge without conflict, with plain git', async () => {
    const { a, b, envA, envB, ids } = await twoMachines();
    await run(['tag', ids[20]!, '+to-read'], envA);
    await run(['tag', ids[60]!, '+skip'], envB);
    await run(['note', ids[30]!, 'from b'], envB);
    git(a, 'commit', '-qam', 'a');
    git(b, 'commit', '-qam', 'b');
    git(a, 'pull', '-q', '--no-rebase', '--no-edit', b, 'HEAD');
    const merged = parseDecisions(() => YAML, readFileSync(join(a, 'decisions.yaml'), 'utf8'));
    expect(merged.ok).toBe(true);
    expect(await tagsOf(envA, ids[20]!)).toEqual(['to-read']);
    expect(await tagsOf(envA, ids[60]!)).toEqual(['skip']);
    expect(JSON.parse((await run(['show', ids[30]!, '--json'], envA)).stdout).note).toBe('from b');
    expect((await run(['tags', '--json'], envA)).stdout).toContain('"tag": "base",\n    "count": 4');
  });

  it('with the merge driver, papers next to each other and the same paper merge too', async () => {
    const { a, b, envA, envB, ids } = await twoMachines();
    writeFileSync(join(a, '.gitattributes'), 'decisions.yaml merge=papers-decisions\n');
    git(a, 'config', 'merge.papers-decisions.driver', `"${process.execPath}" "${join(import.meta.dirname, '..', '..', 'bin', 'papers.js')}" merge-decisions %O %A %B`);
    // adjacent new entries at the end of the file, and two different tags on one paper
    await run(['tag', ids[98]!, ids[50]!, '+to-read'], envA);
    await run(['tag', ids[99]!, '+skip'], envB);
    await run(['tag', ids[50]!, '+later'], envB);
    git(a, 'add', '-A');
    git(a, 'commit', '-qm', 'a');
    git(b, 'commit', '-qam', 'b');
    git(a, 'pull', '-q', '--no-rebase', '--no-edit', b, 'HEAD');
    expect(await tagsOf(envA, ids[98]!)).toEqual(['to-read']);
    expect(await tagsOf(envA, ids[99]!)).toEqual(['skip']);
    expect(await tagsOf(envA, ids[50]!)).toEqual(['base', 'later', 'to-read']);
    expect(git(a, 'status', '--porcelain')).toBe('');
  });
});
