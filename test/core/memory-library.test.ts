// The in-memory library (seed mode, the UI tests) edits tags as the library on disk does: in any
// case, keeping the first spelling, a removal taking every case. Both run the same edits here and
// must agree, decision for decision and summary for summary.
import { describe, expect, it } from 'vitest';
import { asLibraryPapers, memoryLibrary, type LibraryHandle } from '../../src/core/library.js';
import { openLibrary } from '../../src/io/library-store.js';
import { parsed, SEED_TEXT, tempDir } from '../io/library-helpers.js';

const AT = '2025-03-14T09:00:00.000Z';

function bothLibraries(): { memory: LibraryHandle; disk: LibraryHandle; ids: string[] } {
  const digest = parsed(SEED_TEXT, 'seed.txt');
  const disk = openLibrary(tempDir(), { now: () => new Date(AT) });
  disk.importDigest(digest);
  const memory = memoryLibrary(asLibraryPapers(digest.result.papers, 'seed', AT), 'memory', () => AT);
  return { memory, disk, ids: digest.result.papers.slice(0, 2).map((p) => p.id) };
}

const tagsOf = (handle: LibraryHandle, id: string) => handle.snapshot().decisions.get(id)?.tags ?? {};

describe('the in-memory library edits tags as the store does', () => {
  it('matches a tag in any case and keeps the first spelling; a removal takes every case', async () => {
    const { memory, disk, ids } = bothLibraries();
    const [a, b] = ids as [string, string];
    const steps: Array<[string[], string[], string[]]> = [
      [[a], ['To-Read'], []],
      // already there in another case: nothing changes, the spelling stays
      [[a], ['to-read'], []],
      // a new paper takes the library's spelling, not the one typed
      [[b], ['TO-READ', 'ml'], []],
      [[a, b], [], ['to-READ']],
    ];
    const summaries: Array<[string, string]> = [];
    const states: Array<[unknown, unknown]> = [];
    for (const [on, add, remove] of steps) {
      const m = await memory.tag(on, add, remove);
      const d = await disk.tag(on, add, remove);
      summaries.push([m.summary, d.summary]);
      expect(m.changed).toEqual(d.changed);
      states.push([[tagsOf(memory, a), tagsOf(memory, b)], [tagsOf(disk, a), tagsOf(disk, b)]]);
    }
    for (const [m, d] of summaries) expect(m).toBe(d);
    for (const [m, d] of states) expect(m).toEqual(d);
    // What the two agree on is the promise, not an accident of both being wrong:
    expect(states[0]![0]).toEqual([{ 'To-Read': AT }, {}]);
    expect(summaries[1]![0]).toBe('nothing to change: the paper is already +To-Read');
    expect(states[2]![0]).toEqual([{ 'To-Read': AT }, { 'To-Read': AT, ml: AT }]);
    expect(states[3]![0]).toEqual([{}, { ml: AT }]);
  });

  it('a change that changes nothing is no undo step, on either', async () => {
    const { memory, disk, ids } = bothLibraries();
    const [a] = ids as [string];
    for (const lib of [memory, disk]) {
      await lib.tag([a], ['Skip'], []);
      await lib.tag([a], ['SKIP'], []);
      const undone = await lib.undo();
      expect(undone?.summary).toBe('undid: tagged 1 paper +Skip');
      expect(tagsOf(lib, a)).toEqual({});
      expect(await lib.undo()).toBeNull();
    }
  });
});
