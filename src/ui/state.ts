// The UI's state and its pure reducer. Keys become actions (keymap.ts); `step` turns an action into
// the next state plus the effects to run (library writes, opening a link, exporting, quitting),
// which the App performs and answers with `library-changed` or `message` actions.
import type { LibraryPaper, Snapshot } from '../core/library.js';
import { VIRTUAL_TAGS } from '../core/virtual-tags.js';
import { rankByInterest, type InterestRanking, type RankMode } from '../core/rank/interest.js';
import { sortPapers, type SortKey } from '../core/rank/sort.js';
import type { QuickKey } from '../core/config.js';
import type { FilterFn, FilterHit, FirstPage, UiConfig } from './adapters.js';
import { computeLayout, type Layout, type Size } from './layout.js';
import { firstLink, previewLines } from './preview-lines.js';
import { helpPage, helpView } from './help-lines.js';
import { isUntriaged, progressOf } from './progress.js';
import { truncate } from './text.js';
import { libraryTags, sortTags } from '../core/tags.js';
import { NO_SAVED_SEARCHES, savedSearchSlots } from './saved-searches.js';
import { FETCH_UNAVAILABLE, NO_FETCH, NO_SOURCES, type FetchOutcome, type FetchSlice, type SourceAge } from './fetch-status.js';

/**
 * The orders `s` cycles through. `library` is the natural order: import order, or best match first
 * while a query is active; any other order the user picked wins over the query's relevance (filter,
 * then sort). `title` (the CLI's --sort title) is left out: alphabetical order does not help triage.
 */
export type SortMode = Extract<SortKey, 'library' | 'interest' | 'date' | 'upvotes'>;
export const SORT_CYCLE: readonly SortMode[] = ['library', 'interest', 'date', 'upvotes'];

/** Ranks a snapshot by interest; the CLI passes one built from the config (tag lists, rules). */
export type RankFn = (snapshot: Snapshot) => InterestRanking;

/** A computed order of the snapshot's papers, kept until the papers (or, for interest, asked) change. */
export interface SortOrder {
  key: Exclude<SortMode, 'library'>;
  /** The papers array it was computed for. */
  papers: readonly LibraryPaper[];
  /** The tags it learned from (interest): when the snapshot's differ, the order is stale. */
  decisions: Snapshot['decisions'];
  /** place[i]: row of snapshot.papers[i] in this order. */
  place: Int32Array;
  /** Every paper in this order (the unfiltered list). */
  all: readonly FilterHit[];
  /** How interest ranked (model, likeness, fallback) and why it fell back; null for other keys. */
  ranking: { mode: RankMode; reason: string | null; positives: number; negatives: number } | null;
}

export type PromptPurpose = 'add-tag' | 'remove-tag' | 'export';

export interface PromptState {
  purpose: PromptPurpose;
  text: string;
  /** Paper ids the prompt acts on, fixed when it opened. */
  targets: readonly string[];
  /** Completions offered by Tab. */
  choices: readonly string[];
}

/** `top`: the help's first line when it scrolls. */
export type Mode = { kind: 'list' } | { kind: 'filter' } | { kind: 'prompt'; prompt: PromptState } | { kind: 'help'; top: number } | { kind: 'saved' };

export interface Message {
  text: string;
  kind: 'info' | 'error';
}

export interface QueryError {
  message: string;
  offset: number;
  length: number;
}

export interface UiState {
  /** Where the papers come from ("seed", a library folder), for the header. */
  origin: string;
  snapshot: Snapshot;
  size: Size;
  layout: Layout;
  /** The query as typed; '' shows every paper. */
  query: string;
  /** Set while the typed query does not compile; the list keeps the last good result meanwhile. */
  queryError: QueryError | null;
  /**
   * The query was edited and not yet run: the frame echoing the keystroke goes out first, the
   * search runs right after (filter-apply), and a burst of keys runs only the last query.
   */
  filterPending: boolean;
  /** The filter's result in its own order (library order, or best match first); `shown` is it sorted. */
  matched: readonly FilterHit[];
  shown: readonly FilterHit[];
  /** Index into `shown`. */
  cursor: number;
  /** First row of `shown` in the list window. */
  top: number;
  previewTop: number;
  /**
   * Marked paper ids. A mark on a paper the filter hides is kept (and counted in the header as
   * hidden) but never acted on: decisions and exports take the marked papers shown (markedShown).
   */
  marked: ReadonlySet<string>;
  mode: Mode;
  message: Message | null;
  sort: SortMode;
  /** The order of `sort`; null for library order. */
  order: SortOrder | null;
  /** The last interest order, reused when `s` comes back to interest and no tag changed since. */
  interest: SortOrder | null;
  /** An order was chosen that is not computed yet: the frame saying so goes out first, then sort-apply. */
  sortPending: boolean;
  /** YYYY-MM-DD, for the default export file name. */
  today: string;
  /** Fetching: whether it can, when each source last answered, a fetch under way. */
  fetch: FetchSlice;
  /**
   * Set while the snapshot holds only the first rows of the library and the rest is read (then
   * list-loaded): the library's own counts, which the header shows meanwhile. See waitsForList.
   */
  loading: Loading | null;
}

