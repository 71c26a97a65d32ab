// Entry point of the UI chunk, loaded by `papers list` with a dynamic import only on a terminal.
// Owns the terminal while it runs: alternate screen in, and out again on every way of leaving.
import { render } from 'ink';
import type { LibraryHandle } from '../core/library.js';
import type { SearchIndex } from '../core/search/index.js';
import { createSearchFilter, DEFAULT_UI_CONFIG, memorySearch, type ListingPages, type SearchFilter, type UiConfig } from './adapters.js';
import { App, type UiSideEffects } from './App.js';
import type { RankFn } from './state.js';

export { createSearchFilter } from './adapters.js';

export interface RunUiOptions {
  handle: LibraryHandle;
  config?: UiConfig;
  /** Writes an export file for `e`; resolves to the path written. */
  writeExport: UiSideEffects['writeExport'];
  /** Opens a link for `o` (the CLI passes the browser opener). */
  openUrl: UiSideEffects['openUrl'];
  /** Fetches for `F`, into the library shown; absent when there is none. */
  fetcher?: UiSideEffects['fetcher'];
  /** The library's search index (e.g. from its on-disk cache); asked for once, after the first frame. */
  searchIndex?: () => SearchIndex;
  /** The live filter, with the CLI's search, today's date and saved searches; else an in-memory one. */
  filter?: SearchFilter;
  /** The user's local date, YYYY-MM-DD (default: from `now`). */
  today?: string;
  /** Interest ranking for the `s` toggle, with the user's tag lists and rules already read (the UI reads no file). */
  rank?: RankFn;
  /** The list read in pages, so that the first frame shows its first rows without waiting for the rest. */
  pages?: ListingPages;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  now?: () => Date;
  /** Route console output around the frame (Ink's patchConsole); default true. */
  patchConsole?: boolean;
}

export const UI_MAX_FPS = 120;

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

export async function runUi(options: RunUiOptions): Promise<void> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const now = options.now?.() ?? new Date();
  const today = options.today ?? `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };
  // Ink unmounts itself on these signals (signal-exit); leaving the alternate screen is ours.
  const onSignal = (signal: NodeJS.Signals) => {
    instance?.unmount();
    restore();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let instance: ReturnType<typeof render> | undefined;
  stdout.write(ENTER_ALT_SCREEN);
  for (const s of signals) process.on(s, onSignal);
  try {
    instance = render(
      <App
        handle={options.handle}
        config={options.config ?? DEFAULT_UI_CONFIG}
        sideEffects={{ openUrl: options.openUrl, writeExport: options.writeExport, ...(options.fetcher ? { fetcher: options.fetcher } : {}) }}
        today={today}
        interactive={Boolean(stdin.isTTY)}
        filter={options.filter ?? createSearchFilter(memorySearch(options.searchIndex), { today, searches: options.config?.searches ?? {} })}
        {...(options.rank ? { rank: options.rank } : {})}
        {...(options.pages ? { pages: options.pages } : {})}
      />,
      // Ink's default 30 fps throttle would hold the frame of a filtered list up to 33 ms behind the
      // frame echoing the keystroke.
      { stdin, stdout, exitOnCtrlC: false, patchConsole: options.patchConsole ?? true, maxFps: UI_MAX_FPS },
    );
    await instance.waitUntilExit();
  } finally {
    instance?.unmount();
    for (const s of signals) process.off(s, onSignal);
    restore();
  }
}
