// `papers list`: the papers of the files, the library or the seed, as a table, plain lines or JSON.
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { effectiveTags, type LibraryPaper, type Snapshot } from '../../core/library.js';
import { processOutput } from '../output.js';
import { loadPapers } from '../source.js';
import { formatTable, formatPlain, toJson } from '../render/paper-rows.js';
import { printDiagnostics } from '../render/diagnostics.js';

export interface ListOptions {
  json?: boolean;
  plain?: boolean;
  limit?: string;
  year?: string;
  format?: string;
  verbose?: boolean;
}

export function limitFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw usageError(`--limit ${value}: expected a whole number such as 20`);
  return n;
}

export function register(program: Command): void {
  program
    .command('list', { isDefault: true })
    .description('list papers: of the files given, else your library, else the bundled sample digest')
    .argument('[files...]', 'digest files to read ("-" for stdin)')
    .option('--json', 'print a JSON array of papers (the stable interface for scripts)')
    .option('--plain', 'print plain lines even on a terminal')
    .option('-n, --limit <n>', 'show at most N papers')
    .option('--year <year>', 'year for digest dates printed without one (default: the file’s modification year)')
    .option('--format <name>', 'read the files as this digest format instead of detecting it')
    .option('-v, --verbose', 'also print informational diagnostics')
    .addHelpText(
      'after',
      `
Examples:
  papers list                          your library, or the bundled sample digest
  papers list digest.txt --limit 10    the first ten papers of a digest
  pbpaste | papers list -              a digest from the clipboard
  papers list --json | jq '.[].title'  titles, for scripts`,
    )
    .action(async (files: string[], options: ListOptions, command: Command) => {
      await runList(files, options, command);
    });
}

export async function runList(files: string[], options: ListOptions, command: Command): Promise<void> {
  const output = processOutput();
  const limit = limitFlag(options.limit);
  const { handle, diagnostics } = loadPapers(files, options, command);
  printDiagnostics(diagnostics, output, options.verbose ?? false);
  const snapshot = handle.snapshot();
  const papers = limit === undefined ? snapshot.papers : snapshot.papers.slice(0, limit);
  const rows = papers.map((paper) => ({ paper, tags: userTags(paper, snapshot) }));
  if (options.json) output.out(toJson(papers, snapshot));
  else if (output.isTTY && !options.plain) output.out(formatTable(rows, output));
  else output.out(formatPlain(rows));
}

function userTags(paper: LibraryPaper, snapshot: Snapshot): string[] {
  return effectiveTags(paper, snapshot.decisions.get(paper.id), snapshot.latestDigest).filter((t) => t !== 'untriaged');
}
