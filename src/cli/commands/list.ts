// `papers list`: the papers of the files, the library or the seed, as a table, plain lines or JSON.
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { type LibraryHandle, type LibraryPaper, type PaperListing, type Snapshot } from '../../core/library.js';
import { SORT_KEYS, isSortKey, sortPapers } from '../../core/rank/sort.js';
import { interestOptions } from '../interest.js';
import type { LibraryStore } from '../../io/library-store.js';
import { processOutput, type Output } from '../output.js';
import { collectWithProgress } from '../../io/progress-hook.js';
import { libraryFolder, loadPapers, yearFlag } from '../source.js';
import { addFilterOptions, filterFromOptions, type FilterOptions } from '../filter-flags.js';
import { isNoFilter, matchesFilter, selectPapers } from '../../core/filter.js';
import { writeJsonArray } from '../json-stream.js';
import { openUi, preloadUi, wantsUi } from '../ui-launch.js';
import { formatTable, formatPlain, toJson } from '../render/paper-rows.js';
import { printDiagnostics } from '../render/diagnostics.js';
import { compileOrThrow, queryContext, searchPapersOf, searchSnapshot } from '../query-search.js';
import { recordShownListing } from '../paper-refs.js';
import { editDistance } from '../../core/search/index.js';
import { tagsOf } from '../../core/tags.js';
import { queryTags, warnUnknownTags } from '../tag-warnings.js';

/** Streams of at most this many papers look each one's decision up. */
const SHORT_STREAM = 1000;

export interface ListOptions extends FilterOptions {
  json?: boolean;
  plain?: boolean;
  limit?: string;
  year?: string;
  format?: string;
  verbose?: boolean;
  sort?: string;
  query?: string;
}

export function limitFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw usageError(`--limit ${value}: expected a whole number such as 20`);
  return n;
}

export function register(program: Command): void {
  addFilterOptions(program.command('list', { isDefault: true }))
    .description('list papers: of the files given, else your library, else the bundled sample digest')
    .argument('[files...]', 'digest files to read ("-" for stdin)')
    .option('--json', 'print a JSON array of papers (the stable interface for scripts)')
    .option('--plain', 'print plain lines even on a terminal')
    .option('-n, --limit <n>', 'show at most N papers')
    .option('--year <year>', 'year for digest dates printed without one (default: the file’s modification year)')
    .option('--format <name>', 'read the files as this digest format instead of detecting it')
    .option('-v, --verbose', 'also print informational diagnostics')
    .option('-q, --query <query>', "only papers matching the query, best first (see 'papers help query')")
    // choices() tells shell completion the keys; the parser accepts any word so that an unknown one gets runList's one-line message.
    .addOption(new Option('--sort <key>', `order of the listing (default library: import order); interest learns from your tags, see 'papers why'`).choices(SORT_KEYS).argParser((key) => key))
    .addHelpText(
      'after',
      `
Examples:
  papers list                          your library, or the bundled sample digest
  papers list digest.txt --limit 10    the first ten papers of a digest
  pbpaste | papers list -              a digest from the clipboard
  papers list --json | jq '.[].title'  titles, for scripts
  papers list --tag to-read            your reading list
  papers list --new --not-tag skip     what the latest import brought
  papers list -q 'diffusion -video'    papers matching a query, best first`,
    )
    .action(async (files: string[], options: ListOptions, command: Command) => {
      refuseMistypedCommand(files, command);
      await runList(files, options, command);
    });
}

/**
 * `list` is the default command, so `papers lsit` would read a file named "lsit". When the first
 * word was not preceded by `list`, names no file and looks like a command, say so instead.
 */
function refuseMistypedCommand(files: readonly string[], command: Command): void {
  const word = files[0];
  const program = command.parent;
  if (word === undefined || !program || !/^[a-z][a-z-]*$/.test(word) || existsSync(word)) return;
  const raw = program.args;
  if (raw.indexOf('list') !== -1 && raw.indexOf('list') < raw.indexOf(word)) return;
  const names = program.commands.map((c) => c.name());
  const close = names.filter((n) => editDistance(n, word, 2) <= 2);
  const hint = close.length > 0 ? `did you mean ${close.map((n) => `'papers ${n}'`).join(' or ')}?` : "see 'papers --help'";
  throw usageError(`unknown command '${word}' (and no file of that name); ${hint}`);
}

