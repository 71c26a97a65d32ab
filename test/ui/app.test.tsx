// The App under ink-testing-library: frames (colour stripped) for layouts, keys and effects.
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { describe, expect, test } from 'vitest';
import { memoryLibrary } from '../../src/core/library.js';
import { App } from '../../src/ui/App.js';
import { DEFAULT_UI_CONFIG, type FilterFn } from '../../src/ui/adapters.js';
import { fitHints } from '../../src/ui/components/Footer.js';
import { KEYS, renderApp, stripAnsi } from './helpers.js';
import type { InterestRanking } from '../../src/core/rank/interest.js';
import { numberedPapers, seedLibrary } from './fixtures.js';
import { computeLayout } from '../../src/ui/layout.js';
import { helpRows } from '../../src/ui/keymap.js';
import stringWidth from 'string-width';

const lines = (frame: string) => frame.split('\n');

describe('layout', () => {
  test('60x15: header, list, preview below, footer; exactly 14 lines', async () => {
    const r = await renderApp({ handle: seedLibrary(), columns: 60, rows: 15 });
    expect(lines(r.frame())).toEqual([
      'papers · 2025-03-12 · test lib…  1/5 · 5 untriaged · all new',
      '/ filter   n next untriaged   ? help',
      '›  Decoding specialised feature neurons in L…     2025-03-12',
      '   MixtureGrowth: Growing Neural Networks by… C   2025-03-12',
      '   Efficient Joint Optimization of Layer-Ada… C   2025-03-12',
      '   De novo protein design using geometric ve…     2025-03-12',
      '────────────────────────────────────────────────────────────',
      'Decoding specialised feature neurons in LLMs with the final',
      'projection layer',
      'p1 · 2025-03-12',
      'tags    +new +untriaged',
      '↓ 5 more lines (J scrolls)',
      '',
      'n next  / filter  1-9 tags  x skip  u undo  ? help  q quit',
    ]);
    r.unmount();
  });

  test('wide terminals put the preview beside the list; resizing lays the screen out again', async () => {
    const r = await renderApp({ handle: seedLibrary(), columns: 100, rows: 20 });
    expect(r.frame()).not.toContain('│');
    r.resize(130, 20);
    const wide = await r.waitFor((f) => f.includes('│'), 'the side-by-side layout');
    const row = lines(wide).find((l) => l.includes('MixtureGrowth'))!;
    expect(row).toMatch(/MixtureGrowth.*│ /);
    expect(lines(wide)).toHaveLength(19);
    r.resize(50, 10);
    await r.waitFor((f) => f.replace(/\s+/g, ' ').includes('needs a window of at least 60x15; this one is 50x10. Make it larger, or press q to quit.'), 'the too-small message');
    r.resize(100, 20);
    await r.waitFor((f) => f.includes('1/5 · 5 untriaged · all new'), 'the screen back');
    r.unmount();
  });

  test('only the rows in the window are drawn, whatever the size of the library', async () => {
    const r = await renderApp({ handle: memoryLibrary(numberedPapers(20_000)), columns: 100, rows: 30 });
    const height = computeLayout({ columns: 100, rows: 30 }).listHeight;
    const rows = () => lines(r.frame()).filter((l) => /Paper number \d+/.test(l) && !l.startsWith('Paper'));
    // a loaded machine may show a frame drawn before the list filled the window: wait for a full one
    await r.waitFor((f) => f.includes('1/20000 · 20000 untriaged') && rows().length === height, 'a full window of rows');
    expect(rows()).toHaveLength(height);
    await r.write('G');
    await r.waitFor((f) => /› .*Paper number 19999/.test(f), 'the last paper under the cursor');
    expect(rows()).toHaveLength(height);
    expect(rows().at(-1)).toMatch(/^› .*Paper number 19999/);
    r.unmount();
  });
});

