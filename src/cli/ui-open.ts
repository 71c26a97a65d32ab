// Opening the interactive UI: its search, fetching, ranking and export wired to the library. Imported
// only when the UI opens (cli/ui-launch.ts), so that printing runs never load what it needs.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { LibraryHandle } from '../core/library.js';
import { failure } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { inspectExportTarget } from '../io/export-target.js';
import { openInBrowser } from '../io/open-url.js';
import { localToday } from '../io/clock.js';
import { databaseOfPapers } from '../io/db/bridge.js';
import { searchShown, searchSnapshot } from './query-search.js';
import { configOf } from './run-config.js';
import { rankByInterest, type InterestOptions, type InterestRanking } from '../core/rank/interest.js';
import type { Snapshot } from '../core/library.js';
import type { Query } from '../core/query/index.js';
import { interestOptions } from './interest.js';
import { nearMiss } from '../io/near-miss.js';
import { uiFetcher } from './ui-fetcher.js';
import { defaultRules } from './rules-run.js';
import type { LibraryStore } from '../io/library-store.js';
import { loadParsers } from '../io/parsers.js';
import { loadTextWidth } from '../core/text/columns.js';

type UiModule = typeof import('../ui/index.js');

/**
 * Writes a Markdown export from the UI. An existing file is replaced only when papers wrote it as a
 * reading list and it holds no ticks or notes the library lacks (inspectExportTarget, as `export -o`).
 */
export async function writeExport(path: string, text: string, library: Snapshot): Promise<string> {
  const full = resolve(path);
  const target = inspectExportTarget(full, library);
  switch (target.kind) {
    case 'folder':
      throw failure(`${path}: is a folder; choose a file`);
    case 'unreadable':
      throw failure(`${path}: cannot read it (${target.code}); choose another file`);
    case 'foreign':
      throw failure(`${path}: exists and is not a reading list papers wrote; choose another file`);
    case 'unimported':
      throw failure(`${path}: has edits not imported yet (${target.edits}); run 'papers import ${path}' first, or choose another file`);
    case 'ours':
      if (target.format !== 'md' && target.format !== 'empty') throw failure(`${path}: exists and is not a reading list papers wrote; choose another file`);
  }
  try {
    writeFileAtomic(full, text);
  } catch (e) {
    throw failure(`${path}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return path;
}

/** Opens the UI (its chunk `ui`, still loading) on `library`; `store` as for ui-launch's openUi. */
export async function openUi(ui: Promise<UiModule>, library: LibraryHandle, command: Command, store?: LibraryStore): Promise<void> {
  // The UI reads the library's papers without their abstracts; each is read when shown.
  const handle: LibraryHandle = store ? Object.create(library, { snapshot: { value: () => store.shownSnapshot() } }) : library;
  const { config } = configOf(command);
  const today = localToday();
  await loadTextWidth();
  const { runUi, createSearchFilter } = await ui;
  // The live filter searches the library's own database; papers without one (read from files) are
  // copied into one in memory after the first frame, by prepare.
  const db = () => store?.database() ?? null;
  const search = {
    run: (query: Query, snapshot: Snapshot) => {
      const database = db();
      return database ? searchShown(database, snapshot, query) : searchSnapshot(snapshot, query);
    },
    prepare: (snapshot: Snapshot) => (db() ? true : (databaseOfPapers(snapshot.papers, snapshot.latestDigest), true)),
  };
  const filter = createSearchFilter(search, { today, searches: config.searches, nearMiss });
  const fetcher = store ? uiFetcher({ store, sources: config.sources, rules: () => defaultRules(command).rules }) : undefined;
  // The first frame shows the first rows of the list; the rest is read after it (shownPages).
  const pages = store?.shownPages();
  // The UI runs for long: a library changed meanwhile may need its digests re-read. The parsers
  // load once the first frame is out (runUi draws it before it first waits).
  setImmediate(() => void loadParsers());
  await runUi({ handle, config, today, filter, openUrl: openInBrowser, writeExport: (path, text) => writeExport(path, text, handle.snapshot()), rank: interestRanker(command, () => handle.snapshot(), config.ranking), ...(fetcher ? { fetcher } : {}), ...(pages ? { pages } : {}) });
}

/**
 * The UI's `s` ranking: config tag lists and the rules file read here, once, at launch. A broken
 * rules file does not keep the UI from opening: the ranking goes without rules and says why.
 * Rule matches are worked out lazily (only when falling back), over the papers as then shown.
 */
function interestRanker(command: Command, snapshot: () => Snapshot, tags: { positive: string[]; negative: string[] }): (snapshot: Snapshot) => InterestRanking {
  let options: InterestOptions;
  let rulesProblem: string | null = null;
  try {
    options = interestOptions(command, snapshot);
  } catch (e) {
    options = { positive: tags.positive, negative: tags.negative };
    rulesProblem = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  }
  return (current) => {
    const ranking = rankByInterest(current, options);
    return rulesProblem && ranking.reason ? { ...ranking, reason: `${ranking.reason} (rules not used: ${rulesProblem})` } : ranking;
  };
}