export type Loading = Omit<FirstPage, 'snapshot'>;

export type Effect =
  | { kind: 'tag'; ids: readonly string[]; add: readonly string[]; remove: readonly string[] }
  | { kind: 'undo' }
  | { kind: 'open'; url: string }
  | { kind: 'export'; ids: readonly string[]; path: string; query: string }
  | { kind: 'quit' }
  /** Start a fetch beside the keys (not in the queue of effects); it reports with fetch-progress and fetch-done. */
  | { kind: 'fetch' }
  /** Run the edited filter once the echo of the keystroke is on screen (dispatch filter-apply). */
  | { kind: 'run-filter' }
  /** Compute the chosen order once the frame saying "ranking…" / "sorting…" is on screen (dispatch sort-apply). */
  | { kind: 'run-sort' };

/** A change the library made, as the App reports it back. */
export interface LibraryChange {
  cause: 'tag' | 'undo';
  /** One line from the library, e.g. "tagged 1 paper +skip" or "undid: tagged 1 paper +skip". */
  summary: string;
  /** Papers whose decision changed. */
  papers: readonly string[];
}

export type Action =
  | { type: 'move'; by: number }
  /** n: the next untriaged paper below, else from the top. */
  | { type: 'next-untriaged' }
  | { type: 'move-to'; where: 'first' | 'last' }
  | { type: 'page'; dir: 1 | -1; half: boolean }
  | { type: 'preview-scroll'; by: number }
  | { type: 'filter-open' }
  | { type: 'filter-accept' }
  | { type: 'filter-clear' }
  | { type: 'filter-apply' }
  | { type: 'text-input'; text: string }
  | { type: 'text-backspace' }
  | { type: 'text-clear' }
  | { type: 'mark-toggle' }
  | { type: 'mark-all' }
  | { type: 'mark-clear' }
  | { type: 'prompt-open'; purpose: PromptPurpose }
  | { type: 'prompt-complete' }
  | { type: 'prompt-submit' }
  | { type: 'prompt-cancel' }
  | { type: 'quick-tag'; slot: number }
  /** @: pick a saved search (then saved-run with its digit, or saved-cancel). */
  | { type: 'saved-open' }
  | { type: 'saved-run'; slot: number }
  | { type: 'saved-cancel' }
  | { type: 'skip' }
  | { type: 'open-link' }
  | { type: 'undo' }
  | { type: 'help-toggle' }
  | { type: 'help-scroll'; by: number | 'page-down' | 'page-up' }
  /** s: the next order of SORT_CYCLE. */
  | { type: 'sort-cycle' }
  /** S: rank by interest now, learning from the tags as they are. */
  | { type: 'sort-rerank' }
  | { type: 'sort-apply' }
  | { type: 'quit' }
  | { type: 'resize'; size: Size }
  /** The library changed (the snapshot after it); null change: reloaded, nothing to say. */
  | { type: 'library-changed'; snapshot: Snapshot; change: LibraryChange | null }
  /** The whole list, read after the first frame from its first rows (state.loading). */
  | { type: 'list-loaded'; snapshot: Snapshot }
  | { type: 'message'; message: Message }
  /** F: fetch the configured sources now. */
  | { type: 'fetch-start' }
  | { type: 'fetch-status'; sources: readonly SourceAge[]; at: string }
  | { type: 'fetch-progress'; text: string }
  /** A fetch ended: the library after it, and its one line. */
  | { type: 'fetch-done'; snapshot: Snapshot; outcome: FetchOutcome };

export interface Step {
  state: UiState;
  effects: Effect[];
}

export interface ReducerEnv {
  filter: FilterFn;
  config: UiConfig;
  /** Interest ranking; default: rankByInterest with the default tag lists and no rules. */
  rank?: RankFn;
}

export interface InitOptions {
  origin: string;
  snapshot: Snapshot;
  size: Size;
  today: string;
  query?: string;
  /** The snapshot is the first rows of the library; these are its counts (see UiState.loading). */
  loading?: Loading;
}

const SKIP_TAG = 'skip';

