// `papers fetch [hf|arxiv] [CAT...]`: asks the sources for their latest papers and imports each
// answer as a digest (its bytes kept, its URL as the digest's name), so fetched papers are
// de-duplicated and rebuilt like imported ones. A source that fails is said in one line and
// leaves the library as it was; the other sources are still fetched.
import { Argument, type Command } from 'commander';
import { PapersError, usageError } from '../../core/errors.js';
import { parseDateFlag } from '../../core/filter.js';
import type { DayRequest } from '../../core/fetch/days.js';
import { bodyVerdict } from '../../core/fetch/body.js';
import { planArxiv, planHf, SOURCE_NAMES, type FetchRequest, type Planned, type SourceName, type SourcePlan } from '../../core/fetch/plan.js';
import { fetchUrl, type ClientOptions } from '../../io/fetch/client.js';
import { clockNow } from '../../io/fetch/clock.js';
import { createPacer, sleep } from '../../io/fetch/pacer.js';
import { readFetchState, updateFetchState } from '../../io/fetch/state.js';
import { fetchTuning, type FetchTuning } from '../../io/fetch/tuning.js';
import type { Config } from '../../core/config.js';
import type { Rule } from '../../core/rank/rules.js';
import type { LibraryStore } from '../../io/library-store.js';
import { processOutput, type Output } from '../output.js';
import { openStore } from '../source.js';
import { loadParsers } from '../../io/parsers.js';
import { defaultRules, libraryMark, tagNewPapers } from '../rules-run.js';
import { VERSION } from '../version.js';
import { configOf } from '../run-config.js';
import { importInput } from './import.js';
import type { ImportRun } from '../../io/library-store.js';
import { importSummaryLine } from '../render/parse-summary.js';
import { localToday } from '../../io/clock.js';

export interface FetchFlags {
  date?: string;
  since?: string;
  /** -q: a summary line only; -q -q: nothing (failures are still said on stderr). */
  quiet: number;
}

const USER_AGENT = `papers/${VERSION} (terminal research-paper digest reader)`;

export function register(program: Command): void {
  program
    .command('fetch')
    .description('fetch the latest papers from Hugging Face and arXiv into your library')
    .addArgument(new Argument('[source]', 'only this source (default: every source the config sets)').choices(SOURCE_NAMES))
    .argument('[categories...]', 'arxiv: the feeds to read, e.g. cs.CL cs.LG (cs.CL+cs.LG: one feed of both)')
    .option('--date <day>', 'hf: the list of this day only')
    .option('--since <day>', 'hf: every day from this one to today')
    .option('-q, --quiet', 'print one summary line; twice (-q -q) nothing; failures are still said on stderr', (_value: string, n: number) => n + 1, 0)
    .addHelpText(
      'after',
      `
Sources (config keys, see 'papers config'):
  sources.hf.enabled        true: papers fetch reads the Hugging Face daily list
  sources.hf.url            https://huggingface.co (or PAPERS_FETCH_HF_URL)
  sources.arxiv.categories  the arXiv feeds read by papers fetch, e.g. [cs.CL, cs.LG]
  sources.arxiv.url         https://rss.arxiv.org (or PAPERS_FETCH_ARXIV_URL)

Without --date or --since, hf fetches every day from the last one fetched to today (weekends
have no list). Answers are asked for conditionally, so an unchanged list costs nothing; arXiv is
asked at most once every 3 seconds. HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured.
Exit status: 0 when every source answered, 1 when one failed (the others are still fetched).

Examples:
  papers fetch                         every configured source
  papers fetch hf --date 2025-03-12    one day of Hugging Face daily papers
  papers fetch hf --since 7d           the last week
  papers fetch arxiv cs.CL cs.LG       two arXiv feeds (two requests, 3 s apart)
  papers fetch -q                      for cron: one line`,
    )
    .action(async (source: SourceName | undefined, categories: string[], flags: FetchFlags, command: Command) => {
      await runFetch(source, categories, flags, command);
    });
}

