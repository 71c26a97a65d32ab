// Saved searches in the UI: `@` then a digit runs one of the first nine (in the order `papers
// searches` lists them), the filter becomes `@name`, the message gives its hit count; the help
// names them; without any, `@` says how to add one. Through the real query language.
import { describe, expect, test } from 'vitest';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../../src/ui/adapters.js';
import { helpRows } from '../../src/ui/keymap.js';
import { KEYS, renderApp } from './helpers.js';
import { seedLibrary } from './fixtures.js';

const config = (searches: Record<string, string>): UiConfig => ({ ...DEFAULT_UI_CONFIG, searches });
// Listed (and numbered) by name: 1 @broken, 2 @diffusion, 3 @nets.
const SEARCHES = { nets: 'networks -pruning', diffusion: 'diffusion', broken: '@nowhere' };

const lines = (frame: string) => frame.split('\n');
const messageLine = (frame: string) => lines(frame).at(-2)!;

describe('saved searches in the UI', () => {
  test('@ then a digit sets the filter to @name, best match first, and says how many it finds', async () => {
    const r = await renderApp({ handle: seedLibrary(), config: config(SEARCHES) });
    await r.write('@');
    expect(messageLine(r.frame())).toMatch(/^run saved search: 1 @broken {2}2 @diffusion {2}3 @nets\s*$/);
    expect(lines(r.frame()).at(-1)).toContain('1-9 run');
    await r.write('3');
    const frame = r.frame();
    expect(lines(frame)[1]).toBe('/ @nets   Esc clears   saved search: networks -pruning');
    expect(frame).toContain('MixtureGrowth');
    expect(frame).toContain('De novo protein design');
    expect(frame).not.toContain('Efficient Joint Optimization');
    expect(frame).not.toContain('LiT: Delving');
    expect(messageLine(frame)).toMatch(/^@nets: 2 papers\s*$/);
    expect(lines(frame)[0]).toContain('1/2 of 5');
    // The filter is an ordinary one from here: / edits it, Esc clears it.
    await r.write('/', ' ', 'p', 'r', 'o', 't', KEYS.enter);
    expect(lines(r.frame())[1]).toBe('/ @nets prot   Esc clears');
    expect(r.frame()).not.toContain('MixtureGrowth');
    await r.write(KEYS.escape);
    // A lone Esc is read a moment later (Ink waits for a sequence that might follow it).
    await r.waitFor((f) => lines(f)[0]!.includes('4/5 ·') && /› .*De novo protein/.test(f), 'the cleared filter, the cursor on the same paper');
    r.unmount();
  });

  test('the digits after @ run searches, not quick tags; Esc goes back without running one', async () => {
    const handle = seedLibrary();
    const r = await renderApp({ handle, config: config(SEARCHES) });
    await r.write('@', '2');
    expect(messageLine(r.frame())).toMatch(/^@diffusion: \d+ papers?\s*$/);
    expect(handle.snapshot().decisions.size).toBe(0);
    await r.write('@', KEYS.escape);
    await r.waitFor((f) => messageLine(f).trim() === '', 'the picker closed');
    expect(lines(r.frame())[1]).toContain('/ @diffusion');
    // Back in the list, 1 is the quick tag again.
    await r.write('1');
    expect(handle.snapshot().decisions.size).toBe(1);
    r.unmount();
  });

  test('a digit with no saved search, and a saved search that does not compile, each say so in one line', async () => {
    const r = await renderApp({ handle: seedLibrary(), config: config(SEARCHES) });
    await r.write('@', '7');
    expect(messageLine(r.frame())).toMatch(/^no saved search 7: there are 3 \(@ then 1-3\)\s*$/);
    expect(lines(r.frame())[0]).toContain('1/5 ·');
    await r.write('@', '1');
    expect(messageLine(r.frame())).toMatch(/^saved search @broken \("@nowhere"\): unknown saved search @nowhere/);
    expect(lines(r.frame())[1]).toContain('/ @broken');
    r.unmount();
  });

  test('without saved searches, @ says how to add one; the help says so too', async () => {
    const r = await renderApp({ handle: seedLibrary(), columns: 200 });
    await r.write('@');
    expect(messageLine(r.frame())).toContain("no saved searches yet: add them under searches: in the config file ('papers config path' names it");
    expect(lines(r.frame())[1]).toBe('/ filter   n next untriaged   ? help');
    const row = helpRows(DEFAULT_UI_CONFIG).flatMap((g) => g.rows).find((x) => x.keys === '@ 1-9');
    expect(row?.help).toContain('no saved searches yet');
    r.unmount();
  });

  test('the help drawn from the keymap names the first nine', async () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`s${String(i).padStart(2, '0')}`, `word${i}`]));
    const row = helpRows(config(many)).flatMap((g) => g.rows).find((x) => x.keys === '@ 1-9');
    expect(row?.help).toBe('run a saved search (the filter becomes @name): 1 @s00, 2 @s01, 3 @s02, 4 @s03, 5 @s04, 6 @s05, 7 @s06, 8 @s07, 9 @s08');
    const picker = await renderApp({ handle: seedLibrary(), config: config(many), columns: 200 });
    await picker.write('@');
    expect(messageLine(picker.frame()).trim()).toBe('run saved search: 1 @s00  2 @s01  3 @s02  4 @s03  5 @s04  6 @s05  7 @s06  8 @s07  9 @s08 · 2 more by name: / @name');
    picker.unmount();
    const r = await renderApp({ handle: seedLibrary(), config: config(SEARCHES), columns: 140, rows: 40 });
    await r.write('?');
    const help = r.frame().replace(/\s+/g, ' ');
    expect(help).toContain('@ 1-9 run a saved search (the filter becomes @name): 1 @broken, 2');
    expect(help).toContain('@diffusion, 3 @nets');
    r.unmount();
  });
});
