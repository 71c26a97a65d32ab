// The package as users get it: `npm pack` (with its prepack/prepare scripts: a clean build of dist/),
// installed globally into a temporary prefix, runs. It packs a copy of the project, so the clean
// build never touches the working tree's dist/ under the other tests' feet. Dependencies come from
// npm's cache when it has them (--prefer-offline), else from the registry.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, sandbox, tempDir } from './library-run.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; name: string };

describe('papers --version', () => {
  it('prints the version of package.json', () => {
    const { env } = sandbox();
    for (const flag of ['--version', '-V']) {
      const r = run([flag], env);
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
    const copy = join(tmp, 'project');
    const skip = new Set(['node_modules', '.git', 'dist', 'tmp', '.data']);
    cpSync(ROOT, copy, { recursive: true, filter: (src) => !skip.has(basename(src)) && !src.endsWith('.tgz') });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    // a chunk left by an older build must not be shipped: prepack starts from an empty dist/
    mkdirSync(join(copy, 'dist', 'chunks'), { recursive: true });
    writeFileSync(join(copy, 'dist', 'chunks', 'stale-OLD.js'), 'export {};\n');
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
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
    expect(files).not.toContain('dist/chunks/stale-OLD.js');
    // dist/seed-papers.json: the seed's parse, which the build writes for listing the seed
    const unexpected = files.filter((f) => !/^(bin\/papers\.js|dist\/.+\.js|dist\/seed-papers\.json|seeds\/[^/]+|README\.md|package\.json|LICENSE)$/.test(f));
    expect(unexpected).toEqual([]);
  });

  it('installs into a fresh prefix and runs papers list --plain and --version there', () => {
    const prefix = join(tmp, 'prefix');
    // Install scripts are skipped and better-sqlite3's native binding is copied from this checkout:
    // compiling it again from source is node-gyp's work (a minute or two here), not the package's.
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'error', tarball], {
      cwd: tmp,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.status).toBe(0);
    const binding = join('node_modules', 'better-sqlite3', 'build');
    cpSync(join(ROOT, binding), join(prefix, 'lib', 'node_modules', pkg.name, binding), { recursive: true });

    const bin = join(prefix, 'bin', 'papers');
    const { env } = sandbox();
    const installed = (args: string[]) => spawnSync(bin, args, { cwd: tmp, env, encoding: 'utf8', timeout: 60_000 });
    const version = installed(['--version']);
    expect(version.stdout.trim()).toBe(pkg.version);
    const list = installed(['list', '--plain']);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    // the installed copy lists the bundled seed exactly as the working tree does
    const here = run(['list', '--plain'], env);
    expect(list.stdout).toBe(here.stdout);
    expect(list.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(10);
  }, 300_000);
});