function dayRequest(flags: FetchFlags, now: Date, lastDay: string | null): DayRequest {
  if (flags.date !== undefined && flags.since !== undefined) throw usageError('--date and --since: give one of them');
  if (flags.date !== undefined) return { kind: 'date', day: parseDateFlag('--date', flags.date, localToday(now)) };
  if (flags.since !== undefined) return { kind: 'since', day: parseDateFlag('--since', flags.since, localToday(now)) };
  return { kind: 'catch-up', lastFetched: lastDay };
}

/** The sources this run fetches (`sources`: the config's), planned; a plan that cannot be made is a usage error. */
export function planRun(source: SourceName | undefined, categories: readonly string[], flags: FetchFlags, sources: Config['sources'], store: LibraryStore, now: Date): SourcePlan[] {
  if (source !== 'arxiv' && categories.length > 0) throw usageError(`${categories.join(' ')}: categories are for arxiv (papers fetch arxiv ${categories.join(' ')})`);
  if (source === 'arxiv' && (flags.date !== undefined || flags.since !== undefined)) throw usageError('--date and --since are for hf; the arXiv feeds hold the latest listing only');
  const planned: Planned[] = [];
  if (source === 'hf' || (source === undefined && sources.hf.enabled)) {
    const lastDay = readFetchState(store.dir).sources.hf?.lastDay ?? null;
    planned.push(planHf(sources.hf.url, dayRequest(flags, now, lastDay), now.toISOString().slice(0, 10)));
  }
  if (source === 'arxiv' || (source === undefined && sources.arxiv.categories.length > 0)) {
    planned.push(planArxiv(sources.arxiv.url, categories.length > 0 ? categories : sources.arxiv.categories));
  }
  if (planned.length === 0) throw usageError('no sources to fetch: sources.hf.enabled is false and sources.arxiv.categories is empty; set one (papers config sources.arxiv.categories cs.CL)');
  return planned.map((p) => {
    if (!p.ok) throw usageError(`${p.source}: ${p.message}`);
    return p.plan;
  });
}

export interface Tally {
  requests: number;
  /** Sources that answered at least once. */
  answered: SourceName[];
  unchanged: number;
  added: number;
  updated: number;
  failed: SourceName[];
  /** Each failure in one line, naming the source or request ("hf: cannot resolve …"). */
  failures: string[];
}

async function runFetch(source: SourceName | undefined, categories: readonly string[], flags: FetchFlags, command: Command): Promise<void> {
  const output = processOutput();
  const now = clockNow();
  const store = await openStore(command);
  const plans = planRun(source, categories, flags, configOf(command).config.sources, store, now);
  // Per-request lines only without -q; failures always, on stderr.
  const shown: Output = flags.quiet > 0 ? { ...output, out: () => {} } : output;
  const tally = await fetchPlans(plans, { store, now, output: shown, tuning: fetchTuning(), rules: defaultRules(command).rules });
  if (flags.quiet < 2) output.out(summaryLine(tally));
  if (tally.failed.length > 0) process.exitCode = 1;
}

export interface FetchRun {
  store: LibraryStore;
  now: Date;
  /** Per-request lines on out, failures on err. */
  output: Output;
  tuning: FetchTuning;
  /** The rules new papers are tagged by. */
  rules: readonly Rule[];
  /** Told before each request: its label ("hf 2025-03-12") and place among all the run's requests (1-based). */
  onRequest?: (label: string, n: number, total: number) => void;
}

/** Fetches the planned sources into the store as one import run, then tags the new papers by the rules. */
export async function fetchPlans(plans: readonly SourcePlan[], options: FetchRun): Promise<Tally> {
  const { store, now, output, tuning } = options;
  await loadParsers(); // what is fetched is parsed and imported
  const before = libraryMark(store, options.rules);
  const pacer = createPacer();
  const tally: Tally = { requests: 0, answered: [], unchanged: 0, added: 0, updated: 0, failed: [], failures: [] };
  const run: ImportRun = {}; // one fetch command: its papers are new together
  const total = plans.reduce((n, p) => n + p.requests.length, 0);
  const onRequest = options.onRequest ?? (() => {});
  for (const plan of plans) {
    for (const note of plan.notes) output.out(note);
    const client: ClientOptions = { userAgent: USER_AGENT, limits: tuning.limits, retry: tuning.retry, pacer, gapMs: tuning.gapMs[plan.source], proxyEnv: tuning.proxyEnv, sleep };
    await fetchSource(plan, client, store, now, output, tally, run, (label) => onRequest(label, tally.requests, total));
  }
  await tagNewPapers(store, options.rules, before, output);
  return tally;
}