export function initialState(env: ReducerEnv, options: InitOptions): UiState {
  const base: UiState = {
    origin: options.origin,
    snapshot: options.snapshot,
    size: options.size,
    layout: computeLayout(options.size),
    query: '',
    queryError: null,
    filterPending: false,
    matched: [],
    shown: [],
    cursor: 0,
    top: 0,
    previewTop: 0,
    marked: new Set(),
    mode: { kind: 'list' },
    message: null,
    sort: 'library',
    order: null,
    interest: null,
    sortPending: false,
    today: options.today,
    fetch: NO_FETCH,
    loading: options.loading ?? null,
  };
  return applyQuery(env, base, options.query ?? '', 'reset');
}

/** The paper under the cursor, if any is shown. */
export function currentPaper(state: UiState): LibraryPaper | undefined {
  const hit = state.shown[state.cursor];
  return hit ? state.snapshot.papers[hit.index] : undefined;
}

/** Every tag the user has given any paper, plus the quick tags: what the tag prompt completes. */
export function knownTags(state: UiState, config: UiConfig): string[] {
  const tags = new Set<string>(libraryTags(state.snapshot.decisions.values()));
  for (const t of Object.values(config.quickTags)) if (t) tags.add(t);
  return sortTags(tags);
}

export function createReducer(env: ReducerEnv): { step: (state: UiState, action: Action) => Step; reduce: (state: UiState, action: Action) => UiState } {
  const step = (state: UiState, action: Action): Step => {
    // A key press replaces the last message; results of effects bring their own.
    let s = REPORTS.has(action.type) || action.type === 'library-changed' || action.type === 'fetch-done' || action.type === 'filter-apply' || action.type === 'sort-apply' ? state : state.message ? { ...state, message: null } : state;
    // Any key acts on the list in the order it asked for: rank first if that is still waiting.
    if (s.sortPending && action.type !== 'sort-apply' && !REPORTS.has(action.type)) s = applySort(env, s);
    // Any key but more typing acts on the list the filter gives: run an edited filter first.
    if (s.filterPending && !EDITS.has(action.type)) s = applyQuery(env, s, s.query, 'reset');
    return stepFrom(env, s, action);
  };
  return { step, reduce: (state, action) => step(state, action).state };
}

/** Actions that report something and act on no list. */
const REPORTS: ReadonlySet<Action['type']> = new Set(['resize', 'message', 'fetch-status', 'fetch-progress']);
const EDITS: ReadonlySet<Action['type']> = new Set(['text-input', 'text-backspace', 'text-clear', ...REPORTS]);

const done = (state: UiState, ...effects: Effect[]): Step => ({ state, effects });
const info = (text: string): Message => ({ text, kind: 'info' });
const error = (text: string): Message => ({ text, kind: 'error' });

