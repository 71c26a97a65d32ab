// The reducer, driven the way the App drives it: a key goes through the keymap to an action, the
// action through `step` to the next state and the effects to run.
import { describe, expect, test } from 'vitest';
import { effectiveTags, memoryLibrary, type LibraryHandle, type Snapshot } from '../../src/core/library.js';
import { DEFAULT_UI_CONFIG, type FilterFn, type UiConfig } from '../../src/ui/adapters.js';
import { keyEvents } from '../../src/ui/App.js';
import { FILTER_BINDINGS, HELP_BINDINGS, LIST_BINDINGS, PROMPT_BINDINGS, TOO_SMALL_BINDINGS, actionFor, hintsFor, keyContext, type KeyContext, type KeyEvent } from '../../src/ui/keymap.js';
import { computeLayout } from '../../src/ui/layout.js';
import { SORT_CYCLE, createReducer, currentPaper, initialState, markedShown, sortLabel, type Action, type Effect, type RankFn, type UiState } from '../../src/ui/state.js';
import type { InterestRanking } from '../../src/core/rank/interest.js';
import { numberedPapers, seedLikePapers } from './fixtures.js';

/**
 * Matches titles containing every word, and papers having every +tag (virtual ones included);
 * "bad(" is an error at the parenthesis, as a query compiler reports it.
 */
const testFilter: FilterFn = (query, snapshot) => {
  const at = query.indexOf('(');
  if (at >= 0) return { ok: false, message: 'unexpected (', offset: at, length: 1 };
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = snapshot.papers.flatMap((p, index) => {
    const tags = effectiveTags(p, snapshot.decisions.get(p.id), snapshot.latestDigest);
    return words.every((w) => (w.startsWith('+') ? tags.includes(w.slice(1)) : p.title.toLowerCase().includes(w))) ? [{ index }] : [];
  });
  return { ok: true, hits };
};

interface Harness {
  state: UiState;
  effects: Effect[];
  press: (...events: Array<KeyEvent | string>) => Harness;
  act: (action: Action) => Harness;
  id: () => string | undefined;
  /** Run the filter as soon as it is asked for (the App does so right after the frame). */
  autoFilter: boolean;
}

function harness(snapshot: Snapshot, options: { columns?: number; rows?: number; config?: UiConfig; rank?: RankFn } = {}): Harness {
  const env = { filter: testFilter, config: options.config ?? DEFAULT_UI_CONFIG, ...(options.rank ? { rank: options.rank } : {}) };
  const { step } = createReducer(env);
  const h: Harness = {
    state: initialState(env, { origin: 'test', snapshot, size: { columns: options.columns ?? 100, rows: options.rows ?? 30 }, today: '2025-03-14' }),
    effects: [],
    press(...events) {
      for (const e of events) {
        const event = typeof e === 'string' ? { input: e } : e;
        const action = actionFor(keyContext(h.state), event);
        if (action) h.act(action);
      }
      return h;
    },
    act(action) {
      const result = step(h.state, action);
      h.state = result.state;
      for (const effect of result.effects) {
        // As the App does once the keystroke's frame is out.
        if (effect.kind === 'run-filter' && h.autoFilter) h.act({ type: 'filter-apply' });
        else if (effect.kind === 'run-sort' && h.autoFilter) h.act({ type: 'sort-apply' });
        else h.effects.push(effect);
      }
      return h;
    },
    autoFilter: true,
    id: () => currentPaper(h.state)?.id,
  };
  return h;
}

const many = () => harness(memoryLibrary(numberedPapers(50)).snapshot());
const seed = () => memoryLibrary(seedLikePapers(), 'test', () => '2025-03-14T09:00:00.000Z');
const K = {
  down: { input: '', downArrow: true },
  up: { input: '', upArrow: true },
  home: { input: '', home: true },
  end: { input: '', end: true },
  pageDown: { input: '', pageDown: true },
  pageUp: { input: '', pageUp: true },
  enter: { input: '', return: true },
  escape: { input: '', escape: true },
  tab: { input: '', tab: true },
  backspace: { input: '', backspace: true },
  ctrl: (c: string) => ({ input: c, ctrl: true }),
} satisfies Record<string, KeyEvent | ((c: string) => KeyEvent)>;

