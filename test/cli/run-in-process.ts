// Runs the built program's main in this process, with the same functions as library-run.ts (which
// starts a real process): the environment swapped for the call, stdout and stderr captured, the exit
// code read and reset, the database connections a process exit would close closed. Calls are queued,
// one at a time, as the environment and the streams belong to the whole process.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { libraryEnv, ROOT, run as runProcess, tempDir, type Run } from './library-run.js';

export { BIN, libraryEnv, ROOT, sandbox, SEED, tempDir, type Run } from './library-run.js';

interface Program {
  main(argv: readonly string[]): Promise<void>;
  closeOpenDatabases(): void;
}

const program = (await import(pathToFileURL(join(ROOT, 'dist', 'main.js')).href)) as Program;

let queue: Promise<unknown> = Promise.resolve();

/**
 * `papers args` with this environment. The program reads stdin from file descriptor 0, so a run
 * with `input` starts a real process.
 */
export function run(args: readonly string[], env: NodeJS.ProcessEnv, input?: string | Buffer, cwd = ROOT): Promise<Run> {
  if (input !== undefined) return Promise.resolve(runProcess(args, env, input, cwd));
  const next = queue.then(() => runHere(args, env, cwd));
  queue = next.catch(() => undefined);
  return next;
}

type Stream = NodeJS.WriteStream | NodeJS.ReadStream;

async function runHere(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const restoreEnv = swapEnv(env);
  const dir = process.cwd();
  process.chdir(cwd);
  const writes = [process.stdout.write, process.stderr.write] as const;
  // As in a process whose stdio are pipes (vitest's workers may have inherited a terminal).
  const streams: Stream[] = [process.stdout, process.stderr, process.stdin];
  const ttys = streams.map((s) => Object.getOwnPropertyDescriptor(s, 'isTTY'));
  for (const s of streams) Object.defineProperty(s, 'isTTY', { value: false, configurable: true, writable: true });
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await program.main(['node', 'papers', ...args]);
  } finally {
    [process.stdout.write, process.stderr.write] = writes;
    streams.forEach((s, i) => {
      const d = ttys[i];
      if (d) Object.defineProperty(s, 'isTTY', d);
      else delete (s as { isTTY?: boolean }).isTTY;
    });
    program.closeOpenDatabases();
    process.chdir(dir);
    restoreEnv();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, signal: null, stdout, stderr };
}

/** Makes process.env hold exactly `env` (undefined values left out, as spawn does); returns the undo. */
function swapEnv(env: NodeJS.ProcessEnv): () => void {
  const saved = { ...process.env };
  const set = (values: NodeJS.ProcessEnv) => {
    for (const key of Object.keys(process.env)) delete process.env[key];
    for (const [key, value] of Object.entries(values)) if (value !== undefined) process.env[key] = value;
  };
  set(env);
  return () => set(saved);
}

/**
 * A library made once per test file by `build` (given an empty library's environment), then
 * copied for each call: every test starts from the same state for the cost of one build.
 */
export function builtOnce(build: (env: NodeJS.ProcessEnv) => Promise<void>): (into?: string) => Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  let template: Promise<string> | undefined;
  const make = async () => {
    const dir = join(tempDir(), 'library');
    await build(libraryEnv(dir));
    return dir;
  };
  return async (into) => {
    template ??= make();
    const dir = into ?? join(tempDir(), 'library');
    cpSync(await template, dir, { recursive: true });
    return { dir, env: libraryEnv(dir) };
  };
}
