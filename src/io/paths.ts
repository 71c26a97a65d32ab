// Where things live: the bundled seed, the library (--library, PAPERS_HOME, XDG), the config.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module holding package.json (works from src/ and dist/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'seeds'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('papers: cannot find its package folder (seeds/ missing)');
    dir = up;
  }
}

const SEED_NAME = '000_8fc7cc936e25f888.txt';

export function seedPath(): string {
  return join(packageRoot(), 'seeds', SEED_NAME);
}

/** The seed's parse written next to the bundle by scripts/build.mjs (io/seed-prebuilt.ts). */
export function seedParsePath(): string {
  return join(packageRoot(), 'dist', 'seed-papers.json');
}

/** The bundle's worker for `list --json` of a large library (io/db/json-parallel.ts). */
export function jsonWorkerPath(): string {
  return join(packageRoot(), 'dist', 'json-worker.js');
}

/** --library DIR, else PAPERS_HOME, else $XDG_DATA_HOME/papers, else ~/.local/share/papers. */
export function libraryDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.PAPERS_HOME) return resolve(env.PAPERS_HOME);
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'papers');
}

/** PAPERS_CONFIG, else $XDG_CONFIG_HOME/papers/config.yaml, else ~/.config/papers/config.yaml. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PAPERS_CONFIG) return resolve(env.PAPERS_CONFIG);
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'papers', 'config.yaml');
}
