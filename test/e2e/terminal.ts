// The built `papers` in a real terminal: tmux runs it with a fresh temporary library (PAPERS_HOME);
// a test types like a user, reads the screen with capture-pane and reads the library afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDecisions } from '../../src/core/decisions.js';
import type { Decision } from '../../src/core/library.js';
import * as YAML from 'yaml';

export const ROOT = resolve(__dirname, '../..');

export interface Terminal {
  /** The library folder papers runs on. */
  home: string;
  screen: () => string;
  /** tmux key names (Enter, Escape, C-u). */
  keys: (...keys: string[]) => void;
  /** Literal text: every character a key press. */
  text: (text: string) => void;
  /** Polls the screen until `predicate` holds; fails with the last screen after `ms`. */
  waitForScreen: (predicate: (screen: string) => boolean, what: string, ms?: number) => Promise<string>;
  /** Runs `papers ARGS` on the same library outside the terminal (piped) and returns its stdout. */
  papers: (...args: string[]) => string;
  /** decisions.yaml as parsed by papers. */
  decisions: () => ReadonlyMap<string, Decision>;
  /** Ends tmux and removes the library. */
  close: () => void;
}

const env = (home: string) => ({ PAPERS_HOME: home, PAPERS_CONFIG: join(home, 'config.yaml') });

/** Starts `papers ARGS` in a new tmux server of its own (socket `name`) at `columns` x `rows`. */
export function startPapers(name: string, options: { columns?: number; rows?: number; args?: string[]; env?: Record<string, string>; config?: string } = {}): Terminal {
  execFileSync('tmux', ['-V']); // tmux must be installed (.ci/run installs it)
  const socket = `${name}-${process.pid}`;
  const home = mkdtempSync(join(tmpdir(), 'papers-e2e-'));
  if (options.config !== undefined) writeFileSync(env(home).PAPERS_CONFIG, options.config);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const vars = Object.entries({ ...env(home), ...options.env }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
  const args = (options.args ?? []).map((a) => JSON.stringify(a)).join(' ');
  // The shell reports the exit status on the screen (tmux's own pane status is not always kept).
  const command = `cd ${JSON.stringify(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR ${vars} FORCE_COLOR=0 TERM=xterm-256color node bin/papers.js ${args}; echo "[papers exited $?]"; sleep 600`;
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'ui', '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30), command);
  const screen = () => tmux('capture-pane', '-p', '-t', 'ui');
  return {
    home,
    screen,
    keys: (...keys) => void tmux('send-keys', '-t', 'ui', ...keys),
    text: (text) => void tmux('send-keys', '-t', 'ui', '-l', text),
    async waitForScreen(predicate, what, ms = 10_000) {
      const deadline = Date.now() + ms;
      let last = '';
      while (Date.now() < deadline) {
        last = screen();
        if (predicate(last)) return last;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${what}; the screen was:\n${last}`);
    },
    papers: (...argv) => execFileSync('node', ['bin/papers.js', ...argv], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env(home), FORCE_COLOR: '0', NO_COLOR: '1' } }),
    decisions() {
      const parsed = parseDecisions(() => YAML, readFileSync(join(home, 'decisions.yaml'), 'utf8'));
      if (!parsed.ok) throw new Error(`decisions.yaml does not parse: ${JSON.stringify(parsed.error)}`);
      return parsed.decisions;
    },
    close() {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