describe('moving', () => {
  test('j and ↓ move down, k and ↑ move up, both stop at the ends', () => {
    const h = many();
    expect(h.press('j').state.cursor).toBe(1);
    expect(h.press(K.down).state.cursor).toBe(2);
    expect(h.press('k').state.cursor).toBe(1);
    expect(h.press(K.up, K.up, 'k').state.cursor).toBe(0);
    h.press('G', 'j');
    expect(h.state.cursor).toBe(49);
  });

  test('g / Home go to the first paper, G / End to the last, scrolling the window with them', () => {
    const h = many();
    const height = h.state.layout.listHeight;
    h.press('G');
    expect(h.state.cursor).toBe(49);
    expect(h.state.top).toBe(50 - height);
    h.press('g');
    expect([h.state.cursor, h.state.top]).toEqual([0, 0]);
    h.press(K.end);
    expect(h.state.cursor).toBe(49);
    h.press(K.home);
    expect(h.state.cursor).toBe(0);
  });

  test('the window follows the cursor one row at a time', () => {
    const h = many();
    const height = h.state.layout.listHeight;
    for (let i = 0; i < height; i++) h.press('j');
    expect(h.state.cursor).toBe(height);
    expect(h.state.top).toBe(1);
  });

  test('PgDn / PgUp move a page, ctrl-d / ctrl-u half a page, window and cursor together', () => {
    const h = many();
    const height = h.state.layout.listHeight;
    h.press(K.pageDown);
    expect([h.state.cursor, h.state.top]).toEqual([height, height]);
    h.press(K.pageUp);
    expect([h.state.cursor, h.state.top]).toEqual([0, 0]);
    const half = Math.floor(height / 2);
    h.press(K.ctrl('d'));
    expect(h.state.cursor).toBe(half);
    h.press(K.ctrl('u'));
    expect(h.state.cursor).toBe(0);
    for (let i = 0; i < 10; i++) h.press(K.pageDown);
    expect(h.state.cursor).toBe(49);
    expect(h.state.top).toBe(50 - height);
  });

  test('J / K scroll the preview within its text, and moving resets it', () => {
    const h = harness(seed().snapshot(), { columns: 60, rows: 15 });
    h.press('J');
    expect(h.state.previewTop).toBe(3);
    for (let i = 0; i < 50; i++) h.press('J');
    const max = h.state.previewTop;
    expect(max).toBeGreaterThan(3);
    expect(max).toBeLessThan(50);
    h.press('K');
    expect(h.state.previewTop).toBe(max - 3);
    h.press('j');
    expect(h.state.previewTop).toBe(0);
  });

  test('moving on an empty list does nothing', () => {
    const h = harness(memoryLibrary([]).snapshot());
    h.press('j', 'G', K.pageDown, ' ');
    expect(h.state.cursor).toBe(0);
    expect(h.effects).toEqual([]);
  });
});

describe('filter', () => {
  test('/ opens the filter and typing applies it at once; Backspace and ctrl-u edit it', () => {
    const h = many();
    h.press('/');
    expect(h.state.mode.kind).toBe('filter');
    h.press('7');
    expect(h.state.shown).toHaveLength(5); // 7, 17, 27, 37, 47
    h.press(K.backspace, '1', '7');
    expect(h.state.query).toBe('17');
    expect(h.state.shown.map((s) => s.index)).toEqual([17]);
    h.press(K.backspace);
    expect(h.state.query).toBe('1');
    h.press(K.ctrl('u'));
    expect(h.state.query).toBe('');
    expect(h.state.shown).toHaveLength(50);
  });

  test('the echo of a keystroke comes first: the search runs on filter-apply, once for a burst of keys', () => {
    const h = many();
    h.autoFilter = false;
    h.press('/', '1');
    expect(h.state.query).toBe('1');
    expect(h.state.filterPending).toBe(true);
    expect(h.state.shown).toHaveLength(50);
    expect(h.effects).toEqual([{ kind: 'run-filter' }]);
    h.press('7');
    expect(h.effects).toEqual([{ kind: 'run-filter' }]); // still one pending run
    h.act({ type: 'filter-apply' });
    expect(h.state.shown.map((s) => s.index)).toEqual([17]);
    expect(h.state.filterPending).toBe(false);
    h.act({ type: 'filter-apply' });
    expect(h.state.shown).toHaveLength(1);
  });

  test('a key that acts on the list runs an edited filter first (Enter then t tags a filtered paper)', () => {
    const h = many();
    h.autoFilter = false;
    h.press('/', '1', '7', K.enter);
    expect(h.state.filterPending).toBe(false);
    expect(h.state.shown.map((s) => s.index)).toEqual([17]);
    h.press('/', K.backspace, K.down);
    expect(h.state.query).toBe('1');
    expect(h.id()).toBe('n10');
  });

  test('letters are text in the filter, not keys (q does not quit, j does not move)', () => {
    const h = many();
    h.press('/', 'q', 'j');
    expect(h.state.query).toBe('qj');
    expect(h.effects).toEqual([]);
  });

  test('↑ / ↓ move through the results while typing', () => {
    const h = many();
    h.press('/', '4', K.down, K.down);
    expect(h.id()).toBe('n24');
    h.press(K.up);
    expect(h.id()).toBe('n14');
  });

  test('Enter keeps the filter and returns to the list', () => {
    const h = many();
    h.press('/', '4', '2', K.enter);
    expect(h.state.mode.kind).toBe('list');
    expect(h.state.query).toBe('42');
    expect(h.state.shown).toHaveLength(1);
    h.press('j');
    expect(h.id()).toBe('n42');
  });

  test('Esc clears the filter and keeps the current paper under the cursor', () => {
    const h = many();
    h.press('/', '3', '7', K.escape);
    expect(h.state.mode.kind).toBe('list');
    expect(h.state.query).toBe('');
    expect(h.state.shown).toHaveLength(50);
    expect(h.id()).toBe('n37');
    expect(h.state.cursor).toBe(37);
    // Esc in the list clears a kept filter too
    h.press('/', '4', '2', K.enter, K.escape);
    expect(h.state.query).toBe('');
    expect(h.id()).toBe('n42');
  });

  test('a query that does not compile is shown with its error; the list keeps the last good result', () => {
    const h = many();
    h.press('/', '4');
    const before = h.state.shown;
    h.press('(');
    expect(h.state.queryError).toEqual({ message: 'unexpected (', offset: 1, length: 1 });
    expect(h.state.shown).toBe(before);
    h.press(K.backspace);
    expect(h.state.queryError).toBeNull();
  });

  test('no match gives an empty list, and tagging keys then do nothing but say so', () => {
    const h = many();
    h.press('/', 'z', 'z', K.enter);
    expect(h.state.shown).toHaveLength(0);
    h.press('t');
    expect(h.state.mode.kind).toBe('list');
    expect(h.state.message?.text).toBe('no paper to tag');
    h.press('x');
    expect(h.effects).toEqual([]);
  });
});

