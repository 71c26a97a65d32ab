// Heavy packages load only on the paths that use them: yaml where YAML is read, better-sqlite3 where
// a library is, fuse.js where a name is not found, the digest parsers' markdown-it and htmlparser2
// where a digest that needs them is parsed, chalk where output is coloured, string-width where text
// is measured. Checked on real runs of the built binary, with a hook that records every package
// the process imports or requires.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HOOK = join(import.meta.dirname, 'fixtures', 'record-packages.mjs');
const dir = mkdtempSync(join(tmpdir(), 'papers-packages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The packages a run loads (and, as node:NAME, Node's own modules). */
function modulesOf(args: string[], config: string | null, home = mkdtempSync(join(dir, 'run-'))): Set<string> {
  const log = join(home, 'packages.txt');
  writeFileSync(log, '');
  const env: NodeJS.ProcessEnv = { ...process.env, PAPERS_HOME: join(home, 'library'), XDG_CONFIG_HOME: join(home, 'config'), PAPERS_CONFIG: undefined, NO_COLOR: '1', PAPERS_TEST_PACKAGES: log };
  if (config !== null) {
    mkdirSync(join(home, 'config', 'papers'), { recursive: true });
    writeFileSync(join(home, 'config', 'papers', 'config.yaml'), config);
  }
  try {
    execFileSync(process.execPath, ['--import', HOOK, join(ROOT, 'bin', 'papers.js'), ...args], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  } catch {
    // a usage error still says what it loaded
  }
  return new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean));
}

function packagesOf(args: string[], config: string | null, home?: string): Set<string> {
  return new Set([...modulesOf(args, config, home)].filter((m) => !m.startsWith('node:')));
}

describe('packages load where they are used', () => {
  it('papers --version loads no package', () => {
    expect([...packagesOf(['--version'], null)]).toEqual([]); // the tests below show the hook sees packages
  });

  it('papers list --plain on the seed loads no package (commander is bundled); with a config file it reads YAML', () => {
    expect([...packagesOf(['list', '--plain'], null)]).toEqual([]);
    expect(packagesOf(['list', '--plain'], 'quick-tags:\n  3: later\n').has('yaml')).toBe(true);
  });

  it("papers list --plain on the seed loads none of Node's network modules, zlib or child_process", () => {
    const loaded = modulesOf(['list', '--plain'], null);
    expect(loaded.has('node:fs')).toBe(true); // the hook sees Node's modules
    for (const name of ['node:http', 'node:https', 'node:tls', 'node:zlib', 'node:child_process']) expect(loaded.has(name), name).toBe(false);
  });

  it('a query over the seed builds its database: better-sqlite3 loads', () => {
    expect(packagesOf(['list', '--plain', '-q', 'diffusion'], null).has('better-sqlite3')).toBe(true); // the hook sees required packages too
  });

  it('the parsers load where a digest is parsed (an import loads only the reader of its format), chalk where colour is on', () => {
    const parsed = packagesOf(['parse', join(ROOT, 'seeds', readdirSync(join(ROOT, 'seeds'))[0]!)], null);
    for (const name of ['markdown-it', 'htmlparser2']) expect(parsed.has(name), name).toBe(true);
    expect(parsed.has('chalk')).toBe(false);
    expect(packagesOf(['list', '--plain', '--color', 'always'], null).has('chalk')).toBe(true);
  });

  it('a library whose database is current parses nothing: show and list load no parser; a new import does', () => {
    const home = mkdtempSync(join(dir, 'lib-'));
    const seed = join(ROOT, 'seeds', readdirSync(join(ROOT, 'seeds'))[0]!);
    const imported = packagesOf(['import', seed], null, home);
    expect(imported.has('markdown-it')).toBe(true);
    for (const args of [['list', '--plain', '--limit', '3'], ['show', '1'], ['list', '--plain', '--limit', '3']]) {
      const loaded = packagesOf(args, null, home);
      expect(loaded.has('better-sqlite3'), args.join(' ')).toBe(true);
      expect(loaded.has('bindings'), `${args.join(' ')}: the addon is required where it is built, not searched for`).toBe(false);
      for (const name of ['markdown-it', 'htmlparser2']) expect(loaded.has(name), `${args.join(' ')}: ${name}`).toBe(false);
    }
  });

  it('an import into a library with papers loads the reader of its format only: markdown-it for markdown, neither package for a Hugging Face page', () => {
    const home = mkdtempSync(join(dir, 'lib-'));
    const seed = join(ROOT, 'seeds', readdirSync(join(ROOT, 'seeds'))[0]!);
    packagesOf(['import', seed], null, home);
    const page = join(home, 'page.txt');
    writeFileSync(page, `${readFileSync(seed, 'utf8')}\n`); // other bytes, the same format
    const plain = packagesOf(['import', page], null, home);
    expect(plain.has('better-sqlite3')).toBe(true);
    expect(plain.has('string-width'), 'an import to a pipe measures no text').toBe(false);
    expect(packagesOf(['tag', '1', '+later'], null, home).has('string-width'), 'nor does a tag').toBe(false);
    expect(packagesOf(['show', '1'], null, home).has('string-width'), 'show wraps its abstract').toBe(true);
    for (const name of ['markdown-it', 'htmlparser2']) expect(plain.has(name), name).toBe(false);
    const markdown = join(home, 'list.md');
    writeFileSync(markdown, '# Papers\n\n- [A study of things](https://arxiv.org/abs/2501.00001)\n- [Another study](https://arxiv.org/abs/2501.00002)\n- [A third study](https://huggingface.co/papers/2501.00003)\n');
    expect(packagesOf(['import', markdown], null, home).has('markdown-it')).toBe(true);
  });

  it("decisions.yaml in papers' own layout is read without the yaml package, with no cache to lean on", () => {
    const home = mkdtempSync(join(dir, 'lib-'));
    const seed = join(ROOT, 'seeds', readdirSync(join(ROOT, 'seeds'))[0]!);
    packagesOf(['import', seed], null, home);
    const id = execFileSync(process.execPath, [join(ROOT, 'bin', 'papers.js'), 'list', '--plain', '--limit', '1'], { env: { ...process.env, PAPERS_HOME: join(home, 'library') }, encoding: 'utf8' }).split('\t')[1]!;
    packagesOf(['tag', id, '+later'], null, home);
    // neither derived copy of the file is left: the JSON cache, nor the database's tables
    rmSync(join(home, 'library', 'cache', 'decisions.json'));
    const db = new Database(join(home, 'library', 'cache', 'papers.db'));
    db.exec("DROP TABLE decision_rows; DROP TABLE decision_tags; DELETE FROM meta WHERE key LIKE 'decisions_%'");
    db.close();
    const loaded = packagesOf(['list', '--plain', '--tag', 'later'], null, home);
    expect(loaded.has('better-sqlite3')).toBe(true);
    expect(loaded.has('yaml')).toBe(false);
    expect(readFileSync(join(home, 'library', 'cache', 'decisions.json'), 'utf8')).toContain(id); // it was read, and cached again
  });

  it('fuse.js loads for a name that is not found', () => {
    expect(packagesOf(['config', 'colour'], null).has('fuse.js')).toBe(true);
    expect(packagesOf(['config', 'color'], null).has('fuse.js')).toBe(false);
  });
});
