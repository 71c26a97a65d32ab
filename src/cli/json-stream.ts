// `--json` of a whole library written record by record, byte for byte what toJson prints, in
// large buffers, waiting for stdout to drain when it is slower than the database: memory stays
// flat however large the library.
import { once } from 'node:events';
import type { Decision, Snapshot } from '../core/library.js';
import { jsonMembers } from '../core/json-text.js';
import { decisionFields, RECORD_INDENT, type JsonPart, type PaperJson } from '../core/paper-json.js';

/** Bytes a write carries: large, so that writes are few; small, so that memory stays low. */
const CHUNK_BYTES = 1 << 18;

const recordEnd = (decision: Decision | undefined) => `,\n${RECORD_INDENT}${jsonMembers(decisionFields(decision), RECORD_INDENT)}\n  }`;
/** The end of a record of a paper without tags or note: most of a library's. */
const UNDECIDED = recordEnd(undefined);

/** Writes the records as toJson's array, in writes of about chunkBytes; returns how many it wrote. */
export async function streamJson(records: Iterable<PaperJson>, decisions: Snapshot['decisions'], out: NodeJS.WritableStream = process.stdout, chunkBytes = CHUNK_BYTES): Promise<number> {
  let written = 0;
  const chunks = new Chunks(out, chunkBytes);
  for (const record of records) {
    chunks.add(written === 0 ? `[\n  {\n${RECORD_INDENT}` : `,\n  {\n${RECORD_INDENT}`);
    for (const part of record.parts) chunks.add(part);
    const decision = decisions.get(record.id);
    chunks.add(decision === undefined ? UNDECIDED : recordEnd(decision));
    written++;
    if (chunks.mustWait) await chunks.drained();
  }
  chunks.add(written === 0 ? '[]\n' : '\n]\n');
  chunks.flush();
  await chunks.drained();
  return written;
}

/** Parts gathered into buffers of `size` bytes, each written once full. */
class Chunks {
  private buffer: Buffer;
  private used = 0;
  /** The stream asked for a pause (write returned false). */
  mustWait = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly size: number,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  add(part: JsonPart): void {
    // a UTF-16 code unit takes at most 3 bytes of UTF-8
    const most = typeof part === 'string' ? part.length * 3 : part.length;
    if (this.used + most > this.buffer.length) {
      this.flush();
      if (most > this.size) {
        this.write(typeof part === 'string' ? Buffer.from(part) : part);
        return;
      }
    }
    this.used += typeof part === 'string' ? this.buffer.write(part, this.used) : (this.buffer.set(part, this.used), part.length);
  }

  /** Writes what is gathered; a fresh buffer follows, as the stream may hold on to this one. */
  flush(): void {
    if (this.used === 0) return;
    this.write(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(this.size);
    this.used = 0;
  }

  private write(bytes: Uint8Array): void {
    if (!this.out.write(bytes)) this.mustWait = true;
  }

  async drained(): Promise<void> {
    if (this.mustWait) await once(this.out, 'drain');
    this.mustWait = false;
  }
}