describe('keys', () => {
  test('typing a filter narrows the list live; Enter keeps it, Esc clears it', async () => {
    const r = await renderApp({ handle: seedLibrary() });
    await r.write('/', 'p', 'r', 'o', 't');
    const typing = r.frame();
    expect(typing).toContain('/ prot█');
    expect(typing).toContain('De novo protein design');
    expect(typing).not.toContain('MixtureGrowth');
    expect(typing).toContain('Enter keep');
    await r.write(KEYS.enter);
    expect(r.frame()).toContain('/ prot   Esc clears');
    await r.write(KEYS.escape);
    // The paper under the cursor stays under it, now in the whole list.
    await r.waitFor((f) => f.includes('4/5 · 5 untriaged · all new') && f.includes('/ filter') && /› .*De novo protein/.test(f), 'the cleared filter');
    r.unmount();
  });

  test('the typed character is drawn before the search runs, with a searching… note', async () => {
    const searched: string[] = [];
    const counting: FilterFn = (query, snapshot) => {
      searched.push(query);
      return { ok: true, hits: snapshot.papers.flatMap((p, index) => (p.title.toLowerCase().includes(query) ? [{ index }] : [])) };
    };
    const r = await renderApp({ handle: seedLibrary(), filter: counting });
    await r.write('/', 'x');
    const frames = r.frames();
    const echo = frames.findIndex((f) => f.includes('/ x█  searching…'));
    const result = frames.findIndex((f) => f.includes('/ x█') && !f.includes('searching…') && f.includes('1/1 of 5 · 1 untriaged'));
    expect(echo).toBeGreaterThanOrEqual(0);
    expect(result).toBeGreaterThan(echo);
    expect(searched).toEqual(['x']);
    r.unmount();
  });

  test('a malformed query shows its error inline, pointing at the token, and does not crash', async () => {
    const failing: FilterFn = (query) => ({ ok: false, message: 'unknown field foo:', offset: query.indexOf('foo'), length: 4 });
    const r = await renderApp({ handle: seedLibrary(), filter: failing });
    await r.write('/');
    await r.write('a foo:');
    expect(r.frame()).toContain('/ a foo:█  ✗ col 3: unknown field foo:');
    expect(r.frame()).toContain('1/5 · 5 untriaged · all new');
    r.unmount();
  });

  test('t tags the current paper, completing the tag with Tab; u undoes it', async () => {
    const handle = seedLibrary();
    const r = await renderApp({ handle });
    await r.write('j', 'j', 'j', 't');
    expect(r.frame()).toContain('add tag to 1 paper: +█  skip to-read');
    await r.write('t', KEYS.tab);
    expect(r.frame()).toContain('add tag to 1 paper: +to-read █');
    await r.write(KEYS.enter);
    const tagged = await r.waitFor((f) => f.includes('tagged 1 paper +to-read'), 'the tag to be written');
    expect(tagged).toMatch(/De novo protein design.*\+to-read/);
    expect(handle.snapshot().decisions.get('p4')?.tags).toHaveProperty('to-read');
    await r.write('u');
    await r.waitFor((f) => f.includes('undid: tagged 1 paper +to-read: De novo protein design'), 'the undo');
    expect(handle.snapshot().decisions.get('p4')).toBeUndefined();
    r.unmount();
  });

  test('marks show in the list and the header; 1 tags every marked paper', async () => {
    const handle = seedLibrary();
    const r = await renderApp({ handle });
    await r.write(' ', ' ');
    const marked = r.frame();
    expect(marked).toContain('2 marked');
    expect(lines(marked).filter((l) => l.startsWith(' ●'))).toHaveLength(2);
    await r.write('1');
    await r.waitFor((f) => f.includes('tagged 2 papers +to-read'), 'the quick tag');
    expect([...handle.snapshot().decisions.keys()].sort()).toEqual(['p1', 'p2']);
    r.unmount();
  });

  test('x tags skip and moves on; T removes it again', async () => {
    const handle = seedLibrary();
    const r = await renderApp({ handle });
    await r.write('x');
    await r.waitFor((f) => f.includes('tagged 1 paper +skip'), 'the skip');
    expect(r.frame()).toMatch(/› .*MixtureGrowth/);
    await r.write('k', 'T');
    expect(r.frame()).toContain('remove tag from 1 paper: -█  skip');
    await r.write('s', KEYS.tab, KEYS.enter);
    await r.waitFor((f) => f.includes('tagged 1 paper -skip'), 'the removal');
    expect(handle.snapshot().decisions.get('p1')).toBeUndefined();
    r.unmount();
  });

  test('o opens the first link through the opener; a failing opener shows its message', async () => {
    const r = await renderApp({ handle: seedLibrary() });
    await r.write('j', 'o');
    expect(r.opened).toEqual(['https://github.com/chaudatascience/mixturegrowth']);
    r.unmount();
    const failing = await renderApp({ handle: seedLibrary(), openUrl: async () => ({ ok: false, message: 'cannot open links: set $BROWSER or install xdg-open' }) });
    await failing.write('j', 'o');
    await failing.waitFor((f) => f.includes('cannot open links: set $BROWSER or install xdg-open'), 'the opener message');
    failing.unmount();
  });

  test('e exports the shown papers as a Markdown reading list to the path typed', async () => {
    const r = await renderApp({ handle: seedLibrary() });
    await r.write('/', 'generation', KEYS.enter, 'e');
    expect(r.frame()).toContain('export 1 paper to Markdown file: papers-2025-03-14.md█');
    await r.write(KEYS.ctrlU, 'list.md', KEYS.enter);
    await r.waitFor((f) => f.includes('exported 1 paper to list.md'), 'the export message');
    expect(r.exported).toHaveLength(1);
    expect(r.exported[0]!.path).toBe('list.md');
    expect(r.exported[0]!.text).toContain('LiT: Delving into a Simplified Linear Diffusion Transformer');
    expect(r.exported[0]!.text).not.toContain('MixtureGrowth');
    r.unmount();
  });

  test('? shows the help drawn from the keymap, ? closes it', async () => {
    const r = await renderApp({ handle: seedLibrary(), columns: 120, rows: 40 });
    await r.write('?');
    const help = r.frame();
    expect(help).toContain('1-9       toggle quick tags 1 +to-read, 2 +skip,');
    expect(help).toContain('ctrl-d    half a page down');
    expect(help).toContain('? close help');
    await r.write('?');
    expect(r.frame()).not.toContain('ctrl-d    half a page down');
    r.unmount();
  });

  for (const [columns, rows] of [
    [60, 15],
    [80, 24],
    [200, 50],
  ] as const) {
    test(`${columns}x${rows}: the help, scrolled through, shows every word of every row whole`, async () => {
      const r = await renderApp({ handle: seedLibrary(), columns, rows });
      const body = computeLayout({ columns, rows }).bodyHeight;
      const STATUS = /^lines (\d+)-(\d+) of (\d+) · j\/k or space scroll · \? closes\s*$/;
      const seen: string[] = [];
      await r.write('?');
      for (let page = 0; ; page++) {
        const window = lines(r.frame()).slice(2, 2 + body);
        expect(window.every((l) => stringWidth(l) <= columns)).toBe(true);
        const status = STATUS.exec(window.at(-1)!);
        seen.push(...(status ? window.slice(0, -1) : window).flatMap((l) => l.split(/\s+/)).filter(Boolean));
        if (!status || status[2] === status[3]) break;
        expect(page).toBeLessThan(20);
        await r.write(' ');
      }
      const rows_ = helpRows(DEFAULT_UI_CONFIG);
      const words = new Set(rows_.flatMap((g) => [g.group, ...g.rows.flatMap((row) => [row.keys, row.help])]).flatMap((t) => t.split(/\s+/)));
      // Nothing on screen but whole words of the help (a cut word would be a fragment), and all of them.
      expect(seen.filter((w) => !words.has(w))).toEqual([]);
      expect([...words].filter((w) => !seen.includes(w))).toEqual([]);
      r.unmount();
    });
  }

  test('the footer keeps ? and q at every width, and the most useful hints as room allows', async () => {
    const r = await renderApp({ handle: seedLibrary(), columns: 60, rows: 15 });
    for (const columns of [60, 80, 100, 120, 200]) {
      r.resize(columns, 20);
      const footer = lines(await r.waitFor((f) => stringWidth(lines(f)[0]!) === columns, `the ${columns}-column frame`)).at(-1)!;
      expect(stringWidth(footer)).toBeLessThanOrEqual(columns);
      for (const hint of ['? help', 'q quit', 'x skip', '1-9 tags', 'u undo', 'n next']) expect(footer, `${columns} columns`).toContain(hint);
      if (columns >= 80) expect(footer).toContain('s sort');
    }
    r.unmount();
  });

  test('q quits', async () => {
    const r = await renderApp({ handle: seedLibrary() });
    await r.write('q');
    await r.waitFor(() => r.exited(), 'the exit');
    r.unmount();
  });

  test('ctrl-d / PgDn page through a long list', async () => {
    const r = await renderApp({ handle: memoryLibrary(numberedPapers(100)), columns: 100, rows: 30 });
    const height = computeLayout({ columns: 100, rows: 30 }).listHeight;
    await r.write(KEYS.pageDown);
    expect(r.frame()).toMatch(new RegExp(`› .*Paper number ${height} `));
    await r.write(KEYS.ctrlD);
    expect(r.frame()).toMatch(new RegExp(`› .*Paper number ${height + Math.floor(height / 2)} `));
    await r.write(KEYS.end);
    expect(r.frame()).toMatch(/› .*Paper number 99 /);
    r.unmount();
  });
});

