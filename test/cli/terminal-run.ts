// Runs the built `papers` on a pseudo-terminal of a given size (script(1)) and hands back the bytes
// the terminal received: what a user's terminal would obey.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin', 'papers.js');

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** A fresh library folder and an environment that reads nothing of the user's; colour on. */
export function sandbox(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'papers-terminal-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PAPERS_HOME: join(dir, 'library'), PAPERS_CONFIG: join(dir, 'config.yaml'), HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), FORCE_COLOR: '1', TERM: 'xterm-256color' };
  for (const name of ['NO_COLOR', 'CI', 'CONTINUOUS_INTEGRATION', 'PAPERS_DEBUG', 'COLUMNS', 'LINES']) delete env[name];
  return { dir, env };
}

/** An hf-api digest (the Daily Papers JSON) with these papers, written to `name` in `dir`. */
export function writeDigest(dir: string, name: string, papers: ReadonlyArray<{ id: string; title: string; authors?: string[]; summary?: string; githubRepo?: string }>): string {
  const items = papers.map((p) => ({
    paper: { id: p.id, title: p.title, authors: (p.authors ?? ['Ada Lovelace']).map((n) => ({ name: n })), summary: p.summary ?? 'An abstract.', githubRepo: p.githubRepo, upvotes: 1, publishedAt: '2025-01-02T00:00:00.000Z' },
    title: p.title,
    upvotes: 1,
    numComments: 0,
  }));
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(items, null, 2));
  return path;
}

/** papers with `args`, not on a terminal (to set up a library). */
export function papersPiped(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

/** papers with `args` on a `columns`x`rows` pseudo-terminal; every byte it wrote there. */
export function papersOnTerminal(args: string[], env: NodeJS.ProcessEnv, columns = 100, rows = 30): { status: number | null; bytes: Buffer } {
  const command = `stty cols ${columns} rows ${rows}; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const r = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env, timeout: 60_000 });
  return { status: r.status, bytes: r.stdout };
}

/** The UI on a pseudo-terminal: once `ready` is on screen, `keys` are typed one by one (each after the screen changes), then q. */
export async function uiOnTerminal(env: NodeJS.ProcessEnv, ready: string, keys: string[], columns = 120, rows = 40): Promise<Buffer> {
  const command = `stty cols ${columns} rows ${rows}; exec ${[process.execPath, BIN].map(quote).join(' ')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let started = false;
  const pending = [...keys, 'q'];
  child.stdout.on('data', (d: Buffer) => {
    chunks.push(d);
    if (!started && Buffer.concat(chunks).toString('utf8').includes(ready)) started = true;
    // one key per frame: the frame after a key is the sign the UI took it
    if (started && pending.length > 0) child.stdin.write(pending.shift()!);
  });
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error(`the UI did not quit; it wrote: ${JSON.stringify(Buffer.concat(chunks).toString('utf8').slice(-2000))}`));
    }, 30_000);
    child.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
  return Buffer.concat(chunks);
}
