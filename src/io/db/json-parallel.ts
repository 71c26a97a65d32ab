// `list --json` of a large library on two threads: the library is cut into blocks of seq; this
// thread reads the even ones and every odd one a worker (json-worker.ts) has not claimed, and
// takes the worker's blocks in order. Both read one generation of the library in read transactions of
// their own. A worker that fails, or is slow to say anything, is left: this thread reads what is
// left itself, so the output is the same whatever the worker does.
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Decision } from '../../core/library.js';
import { closesOf, decidedCloses, recordChunks } from '../json-chunks.js';
import type { Database } from './connection.js';
import { BLOCK_SEQS, blockQuery, claim, Claim, GENERATION_SQL, sharedState, Slot, type BlockPlan, type WorkerMessage } from './json-blocks.js';
import { iterateJson } from './read.js';

/**
 * Whether a library of this many papers is worth a second thread: not below 20k, where the worker's
 * start costs more than it saves; nor above 250k, where it took the peak RSS of 1M papers (120k
 * decisions) from 222 MB to 330 MB, over the 300 MB a command may hold.
 */
export function worthTwoThreads(papers: number): boolean {
  return papers >= 20_000 && papers <= 250_000;
}
/** How long the worker may go without a message before it is left. */
const PATIENCE_MS = 10_000;

interface ParallelOptions {
  /** The worker's script (the bundle's json-worker.js); without it, this thread reads every block. */
  workerFile: string;
  /** Seqs a block spans (BLOCK_SEQS). */
  span?: number;
  /** Told who read each block, as it is written. */
  report?: (block: number, by: 'worker' | 'reader') => void;
}

/** The whole library's records as chunks (json-chunks.ts), in library order, read by this thread and a worker. */
export function* parallelJsonChunks(db: Database, decisions: ReadonlyMap<string, Decision>, { workerFile, span = BLOCK_SEQS, report }: ParallelOptions): Generator<Uint8Array> {
  const began = !db.inTransaction;
  if (began) db.exec('BEGIN');
  let helper: Helper | null = null;
  try {
    const [low, high] = db.prepare('SELECT min(seq), max(seq) FROM papers').raw().get() as [number | null, number | null];
    if (low === null || high === null) return;
    const plan: BlockPlan = {
      path: db.name,
      generation: (db.prepare(GENERATION_SQL).pluck().get() as string | undefined) ?? null,
      first: low,
      span,
      blocks: Math.floor((high - low) / span) + 1,
      // the worker gets its copy as it starts; this thread keeps none
      closes: decidedCloses(decisions),
    };
    helper = startHelper(plan, workerFile);
    plan.closes = [];
    const closes = closesOf(decisions);
    for (let k = 0; k < plan.blocks; k++) {
      const theirs = helper !== null && k % 2 === 1 && !claim(helper.state, k, Claim.reader);
      const taken = theirs ? helper!.take(k) : null;
      if (taken === null) {
        // ours, or theirs failed: from a failure on, every block is read here
        if (theirs) helper = stopHelper(helper);
        yield* recordChunks(iterateJson(db, blockQuery(plan, k)), closes);
      } else yield* taken;
      report?.(k, taken === null ? 'reader' : 'worker');
      if (helper) {
        Atomics.store(helper.state, Slot.written, k + 1);
        Atomics.notify(helper.state, Slot.written);
      }
    }
  } finally {
    stopHelper(helper);
    if (began && db.inTransaction) db.exec('COMMIT');
  }
}

interface Helper {
  state: Int32Array;
  port: MessagePort;
  worker: Worker;
  /** Block k's bytes once the worker has posted all of them; null when it failed or went quiet. */
  take(k: number): Uint8Array[] | null;
}

function startHelper(plan: BlockPlan, workerFile: string): Helper | null {
  if (plan.blocks < 2 || !existsSync(workerFile)) return null;
  const state = sharedState(plan.blocks);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { workerData: { plan, state: state.buffer, port: port2 }, transferList: [port2] });
  } catch {
    port1.close();
    return null;
  }
  // a failure shows as a message, or as silence; the process does not wait for the thread to end
  worker.on('error', () => {});
  worker.unref();
  return { state, port: port1, worker, take: (k) => takeBlock(state, port1, k) };
}

function takeBlock(state: Int32Array, port: MessagePort, k: number): Uint8Array[] | null {
  const got: Uint8Array[] = [];
  let heard = performance.now();
  for (;;) {
    const signal = Atomics.load(state, Slot.signal);
    // read before looking: a worker that had finished by then had posted all it ever will
    const finished = Atomics.load(state, Slot.finished) === 1;
    const received = receiveMessageOnPort(port);
    if (received === undefined) {
      if (finished) return null;
      if (Atomics.wait(state, Slot.signal, signal, 1000) === 'timed-out' && performance.now() - heard > PATIENCE_MS) return null;
      continue;
    }
    heard = performance.now();
    const message = received.message as WorkerMessage;
    if ('error' in message || message.block !== k) return null;
    if ('end' in message) return got;
    got.push(message.bytes);
  }
}

function stopHelper(helper: Helper | null): null {
  if (helper) {
    Atomics.store(helper.state, Slot.stop, 1);
    Atomics.notify(helper.state, Slot.written);
    helper.port.close();
    void helper.worker.terminate();
  }
  return null;
}
