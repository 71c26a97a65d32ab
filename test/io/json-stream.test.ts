// `list --json` streams from the database: the same bytes as the whole-array JSON, through a
// slow consumer (stdout backpressure) too, with no more than a chunk or two waiting in the stream.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../src/core/filter.js';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonArray } from '../../src/cli/json-stream.js';
import type { Snapshot } from '../../src/core/library.js';
import type { PaperJson } from '../../src/core/paper-json.js';
import { closesOf, recordChunks } from '../../src/io/json-chunks.js';
import { parallelJsonChunks } from '../../src/io/db/json-parallel.js';
import { Claim, Slot, SLOTS } from '../../src/io/db/json-blocks.js';
import { jsonWorkerPath } from '../../src/io/paths.js';
import { toJson } from '../../src/cli/render/paper-rows.js';
import type { LibraryPaper } from '../../src/core/library.js';
import { memoryDatabase } from '../../src/io/db/connection.js';
import { iterateJson, readPapersById } from '../../src/io/db/read.js';
import { insertPaper } from '../../src/io/db/write.js';
import { openLibrary } from '../../src/io/library-store.js';
import { hfDigest, parsed, SEED_TEXT, tempDir } from './library-helpers.js';

const CHUNK = 4096;

/** The records as `list --json` writes them, in chunks of CHUNK bytes; how many there were. */
async function streamJson(records: Iterable<PaperJson>, decisions: Snapshot['decisions'], out: NodeJS.WritableStream, chunkBytes = CHUNK): Promise<number> {
  let written = 0;
  const counted = (function* () {
    for (const record of records) {
      written++;
      yield record;
    }
  })();
  await writeJsonArray(recordChunks(counted, closesOf(decisions), chunkBytes), out);
  return written;
}

function sink(slow: boolean) {
  let text = '';
  let waits = 0;
  let queued = 0;
  const stream = new Writable({
    highWaterMark: slow ? 16 : 1 << 20,
    write(chunk, _enc, done) {
      text += String(chunk);
      queued = Math.max(queued, stream.writableLength);
      if (slow) {
        waits++;
        setImmediate(done);
      } else done();
    },
  });
  return { stream, text: () => text, waits: () => waits, queued: () => queued };
}

const LONGER = 'We study this at length, with experiments on several benchmarks, and find that it helps across the board.';
/** Abstracts JSON must escape (or that look as if it might) and one it copies as it is. */
const AWKWARD = [
  { title: 'Quotes "in" the title', abstract: `A "quoted" word, a back\\slash and a\ttab. ${LONGER}` },
  { title: 'Accents and dashes', abstract: `Café – naïve 𝒳 emoji 🙂, a line\u2028separator and a DEL \u007f. ${LONGER}` },
  { title: 'Plain ASCII for once', abstract: `Nothing to escape here at all. ${LONGER}` },
];

async function library(): Promise<string> {
  const dir = tempDir();
  const lib = openLibrary(dir);
  lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
  const run = {};
  lib.importDigest(parsed(hfDigest('2025-03-20', AWKWARD), 'awkward.txt'), run);
  lib.importDigest(parsed(hfDigest('2025-03-21', AWKWARD.slice(0, 2)), 'again.txt'), run);
  const ids = lib.idIndex().ids;
  await lib.tag([ids[2]!, ids[101]!], ['to-read', 'Later'], []);
  await lib.setNote(ids[100]!, 'a note with "quotes"\nand a second line');
  return dir;
}

