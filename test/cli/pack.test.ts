// The package as users get it: `npm pack`, installed globally into a temporary prefix, runs.
// dist/ is built by `npm test` before the tests (pack runs with --ignore-scripts so that it does
// not rebuild dist/ under the other tests' feet). Dependencies come from npm's cache when it has them.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { papers, ROOT, sandbox, tempDir } from './polish-run.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; name: string };

describe('papers --version', () => {
  it('prints the version of package.json', () => {
    const { env } = sandbox();
    for (const flag of ['--version', '-V']) {
      const r = papers([flag], env);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(pkg.version);
    }
  });
});

describe('npm pack and a global install', () => {
  const tmp = tempDir('papers-pack-');
  let tarball = '';
  let files: string[] = [];

  beforeAll(() => {
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [info] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(tmp, info!.filename);
    files = info!.files.map((f) => f.path).sort();
  }, 120_000);

  it('ships the built code, the seed, the README and nothing else', () => {
    expect(files).toContain('bin/papers.js');
    expect(files).toContain('dist/main.js');
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files.some((f) => f.startsWith('seeds/') && f.endsWith('.txt'))).toBe(true);
    const unexpected = files.filter((f) => !/^(bin\/papers\.js|dist\/.+\.js|seeds\/[^/]+|README\.md|package\.json|LICENSE)$/.test(f));
    expect(unexpected).toEqual([]);
  });

  it('installs into a fresh prefix and runs papers list --plain and --version there', () => {
    const prefix = join(tmp, 'prefix');
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error', tarball], {
      cwd: tmp,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.status).toBe(0);

    const bin = join(prefix, 'bin', 'papers');
    const { env } = sandbox();
    const run = (args: string[]) => spawnSync(bin, args, { cwd: tmp, env, encoding: 'utf8', timeout: 60_000 });
    const version = run(['--version']);
    expect(version.stdout.trim()).toBe(pkg.version);
    const list = run(['list', '--plain']);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    // the installed copy lists the bundled seed exactly as the working tree does
    const here = papers(['list', '--plain'], env);
    expect(list.stdout).toBe(here.stdout);
    expect(list.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(10);
  }, 300_000);
});
