// Runs the built `papers` binary as a real process against a temporary library (never the real
// home): for tests about a process (kills, signals, locks between processes, start-up, terminals).
// Everything else runs in process (run-in-process.ts), with the same functions.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'papers.js');
export const SEED = join(ROOT, 'seeds', '000_8fc7cc936e25f888.txt');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'papers-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A sandbox: its own PAPERS_HOME (dir/library), XDG folders and HOME, and no other PAPERS_ setting. */
export function sandbox(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    HOME: dir,
    PAPERS_HOME: join(dir, 'library'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  for (const key of Object.keys(env)) if (key.startsWith('PAPERS_') && key !== 'PAPERS_HOME') delete env[key];
  return { dir, env };
}

export function libraryEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'papers-home-'));
  return { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PAPERS_HOME: dir, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), PAPERS_LOCK_WAIT_MS: '60000', ...extra };
}

export function run(args: readonly string[], env: NodeJS.ProcessEnv, input?: string | Buffer, cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', input, cwd, timeout: 60_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the binary; `done` settles when it exits. */
export function start(args: readonly string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

const shellWord = (w: string) => `'${w.replaceAll("'", `'\\''`)}'`;

/**
 * Runs the binary on a terminal, as a person would: script(1) gives it a pseudo-terminal for
 * stdin and stdout (so `papers list` with no filter would open the UI: give a filter or --plain).
 * Everything it prints arrives on stdout, with \n line ends.
 */
export function runOnTerminal(args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const command = [process.execPath, BIN, ...args].map(shellWord).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, signal: r.signal, stdout: r.stdout.replace(/\r\n/g, '\n'), stderr: r.stderr };
}