test('without a terminal on stdin no key is read', async () => {
  const handle = seedLibrary();
  const instance = render(
    createElement(App, {
      handle,
      config: DEFAULT_UI_CONFIG,
      sideEffects: { openUrl: async () => ({ ok: true as const, command: 'x' }), writeExport: async (p: string) => p },
      today: '2025-03-14',
      interactive: false,
    }),
  );
  await new Promise((r) => setImmediate(r));
  const before = stripAnsi(instance.lastFrame() ?? '');
  instance.stdin.write('j');
  await new Promise((r) => setImmediate(r));
  expect(stripAnsi(instance.lastFrame() ?? '')).toBe(before);
  expect(instance.stdin.listenerCount('readable')).toBe(0);
  instance.unmount();
});

test('footer hints drop the least useful first, from the end; help and quit always stay', () => {
  const h = (text: string, priority: 1 | 2 | 3) => ({ text, priority });
  const hints = [h('a b', 2), h('c d', 3), h('e f', 2), h('g h', 3), h('? help', 1), h('q quit', 1)];
  expect(fitHints(hints, 100)).toBe('a b  c d  e f  g h  ? help  q quit');
  expect(fitHints(hints, 30)).toBe('a b  c d  e f  ? help  q quit');
  expect(fitHints(hints, 25)).toBe('a b  e f  ? help  q quit');
  expect(fitHints(hints, 10)).toBe('? help  q quit');
});

