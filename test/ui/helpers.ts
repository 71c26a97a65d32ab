// Rendering the App under ink-testing-library with a chosen terminal size, and waiting for frames
// instead of sleeping (after Shopify/cli's cli-kit testing/ui.ts).
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import type { LibraryHandle } from '../../src/core/library.js';
import { DEFAULT_UI_CONFIG, type FilterFn, type UiConfig } from '../../src/ui/adapters.js';
import { App, type UiSideEffects } from '../../src/ui/App.js';
import type { RankFn, UiState } from '../../src/ui/state.js';

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
  write: (...keys: string[]) => Promise<void>;
  waitFor: (predicate: (frame: string) => boolean, what?: string) => Promise<string>;
  resize: (columns: number, rows: number) => void;
  state: () => UiState;
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
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves once `condition` holds, or after `ms` regardless. */
async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
}

export async function renderApp(options: RenderOptions): Promise<Rendered> {
  let latest: UiState | undefined;
  const opened: string[] = [];
  const exported: Array<{ path: string; text: string }> = [];
  let exited = false;
  let changes = 0;
  const sideEffects: UiSideEffects = {
    openUrl:
      options.openUrl ??
      (async (url) => {
        opened.push(url);
        return { ok: true, command: 'fake' };
      }),
    writeExport: async (path, text) => {
      exported.push({ path, text });
      return path;
    },
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
      onState: (s: UiState) => {
        latest = s;
        changes++;
      },
      onExit: () => {
        exited = true;
      },
    }),
  );
  // ink-testing-library's stdout is 100 columns and has no rows: give it a size and announce it.
  Object.defineProperty(instance.stdout, 'columns', { get: () => size.columns });
  Object.defineProperty(instance.stdout, 'rows', { get: () => size.rows });
  instance.stdout.emit('resize');
  await until(() => latest !== undefined && latest.size.columns === size.columns && latest.size.rows === size.rows, 3000);
  // Keys written before Ink listens to stdin are lost: wait for the listener (useInput's effect).
  await until(() => instance.stdin.listenerCount('readable') > 0, 3000);
  const frame = () => stripAnsi(instance.lastFrame() ?? '');
  return {
    frame,
    frames: () => instance.frames.map(stripAnsi),
    async write(...keys) {
      for (const key of keys) {
        const before = changes;
        instance.stdin.write(key);
        // A key that does something changes the state; one that does nothing is given a moment.
        await until(() => changes > before, key === KEYS.escape ? 200 : 50);
        // A filter edit is drawn first and searched right after: wait for the searched frame too.
        await until(() => latest?.filterPending !== true, 2000);
        // Likewise a ranking: "ranking…" is drawn first, the ranked list right after.
        await until(() => latest?.sortPending !== true, 2000);
        await tick();
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
    state: () => {
      if (!latest) throw new Error('no state yet');
      return latest;
    },
    unmount: () => instance.unmount(),
    opened,
    exported,
    exited: () => exited,
  };
}
