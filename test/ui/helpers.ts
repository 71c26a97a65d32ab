// Rendering the App under ink-testing-library with a chosen terminal size, and waiting for frames
// instead of sleeping (after Shopify/cli's cli-kit testing/ui.ts).
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { createElement } from 'react';
import type { LibraryHandle } from '../../src/core/library.js';
import { DEFAULT_UI_CONFIG, type FilterFn, type ListingPages, type UiConfig } from '../../src/ui/adapters.js';
import { App, type UiSideEffects } from '../../src/ui/App.js';
import type { RankFn } from '../../src/ui/state.js';

export const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  home: '\u001b[H',
  end: '\u001b[F',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  ctrlU: '\u0015',
} as const;

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
export const stripAnsi = (s: string) => s.replace(ANSI, '');

export interface Rendered {
  frame: () => string;
  /** Every frame written so far, colour stripped. */
  frames: () => string[];
  /** Writes each key and waits until the UI has settled on it (see settle). */
  write: (...keys: string[]) => Promise<void>;
  waitFor: (predicate: (frame: string) => boolean, what?: string) => Promise<string>;
  resize: (columns: number, rows: number) => void;
  unmount: () => void;
  opened: string[];
  exported: Array<{ path: string; text: string }>;
  exited: () => boolean;
}

export interface RenderOptions {
  handle: LibraryHandle;
  columns?: number;
  rows?: number;
  config?: UiConfig;
  filter?: FilterFn;
  rank?: RankFn;
  openUrl?: UiSideEffects['openUrl'];
  fetcher?: UiSideEffects['fetcher'];
  pages?: ListingPages;
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves once `condition` holds, checking every event-loop turn; fails after 3 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await turn();
  }
}

/** Work the screen shows while it is under way: a search after the echo of a keystroke, a ranking, a sort. */
const PENDING = /searching…|ranking…|sorting…/;

export async function renderApp(options: RenderOptions): Promise<Rendered> {
  const opened: string[] = [];
  const exported: Array<{ path: string; text: string }> = [];
  let exited = false;
  const sideEffects: UiSideEffects = {
    openUrl:
      options.openUrl ??
      (async (url) => {
        opened.push(url);
        return { ok: true };
      }),
    writeExport: async (path, text) => {
      exported.push({ path, text });
      return path;
    },
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
  };
  let size = { columns: options.columns ?? 100, rows: options.rows ?? 30 };
  const instance = render(
    createElement(App, {
      handle: options.handle,
      config: options.config ?? DEFAULT_UI_CONFIG,
      sideEffects,
      today: '2025-03-14',
      interactive: true,
      filter: options.filter,
      rank: options.rank,
      pages: options.pages,
      onExit: () => {
        exited = true;
      },
    }),
  );
  const frame = () => stripAnsi(instance.lastFrame() ?? '');
  /**
   * Ink reads a key as soon as it is written (a lone Esc one turn later, in case a sequence
   * follows); what the key sets off (a tag written, a search run after the frame echoing the
   * keystroke) comes back within the next turns, each ending in a render (in debug mode Ink writes
   * every render). Settled: a whole turn passed without a render and nothing is under way on screen.
   */
  const settle = async () => {
    await until(() => (instance.stdin as unknown as { data: unknown }).data === null, 'the key to be read');
    let renders = -1;
    await until(() => {
      const quiet = renders === instance.frames.length && !PENDING.test(frame());
      renders = instance.frames.length;
      return quiet;
    }, 'the UI to settle');
  };
  // Keys written before Ink listens to stdin are lost: wait for the listener (useInput's effect,
  // run with the App's other effects after the first frame, its resize listener among them).
  await until(() => instance.stdin.listenerCount('readable') > 0, 'the key listener');
  // ink-testing-library's stdout is 100 columns and has no rows: give it a size and announce it.
  Object.defineProperty(instance.stdout, 'columns', { get: () => size.columns });
  Object.defineProperty(instance.stdout, 'rows', { get: () => size.rows });
  instance.stdout.emit('resize');
  // the resize is a state update React commits in a turn of its own: a loaded machine may let a
  // quiet turn pass before it, so wait for the frame at the new size (its header spans the width)
  await until(() => stringWidth(frame().split('\n')[0] ?? '') === size.columns, `the first frame at ${size.columns} columns`);
  await settle();
  return {
    frame,
    frames: () => instance.frames.map(stripAnsi),
    async write(...keys) {
      for (const key of keys) {
        instance.stdin.write(key);
        await settle();
      }
    },
    async waitFor(predicate, what = 'the expected frame') {
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const f = frame();
        if (predicate(f)) return f;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
    },
    resize(columns, rows) {
      size = { columns, rows };
      instance.stdout.emit('resize');
    },
    unmount: () => instance.unmount(),
    opened,
    exported,
    exited: () => exited,
  };
}
