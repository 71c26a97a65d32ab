// The UI root: holds the state, turns keys into actions through the keymap, runs the effects the
// reducer asks for (one at a time, in order) and lays out the views.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, useStdout, type Key } from 'ink';
import type { LibraryHandle, LibraryPaper, Snapshot } from '../core/library.js';
import { createSearchFilter, memorySearch, papersToMarkdown, type ExportContext, type FilterFn, type FirstPage, type ListingPages, type SearchFilter, type UiConfig } from './adapters.js';
import { actionFor, keyContext, takesText, type KeyEvent } from './keymap.js';
import { computeLayout, type Size } from './layout.js';
import { createReducer, currentPaper, initialState, waitsForList, type Action, type Effect, type Message, type RankFn, type UiState } from './state.js';
import { progressOf } from './progress.js';
import type { FetchOutcome, UiFetcher } from './fetch-status.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { PaperList } from './components/PaperList.js';
import { Preview } from './components/Preview.js';
import { TooSmall } from './components/TooSmall.js';

/** Side effects the UI cannot perform itself; the CLI passes them in, tests pass fakes. */
export interface UiSideEffects {
  /** Opens a link in the browser; resolves to whether it could. */
  openUrl: (url: string) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Writes an export; resolves to the path written, rejects with a one-line message. */
  writeExport: (path: string, text: string) => Promise<string>;
  /** Fetches the configured sources into the library shown (F); absent when no library is shown. */
  fetcher?: UiFetcher;
}

export interface AppProps {
  handle: LibraryHandle;
  config: UiConfig;
  sideEffects: UiSideEffects;
  /** YYYY-MM-DD, for the default export name. */
  today: string;
  /** False when stdin is not a terminal: the screen is drawn but no key is read. */
  interactive: boolean;
  /** The live filter; by default the query language and search engine over a fresh index. */
  filter?: FilterFn | SearchFilter;
  /** Interest ranking for `s` (the CLI builds it from the config); default: the default tag lists, no rules. */
  rank?: RankFn;
  toMarkdown?: (papers: readonly LibraryPaper[], snapshot: Snapshot, context: ExportContext) => string;
  /** Called when the user quits, before Ink exits. */
  onExit?: () => void;
  /**
   * The list read in pages: the first frame shows its first rows, the rest is read after it a
   * slice at a time between keys; without it, handle.snapshot() is read before the first frame.
   */
  pages?: ListingPages;
}

/** Rows read beyond the list window for the first frame. */
const FIRST_PAGE_MARGIN = 200;
/**
 * How long one slice of the rest may keep a key waiting, in ms: the rows of a slice double or
 * halve to take about this long, whatever the machine and its load.
 */
const SLICE_MS = 8;

