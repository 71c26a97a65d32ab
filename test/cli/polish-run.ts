// Runs the built `papers` for the issue-9 tests (config, completion, doctor, progress, pack) with a
// private library, config and home, so nothing touches the real ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'papers.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'papers-polish-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A sandbox: its own PAPERS_HOME, XDG folders and HOME. */
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
  delete env.PAPERS_CONFIG;
  for (const key of Object.keys(env)) if (key.startsWith('PAPERS_') && !['PAPERS_HOME'].includes(key)) delete env[key];
  return { dir, env };
}

export function papers(args: readonly string[], env: NodeJS.ProcessEnv, input?: string, cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, cwd, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