async function fetchSource(plan: SourcePlan, client: ClientOptions, store: LibraryStore, now: Date, output: Output, tally: Tally, run: ImportRun, onRequest: (label: string) => void): Promise<void> {
  const fail = (message: string, hint?: string) => {
    output.err(`papers: ${message}; nothing changed${hint ? `; ${hint}` : ''}`);
    tally.failures.push(message);
    if (!tally.failed.includes(plan.source)) tally.failed.push(plan.source);
  };
  for (const request of plan.requests) {
    tally.requests++;
    onRequest(request.label);
    const validators = readFetchState(store.dir).validators[request.url];
    const got = await fetchUrl(request.url, validators, { ...client, onRetry: (m) => output.err(`papers: ${request.label}: ${m}`) });
    if (got.kind === 'failed') {
      if (got.reached) {
        fail(`${request.label}: ${got.message}`);
        continue;
      }
      // The host cannot be reached: its other requests would fail the same way.
      fail(`${plan.source}: ${got.message}`, `check the network, or sources.${plan.source}.url`);
      return;
    }
    if (!tally.answered.includes(plan.source)) tally.answered.push(plan.source);
    if (got.kind === 'unchanged') {
      tally.unchanged++;
      output.out(`${request.label}: unchanged since the last fetch; nothing imported`);
      remember(store, request, now, null);
      continue;
    }
    const verdict = bodyVerdict(request.expected, got.body, got.contentType);
    if (verdict.kind === 'wrong') {
      fail(`${request.label}: ${verdict.message} (${request.url})`);
      continue;
    }
    if (verdict.kind === 'empty') {
      output.out(`${request.label}: no papers listed${request.day ? ' for this day (yet)' : ' (arXiv lists none on weekends and holidays)'}; nothing imported`);
      continue;
    }
    try {
      const input = { name: request.url, text: got.body.toString('utf8'), mtime: now, bytes: got.body };
      const { outcome, parsed } = await importInput(input, { format: request.format }, store, output, false, run);
      output.out(importSummaryLine(outcome, parsed));
      for (const w of outcome.warnings) output.err(`papers: warning: ${w}`);
      tally.added += outcome.added;
      tally.updated += outcome.updated;
      remember(store, request, now, got.validators);
    } catch (e) {
      if (!(e instanceof PapersError) || e.kind === 'failure') throw e;
      fail(`${request.label}: ${e.message}`);
    }
  }
}

/** After an answer the library holds: its validators (for the next conditional request) and when. */
function remember(store: LibraryStore, request: FetchRequest, now: Date, validators: { etag?: string; lastModified?: string } | null): void {
  updateFetchState(store.dir, (state) => {
    if (validators && (validators.etag || validators.lastModified)) state.validators[request.url] = { ...validators, at: now.toISOString() };
    const previous = state.sources[request.source];
    const lastDay = [previous?.lastDay, request.day].filter((d): d is string => typeof d === 'string').sort().pop();
    state.sources[request.source] = { lastFetched: now.toISOString(), ...(lastDay ? { lastDay } : {}) };
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `fetched hf, arxiv: 19 new papers, 4 updated (5 requests, 2 unchanged)`; failed sources named last. */
export function summaryLine(t: Tally): string {
  const head = answeredLine(t);
  return t.failed.length > 0 ? `${head}; failed: ${t.failed.join(', ')} (see above)` : head;
}

/** `fetched hf: 19 new papers, 4 updated (2 requests)`, or `fetched nothing`: what answered. */
export function answeredLine(t: Tally): string {
  const details = [plural(t.requests, 'request'), ...(t.unchanged > 0 ? [`${t.unchanged} unchanged`] : [])].join(', ');
  return t.answered.length > 0 ? `fetched ${t.answered.join(', ')}: ${plural(t.added, 'new paper')}, ${t.updated} updated (${details})` : 'fetched nothing';
}
