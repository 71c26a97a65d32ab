// The library cut into blocks of seq for `list --json` read by two threads: what both sides share
// (the block's query, the slots of their shared state, their messages).
import type { RowsQuery } from './read.js';

/** Papers a block spans (by seq): a few megabytes of JSON. */
export const BLOCK_SEQS = 2048;
/** Blocks the second thread may run ahead of the writer: what memory holds is bounded by it. */
export const AHEAD = 2;

/**
 * Int32 slots of the shared state; a claim per block follows them. The worker reads the odd
 * blocks, each one it claims before the reader does: the reader takes an odd block itself when it
 * gets there first (the worker still starting, or slower).
 */
export const Slot = {
  /** Blocks written out, in order. */
  written: 0,
  /** Bumped after every message the worker posts. */
  signal: 1,
  /** Set by the reader: the worker is to stop. */
  stop: 2,
  /** Set by the worker when it ends, however it ends. */
  finished: 3,
} as const;
/** Where the claims start: after the slots. */
export const SLOTS = 4;

/** Who reads a block: nobody yet, the worker, the reader. */
export const Claim = { free: 0, worker: 1, reader: 2 } as const;

/** The shared state for this many blocks. */
export function sharedState(blocks: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer((SLOTS + blocks) * Int32Array.BYTES_PER_ELEMENT));
}

/** Claims block k for one side; false when the other had it. */
export function claim(state: Int32Array, k: number, by: (typeof Claim)['worker' | 'reader']): boolean {
  return Atomics.compareExchange(state, SLOTS + k, Claim.free, by) === Claim.free;
}

export interface BlockPlan {
  /** The database file. */
  path: string;
  /** The library's generation the reader saw: the worker reads only that one. */
  generation: string | null;
  first: number;
  /** Seqs a block spans. */
  span: number;
  blocks: number;
  /** Record closes of the papers with tags or a note, by id. */
  closes: Array<[string, string]>;
}

export type WorkerMessage = { block: number; bytes: Uint8Array } | { block: number; end: true } | { error: string };

/** Block k's rows in library order. */
export function blockQuery(plan: Pick<BlockPlan, 'first' | 'span'>, k: number): Omit<RowsQuery, 'abstracts'> {
  const from = plan.first + k * plan.span;
  return { where: 'p.seq >= ? AND p.seq < ?', params: [from, from + plan.span] };
}

export const GENERATION_SQL = "SELECT value FROM meta WHERE key = 'generation'";