describe('marks', () => {
  test('space marks the current paper and moves down; space again unmarks', () => {
    const h = many();
    h.press(' ');
    expect([...h.state.marked]).toEqual(['n0']);
    expect(h.state.cursor).toBe(1);
    h.press('k', ' ');
    expect(h.state.marked.size).toBe(0);
  });

  test('a marks every paper shown, A clears the marks', () => {
    const h = many();
    h.press('/', '7', K.enter, 'a');
    expect([...h.state.marked].sort()).toEqual(['n17', 'n27', 'n37', 'n47', 'n7']);
    expect(h.state.message?.text).toBe('5 marked');
    h.press('A');
    expect(h.state.marked.size).toBe(0);
  });
});

describe('tags', () => {
  test('t asks for a tag for the current paper; Enter adds it', () => {
    const h = many();
    h.press('j', 't');
    expect(h.state.mode).toMatchObject({ kind: 'prompt', prompt: { purpose: 'add-tag', targets: ['n1'], text: '' } });
    h.press('l', 'a', 't', 'e', 'r', K.enter);
    expect(h.state.mode.kind).toBe('list');
    expect(h.effects).toEqual([{ kind: 'tag', ids: ['n1'], add: ['later'], remove: [] }]);
  });

  test('t with marks tags the marked papers; several tags at once; a leading + is fine', () => {
    const h = many();
    h.press(' ', ' ', 't');
    h.act({ type: 'text-input', text: '+ml, survey' });
    h.press(K.enter);
    expect(h.effects).toEqual([{ kind: 'tag', ids: ['n0', 'n1'], add: ['ml', 'survey'], remove: [] }]);
  });

  test('Tab completes from the tags in use and the quick tags', async () => {
    const lib = memoryLibrary(numberedPapers(3));
    await lib.tag(['n2'], ['to-review'], []);
    const h = harness(lib.snapshot());
    h.press('t', 't', 'o', K.tab);
    expect(h.state.mode).toMatchObject({ prompt: { text: 'to-re', choices: ['skip', 'to-read', 'to-review'] } });
    h.press('a', K.tab);
    expect(h.state.mode).toMatchObject({ prompt: { text: 'to-read ' } });
    h.press('s', K.tab);
    expect(h.state.mode).toMatchObject({ prompt: { text: 'to-read skip ' } });
    h.press('z', K.tab);
    expect(h.state.mode).toMatchObject({ prompt: { text: 'to-read skip z' } });
  });

  test('Esc cancels the prompt; an empty answer does nothing; a virtual tag is refused', () => {
    const h = many();
    h.press('t', 'a', K.escape);
    expect(h.state.mode.kind).toBe('list');
    h.press('t', K.enter);
    expect(h.state.mode.kind).toBe('list');
    h.press('t', 'n', 'e', 'w', K.enter);
    expect(h.state.mode.kind).toBe('prompt');
    expect(h.state.message?.text).toMatch(/\+new is set by papers itself/);
    expect(h.effects).toEqual([]);
  });

  test('T removes a tag, completing from the tags the papers have', async () => {
    const lib = memoryLibrary(numberedPapers(3));
    await lib.tag(['n0'], ['ml', 'later'], []);
    const h = harness(lib.snapshot());
    h.press('T');
    expect(h.state.mode).toMatchObject({ prompt: { purpose: 'remove-tag', choices: ['later', 'ml'] } });
    h.press('m', K.tab, K.enter);
    expect(h.effects).toEqual([{ kind: 'tag', ids: ['n0'], add: [], remove: ['ml'] }]);
    h.press('j', 'T');
    expect(h.state.mode.kind).toBe('list');
    expect(h.state.message?.text).toBe('this paper has no tags');
  });

  test('1-9 toggle the quick tags from the config and move on', async () => {
    const lib = memoryLibrary(numberedPapers(5));
    const h = harness(lib.snapshot());
    h.press('1');
    expect(h.effects.pop()).toEqual({ kind: 'tag', ids: ['n0'], add: ['to-read'], remove: [] });
    expect(h.state.cursor).toBe(1);
    h.press('2');
    expect(h.effects.pop()).toEqual({ kind: 'tag', ids: ['n1'], add: ['skip'], remove: [] });
    // already tagged: the key takes the tag off again
    await lib.tag(['n2'], ['to-read'], []);
    h.act({ type: 'library-changed', snapshot: lib.snapshot(), change: null });
    h.press('1');
    expect(h.effects.pop()).toEqual({ kind: 'tag', ids: ['n2'], add: [], remove: ['to-read'] });
  });

  test('every key 1-9 sends its own slot; a key without a quick tag says how to set one', () => {
    const quickTags = { ...DEFAULT_UI_CONFIG.quickTags, 9: 'nine' };
    const h = harness(memoryLibrary(numberedPapers(20)).snapshot(), { config: { quickTags } });
    h.press('9');
    expect(h.effects.pop()).toMatchObject({ add: ['nine'] });
    for (const key of ['3', '4', '5', '6', '7', '8']) {
      h.press(key);
      expect(h.state.message?.text).toContain(`papers config quick-tags.${key}`);
    }
    expect(h.effects).toEqual([]);
  });

  test('a quick tag on marked papers tags them all and does not move', () => {
    const h = many();
    h.press(' ', ' ', '1');
    expect(h.effects).toEqual([{ kind: 'tag', ids: ['n0', 'n1'], add: ['to-read'], remove: [] }]);
    expect(h.state.cursor).toBe(2);
  });

  test('x tags skip: the marked papers when there are any, as the quick tags do', () => {
    const h = many();
    h.press('x');
    expect(h.effects.pop()).toEqual({ kind: 'tag', ids: ['n0'], add: ['skip'], remove: [] });
    expect(h.state.cursor).toBe(1);
    h.press(' ', 'x');
    expect(h.effects.pop()).toEqual({ kind: 'tag', ids: ['n1'], add: ['skip'], remove: [] });
    expect(h.state.marked.size).toBe(0);
  });

  test('u asks the library to undo', () => {
    expect(many().press('u').effects).toEqual([{ kind: 'undo' }]);
  });

  test('after a change the filter is applied again and the cursor keeps its row', async () => {
    const lib = memoryLibrary(numberedPapers(5));
    const tagFilter: FilterFn = (query, snapshot) => ({
      ok: true,
      hits: snapshot.papers.flatMap((p, index) => (query === 'untriaged' && snapshot.decisions.has(p.id) ? [] : [{ index }])),
    });
    const { step } = createReducer({ filter: tagFilter, config: DEFAULT_UI_CONFIG });
    let state = initialState({ filter: tagFilter, config: DEFAULT_UI_CONFIG }, { origin: 't', snapshot: lib.snapshot(), size: { columns: 100, rows: 30 }, today: '2025-03-14', query: 'untriaged' });
    state = step(state, { type: 'move', by: 1 }).state;
    await lib.tag(['n1'], ['skip'], []);
    state = step(state, { type: 'library-changed', snapshot: lib.snapshot(), change: { cause: 'tag', summary: 'tagged 1 paper +skip', papers: ['n1'] } }).state;
    expect(state.shown).toHaveLength(4);
    expect(currentPaper(state)?.id).toBe('n2');
    expect(state.message?.text).toBe('tagged 1 paper +skip: Paper number 1');
  });
});