export function sizeOf(stdout: { columns?: number; rows?: number }): Size {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

const info = (text: string): Message => ({ text, kind: 'info' });
const fetchStatus = (fetcher: UiFetcher): Action => ({ type: 'fetch-status', sources: fetcher.sources(), at: fetcher.now().toISOString() });
const failed = (e: unknown): Message => ({ text: e instanceof Error ? e.message.split('\n')[0]! : String(e), kind: 'error' });

export function App({ handle, config, sideEffects, today, interactive, filter: given, rank, toMarkdown = papersToMarkdown, onExit, pages }: AppProps) {
  const [filter] = useState<FilterFn | SearchFilter>(() => given ?? createSearchFilter(memorySearch(), { today, searches: config.searches ?? {} }));
  const { stdout } = useStdout();
  const { exit } = useApp();
  const reducer = useMemo(() => createReducer({ filter, config, ...(rank ? { rank } : {}) }), [filter, config, rank]);
  // The state lives in a ref so that key handlers always read the latest value, however fast keys arrive.
  const store = useRef<UiState | null>(null);
  if (store.current === null) {
    const size = sizeOf(stdout);
    if (pages) {
      const { snapshot, ...loading } = pages.first(computeLayout(size).listHeight + FIRST_PAGE_MARGIN);
      store.current = initialState({ filter, config }, { origin: handle.origin, snapshot, size, today, loading });
    } else store.current = initialState({ filter, config }, { origin: handle.origin, snapshot: handle.snapshot(), size, today });
  }
  const [state, setState] = useState(store.current);
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** Keys that wait for the whole list (waitsForList), in the order typed. */
  const held = useRef<KeyEvent[]>([]);

  const dispatch = useCallback(
    (action: Action) => {
      const { state: next, effects } = reducer.step(store.current!, action);
      store.current = next;
      setState(next);
      // run-filter waits for the frame that echoes the keystroke (the layout effect below).
      for (const effect of effects) {
        // A fetch runs beside the queue, so that the keys' effects go on while it waits on the network.
        if (effect.kind === 'fetch') void fetchInBackground();
        else if (effect.kind !== 'run-filter' && effect.kind !== 'run-sort') queue.current = queue.current.then(() => perform(effect));
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reducer],
  );

  const fetchInBackground = async (): Promise<void> => {
    const { fetcher } = sideEffects;
    if (!fetcher) return;
    let outcome: FetchOutcome;
    try {
      outcome = await fetcher.fetch((text) => dispatch({ type: 'fetch-progress', text }));
    } catch (e) {
      outcome = { ok: false, line: failed(e).text };
    }
    try {
      dispatch({ type: 'fetch-done', snapshot: handle.snapshot(), outcome });
      dispatch(fetchStatus(fetcher));
    } catch (e) {
      dispatch({ type: 'message', message: failed(e) });
    }
  };

  const perform = async (effect: Exclude<Effect, { kind: 'run-filter' | 'run-sort' | 'fetch' }>): Promise<void> => {
    try {
      switch (effect.kind) {
        case 'tag': {
          const result = await handle.tag(effect.ids, effect.add, effect.remove);
          dispatch({ type: 'library-changed', snapshot: handle.snapshot(), change: { cause: 'tag', summary: result.summary, papers: result.changed } });
          return;
        }
        case 'undo': {
          const result = await handle.undo();
          if (result) dispatch({ type: 'library-changed', snapshot: handle.snapshot(), change: { cause: 'undo', summary: result.summary, papers: result.changed } });
          else dispatch({ type: 'message', message: info('nothing to undo') });
          return;
        }
        case 'open': {
          const result = await sideEffects.openUrl(effect.url);
          if (!result.ok) dispatch({ type: 'message', message: { text: result.message, kind: 'error' } });
          return;
        }
        case 'export': {
          const snapshot = handle.snapshot();
          const byId = new Map(snapshot.papers.map((p) => [p.id, p]));
          const papers = effect.ids.flatMap((id) => byId.get(id) ?? []);
          const written = await sideEffects.writeExport(effect.path, toMarkdown(papers, snapshot, { today, query: effect.query }));
          dispatch({ type: 'message', message: info(`exported ${papers.length} paper${papers.length === 1 ? '' : 's'} to ${written}`) });
          return;
        }
        case 'quit':
          onExit?.();
          exit();
          return;
      }
    } catch (e) {
      dispatch({ type: 'message', message: failed(e) });
    }
  };

  useLayoutEffect(() => {
    // The edited filter is on screen (Ink writes the frame when React commits): now run it, after
    // any keys already waiting, so that a burst of typing runs one search.
    if (state.filterPending) {
      const timer = setImmediate(() => dispatch({ type: 'filter-apply' }));
      return () => clearImmediate(timer);
    }
    // Likewise the frame saying "ranking…" goes out before the ranking runs.
    if (state.sortPending) {
      const timer = setImmediate(() => dispatch({ type: 'sort-apply' }));
      return () => clearImmediate(timer);
    }
  }, [state, dispatch]);

  // The rest of the list, read once the first frame is out, a slice at a time between keys; then
  // the keys that waited for it run, in order.
  const loaded = state.loading === null;
  useEffect(() => {
    if (!pages || store.current!.loading === null) return;
    let timer: NodeJS.Immediate;
    let rows = 100;
    const next = () => {
      let whole: Snapshot | null;
      try {
        const start = performance.now();
        whole = pages.more(rows);
        const ms = performance.now() - start;
        if (ms < SLICE_MS / 2) rows = Math.min(rows * 2, 10_000);
        else if (ms > SLICE_MS * 2) rows = Math.max(25, Math.floor(rows / 2));
      } catch (e) {
        // the list stays as read so far; the keys that waited are dropped
        held.current = [];
        dispatch({ type: 'message', message: failed(e) });
        return;
      }
      if (!whole) {
        timer = setImmediate(next);
        return;
      }
      dispatch({ type: 'list-loaded', snapshot: whole });
      const waiting = held.current;
      held.current = [];
      for (const event of waiting) keyDispatch(event);
    };
    timer = setImmediate(next);
    return () => clearImmediate(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages]);

  // Index the library once the whole list is there, a slice at a time between keystrokes, so that
  // neither the first frame nor the first filter keystroke waits for it.
  useEffect(() => {
    if (!('prepare' in filter) || !loaded) return;
    let timer: NodeJS.Timeout;
    const next = () => {
      if (!filter.prepare(store.current!.snapshot)) timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 0);
    return () => clearTimeout(timer);
  }, [filter, loaded]);

  // When each source was last fetched, read after the first frame and again each minute (the ages move on).
  useEffect(() => {
    const { fetcher } = sideEffects;
    if (!fetcher) return;
    const read = () => {
      try {
        dispatch(fetchStatus(fetcher));
      } catch (e) {
        dispatch({ type: 'message', message: failed(e) });
      }
    };
    const first = setTimeout(read, 0);
    const timer = setInterval(read, 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [sideEffects, dispatch]);

  useEffect(() => {
    const onResize = () => {
      // Ink has just redrawn the old frame at the new width, wrapped into more rows than it knows
      // to erase: start from a clean screen (the UI owns the alternate screen).
      if (stdout.isTTY) stdout.write('\u001b[2J\u001b[H');
      dispatch({ type: 'resize', size: sizeOf(stdout) });
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, dispatch]);

  /**
   * A key: its action now, or after the whole list is read when it (or a key before it) waits for
   * that; ctrl-c, which quits in every mode, never waits.
   */
  const keyDispatch = (event: KeyEvent): void => {
    const action = actionFor(keyContext(store.current!), event);
    if (!action) return;
    if (action.type === 'quit' && event.ctrl) dispatch(action);
    else if (held.current.length > 0 || waitsForList(store.current!, action)) held.current.push(event);
    else dispatch(action);
  };

  return (
    <>
      {interactive ? <Keys state={store} onKey={keyDispatch} /> : null}
      <Screen state={state} config={config} />
    </>
  );
}

/** Reads keys; mounted only when stdin is a terminal (useInput puts stdin in raw mode). */
function Keys({ state, onKey }: { state: { current: UiState | null }; onKey: (event: KeyEvent) => void }) {
  useInput((input, key) => {
    // Each key reads the state its predecessor left (a chunk of keys is dispatched in one go).
    for (const event of keyEvents(input, key, takesText(keyContext(state.current!)))) onKey(event);
  });
  return null;
}

/**
 * Ink hands over a chunk of plain characters as one input (fast typing, paste, tmux send-keys).
 * In the filter and prompt it is text, inserted at once; in the list every character is its own key.
 */
export function keyEvents(input: string, key: Key, textMode: boolean): KeyEvent[] {
  const event: KeyEvent = { ...key, input };
  if (input.length <= 1 || key.ctrl || key.meta) return [event];
  const events: KeyEvent[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push({ input: text });
    text = '';
  };
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') {
      flush();
      events.push({ input: '', return: true });
    } else if (ch === '\t') {
      flush();
      events.push({ input: '', tab: true });
    } else if (ch === '\u007f' || ch === '\b') {
      flush();
      events.push({ input: '', backspace: true });
    } else if (ch >= '\u0001' && ch <= '\u001a') {
      // ctrl-letter arriving in one read with other keys (ctrl-u then typing): its own key
      flush();
      events.push({ input: String.fromCharCode(ch.charCodeAt(0) + 96), ctrl: true });
    } else if (textMode && events.every((e) => !e.return)) text += ch;
    else {
      flush();
      events.push({ input: ch });
    }
  }
  flush();
  return events;
}

function Screen({ state, config }: { state: UiState; config: UiConfig }) {
  const { layout } = state;
  const dates = useMemo(() => formatDates(state.loading ? state.loading.dates : dateRange(state.snapshot)), [state.snapshot, state.loading]);
  const progress = useMemo(() => state.loading ?? progressOf(state.snapshot, state.shown), [state.snapshot, state.shown, state.loading]);
  if (layout.tooSmall) return <TooSmall size={state.size} />;
  const paper = currentPaper(state);
  const { bodyHeight } = layout;
  const list = <PaperList snapshot={state.snapshot} shown={state.shown} cursor={state.cursor} top={state.top} marked={state.marked} width={layout.listWidth} height={layout.listHeight} loading={state.loading !== null} />;
  const preview = <Preview paper={paper} snapshot={state.snapshot} top={state.previewTop} width={layout.previewWidth} height={layout.previewHeight} />;
  let body;
  if (state.mode.kind === 'help') body = <HelpOverlay config={config} width={layout.columns} height={bodyHeight} top={state.mode.top} />;
  else if (layout.preview === 'beside') {
    body = (
      <Box flexDirection="row" height={bodyHeight}>
        {list}
        <Box width={2} height={bodyHeight}>
          <Text dimColor>{Array.from({ length: bodyHeight }, () => '│ ').join('\n')}</Text>
        </Box>
        {preview}
      </Box>
    );
  } else {
    body = (
      <Box flexDirection="column" height={bodyHeight}>
        {list}
        <Text dimColor>{'─'.repeat(layout.columns)}</Text>
        {preview}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={layout.columns} height={layout.height}>
      <Header state={state} dates={dates} progress={progress} searches={config.searches} />
      {body}
      <Footer state={state} searches={config.searches} />
    </Box>
  );
}

/** The earliest and latest of the papers' dates (date, else first seen); null when none has one. */
function dateRange(snapshot: Snapshot): FirstPage['dates'] {
  let lo = '';
  let hi = '';
  for (const p of snapshot.papers) {
    const d = p.date ?? p.firstSeen;
    if (!d) continue;
    if (lo === '' || d < lo) lo = d;
    if (hi === '' || d > hi) hi = d;
  }
  return lo === '' ? null : { first: lo, last: hi };
}

/** "2024-03-12" or "2024-03-01 – 2024-03-12". */
function formatDates(dates: FirstPage['dates']): string {
  if (!dates) return 'undated';
  return dates.first === dates.last ? dates.first : `${dates.first} – ${dates.last}`;
}
