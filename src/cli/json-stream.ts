// `--json` of a whole library written as it is read: byte for byte what toJson prints, in large
// buffers, waiting for stdout to drain when it is slower than the database, so that memory stays
// flat however large the library.
import { once } from 'node:events';

const OPEN_BRACKET = '['.charCodeAt(0);

/** Writes record chunks (json-chunks.ts) as one JSON array: `[` for the first record's comma, then the close. */
export async function writeJsonArray(chunks: Iterable<Uint8Array>, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  let first = true;
  for (const bytes of chunks) {
    if (first) {
      bytes[0] = OPEN_BRACKET;
      first = false;
    }
    if (!out.write(bytes)) await once(out, 'drain');
  }
  const end = first ? '[]\n' : '\n]\n';
  if (!out.write(end)) await once(out, 'drain');
}