export async function runList(files: string[], options: ListOptions, command: Command): Promise<void> {
  const output = processOutput();
  const limit = limitFlag(options.limit);
  // checked even when no file needs it, so that a typo is not silently ignored
  yearFlag(options.year);
  const query = options.query === undefined ? undefined : compileOrThrow(options.query, queryContext(command));
  if (files.length === 0 && wantsUi(options, process.env, process)) preloadUi();
  const { handle, diagnostics, store } = await loadPapers(files, options, command);
  printDiagnostics(diagnostics, output, options.verbose ?? false);
  const filter = filterFromOptions(options, libraryFolder(command));
  if (files.length === 0 && limit === undefined && isNoFilter(filter) && query === undefined && options.sort === undefined && wantsUi(options, process.env, process)) return openUi(handle, command, store && !store.showingSeed() ? store.dir : null, store);
  if (files.length === 0 && store) warnUnknownTags([...filter.tags, ...filter.notTags, ...queryTags(query)], store.decisionsById(), output);
  const sort = options.sort;
  if (sort !== undefined && !isSortKey(sort)) throw usageError(`--sort ${sort}: unknown order; one of ${SORT_KEYS.join(', ')}`);
  if (store && files.length === 0 && query === undefined && sort !== 'interest') {
    // read by SQL: filtered, sorted and cut to the limit there; --json streams whole papers, the
    // table and plain lines read them without their abstracts
    const decisions = store.decisionsById();
    const range = { limit, sort: sort === 'library' ? undefined : sort };
    if (options.json && !output.isTTY) {
      // Streamed to a pipe or a file; on a terminal it goes through the output guard below. The
      // decisions of a long stream are read whole first: a look-up per paper would cost more, and
      // a whole read cannot start in the database once the stream's query holds it.
      await writeJsonArray(store.paperJsonChunks(filter, range, limit !== undefined && limit <= SHORT_STREAM ? decisions : new Map(decisions)));
      return;
    }
    const total = isNoFilter(filter) && !store.showingSeed() ? Math.min(store.count(), limit ?? Infinity) : undefined;
    if (options.json) return printListing(collectWithProgress('loading papers', store.eachPaper(filter, range), total), { decisions }, options, store, output);
    return printRows(collectWithProgress('loading papers', store.listings(filter, range), total), { decisions }, options, store, output);
  }
  const searchOptions = limit !== undefined && options.sort === undefined && isNoFilter(filter) ? { limit } : {};
  if (query !== undefined && store && files.length === 0) {
    // over the library's database: only the hits are read, then the flags' filter applies to them
    const decisions = store.decisionsById();
    const latest = store.latestDigest();
    const hits = searchPapersOf({ store, snapshot: () => handle.snapshot() }, query, searchOptions).hits.map((h) => h.paper);
    const matched = hits.filter((p) => matchesFilter(p, decisions.get(p.id), latest, filter));
    const snapshot = { papers: matched, decisions, latestDigest: latest };
    const sorted = sortListing(matched, options.sort, handle, store, command, output);
    return printListing(limit === undefined ? sorted : sorted.slice(0, limit), snapshot, options, store, output);
  }
  const snapshot = selectPapers(handle, filter);
  const matched = query === undefined ? snapshot.papers : searchSnapshot(snapshot, query, searchOptions).hits.map((h) => h.paper);
  const sorted = sortListing(matched, options.sort, handle, store, command, output);
  printListing(limit === undefined ? sorted : sorted.slice(0, limit), snapshot, options, store, output);
}

/** The rows as JSON, a table or plain lines; remembered as the last listing (for `papers tag 3`). */
function printListing(papers: LibraryPaper[], snapshot: Pick<Snapshot, 'decisions'>, options: ListOptions, store: LibraryStore | undefined, output: Output): void {
  if (!options.json) return printRows(papers, snapshot, options, store, output);
  recordShownListing(store, output, options, papers.map((p) => p.id));
  output.out(toJson(papers, snapshot));
}

/** The rows as a table or plain lines (no abstract needed); remembered as the last listing. */
function printRows(papers: readonly PaperListing[], snapshot: Pick<Snapshot, 'decisions'>, options: ListOptions, store: LibraryStore | undefined, output: Output): void {
  recordShownListing(store, output, options, papers.map((p) => p.id));
  const rows = papers.map((paper) => ({ paper, tags: userTags(paper, snapshot) }));
  if (output.isTTY && !options.plain) output.out(formatTable(rows, output));
  else output.out(formatPlain(rows));
}

/** The papers in --sort order; for interest, a note on stderr when it fell back for lack of tags. */
function sortListing(papers: LibraryPaper[], key: string | undefined, handle: LibraryHandle, store: LibraryStore | undefined, command: Command, output: Output): LibraryPaper[] {
  if (key === undefined) return papers;
  if (!isSortKey(key)) throw usageError(`--sort ${key}: unknown order; one of ${SORT_KEYS.join(', ')}`);
  if (key === 'library') return papers;
  const whole = handle.snapshot();
  const { papers: sorted, ranking } = sortPapers(papers, key, whole, key === 'interest' ? interestOptions(command, whole, store) : {});
  if (ranking?.reason) output.err(`papers: ${ranking.reason}`);
  return sorted;
}

/** The tags a row shows: the user's own; virtual ones (new, seen, untriaged) are for filtering, not noise on every row. */
function userTags(paper: PaperListing, snapshot: Pick<Snapshot, 'decisions'>): string[] {
  const decision = snapshot.decisions.get(paper.id);
  return tagsOf(decision);
}
