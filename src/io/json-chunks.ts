// `--json` records as UTF-8 bytes in large buffers: each record is RECORD_OPEN, its parts and its
// close, so that runs of records made apart (by another thread) join into one array. The writer
// puts the `[` in place of the first record's comma and closes the array.
import { RECORD_OPEN, recordClose, UNDECIDED_CLOSE, type JsonPart, type PaperJson } from '../core/paper-json.js';
import type { Decision } from '../core/library.js';

/** Bytes a buffer carries: large, so that writes are few; small, so that memory stays low. */
const CHUNK_BYTES = 1 << 18;

/** A record's close by its paper id. */
type RecordCloses = (id: string) => string;

/** The closes of these decisions; a paper without one gets UNDECIDED_CLOSE. */
export function closesOf(decisions: ReadonlyMap<string, Decision>): RecordCloses {
  return (id) => {
    const decision = decisions.get(id);
    return decision === undefined ? UNDECIDED_CLOSE : recordClose(decision);
  };
}

/** The closes that are not UNDECIDED_CLOSE, by paper id: what another thread is handed. */
export function decidedCloses(decisions: ReadonlyMap<string, Decision>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [id, decision] of decisions) {
    const close = recordClose(decision);
    if (close !== UNDECIDED_CLOSE) pairs.push([id, close]);
  }
  return pairs;
}

/** decidedCloses' pairs as closes again. */
export function closesOfPairs(pairs: Array<[string, string]>): RecordCloses {
  const byId = new Map(pairs);
  return (id) => byId.get(id) ?? UNDECIDED_CLOSE;
}

/**
 * The records' bytes, a buffer at a time. Each buffer is its own (fresh, never a pooled slice nor a
 * part passed in), so that a consumer may keep it or hand it to another thread.
 */
export function* recordChunks(records: Iterable<PaperJson>, closes: RecordCloses, size = CHUNK_BYTES): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafeSlow(size);
  let used = 0;
  for (const record of records) {
    const { parts } = record;
    const close = closes(record.id);
    for (let i = -1; i <= parts.length; i++) {
      const part: JsonPart = i < 0 ? RECORD_OPEN : i === parts.length ? close : parts[i]!;
      // a UTF-16 code unit takes at most 3 bytes of UTF-8
      const most = typeof part === 'string' ? part.length * 3 : part.length;
      if (used + most > size) {
        if (used > 0) yield buffer.subarray(0, used);
        buffer = Buffer.allocUnsafeSlow(size);
        used = 0;
        if (most > size) {
          // copied: a short string's bytes may sit in Buffer's shared pool
          yield new Uint8Array(typeof part === 'string' ? Buffer.from(part) : part);
          continue;
        }
      }
      used += typeof part === 'string' ? buffer.write(part, used) : (buffer.set(part, used), part.length);
    }
  }
  if (used > 0) yield buffer.subarray(0, used);
}
