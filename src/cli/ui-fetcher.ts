// The UI's fetch effect: `papers fetch` over the configured sources, into the store the UI shows,
// with its lines turned into progress for the status bar instead of being printed (the UI owns
// the screen), and its outcome in one line.
import type { Config } from '../core/config.js';
import type { Rule } from '../core/rank/rules.js';
import { clockNow } from '../io/fetch/clock.js';
import { readFetchState } from '../io/fetch/state.js';
import { fetchTuning } from '../io/fetch/tuning.js';
import type { LibraryStore } from '../io/library-store.js';
import type { FetchOutcome, SourceAge, UiFetcher } from '../ui/fetch-status.js';
import { answeredLine, fetchPlans, planRun } from './commands/fetch.js';
import { plain, type Output } from './output.js';

export interface UiFetcherOptions {
  store: LibraryStore;
  /** The config's sources, as read at launch. */
  sources: Config['sources'];
  /** Where the fetch limits, proxies and PAPERS_NOW are read (default: the process's). */
  env?: NodeJS.ProcessEnv;
  /** The rules new papers are tagged by (the rules file, read at each fetch). */
  rules: () => readonly Rule[];
}

/** The configured sources, labelled as `papers fetch` names them, with their last fetch times. */
export function sourceAges(sources: Config['sources'], dir: string): SourceAge[] {
  const state = readFetchState(dir).sources;
  const ages: SourceAge[] = [];
  if (sources.hf.enabled) ages.push({ label: 'hf', lastFetched: state.hf?.lastFetched ?? null });
  if (sources.arxiv.categories.length > 0) ages.push({ label: `arxiv ${sources.arxiv.categories.join(' ')}`, lastFetched: state.arxiv?.lastFetched ?? null });
  return ages;
}

export function uiFetcher(options: UiFetcherOptions): UiFetcher {
  const { store, sources } = options;
  const env = options.env ?? process.env;
  const now = () => clockNow(env);
  return {
    sources: () => sourceAges(sources, store.dir),
    now,
    async fetch(progress): Promise<FetchOutcome> {
      // Nothing reaches the terminal: request lines are dropped, retries and warnings become progress.
      const output: Output = { out: () => {}, err: (text) => progress(text.replace(/^papers: /, '')), color: plain, isTTY: false, width: Number.POSITIVE_INFINITY };
      const at = now();
      const plans = planRun(undefined, [], { quiet: 0 }, sources, store, at);
      const rules = options.rules();
      const tally = await fetchPlans(plans, { store, now: at, output, tuning: fetchTuning(env), rules, onRequest: (label, n, total) => progress(total > 1 ? `${label} (${n}/${total})` : label) });
      const [first, ...more] = tally.failures;
      if (first === undefined) return { ok: true, line: answeredLine(tally) };
      return { ok: false, line: `fetch failed: ${first}${more.length > 0 ? ` (and ${more.length} more)` : ''} · ${answeredLine(tally)}` };
    },
  };
}
