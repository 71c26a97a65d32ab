// `list --json` streams from the database: the same bytes as the whole-array JSON, through a
// slow consumer (stdout backpressure) too.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamJson } from '../../src/cli/json-stream.js';
import { toJson } from '../../src/cli/render/paper-rows.js';
import { openLibrary } from '../../src/io/library-store.js';
import { parsed, SEED_TEXT, tempDir } from './library-helpers.js';

function sink(slow: boolean) {
  let text = '';
  let waits = 0;
  const stream = new Writable({
    highWaterMark: slow ? 16 : 1 << 20,
    write(chunk, _enc, done) {
      text += String(chunk);
      if (slow) {
        waits++;
        setImmediate(done);
      } else done();
    },
  });
  return { stream, text: () => text, waits: () => waits };
}

describe('streamed --json', () => {
  it('writes exactly what toJson writes, paper by paper, waiting for a slow reader', async () => {
    const dir = tempDir();
    const lib = openLibrary(dir);
    lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    await lib.tag([lib.idIndex().ids[2]!], ['to-read'], []);
    const snapshot = lib.snapshot();
    for (const slow of [false, true]) {
      const out = sink(slow);
      const ids = await streamJson(lib.eachPaper(), lib.decisionsById(), out.stream);
      expect(out.text()).toBe(`${toJson(snapshot.papers, snapshot)}\n`);
      expect(ids).toEqual(snapshot.papers.map((p) => p.id));
      if (slow) expect(out.waits()).toBeGreaterThan(1);
    }
    const empty = sink(false);
    await streamJson([], snapshot.decisions, empty.stream);
    expect(empty.text()).toBe(`${toJson([], snapshot)}\n`);
  });
});
