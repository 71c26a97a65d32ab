// `papers search QUERY [FILE...]`: ranked fuzzy search over the files, the library or the seed.
import type { Command } from 'commander';
import { PapersError, failure } from '../../core/errors.js';
import { effectiveTags, type LibraryPaper, type Snapshot } from '../../core/library.js';
import { matchDetails } from '../../core/search/index.js';
import { processOutput } from '../output.js';
import { compileOrThrow, queryContext, searchPapersOf } from '../query-search.js';
import { loadPapers, type Loaded } from '../source.js';
import { printDiagnostics } from '../render/diagnostics.js';
import { formatSearchJson, formatSearchPlain, formatSearchTable, type ShownHit } from '../render/search-results.js';
import { limitFlag } from './list.js';
import { recordShownListing } from '../paper-refs.js';
import { queryTags, warnUnknownTags } from '../tag-warnings.js';

interface SearchCommandOptions {
  json?: boolean;
  plain?: boolean;
  limit?: string;
  all?: boolean;
  year?: string;
  format?: string;
  verbose?: boolean;
}

const DEFAULT_LIMIT = 20;

export function register(program: Command): void {
  program
    .command('search')
    .description('search papers by a query (typos forgiven): of the files given, else your library, else the bundled sample digest')
    .argument('<query>', "the query; quote it when it has spaces (see 'papers help query')")
    .argument('[files...]', 'digest files to read ("-" for stdin)')
    .option('--json', 'print a JSON array of the hits: the fields of `papers list --json` plus score, matches and snippet')
    .option('--plain', 'print plain lines even on a terminal')
    .option('-n, --limit <n>', `show at most N hits (default ${DEFAULT_LIMIT})`)
    .option('--all', 'show every hit')
    .option('--year <year>', 'year for digest dates printed without one (default: the file’s modification year)')
    .option('--format <name>', 'read the files as this digest format instead of detecting it')
    .option('-v, --verbose', 'also print informational diagnostics')
    .addHelpText(
      'after',
      `
Exit status: 0 when something matches, 1 when nothing does (like grep), 2 for a malformed query.

Examples:
  papers search "protien desing"                   typos forgiven
  papers search 'linear attention -quantization'   both words, but not that one
  papers search '"state space" | mamba since:2025-01 has:code'
  papers search 'title:diffusion +to-read' --json
  papers search -- '-gan'                          a query starting with "-" after --

The query language: papers help query`,
    )
    .action(async (query: string, files: string[], options: SearchCommandOptions, command: Command) => {
      await runSearch(query, files, options, command);
    });
}

async function runSearch(text: string, files: string[], options: SearchCommandOptions, command: Command): Promise<void> {
  const output = processOutput();
  const query = compileOrThrow(text, queryContext(command));
  const limit = options.all ? undefined : (limitFlag(options.limit) ?? DEFAULT_LIMIT);
  const loaded = await loadWithHint(files, options, command);
  printDiagnostics(loaded.diagnostics, output, options.verbose ?? false);
  const results = searchPapersOf({ store: loaded.store, snapshot: () => loaded.handle.snapshot() }, query, limit === undefined ? {} : { limit });
  const snapshot = loaded.store ? { papers: results.hits.map((h) => h.paper), decisions: loaded.store.decisionsById(), latestDigest: loaded.store.latestDigest() } : loaded.handle.snapshot();
  if (files.length === 0) warnUnknownTags(queryTags(query), snapshot.decisions, output);
  if (results.total === 0) {
    if (options.json) output.out('[]');
    const where = files.length > 0 ? files.join(', ') : loaded.handle.origin;
    throw failure(`no paper matches ${JSON.stringify(text)} (searched ${loaded.store && !loaded.store.showingSeed() ? loaded.store.count() : loaded.handle.snapshot().papers.length} papers of ${where}); fewer words or a shorter one may help`);
  }
  const snippetWidth = Number.isFinite(output.width) ? Math.max(60, output.width) : undefined;
  const shown: ShownHit[] = results.hits.map((hit) => ({
    hit,
    details: matchDetails(results.plan, hit.paper, snippetWidth),
    tags: shownTags(hit.paper, snapshot),
  }));
  recordShownListing(loaded.store, output, options, results.hits.map((h) => h.paper.id)); // for `papers tag 3` (row 3 of this listing)
  if (options.json) output.out(formatSearchJson(shown, snapshot));
  else if (output.isTTY && !options.plain) output.out(formatSearchTable(shown, output));
  else output.out(formatSearchPlain(shown));
  const more = results.total - results.hits.length;
  const counted = results.totalAtLeast ? `more matches (over ${results.total.toLocaleString('en')} in all)` : `${more} more match${more === 1 ? '' : 'es'} (${results.total} in all)`;
  if (more > 0 && !options.json) output.err(`… ${counted}; --limit N or --all shows more`);
}

/** A word of an unquoted multi-word query lands in FILE...: say how to quote instead of only "no such file". */
async function loadWithHint(files: string[], options: SearchCommandOptions, command: Command): Promise<Loaded> {
  try {
    return await loadPapers(files, options, command);
  } catch (e) {
    if (e instanceof PapersError && files.length > 0 && /no such file/.test(e.message)) {
      throw new PapersError(e.kind, `${e.message}; to search for several words, quote them: papers search "${[command.args[0], ...files].join(' ')}"`);
    }
    throw e;
  }
}

function shownTags(paper: LibraryPaper, snapshot: Snapshot): string[] {
  return effectiveTags(paper, snapshot.decisions.get(paper.id), snapshot.latestDigest).filter((t) => t !== 'untriaged');
}
