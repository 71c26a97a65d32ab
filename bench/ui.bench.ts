// The UI's budgets: the first frame at most 500 ms after launching the built binary on the
// seed, in a pseudo-terminal; and at most 30 ms from a keystroke to the next frame with 10,000
// papers (moving, and typing a filter that is searched as it is typed).
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asLibraryPapers, memoryLibrary } from '../src/core/library.js';
import { syntheticPapers } from './synthetic.js';
import { FakeStdin } from '../test/ui/fake-stdin.js';
import { loadTextWidth } from '../src/core/text/columns.js';

await loadTextWidth(); // as the program does before it measures text

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** CPU seconds (user + system) the process has used, from /proc (Linux; 10 ms ticks); null elsewhere. */
function cpuOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The pid of script(1)'s child (`exec node ...` makes it node). */
function childOf(pid: number): number | null {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    return children[0] ? Number(children[0]) : null;
  } catch {
    return null;
  }
}

/** Spawn to first frame: `papers` under script(1), timed until the footer of the first frame is out. */
async function firstFrame(): Promise<{ ms: number; cpu: number | null }> {
  const home = mkdtempSync(join(tmpdir(), 'papers-bench-ui-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PAPERS_HOME: home, PAPERS_CONFIG: join(home, 'config.yaml'), FORCE_COLOR: '0', TERM: 'xterm-256color' };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  delete env.NO_COLOR;
  const start = performance.now();
  const child = spawn('script', ['-qec', 'stty cols 120 rows 40; exec node bin/papers.js', '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'ignore'] });
  let screen = '';
  let cpu: number | null = null;
  const ms = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no first frame after 10 s: ${JSON.stringify(screen.slice(-500))}`)), 10_000);
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      if (screen.includes('untriaged') && screen.includes('q quit')) {
        clearTimeout(timer);
        const node = childOf(child.pid!);
        cpu = node === null ? null : cpuOf(node);
        resolve(performance.now() - start);
      }
    });
  });
  child.stdin.write('q');
  await new Promise((resolve) => child.on('close', resolve));
  rmSync(home, { recursive: true, force: true });
  return { ms, cpu };
}

/** Terminal streams for Ink without a terminal: a fixed size, and a hook on every frame written. */
class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 120;
  rows = 40;
  onWrite: (() => void) | null = null;
  write = (_chunk: string) => {
    this.onWrite?.();
    return true;
  };
}

async function keystrokes(n: number): Promise<void> {
  process.env.NODE_ENV = 'production';
  // Ink decides when first imported whether it runs in CI, where it draws only the last frame.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { createElement } = await import('react');
  const { render } = await import('ink');
  const { App } = await import('../src/ui/App.js');
  const { DEFAULT_UI_CONFIG } = await import('../src/ui/adapters.js');
  const { UI_MAX_FPS } = await import('../src/ui/index.js');
  const handle = memoryLibrary(asLibraryPapers(syntheticPapers(n), 'bench', '2025-04-01T00:00:00.000Z'), 'bench');
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const instance = render(
    createElement(App, {
      handle,
      config: DEFAULT_UI_CONFIG,
      sideEffects: { openUrl: async () => ({ ok: true as const, command: 'none' }), writeExport: async (p: string) => p },
      today: '2025-04-01',
      interactive: true,
    }),
    { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false, maxFps: UI_MAX_FPS },
  );
  await new Promise((r) => setTimeout(r, 100));

  // Wait until the index is built (the App does it in slices after the first frame).
  await new Promise((r) => setTimeout(r, 100));
  for (let i = 0; i < 200; i++) await new Promise((r) => setTimeout(r, 20));

  interface Timing {
    /** Key to the first frame written (wall clock), and the CPU time the process spent meanwhile. */
    frame: number;
    cpu: number;
    /** Key to the last frame within a quiet 150 ms: for filter keys, the frame with the new list. */
    settled: number;
  }
  /** Key to frame, with a pause first so that Ink's frame throttle is idle, as between a person's keystrokes. */
  const press = async (key: string): Promise<Timing> => {
    await new Promise((r) => setTimeout(r, 60));
    const writes: number[] = [];
    let cpuAtFirst = 0;
    const cpu0 = process.cpuUsage();
    stdout.onWrite = () => {
      writes.push(performance.now());
      if (writes.length === 1) {
        const c = process.cpuUsage(cpu0);
        cpuAtFirst = (c.user + c.system) / 1000;
      }
    };
    const start = performance.now();
    stdin.write(key);
    for (let waited = 0; ; waited += 150) {
      const seen = writes.length;
      await new Promise((r) => setTimeout(r, 150));
      if (writes.length > 0 && writes.length === seen) break;
      if (waited > 5000) throw new Error(`no frame within 5 s of key ${JSON.stringify(key)}`);
    }
    stdout.onWrite = null;
    return { frame: writes[0]! - start, cpu: cpuAtFirst, settled: writes.at(-1)! - start };
  };

  const moves: Timing[] = [];
  for (let i = 0; i < 30; i++) moves.push(await press('j'));
  await press('/');
  const typing: Timing[] = [];
  for (const ch of 'neural network') typing.push(await press(ch));
  const clearing = await press('\u007f'); // backspace: widen the filter again
  const row = (name: string, ts: Timing[], settled: boolean) =>
    `  ${name.padEnd(18)} frame median ${fmt(median(ts.map((t) => t.frame)))}, p95 ${fmt(p95(ts.map((t) => t.frame)))} (cpu median ${fmt(median(ts.map((t) => t.cpu)))})` +
    (settled ? `; list updated median ${fmt(median(ts.map((t) => t.settled)))}, p95 ${fmt(p95(ts.map((t) => t.settled)))}` : '');
  instance.unmount();
  console.log(`keystroke to frame, ${n.toLocaleString('en')} papers (budget 30 ms):`);
  console.log(row('j (move)', moves, false));
  console.log(row('filter typing', typing, true) + ' ("neural network")');
  console.log(row('filter backspace', [clearing], true));
}

export async function run(): Promise<void> {
  const runs: Array<{ ms: number; cpu: number | null }> = [];
  for (let i = 0; i < 5; i++) runs.push(await firstFrame());
  const frames = runs.map((r) => r.ms);
  const cpus = runs.flatMap((r) => (r.cpu === null ? [] : [r.cpu * 1000]));
  console.log(
    `first frame after launch on the seed (budget 500 ms): median ${fmt(median(frames))}, min ${fmt(Math.min(...frames))}, max ${fmt(Math.max(...frames))}` +
      (cpus.length ? ` (node's cpu until then: median ${fmt(median(cpus))})` : '') +
      ' (5 runs, built binary under script(1))',
  );
  await keystrokes(10_000);
}