describe('sort', () => {
  test('s re-orders the list by interest, then newest, upvotes and back, the header naming the order', async () => {
    const ranking = ['p4', 'p5', 'p1', 'p3', 'p2'];
    const rank = (): InterestRanking => ({ ids: ranking, scores: new Map(), mode: 'fallback', reason: 'too few tags: newest first', positives: 0, negatives: 0, undecided: 5 });
    const r = await renderApp({ handle: seedLibrary(), columns: 100, rows: 30, rank });
    const titles = () => lines(r.frame()).flatMap((l) => /^[› ] {2}(\S+)/.exec(l)?.[1] ?? []).slice(0, 5);
    expect(titles()).toEqual(['Decoding', 'MixtureGrowth:', 'Efficient', 'De', 'LiT:']);
    expect(lines(r.frame())[0]).toMatch(/1\/5 · 5 untriaged · all new$/);
    expect(r.frame()).toContain('s sort');
    await r.write('s');
    const ranked = await r.waitFor((f) => f.includes('by interest (too few tags)'), 'the interest order');
    expect(lines(ranked)[0]).toMatch(/1\/5 · 5 untriaged · all new · by interest \(too few tags\)$/);
    expect(titles()).toEqual(['De', 'LiT:', 'Decoding', 'Efficient', 'MixtureGrowth:']);
    expect(ranked).toContain('too few tags: newest first'); // the reason, on the message line
    expect(lines(ranked).find((l) => l.startsWith('›'))).toContain('De novo protein design');
    await r.write('s');
    await r.waitFor((f) => f.includes('1/5 · 5 untriaged · all new · newest first'), 'the date order');
    await r.write('s');
    await r.waitFor((f) => f.includes('1/5 · 5 untriaged · all new · most upvoted'), 'the upvotes order');
    await r.write('s');
    await r.waitFor((f) => /1\/5 · 5 untriaged · all new\n/.test(f), 'library order, unlabelled');
    expect(titles()).toEqual(['Decoding', 'MixtureGrowth:', 'Efficient', 'De', 'LiT:']);
    r.unmount();
  });
});
