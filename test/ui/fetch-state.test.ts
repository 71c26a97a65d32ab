// The fetch slice of the reducer and the status line's ages, without a network: what F does in
// each state, that progress outlives key presses, and how ages read.
import { describe, expect, test } from 'vitest';
import { DEFAULT_UI_CONFIG, type FilterFn } from '../../src/ui/adapters.js';
import { age, agesLine, progressLine } from '../../src/ui/fetch-status.js';
import { actionFor, keyContext } from '../../src/ui/keymap.js';
import { createReducer, initialState, type Action, type Effect, type UiState } from '../../src/ui/state.js';
import { numberedPapers } from './fixtures.js';
import { memoryLibrary } from '../../src/core/library.js';

const NOW = new Date('2025-03-14T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('ages', () => {
  test('read in the largest whole unit, never in the future', () => {
    expect(age(null, NOW)).toBe('never');
    expect(age(ago(59_999), NOW)).toBe('just now');
    expect(age(ago(-5 * 60_000), NOW)).toBe('just now');
    expect(age(ago(60_000), NOW)).toBe('1m ago');
    expect(age(ago(3_599_999), NOW)).toBe('59m ago');
    expect(age(ago(2 * 3_600_000 + 59 * 60_000), NOW)).toBe('2h ago');
    expect(age(ago(24 * 3_600_000), NOW)).toBe('1d ago');
    expect(age('not a time', NOW)).toBe('never');
  });
});

describe('the fetch slice', () => {
  const filter: FilterFn = (_q, snapshot) => ({ ok: true, hits: snapshot.papers.map((_, index) => ({ index })) });
  const env = { filter, config: DEFAULT_UI_CONFIG };
  const { step } = createReducer(env);
  const start = (): UiState => initialState(env, { origin: 't', snapshot: memoryLibrary(numberedPapers(5)).snapshot(), size: { columns: 100, rows: 30 }, today: '2025-03-14' });
  const run = (state: UiState, ...actions: Array<Action | string>): { state: UiState; effects: Effect[] } => {
    const effects: Effect[] = [];
    for (const a of actions) {
      const action = typeof a === 'string' ? actionFor(keyContext(state), { input: a })! : a;
      const result = step(state, action);
      state = result.state;
      effects.push(...result.effects);
    }
    return { state, effects };
  };
  const status: Action = { type: 'fetch-status', sources: [{ label: 'hf', lastFetched: ago(3 * 3_600_000) }, { label: 'arxiv cs.CL', lastFetched: null }], at: NOW.toISOString() };

  test('F starts one fetch; pressed again meanwhile it says so and starts none', () => {
    const { state, effects } = run(start(), status, 'F', { type: 'fetch-progress', text: 'hf 2025-03-14 (1/2)' }, 'F');
    expect(effects).toEqual([{ kind: 'fetch' }]);
    expect(state.message?.text).toBe('already fetching; the list refreshes when it is done');
    expect(agesLine(state.fetch)).toBe('fetched hf 3h ago · arxiv cs.CL never · F fetches now');
    expect(progressLine(state.fetch)).toBe('fetching hf 2025-03-14 (1/2) (keys keep working)');
  });

  test('keys clear messages, not the progress; the end of the fetch brings its line and stops the progress', () => {
    let { state } = run(start(), status, 'F', { type: 'fetch-progress', text: 'hf 2025-03-14' }, 'j', 'j');
    expect(state.cursor).toBe(2);
    expect(progressLine(state.fetch)).toBe('fetching hf 2025-03-14 (keys keep working)');
    const more = memoryLibrary([...numberedPapers(5), ...numberedPapers(8).slice(5)]).snapshot();
    ({ state } = run(state, { type: 'fetch-done', snapshot: more, outcome: { ok: false, line: 'fetch failed: hf: offline · fetched arxiv: 3 new papers, 0 updated (2 requests)' } }));
    expect(state.message).toEqual({ kind: 'error', text: 'fetch failed: hf: offline · fetched arxiv: 3 new papers, 0 updated (2 requests)' });
    expect(progressLine(state.fetch)).toBeNull();
    expect(state.shown).toHaveLength(8);
    expect(state.cursor).toBe(2);
    // A progress line arriving late (after the end) changes nothing.
    expect(run(state, { type: 'fetch-progress', text: 'late' }).state.fetch.progress).toBeNull();
  });

  test('without a fetcher, or with no source configured, F says what to do and starts nothing', () => {
    const bare = run(start(), 'F');
    expect(bare.effects).toEqual([]);
    expect(bare.state.message?.text).toBe('fetching goes into the library; this view shows no library');
    const none = run(start(), { type: 'fetch-status', sources: [], at: NOW.toISOString() }, 'F');
    expect(none.effects).toEqual([]);
    expect(none.state.message?.text).toBe('no sources to fetch; set one: papers config sources.arxiv.categories cs.CL');
    expect(agesLine(none.state.fetch)).toBeNull();
  });
});