function stepFrom(env: ReducerEnv, state: UiState, action: Action): Step {
  switch (action.type) {
    case 'move':
      return done(moveCursor(state, state.cursor + action.by));
    case 'move-to':
      return done(moveCursor(state, action.where === 'first' ? 0 : state.shown.length - 1));
    case 'next-untriaged': {
      const row = nextUntriaged(state);
      if (row === null) return done({ ...state, message: info(state.shown.length === 0 ? 'no papers shown' : 'no untriaged paper here: every paper shown has a tag') });
      return done(moveCursor(state, row));
    }
    case 'page': {
      const h = state.layout.listHeight;
      const by = pageBy(state, action.half);
      const top = clamp(state.top + action.dir * by, 0, Math.max(0, state.shown.length - h));
      return done(moveCursor({ ...state, top }, state.cursor + action.dir * by));
    }
    case 'preview-scroll': {
      const paper = currentPaper(state);
      const total = paper ? previewLines(paper, state.snapshot, state.layout.previewWidth).length : 0;
      const previewTop = clamp(state.previewTop + action.by, 0, Math.max(0, total - state.layout.previewHeight));
      return done({ ...state, previewTop });
    }
    case 'filter-open':
      return done({ ...state, mode: { kind: 'filter' } });
    case 'filter-accept':
      // An erroneous query is kept visible for fixing; the list shows the last good result.
      return done({ ...state, mode: { kind: 'list' } });
    case 'filter-clear':
      return done({ ...applyQuery(env, state, '', 'keep-paper', state), mode: { kind: 'list' } });
    case 'text-input':
    case 'text-backspace':
    case 'text-clear': {
      const next = editText(state, action);
      return next.filterPending && !state.filterPending ? done(next, { kind: 'run-filter' }) : done(next);
    }
    case 'filter-apply':
      // Already run (by a key that needed the result) or nothing edited: nothing to do.
      return done(state);
    case 'mark-toggle': {
      const paper = currentPaper(state);
      if (!paper) return done(state);
      const marked = new Set(state.marked);
      if (marked.has(paper.id)) marked.delete(paper.id);
      else marked.add(paper.id);
      return done(moveCursor({ ...state, marked }, state.cursor + 1));
    }
    case 'mark-all': {
      const marked = new Set(state.marked);
      for (const hit of state.shown) marked.add(state.snapshot.papers[hit.index]!.id);
      return done({ ...state, marked, message: info(`${marked.size} marked`) });
    }
    case 'mark-clear':
      return done({ ...state, marked: new Set() });
    case 'prompt-open':
      return done(openPrompt(env, state, action.purpose));
    case 'prompt-complete':
      return done(completePrompt(state));
    case 'prompt-cancel':
      return done({ ...state, mode: { kind: 'list' } });
    case 'prompt-submit':
      return submitPrompt(state);
    case 'quick-tag': {
      const tag = env.config.quickTags[String(action.slot) as QuickKey];
      if (!tag) return done({ ...state, message: error(`key ${action.slot} has no quick tag; set one with: papers config quick-tags.${action.slot} NAME`) });
      return toggleQuickTag(state, tag);
    }
    case 'saved-open':
      return done(savedSearchSlots(env.config.searches).length === 0 ? { ...state, message: error(NO_SAVED_SEARCHES) } : { ...state, mode: { kind: 'saved' } });
    case 'saved-cancel':
      return done({ ...state, mode: { kind: 'list' } });
    case 'saved-run':
      return done(runSavedSearch(env, state, action.slot));
    case 'skip': {
      const ids = tagTargets(state);
      if (ids.length === 0) return done({ ...state, message: error('no paper to tag') });
      return decide(state, { kind: 'tag', ids, add: [SKIP_TAG], remove: [] });
    }
    case 'open-link': {
      const paper = currentPaper(state);
      const url = paper ? firstLink(paper) : null;
      if (!url) return done({ ...state, message: error(paper ? 'this paper has no link' : 'no paper to open') });
      return done({ ...state, message: info(`opening ${url}`) }, { kind: 'open', url });
    }
    case 'undo':
      return done(state, { kind: 'undo' });
    case 'help-toggle':
      return done({ ...state, mode: state.mode.kind === 'help' ? { kind: 'list' } : { kind: 'help', top: 0 } });
    case 'help-scroll': {
      if (state.mode.kind !== 'help') return done(state);
      const { columns, bodyHeight } = state.layout;
      const by = action.by === 'page-down' ? helpPage(bodyHeight) : action.by === 'page-up' ? -helpPage(bodyHeight) : action.by;
      const view = helpView(env.config, columns, bodyHeight, state.mode.top);
      const top = clamp((view.scroll?.top ?? 0) + by, 0, view.scroll?.maxTop ?? 0);
      return done({ ...state, mode: { kind: 'help', top } });
    }
    case 'sort-cycle': {
      const next = SORT_CYCLE[(SORT_CYCLE.indexOf(state.sort) + 1) % SORT_CYCLE.length]!;
      // An order not computed yet is computed after the frame naming it (ranking: ~0.1-0.4 s at 10k papers; a date sort ~30 ms, once).
      if (next !== 'library' && !isReady(state, next)) return done({ ...state, sort: next, sortPending: true, message: next === 'interest' ? info('ranking by interest…') : state.message }, { kind: 'run-sort' });
      return done(applySort(env, { ...state, sort: next }));
    }
    case 'sort-rerank':
      return done({ ...state, sort: 'interest', interest: null, sortPending: true, message: info('ranking by interest…') }, { kind: 'run-sort' });
    case 'sort-apply':
      return done(state.sortPending ? applySort(env, state) : state);
    case 'quit':
      return done(state, { kind: 'quit' });
    case 'resize': {
      const resized = { ...state, size: action.size, layout: computeLayout(action.size) };
      return done(moveCursor(resized, state.cursor, true));
    }
    case 'library-changed': {
      // Tag changes do not re-order the list under the cursor (ranking costs up to ~400 ms at 10k
      // papers); the header marks the interest order stale until `S` or the next `s` to it.
      let changed: UiState = { ...state, snapshot: action.snapshot };
      if (state.order && state.order.papers !== action.snapshot.papers) {
        // Other papers altogether (rare): positions moved, so the order is computed again at once.
        const order = computeOrder(env, changed, state.order.key);
        changed = { ...changed, order, interest: order.key === 'interest' ? order : null };
      }
      const { change } = action;
      // An undo brings the cursor back to the paper it changed.
      const next = applyQuery(env, changed, state.query, 'keep-paper', state, change?.cause === 'undo' ? change.papers : []);
      return done(change ? { ...next, message: info(describeChange(state, next, change)) } : next);
    }
    case 'list-loaded':
      // The rows shown so far are the first of the whole list: the cursor stays on its paper.
      return done(applyQuery(env, { ...state, snapshot: action.snapshot, loading: null }, state.query, 'keep-paper', state));
    case 'message':
      return done({ ...state, message: action.message });
    case 'fetch-start': {
      const f = state.fetch;
      if (!f.available) return done({ ...state, message: error(FETCH_UNAVAILABLE) });
      if (f.sources.length === 0) return done({ ...state, message: error(NO_SOURCES) });
      if (f.running) return done({ ...state, message: info('already fetching; the list refreshes when it is done') });
      return done({ ...state, fetch: { ...f, running: true, progress: null } }, { kind: 'fetch' });
    }
    case 'fetch-status':
      return done({ ...state, fetch: { ...state.fetch, available: true, sources: action.sources, at: action.at } });
    case 'fetch-progress':
      return done(state.fetch.running ? { ...state, fetch: { ...state.fetch, progress: action.text } } : state);
    case 'fetch-done': {
      // The new papers join the list as any reload does: the cursor stays on its paper.
      const reloaded = stepFrom(env, state, { type: 'library-changed', snapshot: action.snapshot, change: null }).state;
      const { outcome } = action;
      return done({ ...reloaded, fetch: { ...reloaded.fetch, running: false, progress: null }, message: outcome.ok ? info(outcome.line) : error(outcome.line) });
    }
  }
}

