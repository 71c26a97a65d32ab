// The UI in a real terminal: tmux runs the built `papers` on the bundled seed with a temporary
// library; the test types like a user, reads the screen with capture-pane, and checks the library.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SOCKET = `papers-e2e-${process.pid}`;
let home: string;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'ui');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'ui', ...k);
const text = (t: string) => tmux('send-keys', '-t', 'ui', '-l', t);

/** Polls the screen until `predicate` holds; fails with the last screen after `ms`. */
async function waitForScreen(predicate: (s: string) => boolean, what: string, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    last = screen();
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; the screen was:\n${last}`);
}

beforeAll(() => {
  execFileSync('tmux', ['-V']); // tmux must be installed (.ci/run installs it)
  home = mkdtempSync(join(tmpdir(), 'papers-e2e-'));
  // The shell reports the exit status on the screen (tmux's own pane status is not always kept).
  const command = `cd ${JSON.stringify(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR PAPERS_HOME=${JSON.stringify(home)} PAPERS_CONFIG=${JSON.stringify(join(home, 'config.yaml'))} FORCE_COLOR=0 TERM=xterm-256color node bin/papers.js; echo "[papers exited $?]"; sleep 600`;
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'ui', '-x', '100', '-y', '30', command);
});

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  if (home) rmSync(home, { recursive: true, force: true });
});

test('filter to the protein paper, tag it to-read, quit: the library keeps the tag', async () => {
  const first = await waitForScreen((s) => /\d+\/\d+ shown/.test(s), 'the first frame');
  expect(first).toContain('MixtureGrowth');

  text('/protein');
  const filtered = await waitForScreen((s) => s.includes('/ protein') && !s.includes('MixtureGrowth'), 'the filtered list');
  expect(filtered).toContain('De novo protein design using geometric vector field networks');
  expect(filtered).toMatch(/›.*De novo protein design/);

  keys('Enter');
  keys('t');
  await waitForScreen((s) => s.includes('add tag to 1 paper'), 'the tag prompt');
  text('to-read');
  keys('Enter');
  const tagged = await waitForScreen((s) => s.includes('tagged 1 paper'), 'the tag being written');
  expect(tagged).toMatch(/De novo protein design.*\+to-read/);
  expect(tagged).toContain('/ protein');

  keys('q');
  const after = await waitForScreen((s) => s.includes('[papers exited'), 'papers to exit');
  expect(after).toContain('[papers exited 0]');
  // The alternate screen is gone: the terminal shows what it showed before, not the UI.
  expect(after).not.toContain('shown');

  const out = execFileSync('node', ['bin/papers.js', 'list', '--tag', 'to-read', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PAPERS_HOME: home, PAPERS_CONFIG: join(home, 'config.yaml'), FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const papers = JSON.parse(out) as Array<{ title: string; tags: string[] }>;
  expect(papers.map((p) => p.title)).toEqual(['De novo protein design using geometric vector field networks']);
  expect(papers[0]!.tags).toContain('to-read');
});
