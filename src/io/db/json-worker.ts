// The second thread of `list --json` (json-parallel.ts): it claims each odd block the reader has
// not, reads it in its own read transaction of the same generation, and posts its bytes; it stays
// at most AHEAD blocks in front of the writer. However it ends, it says so in the shared state.
import { workerData, type MessagePort } from 'node:worker_threads';
import { closesOfPairs, recordChunks } from '../json-chunks.js';
import { openReader } from './connection.js';
import { AHEAD, blockQuery, claim, Claim, GENERATION_SQL, Slot, type BlockPlan, type WorkerMessage } from './json-blocks.js';
import { iterateJson } from './read.js';

const { plan, state: shared, port } = workerData as { plan: BlockPlan; state: SharedArrayBuffer; port: MessagePort };
const state = new Int32Array(shared);

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(state, Slot.signal, 1);
  Atomics.notify(state, Slot.signal);
}

/** Waits while block k is more than AHEAD in front of the writer. */
function waitForRoom(k: number): void {
  for (;;) {
    const written = Atomics.load(state, Slot.written);
    if (Atomics.load(state, Slot.stop) || k - written <= AHEAD) return;
    Atomics.wait(state, Slot.written, written, 1000);
  }
}

try {
  const db = openReader(plan.path);
  try {
    db.exec('BEGIN');
    const generation = (db.prepare(GENERATION_SQL).pluck().get() as string | undefined) ?? null;
    if (generation !== plan.generation) throw new Error('the library changed while it was listed');
    const closeOf = closesOfPairs(plan.closes);
    for (let k = 1; k < plan.blocks && !Atomics.load(state, Slot.stop); k += 2) {
      waitForRoom(k);
      if (!claim(state, k, Claim.worker)) continue;
      for (const bytes of recordChunks(iterateJson(db, blockQuery(plan, k)), closeOf)) post({ block: k, bytes }, [bytes.buffer as ArrayBuffer]);
      post({ block: k, end: true });
    }
  } finally {
    db.close();
  }
} catch (e) {
  post({ error: e instanceof Error ? e.message : String(e) });
} finally {
  Atomics.store(state, Slot.finished, 1);
  Atomics.add(state, Slot.signal, 1);
  Atomics.notify(state, Slot.signal);
  port.close();
}
