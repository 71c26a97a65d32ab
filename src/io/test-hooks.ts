// Points at which a test can stop a real `papers` process, to prove a fault test reached its
// scenario instead of sleeping and hoping. Off unless PAPERS_TEST_HOOKS is set (tests only):
//
//   PAPERS_TEST_HOOKS="point,other:kill"  PAPERS_TEST_HOOK_DIR=/tmp/x
//
// At a listed point the process writes the marker file <dir>/<point>.<pid>, then, by the action
// after the colon: (none) waits until <dir>/<point>.go exists; `kill` kills itself with SIGKILL;
// `mark` goes on at once.
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
  | 'import-after-file';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function testHook(point: HookPoint): void {
  const spec = process.env.PAPERS_TEST_HOOKS;
  const dir = process.env.PAPERS_TEST_HOOK_DIR;
  if (!spec || !dir) return;
  const entry = spec.split(',').find((s) => s.split(':')[0] === point);
  if (entry === undefined) return;
  const action = entry.split(':')[1] ?? 'wait';
  writeFileSync(join(dir, `${point}.${process.pid}`), String(process.pid));
  if (action === 'kill') process.kill(process.pid, 'SIGKILL');
  if (action !== 'wait') return;
  const go = join(dir, `${point}.go`);
  while (!existsSync(go)) Atomics.wait(sleeper, 0, 0, 10);
}