describe('streamed --json', () => {
  it('writes exactly what toJson writes, read by SQL or from memory, waiting for a slow reader', async () => {
    const dir = await library();
    const whole = openLibrary(dir).snapshot();
    const expected = `${toJson(whole.papers, whole)}\n`;
    expect(whole.papers.some((p) => p.sightings.some((s) => s.run !== undefined))).toBe(true);
    for (const slow of [false, true]) {
      for (const source of ['sql', 'memory'] as const) {
        const lib = openLibrary(dir);
        if (source === 'memory') lib.snapshot(); // papers already in memory are not read again
        const out = sink(slow);
        const written = await streamJson(lib.paperJson(), lib.decisionsById(), out.stream, CHUNK);
        expect(out.text(), source).toBe(expected);
        expect(written).toBe(whole.papers.length);
        if (slow) expect(out.waits()).toBeGreaterThan(10);
        expect(out.queued()).toBeLessThanOrEqual(2 * CHUNK);
      }
    }
    const empty = sink(false);
    await streamJson([], whole.decisions, empty.stream);
    expect(empty.text()).toBe(`${toJson([], whole)}\n`);
  });

  it('writes a paper with fields no column holds and a key order of its own as it reads back', async () => {
    const [base] = openLibrary(tempDir(), { seed: () => parsed(SEED_TEXT, 'seed.txt') }).snapshot().papers;
    const changed = { ...base!, categories: ['cs.LG', 'a b'], doi: '10.1/x', comments: 'ten pages', links: [{ kind: 'code', url: 'https://example.org/x' }], aliases: ['alias1'] };
    const first = (key: keyof LibraryPaper, paper: object) => Object.fromEntries([[key, (paper as LibraryPaper)[key]], ...Object.entries(paper)]) as unknown as LibraryPaper;
    const papers = [first('lastSeen', { ...changed, id: 'odd1' }), first('abstract', { ...changed, id: 'odd2', abstract: 'a "quoted" abstract' }), first('abstract', { ...base!, id: 'odd3' }), { ...base!, id: 'plain1', abstract: '' }];
    const db = memoryDatabase();
    for (const p of papers) insertPaper(db, p, new Map([[base!.sightings[0]!.digest, 0]]));
    const out = sink(false);
    await streamJson(iterateJson(db, { where: '1', params: [] }), new Map(), out.stream);
    const read = readPapersById(db, papers.map((p) => p.id));
    expect(read.map((p) => Object.keys(p)[0])).toEqual(['lastSeen', 'abstract', 'abstract', 'id']);
    expect(out.text()).toBe(`${toJson(read, { decisions: new Map() })}\n`);
  });

  it('gives the filtered, sorted and limited papers as eachPaper does', async () => {
    const lib = openLibrary(await library());
    for (const range of [{ limit: 3 }, { sort: 'title' as const, limit: 5, offset: 2 }, { sort: 'date' as const }, { sort: 'upvotes' as const, limit: 4 }]) {
      const papers = [...lib.eachPaper(NO_FILTER, range)];
      const out = sink(false);
      await streamJson(lib.paperJson(NO_FILTER, range), lib.decisionsById(), out.stream);
      expect(out.text(), JSON.stringify(range)).toBe(`${toJson(papers, { decisions: lib.decisionsById() })}\n`);
    }
    const tagged = { ...NO_FILTER, tags: ['later'] };
    const out = sink(false);
    await streamJson(lib.paperJson(tagged), lib.decisionsById(), out.stream);
    expect((JSON.parse(out.text()) as Array<{ tags: string[] }>).map((p) => p.tags)).toEqual([
      ['Later', 'to-read'],
      ['Later', 'to-read'],
    ]);
  });
});

/**
 * A consumer that takes its time over each chunk, without yielding to the event loop: a slow
 * terminal or pipe. Over the first, long enough for a worker to start on a loaded machine.
 */
function slowly(chunks: Iterable<Uint8Array>, ms: number, first = 1000): Uint8Array[] {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const got: Uint8Array[] = [];
  for (const bytes of chunks) {
    got.push(new Uint8Array(bytes));
    Atomics.wait(pause, 0, 0, got.length === 1 ? first : ms);
  }
  return got;
}

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8');

describe('--json of a large library, read by two threads', () => {
  it('writes the bytes one thread writes, the worker reading blocks of its own', async () => {
    const dir = await library();
    const lib = openLibrary(dir);
    const decisions = new Map(lib.decisionsById());
    const alone = text([...recordChunks(lib.paperJson(), closesOf(decisions))]);
    const by: string[] = [];
    const both = text(slowly(parallelJsonChunks(lib.database()!, decisions, { workerFile: jsonWorkerPath(), span: 3, report: (k, who) => (by[k] = who) }), 10));
    expect(both).toBe(alone);
    expect(by.length).toBeGreaterThan(10);
    expect(by.filter((who) => who === 'worker').length).toBeGreaterThan(3);
    // every block the worker read is an odd one
    expect(by.every((who, k) => who === 'reader' || k % 2 === 1)).toBe(true);
  });

  it('reads every block itself when the worker fails, or cannot start', async () => {
    const dir = await library();
    const lib = openLibrary(dir);
    const decisions = new Map(lib.decisionsById());
    const alone = text([...recordChunks(lib.paperJson(), closesOf(decisions))]);
    // a worker that claims block 1, says so in a file, and fails on it
    const failing = join(tempDir(), 'failing-worker.mjs');
    writeFileSync(
      failing,
      `import { workerData } from 'node:worker_threads';
import { existsSync, writeFileSync } from 'node:fs';
const state = new Int32Array(workerData.state);
if (Atomics.compareExchange(state, ${SLOTS + 1}, ${Claim.free}, ${Claim.worker}) === ${Claim.free}) writeFileSync(${JSON.stringify(`${failing}.claimed`)}, '');
workerData.port.postMessage({ error: 'disk on fire' });
Atomics.store(state, ${Slot.finished}, 1);
Atomics.add(state, ${Slot.signal}, 1);
Atomics.notify(state, ${Slot.signal});
`,
    );
    for (const workerFile of [failing, join(tempDir(), 'no-such-worker.js')]) {
      const by: string[] = [];
      const out = text(slowly(parallelJsonChunks(lib.database()!, decisions, { workerFile, span: 7, report: (k, who) => (by[k] = who) }), 2, 300));
      expect(out, workerFile).toBe(alone);
      expect(by.length).toBeGreaterThan(10);
      expect(by.every((who) => who === 'reader')).toBe(true);
    }
    // the failing worker had block 1: it was read here after the worker's error
    expect(existsSync(`${failing}.claimed`)).toBe(true);
  });
});