describe('links and export', () => {
  test('o opens the first link, else the arXiv page, else says there is none', () => {
    const papers = seedLikePapers();
    papers[0] = { ...papers[0]!, arxivId: '2503.01234' };
    const h = harness(memoryLibrary(papers).snapshot());
    h.press('o');
    expect(h.effects.pop()).toEqual({ kind: 'open', url: 'https://arxiv.org/abs/2503.01234' });
    h.press('j', 'o');
    expect(h.effects.pop()).toEqual({ kind: 'open', url: 'https://github.com/chaudatascience/mixturegrowth' });
    h.press('j', 'j', 'o');
    expect(h.effects).toEqual([]);
    expect(h.state.message).toEqual({ text: 'this paper has no link', kind: 'error' });
  });

  test('e exports all shown papers (or the marked ones) to the path asked for', () => {
    const h = many();
    h.press('/', '7', K.enter, 'e');
    expect(h.state.mode).toMatchObject({ kind: 'prompt', prompt: { purpose: 'export', text: 'papers-2025-03-14.md' } });
    h.press(K.enter);
    expect(h.effects.pop()).toEqual({ kind: 'export', ids: ['n7', 'n17', 'n27', 'n37', 'n47'], path: 'papers-2025-03-14.md', query: '7' });
    h.press(' ', 'e', K.ctrl('u'));
    h.act({ type: 'text-input', text: 'out/list.md' });
    h.press(K.enter);
    expect(h.effects.pop()).toEqual({ kind: 'export', ids: ['n7'], path: 'out/list.md', query: '7' });
  });

  test('e with an empty path stays in the prompt and says what to do', () => {
    const h = many();
    h.press('e', K.ctrl('u'), K.enter);
    expect(h.state.mode.kind).toBe('prompt');
    expect(h.state.message?.text).toMatch(/give a file name/);
    expect(h.effects).toEqual([]);
  });
});

describe('help, quit, messages, resize', () => {
  test('? opens the help; ?, q, Esc and Enter close it; ctrl-c still quits', () => {
    const h = many();
    for (const close of ['?', 'q', K.escape, K.enter]) {
      h.press('?');
      expect(h.state.mode.kind).toBe('help');
      h.press(close);
      expect(h.state.mode.kind).toBe('list');
    }
    expect(h.effects).toEqual([]);
    h.press('?', K.ctrl('c'));
    expect(h.effects).toEqual([{ kind: 'quit' }]);
  });

  test('q and ctrl-c quit from the list; ctrl-c from the filter and the prompt', () => {
    expect(many().press('q').effects).toEqual([{ kind: 'quit' }]);
    expect(many().press(K.ctrl('c')).effects).toEqual([{ kind: 'quit' }]);
    expect(many().press('/', K.ctrl('c')).effects).toEqual([{ kind: 'quit' }]);
    expect(many().press('t', K.ctrl('c')).effects).toEqual([{ kind: 'quit' }]);
  });

  test('a message stays until the next key', () => {
    const h = many();
    h.act({ type: 'message', message: { text: 'hello', kind: 'info' } });
    h.act({ type: 'resize', size: { columns: 90, rows: 30 } });
    expect(h.state.message?.text).toBe('hello');
    h.press('j');
    expect(h.state.message).toBeNull();
  });

  test('resize lays the screen out again and keeps the cursor in the window', () => {
    const h = many();
    h.press('G');
    h.act({ type: 'resize', size: { columns: 140, rows: 40 } });
    expect(h.state.layout).toEqual(computeLayout({ columns: 140, rows: 40 }));
    expect(h.state.layout.preview).toBe('beside');
    expect(h.state.cursor).toBe(49);
    expect(h.state.top).toBeLessThanOrEqual(49);
    expect(h.state.top + h.state.layout.listHeight).toBeGreaterThan(49);
    h.act({ type: 'resize', size: { columns: 59, rows: 30 } });
    expect(h.state.layout.tooSmall).toBe(true);
  });

  test('unknown keys do nothing', () => {
    const h = many();
    const before = h.state;
    h.press('Z', K.tab, K.backspace);
    expect(h.state).toBe(before);
  });
});