/** Rows a page key moves by. */
const pageBy = (state: UiState, half: boolean): number => (half ? Math.max(1, Math.floor(state.layout.listHeight / 2)) : state.layout.listHeight);

/**
 * While the rest of the list loads (state.loading), whether a key's action waits for it: moving
 * within the rows read so far, scrolling the preview, marking, opening a link, the help and quitting
 * act at once; moving past the rows read and everything that acts on the whole list or the library
 * (filter, sort, n, tags, undo, export, fetch) waits, and so does every key after one that waits.
 */
export function waitsForList(state: UiState, action: Action): boolean {
  if (!state.loading) return false;
  const loaded = state.shown.length;
  switch (action.type) {
    case 'move':
      return state.cursor + action.by >= loaded;
    case 'page':
      return action.dir > 0 && state.cursor + pageBy(state, action.half) >= loaded;
    case 'move-to':
      return action.where === 'last';
    case 'mark-toggle':
      return state.cursor + 1 >= loaded;
    case 'preview-scroll':
    case 'mark-clear':
    case 'open-link':
    case 'help-toggle':
    case 'help-scroll':
    case 'quit':
    case 'resize':
    case 'message':
      return false;
    default:
      return true;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Puts the cursor at `to` (clamped) and scrolls the window just enough to show it. */
function moveCursor(state: UiState, to: number, keepPreview = false): UiState {
  const n = state.shown.length;
  const h = state.layout.listHeight;
  const cursor = n === 0 ? 0 : clamp(to, 0, n - 1);
  let top = clamp(state.top, 0, Math.max(0, n - h));
  if (cursor < top) top = cursor;
  else if (cursor >= top + h) top = cursor - h + 1;
  const previewTop = keepPreview || cursor === state.cursor ? state.previewTop : 0;
  return { ...state, cursor, top, previewTop };
}

const allPapers = (snapshot: Snapshot): FilterHit[] => snapshot.papers.map((_, index) => ({ index }));

/** Row of each paper id in a list. */
function rowsOf(shown: readonly FilterHit[], papers: readonly LibraryPaper[]): Map<string, number> {
  const rows = new Map<string, number>();
  shown.forEach((hit, row) => rows.set(papers[hit.index]!.id, row));
  return rows;
}

/**
 * The cursor's row after the list changed from `previous`: the first of `focus` that is shown, else
 * the same paper, else the first paper below it that is still shown (so that a paper leaving the
 * list brings the next one under the cursor and none is passed over), else the nearest above.
 */
function followRow(previous: UiState, rows: ReadonlyMap<string, number>, focus: readonly string[]): number {
  const focused = focus.flatMap((id) => rows.get(id) ?? []);
  if (focused.length > 0) return Math.min(...focused);
  const idAt = (row: number) => previous.snapshot.papers[previous.shown[row]!.index]!.id;
  for (let row = previous.cursor; row < previous.shown.length; row++) {
    const at = rows.get(idAt(row));
    if (at !== undefined) return at;
  }
  for (let row = Math.min(previous.cursor, previous.shown.length) - 1; row >= 0; row--) {
    const at = rows.get(idAt(row));
    if (at !== undefined) return at;
  }
  return 0;
}

/**
 * Runs `query` over the library. `reset` puts the cursor on the first (best) row; `keep-paper`
 * follows the paper under the cursor in `previous` (see followRow).
 */
function applyQuery(env: ReducerEnv, state: UiState, query: string, cursorRule: 'reset' | 'keep-paper', previous: UiState = state, focus: readonly string[] = []): UiState {
  let matched: readonly FilterHit[];
  let queryError: QueryError | null = null;
  if (query.trim() === '') matched = allPapers(state.snapshot);
  else {
    const outcome = env.filter(query, state.snapshot);
    if (outcome.ok) matched = outcome.hits;
    else {
      matched = state.matched;
      queryError = { message: outcome.message, offset: outcome.offset, length: outcome.length };
    }
  }
  const shown = queryError ? state.shown : query.trim() === '' && state.order ? state.order.all : arrange(state.order, matched);
  const keep = cursorRule === 'keep-paper' && previous.shown.length > 0;
  const cursor = queryError ? state.cursor : keep ? followRow(previous, rowsOf(shown, state.snapshot.papers), focus) : 0;
  const next: UiState = { ...state, query, queryError, filterPending: false, matched, shown, top: keep ? state.top : 0 };
  const samePaper = keep && currentPaper(previous)?.id === (shown[cursor] ? state.snapshot.papers[shown[cursor]!.index]!.id : undefined);
  return { ...moveCursor(next, cursor, samePaper), previewTop: samePaper ? state.previewTop : 0 };
}

/** @ then a digit: the filter becomes `@name` (shown, editable), best match first, and the message says how many it finds. */
function runSavedSearch(env: ReducerEnv, state: UiState, slot: number): UiState {
  const names = savedSearchSlots(env.config.searches);
  const list: UiState = { ...state, mode: { kind: 'list' } };
  const name = names[slot - 1];
  if (name === undefined) return { ...list, message: error(`no saved search ${slot}: there ${names.length === 1 ? 'is 1' : `are ${names.length}`} (@ then 1-${names.length})`) };
  const next = applyQuery(env, list, `@${name}`, 'reset');
  if (next.queryError) return { ...next, message: error(next.queryError.message) };
  return { ...next, message: info(`@${name}: ${next.shown.length} paper${next.shown.length === 1 ? '' : 's'}`) };
}

/** The row of the next untriaged paper after the cursor, from the top again after the last; null when none is shown. */
function nextUntriaged(state: UiState): number | null {
  const n = state.shown.length;
  for (let step = 1; step <= n; step++) {
    const row = (state.cursor + step) % n;
    if (isUntriaged(state.snapshot.papers[state.shown[row]!.index]!, state.snapshot)) return row;
  }
  return null;
}

/** The message line after a change: the library's summary, the paper's title when it is one, and whether the digest is done. */
function describeChange(before: UiState, after: UiState, change: LibraryChange): string {
  let text = change.summary;
  if (change.papers.length === 1) {
    const id = change.papers[0]!;
    const paper = after.snapshot.papers.find((p) => p.id === id);
    if (paper) text += `: ${truncate(paper.title, 60)}`;
    if (change.cause === 'undo' && paper && !after.shown.some((hit) => after.snapshot.papers[hit.index] === paper)) text += ' (hidden by the filter)';
  }
  if (change.cause !== 'tag' || progressOf(after.snapshot, after.shown).untriaged > 0 || progressOf(before.snapshot, before.shown).untriaged === 0) return text;
  // First, so that a narrow message line keeps it.
  const left = after.query.trim() === '' ? 0 : progressOf(after.snapshot).untriaged;
  return `${left === 0 ? 'every paper is triaged: the digest is done' : `nothing left to triage here; ${left} untriaged outside the filter (Esc clears it)`} · ${text}`;
}

function editText(state: UiState, action: Extract<Action, { type: 'text-input' | 'text-backspace' | 'text-clear' }>): UiState {
  const edit = (text: string): string => {
    if (action.type === 'text-input') return text + action.text.replace(/[\r\n\t]/g, ' ');
    if (action.type === 'text-backspace') return [...text].slice(0, -1).join('');
    return '';
  };
  if (state.mode.kind === 'filter') {
    const query = edit(state.query);
    return query === state.query ? state : { ...state, query, filterPending: true };
  }
  if (state.mode.kind === 'prompt') return { ...state, mode: { kind: 'prompt', prompt: { ...state.mode.prompt, text: edit(state.mode.prompt.text) } } };
  return state;
}

/** The marked papers the list shows, in list order: the only marks anything acts on. */
export function markedShown(state: Pick<UiState, 'marked' | 'shown' | 'snapshot'>): string[] {
  if (state.marked.size === 0) return [];
  return state.shown.flatMap((hit) => {
    const id = state.snapshot.papers[hit.index]!.id;
    return state.marked.has(id) ? [id] : [];
  });
}

/** The marked papers shown when there are any, else the current one. */
function tagTargets(state: UiState): string[] {
  const marked = markedShown(state);
  if (marked.length > 0) return marked;
  const paper = currentPaper(state);
  return paper ? [paper.id] : [];
}

/**
 * A decision: tags the targets, clears the marks it used (marks the filter hides stay, unused) and moves the cursor to the first paper
 * at or below it that was not decided (the paper itself when only marked papers were); when the
 * tag hides papers, library-changed keeps the cursor there or on the next one still shown.
 */
function decide(state: UiState, effect: Extract<Effect, { kind: 'tag' }>, advance = true): Step {
  const decided = new Set(effect.ids);
  let row = state.cursor;
  if (advance) {
    const idAt = (r: number) => state.snapshot.papers[state.shown[r]!.index]!.id;
    while (row < state.shown.length && decided.has(idAt(row))) row++;
    // Nothing undecided below: stay on the last, which library-changed moves up if it leaves.
    if (row === state.shown.length) row = state.cursor;
  }
  const marked = new Set([...state.marked].filter((id) => !decided.has(id)));
  return done(moveCursor({ ...state, marked }, row), effect);
}

function openPrompt(env: ReducerEnv, state: UiState, purpose: PromptPurpose): UiState {
  if (purpose === 'export') {
    const marked = markedShown(state);
    const targets = marked.length > 0 ? marked : state.shown.map((h) => state.snapshot.papers[h.index]!.id);
    if (targets.length === 0) return { ...state, message: error('no papers to export') };
    return { ...state, mode: { kind: 'prompt', prompt: { purpose, text: `papers-${state.today}.md`, targets, choices: [] } } };
  }
  const targets = tagTargets(state);
  if (targets.length === 0) return { ...state, message: error('no paper to tag') };
  let choices: string[];
  if (purpose === 'add-tag') choices = knownTags(state, env.config);
  else {
    const own = new Set<string>();
    for (const id of targets) for (const t of Object.keys(state.snapshot.decisions.get(id)?.tags ?? {})) own.add(t);
    if (own.size === 0) return { ...state, message: error(targets.length > 1 ? 'the marked papers have no tags' : 'this paper has no tags') };
    choices = sortTags(own);
  }
  return { ...state, mode: { kind: 'prompt', prompt: { purpose, text: '', targets, choices } } };
}

/** The choices the last word of a prompt could complete to. */
export function completionsFor(prompt: PromptState): string[] {
  const word = prompt.text.split(/[\s,]+/).pop() ?? '';
  return prompt.choices.filter((c) => c.startsWith(word));
}

function completePrompt(state: UiState): UiState {
  if (state.mode.kind !== 'prompt') return state;
  const prompt = state.mode.prompt;
  const options = completionsFor(prompt);
  if (options.length === 0) return state;
  let common = options[0]!;
  for (const o of options) while (!o.startsWith(common)) common = common.slice(0, -1);
  const word = prompt.text.split(/[\s,]+/).pop() ?? '';
  const completed = options.length === 1 ? `${common} ` : common;
  const text = prompt.text.slice(0, prompt.text.length - word.length) + completed;
  return { ...state, mode: { kind: 'prompt', prompt: { ...prompt, text } } };
}

/** Tag names from prompt text: split on spaces and commas, a leading + or - dropped. */
export function parseTagWords(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((w) => w.replace(/^[+-]/, '')).filter(Boolean))];
}

