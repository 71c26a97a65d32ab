// Printing runs of `papers list` (--plain, --json, a pipe, CI) must never load Ink or React: the UI
// is a separate chunk behind a dynamic import. Checked on the built bundle and on real runs, with a
// resolve hook that records every module the process loads.
import { execFileSync } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const HOOK = join(__dirname, 'fixtures', 'record-imports.mjs');
const home = mkdtempSync(join(tmpdir(), 'papers-lazy-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** A string only React's own code holds (the element type tag of React 19). */
const REACT_MARK = 'react.transitional.element';
/** A string only yoga-layout's own code holds (its WebAssembly module's data URL). */
const YOGA_MARK = 'data:application/octet-stream;base64,';
const UI_PACKAGES = /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//;

function loadedModules(args: string[], env: Record<string, string> = {}): string[] {
  const log = join(home, `imports-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  execFileSync('node', ['--import', HOOK, 'bin/papers.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PAPERS_HOME: home, PAPERS_CONFIG: join(home, 'config.yaml'), FORCE_COLOR: '0', NO_COLOR: '1', PAPERS_TEST_IMPORTS: log, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('printing runs do not load the UI', () => {
  for (const args of [['list', '--plain'], ['list', '--json'], ['list'], []]) {
    test(`papers ${args.join(' ') || '(no arguments)'}, piped`, () => {
      const modules = loadedModules(args);
      // The hook works: the program's own modules are seen, the entry and the program it imports.
      expect(modules.some((m) => m.endsWith('/dist/main.js'))).toBe(true);
      expect(modules.some((m) => /\/dist\/chunks\/program-[A-Z0-9]+\.js$/.test(m))).toBe(true);
      expect(modules.filter((m) => UI_PACKAGES.test(m) || m.includes('/dist/chunks/ui-'))).toEqual([]);
    });
  }
});

test('Ink and React are in the UI chunk only', () => {
  const code = (file: string) => readFileSync(join(ROOT, 'dist', file), 'utf8');
  const imported = (file: string, pattern: RegExp) => [...code(file).matchAll(pattern)].map((m) => posix.join(posix.dirname(file), m[1]!));
  const program = imported('main.js', /import\("(\.\/chunks\/program-[A-Z0-9]+\.js)"\)/g);
  expect(program).toHaveLength(1);
  // The code every run but --version loads: the entry, the program, and the chunks they import statically.
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const next of imported(file, /^import\s[^;]*?from\s+"(\.[^"]+)"/gms)) visit(next);
  };
  visit('main.js');
  visit(program[0]!);
  const packages = [...loaded].flatMap((file) => [...code(file).matchAll(/^import\s[^;]*?from\s+"([^".][^"]*)"/gms)].map((m) => m[1]!));
  expect(packages.length).toBeGreaterThan(0);
  expect(packages.filter((s) => /^(ink|react|yoga-layout)(\/|$)/.test(s))).toEqual([]);
  for (const file of loaded) expect(code(file), file).not.toContain(REACT_MARK);
  const ui = [...loaded].flatMap((file) => imported(file, /import\("(\.\/ui-[A-Z0-9]+\.js)"\)/g));
  expect(ui).toHaveLength(1);
  expect(loaded.has(ui[0]!)).toBe(false);
  // Ink, React, yoga-layout and the rest of Ink's packages are bundled into the UI chunk
  // (scripts/build.mjs): it imports only the packages the plain commands load too.
  const uiCode = code(ui[0]!);
  expect(uiCode).toContain(REACT_MARK);
  expect(uiCode).toContain(YOGA_MARK);
  const uiPackages = [...uiCode.matchAll(/^import\s[^;]*?from\s+"([^".][^"]*)"/gms)].map((m) => m[1]!).filter((s) => !s.startsWith('node:'));
  expect(new Set(uiPackages)).toEqual(new Set(['chalk', 'string-width']));
});

/** Runs papers on a pseudo-terminal (script(1)); when `quitWhen` shows up on screen, types q. */
async function onTerminal(args: string[], extraEnv: Record<string, string>, quitWhen: string | null): Promise<{ screen: string; modules: string[] }> {
  const log = join(home, `imports-tty-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const env: NodeJS.ProcessEnv = { ...process.env, PAPERS_HOME: home, PAPERS_CONFIG: join(home, 'config.yaml'), FORCE_COLOR: '0', PAPERS_TEST_IMPORTS: log };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  delete env.NO_COLOR;
  Object.assign(env, extraEnv);
  const command = ['node', '--import', JSON.stringify(HOOK), 'bin/papers.js', ...args].join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let quit = false;
  child.stdout.on('data', (d: Buffer) => {
    screen += d.toString();
    if (quitWhen !== null && !quit && screen.includes(quitWhen)) {
      quit = true;
      child.stdin.write('q');
    }
  });
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error(`papers did not finish; output was: ${JSON.stringify(screen)}`));
    }, 15_000);
    child.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
  return { screen, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('on a terminal', () => {
  test('the UI opens, and the same hook sees the UI chunk and React load (so the checks above can fail)', async () => {
    const { modules } = await onTerminal([], {}, 'untriaged');
    expect(modules.some((m) => m.includes('/dist/chunks/ui-'))).toBe(true);
    expect(modules.some((m) => /\/node_modules\/chalk\//.test(m))).toBe(true);
  });

  for (const [what, args, env] of [
    ['--plain', ['list', '--plain'], {}],
    ['--json', ['list', '--json'], {}],
    ['CI=true', ['list'], { CI: 'true' }],
  ] as const) {
    test(`${what} prints instead`, async () => {
      const { screen, modules } = await onTerminal([...args], { ...env }, null);
      expect(screen).toContain('MixtureGrowth');
      expect(modules.filter((m) => UI_PACKAGES.test(m) || m.includes('/dist/chunks/ui-'))).toEqual([]);
    });
  }
});