describe('keymap', () => {
  test('every binding of every mode reaches an action through actionFor', () => {
    const contexts: Array<{ context: KeyContext; bindings: readonly typeof LIST_BINDINGS[number][] }> = [
      { context: 'list', bindings: LIST_BINDINGS },
      { context: 'filter', bindings: FILTER_BINDINGS },
      { context: 'prompt', bindings: PROMPT_BINDINGS },
      { context: 'help', bindings: HELP_BINDINGS },
      { context: 'too-small', bindings: TOO_SMALL_BINDINGS },
    ];
    for (const { context, bindings } of contexts) {
      for (const binding of bindings) {
        for (const spec of binding.keys) {
          const event: KeyEvent = 'special' in spec ? { input: '', [spec.special]: true } : { input: spec.char, ctrl: spec.ctrl };
          expect(actionFor(context, event), `${context}: ${binding.label}`).toEqual(binding.action(event));
        }
      }
    }
  });

  test('no key is bound twice in one mode', () => {
    for (const bindings of [LIST_BINDINGS, FILTER_BINDINGS, PROMPT_BINDINGS, HELP_BINDINGS, TOO_SMALL_BINDINGS]) {
      const keys = bindings.flatMap((b) => b.keys.map((k) => JSON.stringify(k)));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  test('the footer hints come from the table', () => {
    expect(hintsFor('list')).toEqual(LIST_BINDINGS.flatMap((b) => (b.hint ? [b.hint] : [])));
    expect(hintsFor('filter').map((h) => h.text)).toEqual(expect.arrayContaining(['Esc clear', 'ctrl-u empty']));
  });

  test('a chunk of typed characters is text in the filter and separate keys in the list', () => {
    const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };
    expect(keyEvents('jj', noKey, false)).toEqual([{ input: 'j' }, { input: 'j' }]);
    expect(keyEvents('to-read', noKey, true)).toEqual([{ input: 'to-read' }]);
    expect(keyEvents('to-read\r', noKey, true)).toEqual([{ input: 'to-read' }, { input: '', return: true }]);
    expect(keyEvents('ab\u007f', noKey, true)).toEqual([{ input: 'ab' }, { input: '', backspace: true }]);
    // ctrl-u read together with what was typed after it clears the line, then inserts the text
    const events = keyEvents('\u0015out.md\r', noKey, true);
    expect(events).toEqual([{ input: 'u', ctrl: true }, { input: 'out.md' }, { input: '', return: true }]);
    expect(events.map((e) => actionFor('prompt', e)?.type)).toEqual(['text-clear', 'text-input', 'prompt-submit']);
  });
});

describe('sort (s, S)', () => {
  /** The seed-like papers with distinct dates and upvotes: newest p3, p1, p5, p2, p4; most upvoted p2, p4, p1, p5, p3. */
  function datedSnapshot(): Snapshot {
    const extra: Record<string, { date: string; upvotes: number | null }> = {
      p1: { date: '2025-03-11', upvotes: 5 },
      p2: { date: '2025-03-02', upvotes: 40 },
      p3: { date: '2025-03-12', upvotes: null },
      p4: { date: '2025-03-01', upvotes: 12 },
      p5: { date: '2025-03-05', upvotes: 1 },
    };
    const papers = seedLikePapers().map((p) => ({ ...p, ...extra[p.id]! }));
    return memoryLibrary(papers).snapshot();
  }
  /** A ranking that puts the ids in the given order and counts its calls. */
  function fakeRank(ids: string[], extra: Partial<InterestRanking> = {}): RankFn & { calls: number } {
    const rank = ((_snapshot: Snapshot): InterestRanking => {
      rank.calls++;
      return { ids, scores: new Map(), mode: 'model', reason: null, positives: 2, negatives: 2, undecided: ids.length, ...extra };
    }) as RankFn & { calls: number };
    rank.calls = 0;
    return rank;
  }
  const ids = (h: Harness) => h.state.shown.map((hit) => h.state.snapshot.papers[hit.index]!.id);

  test('s cycles library -> interest -> date -> upvotes -> library, the header label following', () => {
    expect(SORT_CYCLE).toEqual(['library', 'interest', 'date', 'upvotes']);
    const rank = fakeRank(['p4', 'p2', 'p5', 'p1', 'p3']);
    const h = harness(datedSnapshot(), { rank });
    expect(ids(h)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(sortLabel(h.state)).toBeNull();
    h.press('j', 's');
    expect(h.state.sort).toBe('interest');
    expect(ids(h)).toEqual(['p4', 'p2', 'p5', 'p1', 'p3']);
    expect(h.id()).toBe('p4'); // a new order starts at its top
    expect(sortLabel(h.state)).toBe('by interest');
    expect(h.state.message?.text).toMatch(/^ranked by interest: learned from 2 liked and 2 skipped papers/);
    h.press('s');
    expect([h.state.sort, sortLabel(h.state)]).toEqual(['date', 'newest first']);
    expect(ids(h)).toEqual(['p3', 'p1', 'p5', 'p2', 'p4']);
    h.press('s');
    expect([h.state.sort, sortLabel(h.state)]).toEqual(['upvotes', 'most upvoted']);
    expect(ids(h)).toEqual(['p2', 'p4', 'p1', 'p5', 'p3']);
    h.press('s');
    expect([h.state.sort, sortLabel(h.state)]).toEqual(['library', null]);
    expect(ids(h)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(rank.calls).toBe(1);
  });

  test('interest ranks after the frame saying so; a key pressed meanwhile waits for it', () => {
    const rank = fakeRank(['p5', 'p4', 'p3', 'p2', 'p1']);
    const h = harness(datedSnapshot(), { rank });
    h.autoFilter = false;
    h.press('s');
    expect(h.effects).toEqual([{ kind: 'run-sort' }]);
    expect(h.state.sortPending).toBe(true);
    expect(sortLabel(h.state)).toBe('ranking…');
    expect(h.state.message?.text).toBe('ranking by interest…');
    expect(rank.calls).toBe(0);
    h.press('j');
    expect(rank.calls).toBe(1);
    expect(h.id()).toBe('p4'); // moved down in the ranked list
    h.act({ type: 'sort-apply' }); // the App's late dispatch: nothing left to do
    expect(rank.calls).toBe(1);
    expect(h.id()).toBe('p4');
  });

  test('a date or upvote order not yet computed is computed after the frame saying "sorting…", then kept', () => {
    const h = harness(datedSnapshot(), { rank: fakeRank(['p1', 'p2', 'p3', 'p4', 'p5']) });
    h.autoFilter = false;
    h.press('s');
    h.act({ type: 'sort-apply' });
    h.effects.length = 0;
    h.press('s');
    expect([h.state.sort, sortLabel(h.state), h.effects]).toEqual(['date', 'sorting…', [{ kind: 'run-sort' }]]);
    h.act({ type: 'sort-apply' });
    expect(ids(h)).toEqual(['p3', 'p1', 'p5', 'p2', 'p4']);
    h.effects.length = 0;
    h.press('s', 's', 's', 's'); // round again: upvotes (new), library, interest (cached), date (cached)
    expect(h.effects).toEqual([{ kind: 'run-sort' }]);
    expect([h.state.sort, sortLabel(h.state)]).toEqual(['date', 'newest first']);
    expect(ids(h)).toEqual(['p3', 'p1', 'p5', 'p2', 'p4']);
  });

  test('tag changes keep the interest order (marked stale); the next s to interest, or S, re-ranks', async () => {
    const handle = memoryLibrary(datedSnapshot().papers);
    const rank = fakeRank(['p5', 'p4', 'p3', 'p2', 'p1']);
    const h = harness(handle.snapshot(), { rank });
    h.press('s');
    expect(rank.calls).toBe(1);
    await handle.tag(['p5'], ['to-read'], []);
    h.act({ type: 'library-changed', snapshot: handle.snapshot(), change: null });
    expect(ids(h)).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
    expect(rank.calls).toBe(1);
    expect(sortLabel(h.state)).toBe('by interest · S re-ranks');
    h.press('S');
    expect(rank.calls).toBe(2);
    expect(sortLabel(h.state)).toBe('by interest');
    // Round the cycle with no tag changed: the cached ranking is reused.
    h.press('s', 's', 's', 's');
    expect(h.state.sort).toBe('interest');
    expect(rank.calls).toBe(2);
    // A change, then round again: ranked anew on arrival.
    await handle.tag(['p1'], ['skip'], []);
    h.act({ type: 'library-changed', snapshot: handle.snapshot(), change: null });
    h.press('s', 's', 's', 's');
    expect(rank.calls).toBe(3);
  });

  test('with a query, the filter picks the papers and the chosen order arranges them; library order is best match first', () => {
    const rank = fakeRank(['p5', 'p4', 'p3', 'p2', 'p1']);
    const filter: FilterFn = (_query, snapshot) => ({ ok: true, hits: ['p2', 'p5', 'p3'].map((id) => ({ index: snapshot.papers.findIndex((p) => p.id === id) })) });
    const env = { filter, config: DEFAULT_UI_CONFIG, rank };
    const { reduce } = createReducer(env);
    let state = initialState(env, { origin: 'test', snapshot: datedSnapshot(), size: { columns: 100, rows: 30 }, today: '2025-03-14', query: 'net' });
    const order = () => state.shown.map((hit) => state.snapshot.papers[hit.index]!.id);
    // As the App does: the order is computed right after the frame naming it.
    const cycle = () => (state = reduce(reduce(state, { type: 'sort-cycle' }), { type: 'sort-apply' }));
    expect(order()).toEqual(['p2', 'p5', 'p3']);
    cycle();
    expect(order()).toEqual(['p5', 'p3', 'p2']);
    cycle();
    expect(order()).toEqual(['p3', 'p5', 'p2']); // newest first
    cycle();
    expect(order()).toEqual(['p2', 'p5', 'p3']); // most upvoted
    cycle();
    expect(state.sort).toBe('library');
    expect(order()).toEqual(['p2', 'p5', 'p3']);
  });

  test('too few tags: the real ranking falls back and the message line says why', () => {
    const h = harness(datedSnapshot());
    h.press('s');
    expect(h.state.order?.ranking?.mode).toBe('fallback');
    expect(sortLabel(h.state)).toBe('by interest (too few tags)');
    expect(h.state.message?.text).toMatch(/interest ranking learns from at least 2 papers tagged to-read\/read and 2 tagged skip \(you have 0 and 0\): newest first/);
    expect(ids(h)).toEqual(['p2', 'p4', 'p1', 'p5', 'p3']); // all first seen the same day: most upvoted first
  });
});

/** Runs the harness's library effects against `lib` in order and reports each back, as the App does. */
async function perform(h: Harness, lib: LibraryHandle): Promise<void> {
  while (h.effects.length > 0) {
    const effect = h.effects.shift()!;
    if (effect.kind === 'tag') {
      const result = await lib.tag(effect.ids, effect.add, effect.remove);
      h.act({ type: 'library-changed', snapshot: lib.snapshot(), change: { cause: 'tag', summary: result.summary, papers: result.changed } });
    } else if (effect.kind === 'undo') {
      const result = await lib.undo();
      if (result) h.act({ type: 'library-changed', snapshot: lib.snapshot(), change: { cause: 'undo', summary: result.summary, papers: result.changed } });
    } else throw new Error(`unexpected effect ${effect.kind}`);
  }
}

const tagsOf = (lib: LibraryHandle) => Object.fromEntries([...lib.snapshot().decisions].map(([id, d]) => [id, Object.keys(d.tags).join(' ')]));

describe('decide and advance', () => {
  const library = (n: number) => memoryLibrary(numberedPapers(n), 'test', () => '2025-03-14T09:00:00.000Z');
  const start = (lib: LibraryHandle, query?: string) => {
    const h = harness(lib.snapshot());
    if (query) h.press('/', ...query, K.enter);
    return h;
  };

  test('no filter: each decision tags the paper under the cursor and moves to the next, none skipped', async () => {
    const lib = library(6);
    const h = start(lib);
    h.press('1', 'x');
    expect(h.id()).toBe('n2');
    await perform(h, lib);
    expect(h.id()).toBe('n2');
    h.press('x', '1', 'x');
    await perform(h, lib);
    expect(tagsOf(lib)).toEqual({ n0: 'to-read', n1: 'skip', n2: 'skip', n3: 'to-read', n4: 'skip' });
    expect(h.id()).toBe('n5');
  });

  test('under +untriaged each decided paper leaves and the next comes under the cursor, whether the writes come back between keys or after a burst', async () => {
    const between = library(8);
    const h = start(between, '+untriaged');
    h.press('j'); // start on the second paper: the one above stays untriaged and shown
    for (const key of ['1', 'x', 'x', '1']) {
      h.press(key);
      await perform(h, between);
    }
    expect(tagsOf(between)).toEqual({ n1: 'to-read', n2: 'skip', n3: 'skip', n4: 'to-read' });
    expect(h.id()).toBe('n5');
    expect(h.state.cursor).toBe(1);

    const burst = library(8);
    const b = start(burst, '+untriaged');
    b.press('j', '1', 'x', 'x', '1'); // four keys before the library answers once
    expect(b.effects.map((e) => (e.kind === 'tag' ? e.ids : []))).toEqual([['n1'], ['n2'], ['n3'], ['n4']]);
    await perform(b, burst);
    expect(tagsOf(burst)).toEqual(tagsOf(between));
    expect(b.id()).toBe('n5');
  });

  test('under an order that is not the library order too (the interest order is kept while tagging)', async () => {
    const lib = library(6);
    const rank: RankFn = () => ({ ids: ['n5', 'n3', 'n1', 'n0', 'n2', 'n4'], scores: new Map(), mode: 'model', reason: null, positives: 2, negatives: 2, undecided: 6 });
    const h = harness(lib.snapshot(), { rank });
    h.press('/', ...'+untriaged', K.enter, 's');
    expect(h.id()).toBe('n5');
    h.press('1', '1', 'x');
    await perform(h, lib);
    expect(tagsOf(lib)).toEqual({ n5: 'to-read', n3: 'to-read', n1: 'skip' });
    expect(h.id()).toBe('n0');
  });

  test('a decision on marked papers tags only them, clears the marks and leaves the cursor on the paper it was on', async () => {
    const lib = library(6);
    const h = start(lib);
    h.press(' ', ' ', ' ');
    expect(h.id()).toBe('n3');
    h.press('1');
    expect(h.state.marked.size).toBe(0);
    expect(h.id()).toBe('n3');
    h.press('2');
    await perform(h, lib);
    expect(tagsOf(lib)).toEqual({ n0: 'to-read', n1: 'to-read', n2: 'to-read', n3: 'skip' });
    expect(h.id()).toBe('n4');
  });

  test('when the current paper is among the marked ones the cursor moves past all of them', () => {
    const h = start(library(6));
    h.press(' ', ' ', 'k', 'x');
    expect(h.effects.pop()).toMatchObject({ ids: ['n0', 'n1'] });
    expect(h.id()).toBe('n2');
  });

  test('t adds the typed tag as a decision: the marks are cleared and the cursor moves on', () => {
    const h = start(library(4));
    h.press(' ', 'k', 't', ...'idea', K.enter);
    expect(h.effects.pop()).toEqual({ kind: 'tag', ids: ['n0'], add: ['idea'], remove: [] });
    expect([h.id(), h.state.marked.size]).toEqual(['n1', 0]);
  });

  test('marks on papers the filter hides are kept but never acted on; a decision clears only the marks it used', () => {
    const h = start(library(6));
    h.press(' ', ' ', ' ');
    h.press('/', ...'number 1', K.enter);
    expect(markedShown(h.state)).toEqual(['n1']);
    expect(h.state.marked.size).toBe(3);
    h.press('1');
    expect(h.effects.pop()).toMatchObject({ ids: ['n1'], add: ['to-read'] });
    expect([...h.state.marked].sort()).toEqual(['n0', 'n2']);
    h.press('e');
    expect(h.state.mode).toMatchObject({ prompt: { targets: ['n1'] } }); // no mark shown: every paper shown
    h.press(K.escape, K.escape, 'x');
    expect(h.effects.pop()).toMatchObject({ ids: ['n0', 'n2'], add: ['skip'] });
    expect(h.state.marked.size).toBe(0);
  });

  test('a decision on the last paper stays on it; once it leaves, the cursor is on the paper above', async () => {
    const lib = library(4);
    const h = start(lib, '+untriaged');
    h.press('G', 'x');
    expect(h.id()).toBe('n3');
    await perform(h, lib);
    expect(h.id()).toBe('n2');
  });

  test('the decision that triages the last paper says the digest is done', async () => {
    const lib = library(3);
    const h = start(lib);
    h.press('1', 'x');
    await perform(h, lib);
    expect(h.state.message?.text).not.toMatch(/done/);
    h.press('x');
    await perform(h, lib);
    expect(h.state.message?.text).toBe('every paper is triaged: the digest is done · tagged 1 paper +skip: Paper number 2');
    // Under a filter with papers left outside it, it says how many.
    const more = library(4);
    const f = start(more, 'number 1');
    f.press('x');
    await perform(f, more);
    expect(f.state.message?.text).toBe('nothing left to triage here; 3 untriaged outside the filter (Esc clears it) · tagged 1 paper +skip: Paper number 1');
  });

  test('n goes to the next untriaged paper, from the top again after the last', async () => {
    const lib = library(6);
    await lib.tag(['n1', 'n2', 'n4'], ['skip'], []);
    const h = start(lib);
    h.press('n');
    expect(h.id()).toBe('n3');
    h.press('n');
    expect(h.id()).toBe('n5');
    h.press('n');
    expect(h.id()).toBe('n0');
    await lib.tag(['n0', 'n3', 'n5'], ['skip'], []);
    h.act({ type: 'library-changed', snapshot: lib.snapshot(), change: null });
    h.press('n');
    expect([h.id(), h.state.message?.text]).toEqual(['n0', 'no untriaged paper here: every paper shown has a tag']);
  });

  test('undo names what it undid and brings the cursor back to that paper, shown again under +untriaged', async () => {
    const lib = library(6);
    const h = start(lib, '+untriaged');
    h.press('j', 'x');
    await perform(h, lib);
    h.press('j', 'j');
    expect(h.id()).toBe('n4');
    h.press('u');
    await perform(h, lib);
    expect(h.id()).toBe('n1');
    expect(h.state.message?.text).toBe('undid: tagged 1 paper +skip: Paper number 1');
  });

  test('behind the "needs a larger window" screen keys do nothing but quit', () => {
    const h = start(library(6));
    h.act({ type: 'resize', size: { columns: 50, rows: 10 } });
    const before = h.state;
    h.press('j', 'x', '1', '/', 't', '?', ' ', 'u');
    expect(h.state).toBe(before);
    expect(h.effects).toEqual([]);
    h.press('q');
    expect(h.effects).toEqual([{ kind: 'quit' }]);
  });
});

describe('help', () => {
  test('the help scrolls within its lines where it does not fit, and starts at the top each time', () => {
    const h = harness(seed().snapshot(), { columns: 60, rows: 15 });
    h.press('?');
    expect(h.state.mode).toEqual({ kind: 'help', top: 0 });
    h.press('j', 'j');
    expect(h.state.mode).toEqual({ kind: 'help', top: 2 });
    h.press('k', 'k', 'k');
    expect(h.state.mode).toEqual({ kind: 'help', top: 0 });
    for (let i = 0; i < 40; i++) h.press(' ');
    const bottom = h.state.mode.kind === 'help' ? h.state.mode.top : -1;
    expect(bottom).toBeGreaterThan(10);
    h.press('j');
    expect(h.state.mode).toEqual({ kind: 'help', top: bottom });
    h.press('?', '?');
    expect(h.state.mode).toEqual({ kind: 'help', top: 0 });
  });

  test('where it all fits, it does not scroll', () => {
    const h = harness(seed().snapshot(), { columns: 200, rows: 50 });
    h.press('?', 'j', ' ');
    expect(h.state.mode).toEqual({ kind: 'help', top: 0 });
  });
});
