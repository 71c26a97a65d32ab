// Points at which a test can stop a real `papers` process, to prove a fault test reached its
// scenario instead of sleeping and hoping. Off unless PAPERS_TEST_HOOKS is set (tests only):
//
//   PAPERS_TEST_HOOKS="point,other:kill,third@2:kill"  PAPERS_TEST_HOOK_DIR=/tmp/x
//
// At a listed point (with @n, only the n-th time the process reaches it) the process writes the
// marker file <dir>/<point>.<pid>, holding what it was doing there (the file being written) or
// its pid, then, by the action after the colon: (none) waits until <dir>/<point>.go exists; `kill`
// kills itself with SIGKILL; `mark` goes on at once.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type HookPoint =
  /** Under the library lock, decisions re-read, before decisions.yaml is written. */
  | 'decisions-before-write'
  /** decisions.yaml written, before the undo journal is. */
  | 'decisions-before-journal'
  /** Waiting for a lock another process holds (reached once per acquisition). */
  | 'lock-wait'
  /** `papers import`: one file imported, before the next is started. */
  | 'import-after-file'
  /** `papers import`: a digest's papers merged in the open database transaction, before its commit. */
  | 'import-in-transaction'
  /** An atomic file write: half the data in the temp file, before the rest (detail: the target). */
  | 'write-midway';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const reachedCount = new Map<HookPoint, number>();

export function testHook(point: HookPoint, detail?: string): void {
  const spec = process.env.PAPERS_TEST_HOOKS;
  const dir = process.env.PAPERS_TEST_HOOK_DIR;
  if (!spec || !dir) return;
  const entry = spec.split(',').find((s) => s.split(/[@:]/)[0] === point);
  if (entry === undefined) return;
  const [name, action = 'wait'] = entry.split(':') as [string, string?];
  const nth = name.split('@')[1];
  const count = (reachedCount.get(point) ?? 0) + 1;
  reachedCount.set(point, count);
  if (nth !== undefined && Number(nth) !== count) return;
  writeFileSync(join(dir, `${point}.${process.pid}`), detail ?? String(process.pid));
  if (action === 'kill') process.kill(process.pid, 'SIGKILL');
  if (action !== 'wait') return;
  const go = join(dir, `${point}.go`);
  while (!existsSync(go)) Atomics.wait(sleeper, 0, 0, 10);
}
