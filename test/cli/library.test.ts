// The library through the built binary: import, tag, tags, show, note, undo, list filters,
// concurrency, kills in the middle of a write, locks, git merges of decisions.yaml.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecisions } from '../../src/core/decisions.js';
import { dumpDatabase, hfDigest, seedPapers, tempDir } from '../io/library-helpers.js';
import { libraryEnv, run, runOnTerminal, SEED, start } from './library-run.js';
import * as YAML from 'yaml';

function seededLibrary() {
  const dir = tempDir();
  const env = libraryEnv(dir);
  const r = run(['import', SEED, '--year', '2025'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { dir, env };
}

function listIds(env: NodeJS.ProcessEnv, ...args: string[]): string[] {
  const r = run(['list', '--json', ...args], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as Array<{ id: string }>).map((p) => p.id);
}

function tagsOf(env: NodeJS.ProcessEnv, id: string): string[] {
  return (JSON.parse(run(['show', id, '--json'], env).stdout) as { tags: string[] }).tags;
}

describe('papers import', () => {
  it('prints one line per file; importing again changes nothing and says so', () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    const seed = seedPapers();
    const second = join(dir, '..', `second-${Date.now()}.txt`);
    writeFileSync(second, hfDigest('2025-03-20', [seed[0]!, { title: 'A Completely New Paper on Library Merging', abstract: 'We merge libraries. Every decision survives a git merge between two machines.' }]));
    const first = run(['import', SEED, second], env);
    expect(first.stderr).toBe('');
    // the line starts with what `papers parse` prints (dates: the seed's year comes from its mtime)
    expect(first.stdout).toMatch(new RegExp(`^${SEED.replace(/[.]/g, '\\.')}: hf-page, 100 papers found \\(\\d{4}-03-12\\), 100 new, 0 updated\n`));
    expect(first.stdout.split('\n')[1]).toBe(`${second}: hf-page, 2 papers found (2025-03-20), 1 new, 1 updated`);
    const before = dumpDatabase(dir);
    const again = run(['import', second], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^${second.replace(/[.]/g, '\\.')}: hf-page, 2 papers: already imported on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d; nothing changed\\n$`));
    expect(dumpDatabase(dir)).toEqual(before);
    const fromStdin = run(['import', '-'], env, readFileSync(second, 'utf8'));
    expect(fromStdin.stdout).toMatch(/^stdin: hf-page, 2 papers: already imported \(as .*second-.*\.txt on .*\); nothing changed\n$/);
    expect(listIds(env)).toHaveLength(101);
  });

  it('reports a file that is not a digest and imports the others', () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    const junk = join(dir, '..', `junk-${Date.now()}.txt`);
    writeFileSync(junk, '\n\n');
    const r = run(['import', junk, SEED], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`papers: ${junk}`);
    expect(r.stderr).toContain('is empty');
    expect(r.stdout).toMatch(new RegExp(`${SEED.replace(/[.]/g, '\\.')}: hf-page, 100 papers found \\(\\d{4}-03-12\\), 100 new`));
  });
});

describe('papers tag / tags / show / note / undo', () => {
  it('resolves row numbers of the last listing, ids and unique prefixes', () => {
    const { env } = seededLibrary();
    const ids = listIds(env);
    // Row numbers come from listings shown on a terminal (the JSON ones above are for scripts).
    runOnTerminal(['list', '--limit', '5'], env);
    expect(run(['tag', '2', '+to-read'], env).stdout).toMatch(new RegExp(`^tagged 1 paper \\+to-read: ${ids[1]} “.+”\n$`));
    const prefixOf = (id: string) => {
      for (let n = 2; n <= id.length; n++) if (ids.filter((x) => x.startsWith(id.slice(0, n))).length === 1) return id.slice(0, n);
      return id;
    };
    expect(run(['tag', prefixOf(ids[9]!), ids[10]!, '+to-read', '+later'], env).code).toBe(0);
    expect(listIds(env, '--tag', 'to-read')).toEqual([ids[1], ids[9], ids[10]]);
    expect(listIds(env, '--tag', 'to-read', '--tag', 'later')).toEqual([ids[9], ids[10]]);
    expect(listIds(env, '--tag', 'to-read', '--not-tag', 'later')).toEqual([ids[1]]);
    // rows refer to the listing just printed (the filtered one)
    runOnTerminal(['list', '--tag', 'to-read'], env);
    expect(run(['tag', '3', '-later'], env).stdout).toMatch(new RegExp(`^tagged 1 paper -later: ${ids[10]} “.+”\n$`));

    // papers search records its rows too
    const hits = JSON.parse(run(['search', 'linear attention', '--json', '--limit', '3'], env).stdout) as Array<{ id: string }>;
    expect(hits).toHaveLength(3);
    runOnTerminal(['search', 'linear attention', '--limit', '3'], env);
    expect(run(['tag', '3', '+from-search'], env).stdout).toMatch(new RegExp(`^tagged 1 paper \\+from-search: ${hits[2]!.id} “.+”\n$`));
    runOnTerminal(['list', '--tag', 'to-read'], env);

    const out = run(['tag', '4', '+x'], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('papers: 4: the last listing has 3 rows; give a row from 1 to 3, or the paper id\n');
    const ambiguous = run(['tag', 't', '+x'], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/^papers: t: ambiguous, \d+ papers start with it: t\w+, t\w+/);
    expect(run(['tag', 'nope', '+x'], env).stderr).toContain('nope: no paper has this id');
    expect(run(['tag', '1', '+new'], env).stderr).toContain('"new" is a virtual tag');
    expect(run(['tag', '1'], env).stderr).toContain('no tag given');
  }, 90_000); // two dozen runs of the binary

  it('tags counts, show, note and undo', () => {
    const { env } = seededLibrary();
    const ids = listIds(env);
    run(['tag', ids[0]!, ids[1]!, '+to-read'], env);
    run(['tag', ids[1]!, '+skip', '-to-read'], env);
    expect(run(['tags'], env).stdout).toBe('  1  skip\n  1  to-read\n100  new  (virtual)\n  0  seen  (virtual)\n 98  untriaged  (virtual)\n');
    expect(run(['note', ids[0]!, 'read', 'section 3'], env).stdout).toMatch(new RegExp(`^noted ${ids[0]} “.+”\n$`));
    const shown = JSON.parse(run(['show', ids[0]!, '--json'], env).stdout);
    expect(shown).toMatchObject({ id: ids[0], tags: ['to-read'], note: 'read section 3', virtualTags: ['new'] });
    expect(shown.sightings[0].file).toBe(SEED);
    const text = run(['show', ids[0]!], env).stdout;
    expect(text).toContain('+to-read (');
    expect(text).toContain('read section 3');
    expect(text).toContain(`${SEED}:`);
    expect(run(['undo'], env).stdout).toBe(`undid: noted ${ids[0]}\n`);
    expect(run(['undo'], env).stdout).toBe('undid: tagged 1 paper +skip -to-read\n');
    expect(tagsOf(env, ids[1]!)).toEqual(['to-read']);
    expect(run(['undo'], env).stdout).toBe('undid: tagged 2 papers +to-read\n');
    expect(run(['undo'], env).stdout).toBe('nothing to undo\n');
    expect(listIds(env, '--tag', 'untriaged')).toHaveLength(100);
  });

  it('list filters: --new, --since/--until, --digest, virtual tags', () => {
    const { dir, env } = seededLibrary();
    const seed = seedPapers();
    const second = join(dir, '..', `second-${Date.now()}.txt`);
    const fresh = { title: 'A Completely New Paper on Library Merging', abstract: 'We merge libraries. Every decision survives a git merge between two machines.' };
    writeFileSync(second, hfDigest('2025-03-20', [seed[3]!, fresh]));
    run(['import', second], env);
    const all = listIds(env);
    expect(all).toHaveLength(101);
    expect(listIds(env, '--new')).toEqual([all[100]]);
    expect(listIds(env, '--tag', 'seen')).toEqual([all[3]]);
    expect(listIds(env, '--since', '2025-03-20')).toEqual([all[3], all[100]]);
    expect(listIds(env, '--until', '2025-03-19')).toHaveLength(100);
    expect(listIds(env, '--digest', second)).toEqual([all[3], all[100]]);
    expect(run(['list', '--since', 'soon'], env).stderr).toContain('--since soon: expected a date');
  });

  it('tagging the bundled seed in an empty library imports it first', () => {
    const dir = tempDir();
    const env = libraryEnv(dir);
    const ids = listIds(env);
    expect(ids).toHaveLength(100);
    runOnTerminal(['list', '--plain'], env);
    expect(existsSync(join(dir, 'digests'))).toBe(false);
    expect(run(['tag', '7', '+to-read'], env).code).toBe(0);
    expect(readdirSync(join(dir, 'digests'))).toHaveLength(2);
    expect(listIds(env, '--tag', 'to-read')).toEqual([ids[6]]);
  });
});

describe('safety', () => {
  it('twenty concurrent papers tag processes lose no tag', async () => {
    const { env } = seededLibrary();
    const ids = listIds(env);
    const runs = Array.from({ length: 20 }, (_, i) => start(['tag', ids[i]!, ids[50]!, `+t${i}`, '+to-read'], env).done);
    const results = await Promise.all(runs);
    for (const r of results) expect([r.code, r.stderr]).toEqual([0, '']);
    expect(listIds(env, '--tag', 'to-read')).toEqual([...ids.slice(0, 20), ids[50]]);
    expect(tagsOf(env, ids[50]!).sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `t${i}`), 'to-read'].sort());
    const journal = run(['undo', '--list'], env).stdout.trim().split('\n');
    expect(journal).toHaveLength(20);
  });

  it('a process killed with SIGKILL in the middle of a write leaves the old or the new state', async () => {
    const { dir, env } = seededLibrary();
    const ids = listIds(env);
    const slow = { ...env, PAPERS_TEST_WRITE_DELAY_MS: '150' };
    const allFilesParse = () => {
      const decisions = parseDecisions(YAML, readFileSync(join(dir, 'decisions.yaml'), 'utf8'));
      expect(decisions.ok).toBe(true);
      for (const f of ['cache/index.json', 'cache/library.json', 'cache/decisions.json', 'state/journal.json']) {
        if (existsSync(join(dir, f))) JSON.parse(readFileSync(join(dir, f), 'utf8'));
      }
      return decisions.ok ? decisions.decisions : new Map();
    };
    run(['tag', ids[0]!, '+base'], env);
    let killedMidway = 0;
    for (let i = 0; i < 8; i++) {
      const before = allFilesParse();
      const proc = start(['tag', ids[i + 1]!, `+k${i}`], slow);
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 500));
      proc.child.kill('SIGKILL');
      const r = await proc.done;
      if (r.signal === 'SIGKILL') killedMidway++;
      const after = allFilesParse();
      const tagged = after.get(ids[i + 1]!)?.tags ?? {};
      // old state (no k tag) or new state (the k tag): never anything else
      expect(Object.keys(tagged).filter((t) => t !== `k${i}`)).toEqual(Object.keys(before.get(ids[i + 1]!)?.tags ?? {}));
      expect(Object.keys(after.get(ids[0]!)!.tags)).toEqual(['base']);
    }
    expect(killedMidway).toBeGreaterThan(4);
    // the lock the killed processes left behind is recovered; the library still works
    const r = run(['tag', ids[20]!, '+after'], env);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(tagsOf(env, ids[20]!)).toEqual(['after']);
    // and the temp files of the killed writers are swept away
    const temps = ['', 'cache', 'state', 'backup'].flatMap((d) => readdirSync(join(dir, d)).filter((f) => f.endsWith('.tmp')));
    expect(temps).toEqual([]);
  });

  it('an import killed inside its transaction leaves a library that works and catches up', async () => {
    const { dir, env } = seededLibrary();
    const second = join(dir, '..', `second-${Date.now()}.txt`);
    writeFileSync(second, hfDigest('2025-03-20', [{ title: 'A Completely New Paper on Library Merging', abstract: 'We merge libraries. Every decision survives a git merge between two machines.' }]));
    const proc = start(['import', second], { ...env, PAPERS_TEST_WRITE_DELAY_MS: '400' });
    // the digest's .txt then .json are written, then its papers in one transaction: kill inside it
    const metas = () => readdirSync(join(dir, 'digests')).filter((f) => f.endsWith('.json')).length;
    const deadline = Date.now() + 20_000;
    while (metas() < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 150));
    proc.child.kill('SIGKILL');
    expect((await proc.done).signal).toBe('SIGKILL');
    // the next import of the same file does not call it imported while its paper is missing
    const again = run(['import', second], env);
    expect(again.code).toBe(0);
    expect(listIds(env)).toHaveLength(101);
    expect(run(['list', '--json'], env).stdout).toContain('A Completely New Paper on Library Merging');
  });

  it('waits for a live lock, then fails with a clear message; breaks a stale one', () => {
    const { dir, env } = seededLibrary();
    const ids = listIds(env);
    const lock = join(dir, 'lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), time: '2025-03-12T08:00:00.000Z' }));
    const held = run(['tag', ids[0]!, '+x'], { ...env, PAPERS_LOCK_WAIT_MS: '300' });
    expect(held.code).toBe(1);
    expect(held.stderr).toBe(`papers: the library ${dir} is in use by papers process ${process.pid} on ${hostname()} (since 2025-03-12T08:00:00.000Z); try again when it has finished (if no papers is running, remove ${lock})\n`);
    expect(readFileSync(lock, 'utf8')).toContain(String(process.pid));
    // a lock left by a process that is gone
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lock, JSON.stringify({ pid: Number(dead), host: hostname(), time: '2025-03-12T08:00:00.000Z' }));
    const r = run(['tag', ids[0]!, '+x'], { ...env, PAPERS_LOCK_WAIT_MS: '300' });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(existsSync(lock)).toBe(false);
  });

  it('an invalid decisions.yaml is reported with its line and left byte for byte', () => {
    const { dir, env } = seededLibrary();
    const ids = listIds(env);
    run(['tag', ids[0]!, '+to-read'], env);
    const path = join(dir, 'decisions.yaml');
    const broken = `${readFileSync(path, 'utf8')}\n${ids[1]}:\n  tags:\n    to-read: [oops\n`;
    writeFileSync(path, broken);
    const mtime = statSync(path).mtimeMs;
    const r = run(['tag', ids[2]!, '+x'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^papers: ${path.replace(/[.]/g, '\\.')}:\\d+:\\d+: .*; fix the file by hand`));
    const line = Number(/decisions\.yaml:(\d+):/.exec(r.stderr)![1]);
    expect(broken.split('\n')[line - 1]).toMatch(/oops|^$/);
    // Reads go on without the decisions, after one warning; writes (undo too) refuse.
    const listed = run(['list', '--plain'], env);
    expect([listed.code, listed.stderr.trim().split('\n')]).toEqual([0, [expect.stringMatching(new RegExp(`^papers: warning: ${path.replace(/[.]/g, '\\.')}:${line}:\\d+: `))]]);
    expect(run(['undo'], env).code).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(broken);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });
});

describe('decisions.yaml in git', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  function twoMachines() {
    const { dir: a, env: envA } = seededLibrary();
    writeFileSync(join(a, '.gitignore'), 'cache/\nstate/\nbackup/\nlock\n');
    const ids = [...listIds(envA)].sort();
    // a base with some decisions spread over the file
    for (const i of [10, 30, 50, 70]) run(['tag', ids[i]!, '+base'], envA);
    git(a, 'init', '-q');
    git(a, 'add', '-A');
    git(a, 'commit', '-qm', 'base');
    const b = join(tempDir(), 'clone');
    git(a, 'clone', '-q', a, b);
    const envB = libraryEnv(b);
    return { a, b, envA, envB, ids };
  }

  it('two machines that tag different papers merge without conflict, with plain git', () => {
    const { a, b, envA, envB, ids } = twoMachines();
    run(['tag', ids[20]!, '+to-read'], envA);
    run(['tag', ids[60]!, '+skip'], envB);
    run(['note', ids[30]!, 'from b'], envB);
    git(a, 'commit', '-qam', 'a');
    git(b, 'commit', '-qam', 'b');
    git(a, 'pull', '-q', '--no-rebase', '--no-edit', b, 'HEAD');
    const merged = parseDecisions(YAML, readFileSync(join(a, 'decisions.yaml'), 'utf8'));
    expect(merged.ok).toBe(true);
    expect(tagsOf(envA, ids[20]!)).toEqual(['to-read']);
    expect(tagsOf(envA, ids[60]!)).toEqual(['skip']);
    expect(JSON.parse(run(['show', ids[30]!, '--json'], envA).stdout).note).toBe('from b');
    expect(run(['tags', '--json'], envA).stdout).toContain('"tag": "base",\n    "count": 4');
  });

  it('with the merge driver, papers next to each other and the same paper merge too', () => {
    const { a, b, envA, envB, ids } = twoMachines();
    writeFileSync(join(a, '.gitattributes'), 'decisions.yaml merge=papers-decisions\n');
    git(a, 'config', 'merge.papers-decisions.driver', `"${process.execPath}" "${join(import.meta.dirname, '..', '..', 'bin', 'papers.js')}" merge-decisions %O %A %B`);
    // adjacent new entries at the end of the file, and two different tags on one paper
    run(['tag', ids[98]!, ids[50]!, '+to-read'], envA);
    run(['tag', ids[99]!, '+skip'], envB);
    run(['tag', ids[50]!, '+later'], envB);
    git(a, 'add', '-A');
    git(a, 'commit', '-qm', 'a');
    git(b, 'commit', '-qam', 'b');
    git(a, 'pull', '-q', '--no-rebase', '--no-edit', b, 'HEAD');
    expect(tagsOf(envA, ids[98]!)).toEqual(['to-read']);
    expect(tagsOf(envA, ids[99]!)).toEqual(['skip']);
    expect(tagsOf(envA, ids[50]!)).toEqual(['base', 'later', 'to-read']);
    expect(git(a, 'status', '--porcelain')).toBe('');
  });
});
