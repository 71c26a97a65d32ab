// `papers export [QUERY]`: the selected papers as a Markdown reading list (default), JSON, CSL-JSON,
// BibTeX, RIS or CSV, to stdout or atomically to a file papers may replace.
import { extname } from 'node:path';
import type { Command } from 'commander';
import { inputError, usageError } from '../../core/errors.js';
import { selectPapers } from '../../core/filter.js';
import {
  ABSTRACT_MODES,
  EXPORT_FORMATS,
  GROUPINGS,
  exportEntries,
  formatExport,
  type ExportFormat,
  type ExportMeta,
} from '../../core/export/index.js';
import type { LibraryPaper, Snapshot } from '../../core/library.js';
import { escapeControls } from '../../core/text/terminal-safe.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { inspectExportTarget } from '../../io/export-target.js';
import { configOf, ConfigOption } from '../run-config.js';
import { addFilterOptions, filterFromOptions, type FilterOptions } from '../filter-flags.js';
import { processOutput } from '../output.js';
import { printDiagnostics } from '../render/diagnostics.js';
import { libraryFolder, loadPapers } from '../source.js';
import { compileOrThrow, queryContext, searchPapersOf } from '../query-search.js';
import { localToday } from '../../io/clock.js';
import { queryTags, warnUnknownTags } from '../tag-warnings.js';

interface ExportOptions extends FilterOptions {
  format?: string;
  group?: string;
  abstracts?: string;
  output?: string;
  force?: boolean;
  verbose?: boolean;
  query?: string;
  csvRaw?: boolean;
}

const EXTENSIONS: Record<string, ExportFormat> = { '.md': 'md', '.markdown': 'md', '.json': 'json', '.bib': 'bibtex', '.ris': 'ris', '.csv': 'csv' };

export function register(program: Command): void {
  addFilterOptions(program.command('export'))
    .description('export papers as a Markdown reading list, JSON, CSL-JSON, BibTeX, RIS or CSV')
    .argument('[query...]', 'a query selecting the papers, as for papers search (default: all)')
    .addOption(new ConfigOption('--format <format>', `output format (default: from -o's extension, else export.format of the config, else md)`, 'export.format').choices([...EXPORT_FORMATS]))
    .addOption(new ConfigOption('--group <by>', 'Markdown: group papers by their first tag, by date, or not (default: export.group of the config, else none)', 'export.group').choices([...GROUPINGS]))
    .addOption(new ConfigOption('--abstracts <mode>', 'Markdown: no abstracts, the first sentence, or the full abstract folded (default: export.abstracts of the config, else tldr)', 'export.abstracts').choices([...ABSTRACT_MODES]))
    .option('-q, --query <query>', 'the query, as for papers list -q (same as giving it as arguments)')
    .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
    .option('--force', 'with -o: replace FILE even if papers did not write it')
    .option('--csv-raw', "CSV: cells exactly as they are; by default a cell a spreadsheet would run as a formula (starting with = + - @) gets a leading '")
    .option('-v, --verbose', 'also print informational diagnostics')
    .addHelpText(
      'after',
      `
Examples:
  papers export --tag to-read -o reading-list.md   a reading list to tick off in any Markdown editor
  papers import reading-list.md                    then bring the ticks (tag read) and notes back
  papers export diffusion --format bibtex -o refs.bib
  papers export --tag cite --format csl-json > refs.json   for Zotero or pandoc --citeproc

-o never replaces a file papers did not write (it recognises its own exports) unless --force.
The date in the output is today's, or SOURCE_DATE_EPOCH's when set (for byte-identical files).`,
    )
    .action(async (query: string[], options: ExportOptions, command: Command) => {
      await runExport(query, options, command);
    });
}

/** -o's extension, when it names a format (.csl.json is CSL-JSON). */
function formatFromPath(path: string): ExportFormat | undefined {
  if (/\.csl\.json$/i.test(path)) return 'csl-json';
  return EXTENSIONS[extname(path).toLowerCase()];
}

