// For the tests of what survives faults, kills and races: a library with the seed imported, built
// once per test file and copied per test; the test hooks of src/io/test-hooks.ts; waiting for a
// condition. Commands run in process (run); the processes a test kills, interrupts or races are
// real ones (start).
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtOnce, run, SEED } from './run-in-process.js';

export { start, BIN } from './library-run.js';
export { run, SEED, ROOT } from './run-in-process.js';

const seededCopy = builtOnce(async (env) => {
  const r = await run(['import', SEED], env);
  if (r.code !== 0) throw new Error(`seed import failed: ${r.stderr}`);
});

/** A fresh copy of a library holding the seed's papers (tagged nothing), with its environment. */
export async function seededLibrary(into?: string): Promise<{ dir: string; env: NodeJS.ProcessEnv; ids: string[] }> {
  const { dir, env } = await seededCopy(into);
  return { dir, env, ids: await listIds(env) };
}

export async function listIds(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string[]> {
  const r = await run(['list', '--plain', ...args], env);
  if (r.code !== 0) throw new Error(`list failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split('\t')[1]!);
}

export function decisionsText(dir: string): string {
  return existsSync(join(dir, 'decisions.yaml')) ? readFileSync(join(dir, 'decisions.yaml'), 'utf8') : '';
}

/** Environment that stops the process at test hook points (see src/io/test-hooks.ts). */
export function hookEnv(env: NodeJS.ProcessEnv, points: string): { env: NodeJS.ProcessEnv; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'papers-hooks-'));
  return { env: { ...env, PAPERS_TEST_HOOKS: points, PAPERS_TEST_HOOK_DIR: dir }, dir };
}

/** Waits until `check` holds, polling; fails after `ms` (the process never got there). */
export async function waitFor(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits for a hook's marker; the pid of the process that reached it. */
export async function reached(hookDir: string, point: string): Promise<number> {
  let found: string | undefined;
  await waitFor(`the hook ${point}`, () => (found = readdirSync(hookDir).find((f) => f.startsWith(`${point}.`) && !f.endsWith('.go'))) !== undefined);
  return Number(found!.slice(point.length + 1));
}

export function release(hookDir: string, point: string): void {
  writeFileSync(join(hookDir, `${point}.go`), '');
}

/** Temp files anywhere in the library (none may be left behind). */
export function tempFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'));
}
