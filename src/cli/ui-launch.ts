// When `papers` / `papers list` opens the interactive UI, and opening it. The UI chunk (Ink, React)
// and what opening it needs (./ui-open.ts) are imported here and only here, dynamically, so printing
// commands never load them.
import type { Command } from 'commander';
import type { LibraryHandle } from '../core/library.js';
import type { LibraryStore } from '../io/library-store.js';
import { withoutGlobalFetch } from './hide-fetch.js';

interface UiStreams {
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
}

/** Ink's own test (is-in-ci): CI or CONTINUOUS_INTEGRATION set to anything but 0 / false. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const set = (key: string) => key in env && env[key] !== '0' && env[key] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

/** Both ends a terminal, no --plain / --json, not in CI. */
export function wantsUi(options: { json?: boolean; plain?: boolean }, env: NodeJS.ProcessEnv, streams: UiStreams): boolean {
  return Boolean(streams.stdin.isTTY && streams.stdout.isTTY) && !options.json && !options.plain && !inCi(env);
}

let uiModule: Promise<typeof import('../ui/index.js')> | undefined;
let openingModule: Promise<typeof import('./ui-open.js')> | undefined;

/**
 * Starts loading the UI chunk and the code that opens it, so that their file reads and WebAssembly
 * compile overlap with reading the library. Call only when the UI will likely open: it is what
 * loads Ink and React.
 */
export function preloadUi(): void {
  // React reads NODE_ENV when first imported: production skips its development checks.
  Object.assign(process.env, { NODE_ENV: 'production' });
  uiModule ??= withoutGlobalFetch(() => import('../ui/index.js'));
  uiModule.catch(() => {}); // reported by openUi, if the UI opens at all
  openingModule ??= import('./ui-open.js');
  openingModule.catch(() => {});
}

/**
 * Opens the UI on `library`. `store`: the library on disk the UI shows, which `F` fetches into;
 * without it there is no fetching. `libraryDir`: that library's folder (null for the seed).
 */
export async function openUi(library: LibraryHandle, command: Command, libraryDir: string | null, store?: LibraryStore): Promise<void> {
  preloadUi();
  const { openUi: open } = await openingModule!;
  await open(uiModule!, library, command, store);
}