/** The export's date: SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, else today. */
function generatedDate(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0) throw usageError(`SOURCE_DATE_EPOCH=${epoch}: expected whole seconds since 1970`);
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }
  return localToday(now);
}

async function runExport(queryWords: string[], options: ExportOptions, command: Command): Promise<void> {
  const output = processOutput();
  const queryText = [options.query ?? '', ...queryWords].join(' ').trim();
  const dir = libraryFolder(command);
  const filter = filterFromOptions(options, dir);
  const { config, origins } = configOf(command);
  const { group, abstracts } = config.export;
  // -o's extension comes between --format and the config file
  const fromPath = options.output && origins['export.format'].kind !== 'flag' ? formatFromPath(options.output) : undefined;
  const format: ExportFormat = fromPath ?? config.export.format;
  if (options.force && !options.output) throw usageError('--force only applies with -o FILE');
  if (options.csvRaw && format !== 'csv') throw usageError(`--csv-raw only applies with --format csv (this export is ${format})`);

  const loaded = await loadPapers([], {}, command);
  const { handle, diagnostics } = loaded;
  if (options.output) checkTarget(options.output, options.force ?? false, handle.snapshot());
  printDiagnostics(diagnostics, output, options.verbose ?? false);
  const snapshot = selectPapers(handle, filter);
  const query = queryText === '' ? undefined : compileOrThrow(queryText, queryContext(command));
  warnUnknownTags([...filter.tags, ...filter.notTags, ...queryTags(query)], snapshot.decisions, output);
  const papers = query === undefined ? snapshot.papers : selectedInLibraryOrder(snapshot, searchPapersOf({ store: loaded.store, snapshot: () => snapshot }, query).hits);
  const meta: ExportMeta = { generated: generatedDate(), query: queryText === '' ? null : queryText, tags: [...filter.tags], notTags: [...filter.notTags] };
  const text = formatExport(format, exportEntries(papers, snapshot), meta, { group, abstracts }, { raw: options.csvRaw ?? false });

  if (!options.output) {
    // To a pipe or a file, the export exactly; on a terminal, with every control escaped.
    process.stdout.write(output.isTTY ? escapeControls(text) : text);
    return;
  }
  try {
    writeFileAtomic(options.output, text);
  } catch (e) {
    throw inputError(`${options.output}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the folder exists and is writable`);
  }
  output.err(`papers: wrote ${papers.length} paper${papers.length === 1 ? '' : 's'} to ${options.output} (${format})`);
}

/**
 * Refuses a target that is a folder, a file papers did not write, or a reading list with ticks or
 * notes not imported yet (they would be lost), unless --force (which still refuses a folder).
 */
function checkTarget(path: string, force: boolean, library: Snapshot): void {
  const target = inspectExportTarget(path, library);
  if (target.kind === 'folder') throw usageError(`-o ${path}: is a folder; name a file`);
  if (force) return;
  switch (target.kind) {
    case 'unreadable':
      throw inputError(`-o ${path}: cannot be read to check who wrote it (${target.code}); add --force to replace it anyway`);
    case 'foreign':
      throw usageError(`-o ${path}: exists and was not written by papers; nothing written. Choose another file, or add --force to replace it`);
    case 'unimported':
      throw usageError(`-o ${path}: has edits not imported yet (${target.edits}); nothing written. Run 'papers import ${path}' first, or add --force to discard them`);
  }
}

/** A query's matches in library order: an export is a selection, not a ranking, so lists stay stable as ranking evolves. */
function selectedInLibraryOrder(snapshot: Snapshot, hits: ReadonlyArray<{ paper: LibraryPaper }>): LibraryPaper[] {
  const ids = new Set(hits.map((h) => h.paper.id));
  return snapshot.papers.filter((p) => ids.has(p.id));
}
