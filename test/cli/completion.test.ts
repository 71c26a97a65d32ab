import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { SORT_KEYS } from '../../src/core/rank/sort.js';
import { bashLines, complete, shellWords, zshLines, type CompletionSource } from '../../src/cli/complete.js';
import { BIN, run as papers, ROOT, sandbox } from './run-in-process.js';

/** A sandbox whose PATH has a `papers` running the built binary, and a config that names a tag of its own. */
async function shellSandbox() {
  const { dir, env } = sandbox();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'papers'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'papers'), 0o755);
  mkdirSync(join(dir, 'config', 'papers'), { recursive: true });
  writeFileSync(join(dir, 'config', 'papers', 'config.yaml'), 'quick-tags:\n  3: later-maybe\n');
  const scripts: Record<string, string> = {};
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await papers(['completion', shell], env);
    expect(r.code).toBe(0);
    scripts[shell] = join(dir, `papers.${shell}`);
    writeFileSync(scripts[shell]!, r.stdout);
  }
  return { dir, env: { ...env, PATH: `${bin}:${env.PATH}` }, scripts };
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Runs the bash completion function as bash would for `line` (cursor at its end) and returns COMPREPLY. */
function bashComplete(line: string, script: string, env: NodeJS.ProcessEnv): string[] {
  const words = line.split(/\s+/);
  const program = [
    `source '${script}'`,
    `COMP_LINE='${line}'`,
    'COMP_POINT=${#COMP_LINE}',
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_papers_complete',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['-c', program], { env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('papers completion scripts', () => {
  let box: Awaited<ReturnType<typeof shellSandbox>>;
  beforeAll(async () => {
    box = await shellSandbox();
  });

  it('bash -n accepts the bash script', async () => {
    const r = spawnSync('bash', ['-n', box.scripts.bash!], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.runIf(has('zsh'))('zsh -n accepts the zsh script, and it loads under compinit', () => {
    expect(spawnSync('zsh', ['-n', box.scripts.zsh!]).status).toBe(0);
    const r = spawnSync('zsh', ['-fc', `autoload -U compinit; compinit -u -D; source '${box.scripts.zsh}'; print -r -- \${_comps[papers]}`], { env: box.env, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('_papers');
  });

  it.runIf(has('fish'))('fish -n accepts the fish script, and fish completes a tag with it', () => {
    expect(spawnSync('fish', ['-n', box.scripts.fish!]).status).toBe(0);
    const r = spawnSync('fish', ['--no-config', '-c', `source '${box.scripts.fish}'; complete -C 'papers list --tag later'`], { env: box.env, encoding: 'utf8' });
    expect(r.stdout.split('\n')).toContain('later-maybe');
  });

  it('a scripted bash session completes a tag', async () => {
    expect(bashComplete('papers list --tag later', box.scripts.bash!, box.env)).toEqual(['later-maybe']);
    // after "=", bash replaces only what follows it
    expect(bashComplete('papers list --tag=later', box.scripts.bash!, box.env)).toEqual(['later-maybe']);
    // virtual tags complete where a filter is expected
    expect(bashComplete('papers list --not-tag untr', box.scripts.bash!, box.env)).toEqual(['untriaged']);
  });

  it('a scripted bash session completes a tag and an id of the library', async () => {
    const seed = join(ROOT, 'seeds', '000_8fc7cc936e25f888.txt');
    expect((await papers(['import', seed], box.env)).code).toBe(0);
    const [first, second] = (JSON.parse((await papers(['list', '--json'], box.env)).stdout) as Array<{ id: string }>).map((p) => p.id);
    const tagged = await papers(['tag', first!, '+deep-dive'], box.env);
    expect(tagged.stderr).toBe('');
    expect(bashComplete('papers list --tag deep', box.scripts.bash!, box.env)).toEqual(['deep-dive']);
    expect(bashComplete(`papers tag ${second} +deep`, box.scripts.bash!, box.env)).toEqual(['+deep-dive']);
    expect(bashComplete(`papers tag ${first} -deep`, box.scripts.bash!, box.env)).toEqual(['-deep-dive']);
    expect(bashComplete(`papers show ${first!.slice(0, -1)}`, box.scripts.bash!, box.env)).toEqual([first]);
  });

  it('a scripted bash session completes commands, flags and files', async () => {
    const program = buildProgram();
    const visible = program.commands.map((c) => c.name()).filter((n) => !n.startsWith('__'));
    const all = bashComplete('papers ', box.scripts.bash!, box.env);
    expect(all).toEqual(expect.arrayContaining(visible));
    expect(all).not.toContain('__complete');
    expect(bashComplete('papers compl', box.scripts.bash!, box.env)).toEqual(['completion']);
    const listFlags = program.commands.find((c) => c.name() === 'list')!.options.map((o) => o.long!);
    expect(bashComplete('papers list --', box.scripts.bash!, box.env)).toEqual(expect.arrayContaining([...listFlags, '--library', '--help']));
    expect(bashComplete('papers completion z', box.scripts.bash!, box.env)).toEqual(['zsh']);
    writeFileSync(join(box.dir, 'digest-one.txt'), 'x');
    expect(bashComplete(`papers list ${box.dir}/digest-o`, box.scripts.bash!, box.env)).toEqual([`${box.dir}/digest-one.txt`]);
  });

  it('__complete tags and ids print one per line', async () => {
    const tags = await papers(['__complete', 'tags'], box.env);
    expect(tags.code).toBe(0);
    expect(tags.stdout.split('\n')).toEqual(expect.arrayContaining(['to-read', 'skip', 'later-maybe']));
    const ids = await papers(['__complete', 'ids'], box.env);
    expect(ids.code).toBe(0);
    const listed = JSON.parse((await papers(['list', '--json'], box.env)).stdout) as Array<{ id: string }>;
    expect(ids.stdout.trim().split('\n')).toEqual(listed.map((p) => p.id));
  });

  it('completion of an unknown shell is a usage error', async () => {
    const r = await papers(['completion', 'tcsh'], box.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tcsh/);
  });
});

describe('the completion logic', () => {
  const program = new Command('papers').option('--library <dir>');
  program.command('list').option('--tag <tag>').option('--digest <file>').addOption(new Option('--sort <key>').choices(['date', 'title'])).argument('[files...]');
  program.command('tag').argument('<args...>', 'ids, then +tag / -tag').option('--dry-run');
  program.command('show').argument('<id>');
  program.command('note').argument('<id>').argument('<text>');
  program.command('__complete', { hidden: true });
  const calls: Array<string | undefined> = [];
  const source = (library: string | undefined): CompletionSource => {
    calls.push(library);
    return {
      tags: () => ['read', 'skip', 'to-read'],
      filterTags: () => ['read', 'skip', 'to-read', 'new'],
      ids: (prefix) => [{ value: '2503.00001', description: 'A' }, { value: '2503.00002' }, { value: 'tabc12345' }].filter((c) => c.value.startsWith(prefix)),
    };
  };
  const values = (done: string[], current: string) => {
    const c = complete(program, done, current, source);
    return c.kind === 'values' ? c.candidates.map((x) => x.value) : [c.kind, c.prefix, c.path];
  };

  it('completes visible commands only', async () => {
    expect(values([], '')).toEqual(['list', 'tag', 'show', 'note', 'help']);
  });

  it('completes +tag and -tag and ids for papers tag', async () => {
    expect(values(['tag', '2503.00001'], '+to')).toEqual(['+to-read']);
    expect(values(['tag', '2503.00001', '+read'], '-s')).toEqual(['-skip']);
    expect(values(['tag'], '-')).toEqual(['--dry-run', '--library', '--help']);
    expect(values(['tag', '2503.00001', '+read'], '2503')).toEqual(['2503.00001', '2503.00002']);
  });

  it('completes ids only where an id goes', async () => {
    expect(values(['show'], 't')).toEqual(['tabc12345']);
    expect(values(['show', 'tabc12345'], '')).toEqual([]);
    expect(values(['note'], '')).toHaveLength(3);
    expect(values(['note', 'tabc12345'], '')).toEqual([]);
  });

  it("completes a flag's value: tags, choices, files, after a space or an =", async () => {
    expect(values(['list', '--tag'], '')).toEqual(['read', 'skip', 'to-read', 'new']);
    expect(values(['list'], '--tag=r')).toEqual(['--tag=read']);
    expect(values(['list', '--sort'], 't')).toEqual(['title']);
    expect(values(['list', '--digest'], 'a/b')).toEqual(['files', '', 'a/b']);
    expect(values(['list'], '--digest=a/b')).toEqual(['files', '--digest=', 'a/b']);
    expect(values(['list', '--tag', 'read'], 'x.t')).toEqual(['files', '', 'x.t']);
  });

  it('on the real program: list --sort completes the sort keys, rules its subcommands', async () => {
    const real = buildProgram();
    const of = (done: string[], current: string) => {
      const c = complete(real, done, current, source);
      return c.kind === 'values' ? c.candidates.map((x) => x.value) : [c.kind];
    };
    expect(of(['list', '--sort'], '')).toEqual([...SORT_KEYS]);
    expect(of(['list'], '--sort=i')).toEqual(['--sort=interest']);
    expect(of(['rules'], '')).toEqual(expect.arrayContaining(['test', 'list', 'apply']));
    expect(of(['rules'], 'a')).toEqual(['apply']);
  });

  it('reads the library named by --library on the line', async () => {
    calls.length = 0;
    values(['--library', '/tmp/lib', 'show'], '');
    expect(calls).toEqual(['/tmp/lib']);
  });

  it('splits a command line as a shell does, and fits bash word breaks and zsh escapes', async () => {
    expect(shellWords('papers tag "a b" c\\ d ')).toEqual({ words: ['papers', 'tag', 'a b', 'c d', ''], lastRaw: '' });
    expect(shellWords("papers list --tag=x 'y").words).toEqual(['papers', 'list', '--tag=x', 'y']);
    const c = { kind: 'values' as const, candidates: [{ value: '--tag=cs:AI', description: 'x' }] };
    expect(bashLines(c, '--tag=cs:A', '--tag=cs:A', '"\'><=;|&(:')).toEqual(['AI']);
    expect(zshLines(c)).toEqual(['--tag=cs\\:AI:x']);
  });
});