function submitPrompt(state: UiState): Step {
  if (state.mode.kind !== 'prompt') return done(state);
  const { purpose, text, targets } = state.mode.prompt;
  const list: UiState = { ...state, mode: { kind: 'list' } };
  if (purpose === 'export') {
    const path = text.trim();
    if (path === '') return done({ ...state, message: error('give a file name to export to, or Esc to cancel') });
    return done(list, { kind: 'export', ids: targets, path, query: state.query });
  }
  const tags = parseTagWords(text);
  if (tags.length === 0) return done(list);
  const virtual = tags.find((t) => (VIRTUAL_TAGS as readonly string[]).includes(t));
  if (virtual && purpose === 'add-tag') return done({ ...state, message: error(`+${virtual} is set by papers itself; choose another tag`) });
  return decide(list, { kind: 'tag', ids: targets, add: purpose === 'add-tag' ? tags : [], remove: purpose === 'remove-tag' ? tags : [] }, purpose === 'add-tag');
}

/**
 * A quick tag toggles: it is removed when every target already has it, else added. A decision
 * (see decide): the marked papers, else the current one, then the next paper.
 */
function toggleQuickTag(state: UiState, tag: string): Step {
  const ids = tagTargets(state);
  if (ids.length === 0) return done({ ...state, message: error('no paper to tag') });
  const all = ids.every((id) => state.snapshot.decisions.get(id)?.tags[tag] !== undefined);
  return decide(state, { kind: 'tag', ids, add: all ? [] : [tag], remove: all ? [tag] : [] });
}

