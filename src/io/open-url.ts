// Opens a link in the user's browser: $BROWSER (first entry; "%s" is replaced by the URL), else
// xdg-open (open on macOS). The browser is spawned detached so the UI never waits for it.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

type OpenResult = { ok: true; command: string } | { ok: false; message: string };
type Opener = (url: string) => Promise<OpenResult>;

/** The command line that would open `url`, or null when there is none. */
export function browserCommand(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, onPath: (name: string) => boolean): string[] | null {
  const browser = env.BROWSER?.split(':').map((s) => s.trim()).find(Boolean);
  if (browser) {
    const words = browser.split(/\s+/);
    return words.some((w) => w.includes('%s')) ? words.map((w) => w.replaceAll('%s', url)) : [...words, url];
  }
  const fallback = platform === 'darwin' ? 'open' : 'xdg-open';
  return onPath(fallback) ? [fallback, url] : null;
}

function onPath(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const openInBrowser: Opener = async (url) => {
  const command = browserCommand(url, process.env, process.platform, (name) => onPath(name));
  if (!command) return { ok: false, message: 'cannot open links: set $BROWSER or install xdg-open' };
  const [file, ...args] = command as [string, ...string[]];
  // loaded on the first link opened: the UI's start does without child_process and what it loads
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(file, args, { detached: true, stdio: 'ignore' });
    child.once('error', (e) => resolve({ ok: false, message: `cannot run ${file} (${(e as NodeJS.ErrnoException).code ?? e.message}); check $BROWSER` }));
    child.once('spawn', () => {
      child.unref();
      resolve({ ok: true, command: file });
    });
  });
};
