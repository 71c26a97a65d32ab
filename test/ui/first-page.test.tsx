// The first frame drawn from the first page of a paged list (ListingPages), before the rest is
// read: the header counts the whole library, keys act on the rows read meanwhile or wait for the
// rest, and the cursor stays on its paper when the whole list arrives.
import { describe, expect, test } from 'vitest';
import { memoryLibrary, type LibraryHandle, type Snapshot } from '../../src/core/library.js';
import type { ListingPages } from '../../src/ui/adapters.js';
import { progressOf } from '../../src/ui/progress.js';
import { numberedPapers } from './fixtures.js';
import { KEYS, renderApp } from './helpers.js';

const lines = (frame: string) => frame.split('\n');

/**
 * A library of 1000 numbered papers (the last dated later, three tagged far below the first page)
 * and a paged source over it that records what was read and hands over the whole list only when
 * released; snapshot() of the handle is counted, since the first frame must not wait for it.
 */
async function pagedLibrary(options: { firstRows?: number } = {}) {
  const papers = numberedPapers(1000);
  papers[999] = { ...papers[999]!, date: '2025-02-01' };
  const library = memoryLibrary(papers, 'paged library', () => '2025-03-14T09:00:00.000Z');
  await library.tag(['n500', 'n600', 'n700'], ['to-read'], []);
  let snapshots = 0;
  const handle: LibraryHandle = Object.create(library, {
    snapshot: {
      value: () => {
        snapshots++;
        return library.snapshot();
      },
    },
  });
  const whole = library.snapshot();
  const asked: number[] = [];
  let released = false;
  let slices = 0;
  let handed = false;
  const pages: ListingPages = {
    first(rows) {
      asked.push(rows);
      const progress = progressOf(whole);
      return { snapshot: { ...whole, papers: whole.papers.slice(0, options.firstRows ?? rows) }, total: whole.papers.length, untriaged: progress.untriaged, fresh: progress.fresh, dates: { first: '2025-01-01', last: '2025-02-01' } };
    },
    more(): Snapshot | null {
      slices++;
      handed = released;
      return released ? whole : null;
    },
  };
  return {
    handle,
    pages,
    asked,
    snapshots: () => snapshots,
    slices: () => slices,
    /** The whole list was handed over. */
    handed: () => handed,
    release: () => {
      released = true;
    },
  };
}

/** The number in "Paper number N" of the row under the cursor. */
const cursorRow = (frame: string) => /› +Paper number (\d+)/.exec(frame)?.[1];

describe('a paged list', () => {
  test('the first frame shows the first rows and the counts of the whole library before the rest is read', async () => {
    const lib = await pagedLibrary();
    const r = await renderApp({ handle: lib.handle, pages: lib.pages, columns: 100, rows: 20 });
    const frame = r.frame();
    expect(lines(frame)[0]).toMatch(/^papers · 2025-01-01 – 2025-02-01 · paged library +1\/1000 · 997 untriaged · all new$/);
    expect(cursorRow(frame)).toBe('0');
    expect(frame).toContain('Paper number 1 ');
    // only the first page was read: the rows of the window plus a margin, not the library
    expect(lib.asked).toHaveLength(1);
    expect(lib.asked[0]).toBeGreaterThanOrEqual(20);
    expect(lib.asked[0]).toBeLessThan(1000);
    expect(lib.snapshots()).toBe(0);
    // the rest is being read meanwhile
    await r.waitFor(() => lib.slices() > 1, 'the rest to be read');
    r.unmount();
  });

  test('keys move over the rows read while the rest loads; a key that needs the whole list waits for it, and so do the keys after it', async () => {
    const lib = await pagedLibrary();
    const r = await renderApp({ handle: lib.handle, pages: lib.pages, columns: 100, rows: 20 });
    await r.write('j', 'j', 'j');
    expect(cursorRow(r.frame())).toBe('3');
    expect(lines(r.frame())[0]).toMatch(/ 4\/1000 · 997 untriaged/);
    // G (the last paper) waits for the whole list; k after it waits in turn
    await r.write(KEYS.end, 'k');
    expect(cursorRow(r.frame())).toBe('3');
    lib.release();
    await r.waitFor((f) => cursorRow(f) === '998', 'the waiting keys to run on the whole list');
    expect(lines(r.frame())[0]).toMatch(/ 999\/1000 · 997 untriaged/);
    // the list is whole: the preview and filter work on it as before
    await r.write('/', 'number 700', KEYS.enter);
    await r.waitFor((f) => /1\/1 of 1000/.test(f) && cursorRow(f) === '700', 'the filter over the whole list');
    r.unmount();
  });

  test('ctrl-c quits at once while the rest loads, even behind a key that waits', async () => {
    const lib = await pagedLibrary();
    const r = await renderApp({ handle: lib.handle, pages: lib.pages, columns: 100, rows: 20 });
    await r.write('/', 'x');
    expect(r.exited()).toBe(false);
    await r.write(KEYS.ctrlC);
    expect(r.exited()).toBe(true);
    expect(lib.handed()).toBe(false);
    r.unmount();
  });

  test('when the whole list arrives the cursor stays on its paper', async () => {
    const lib = await pagedLibrary();
    const r = await renderApp({ handle: lib.handle, pages: lib.pages, columns: 100, rows: 20 });
    await r.write(...Array.from({ length: 25 }, () => 'j'));
    expect(cursorRow(r.frame())).toBe('25');
    const before = lines(r.frame());
    lib.release();
    await r.waitFor(() => lib.handed(), 'the whole list');
    // a move away and back lands on the same paper: the cursor was not reset
    await r.write('k', 'j');
    expect(cursorRow(r.frame())).toBe('25');
    await r.write(KEYS.end);
    expect(cursorRow(r.frame())).toBe('999');
    await r.write(KEYS.home, ...Array.from({ length: 25 }, () => 'j'));
    expect(lines(r.frame())).toEqual(before);
    r.unmount();
  });

  test('a window taller than the rows read says the rest is loading', async () => {
    const lib = await pagedLibrary({ firstRows: 3 });
    const r = await renderApp({ handle: lib.handle, pages: lib.pages, columns: 100, rows: 20 });
    const frame = lines(r.frame());
    const row = frame.findIndex((l) => l.includes('Paper number 2'));
    expect(frame[row + 1]).toMatch(/^ +loading… *│?/);
    lib.release();
    await r.waitFor((f) => f.includes('Paper number 3') && !f.includes('loading…'), 'the whole list');
    r.unmount();
  });
});