/** The filter's hits in the chosen order; ties (and library order) keep the filter's order. */
function arrange(order: SortOrder | null, hits: readonly FilterHit[]): readonly FilterHit[] {
  if (!order) return hits;
  const place = order.place;
  return [...hits].sort((a, b) => place[a.index]! - place[b.index]!);
}

const isReady = (state: UiState, key: SortOrder['key']): boolean =>
  key === 'interest' ? isFresh(state.interest, state.snapshot) : staticOrders.get(state.snapshot.papers)?.has(key) === true;

const isFresh = (order: SortOrder | null, snapshot: Snapshot): order is SortOrder => order !== null && order.papers === snapshot.papers && order.decisions === snapshot.decisions;

/** Row of each id's first paper, per papers array (shared by every order of that array). */
const firstIndexes = new WeakMap<readonly LibraryPaper[], Map<string, number>>();
/** Date and upvote orders depend on the papers only: computed once per papers array. */
const staticOrders = new WeakMap<readonly LibraryPaper[], Map<SortOrder['key'], SortOrder>>();

function firstIndexOf(papers: readonly LibraryPaper[]): Map<string, number> {
  let first = firstIndexes.get(papers);
  if (!first) {
    first = new Map();
    for (let i = 0; i < papers.length; i++) if (!first.has(papers[i]!.id)) first.set(papers[i]!.id, i);
    firstIndexes.set(papers, first);
  }
  return first;
}

/** Orders the whole snapshot by `key`: date and upvotes cost a sort (once), interest a ranking (cached by the caller). */
function computeOrder(env: ReducerEnv, state: UiState, key: SortOrder['key']): SortOrder {
  const { snapshot } = state;
  const papers = snapshot.papers;
  const known = key === 'interest' ? undefined : staticOrders.get(papers)?.get(key);
  if (known) return known;
  let ids: readonly string[];
  let ranking: SortOrder['ranking'] = null;
  if (key === 'interest') {
    const ranked = (env.rank ?? rankByInterest)(snapshot);
    ids = ranked.ids;
    ranking = { mode: ranked.mode, reason: ranked.reason, positives: ranked.positives, negatives: ranked.negatives };
  } else ids = sortPapers(papers, key, snapshot).papers.map((p) => p.id);
  const first = firstIndexOf(papers);
  const n = papers.length;
  const place = new Int32Array(n).fill(-1);
  const all: FilterHit[] = [];
  for (const id of ids) {
    const i = first.get(id);
    if (i === undefined || place[i] !== -1) continue;
    place[i] = all.length;
    all.push({ index: i });
  }
  // Papers the order does not name (a repeated id) go last, in library order.
  for (let i = 0; i < n; i++) {
    if (place[i] !== -1) continue;
    place[i] = all.length;
    all.push({ index: i });
  }
  const order: SortOrder = { key, papers, decisions: snapshot.decisions, place, all, ranking };
  if (key !== 'interest') {
    const byKey = staticOrders.get(papers) ?? new Map<SortOrder['key'], SortOrder>();
    byKey.set(key, order);
    staticOrders.set(papers, byKey);
  }
  return order;
}

/** Puts the list in `state.sort` order, the cursor on its first row; the marks stay. */
function applySort(env: ReducerEnv, state: UiState): UiState {
  let order: SortOrder | null = null;
  let interest = state.interest;
  let message = state.message;
  if (state.sort === 'interest') {
    order = isFresh(state.interest, state.snapshot) ? state.interest : computeOrder(env, state, 'interest');
    interest = order;
    const r = order.ranking!;
    message = r.reason ? info(r.reason) : info(`ranked by interest: learned from ${r.positives} liked and ${r.negatives} skipped papers; untriaged first`);
  } else if (state.sort !== 'library') order = computeOrder(env, state, state.sort);
  const sorted: UiState = { ...state, order, interest, sortPending: false, message };
  const shown = sorted.query.trim() === '' && order ? order.all : arrange(order, sorted.matched);
  return moveCursor({ ...sorted, shown, top: 0 }, 0);
}

/** What the header says about the order; null for library order (the default). */
export function sortLabel(state: UiState): string | null {
  switch (state.sort) {
    case 'library':
      return null;
    case 'date':
      return state.sortPending ? 'sorting…' : 'newest first';
    case 'upvotes':
      return state.sortPending ? 'sorting…' : 'most upvoted';
    case 'interest': {
      if (state.sortPending || !state.order) return 'ranking…';
      const mode = state.order.ranking?.mode;
      const label = mode === 'fallback' ? 'by interest (too few tags)' : mode === 'likeness' ? 'by interest (likeness)' : 'by interest';
      return state.order.decisions === state.snapshot.decisions ? label : `${label} · S re-ranks`;
    }
  }
}
