// `papers import FILE...|-`: parses digests into the library (kept byte for byte), one summary line per file.
import type { Command } from 'commander';
import { PapersError, inputError } from '../../core/errors.js';
import { readDigestFile } from '../../io/digest-files.js';
import { sha256 } from '../../io/digest-store.js';
import type { DigestMeta, ImportOutcome, ImportRun, LibraryStore } from '../../io/library-store.js';
import { processOutput, type Output } from '../output.js';
import { startProgress } from '../progress.js';
import { openStore, parseInput, parseOptionsFor, type ParseFlags } from '../source.js';
import { printDiagnostics } from '../render/diagnostics.js';
import { parseSummaryLine, summariseParse, type ParseSummary } from '../render/parse-summary.js';
import { defaultRules, knownIds, tagNewPapers } from '../rules-run.js';
import { importReadingLists } from '../reading-list-import.js';

interface ImportOptions extends ParseFlags {
  verbose?: boolean;
}

/**
 * What one file's import did, in one line: what was recognised (the line `papers parse` prints:
 * file, format, papers found, dates, arXiv sections), then new and updated (or that nothing changed).
 */
export function importSummaryLine(o: Pick<ImportOutcome, 'file' | 'format' | 'found' | 'added' | 'updated' | 'already'>, parsed?: ParseSummary): string {
  const papers = `${o.found} paper${o.found === 1 ? '' : 's'}`;
  if (o.already) return `${o.file}: ${o.format}, ${papers}: already imported${alreadyWhere(o.file, o.already)}; nothing changed`;
  const recognised = parsed ? parseSummaryLine(parsed) : `${o.file}: ${o.format}, ${papers} found`;
  return `${recognised}, ${o.added} new, ${o.updated} updated`;
}

function alreadyWhere(file: string, meta: DigestMeta): string {
  const when = meta.importedAt.slice(0, 16).replace('T', ' ');
  return meta.file === file ? ` on ${when}` : ` (as ${meta.file} on ${when})`;
}

export function register(program: Command): void {
  program
    .command('import')
    .description('remember the papers of digest files in your library (the files are kept as they are)')
    .argument('<files...>', 'digest files ("-" for stdin)')
    .option('--year <year>', 'year for digest dates printed without one (default: the file’s modification year)')
    .option('--format <name>', 'read the files as this digest format instead of detecting it')
    .option('-v, --verbose', 'also print informational diagnostics')
    .addHelpText(
      'after',
      `
Examples:
  papers import ~/Downloads/hf-2025-03-12.txt   add a digest's papers to your library
  pbpaste | papers import -                     a digest from the clipboard
  papers import mails/*.txt --year 2024         several files; dates without a year are 2024

Importing the same file again changes nothing. Papers seen in several digests are kept once,
with every digest and date they appeared in.`,
    )
    .action(async (files: string[], options: ImportOptions, command: Command) => {
      const store = openStore(command);
      const output = processOutput();
      const { rules } = defaultRules(); // read first: a broken rules file stops the import before it starts
      // Reading lists papers exported are applied (ticks, notes); unrelated Markdown is refused.
      const digests = await importReadingLists(files, store, output, options.format !== undefined);
      if (digests.length > 0) {
        const before = knownIds(store);
        runImport(digests, options, store, output);
        await tagNewPapers(store, rules, before, output); // the tagging rules, on the papers just added
      }
    });
}

export function runImport(files: readonly string[], options: ImportOptions, store: LibraryStore, output: Output): ImportOutcome[] {
  const outcomes: ImportOutcome[] = [];
  let failed = 0;
  // On a terminal, after ~1 s (issue 9): files counted when there are several, else the one
  // file's messages (a large mbox).
  const progress = files.length > 1 ? startProgress('importing', files.length) : null;
  const run: ImportRun = {}; // one command: every file's new papers are new together

  try {
    for (const file of files) {
      try {
        const { outcome, parsed } = importOne(file, options, store, output, progress === null, run);
        outcomes.push(outcome);
        progress?.clear();
        output.out(importSummaryLine(outcome, parsed));
        for (const w of outcome.warnings) output.err(`papers: warning: ${w}`);
      } catch (e) {
        if (!(e instanceof PapersError) || e.kind === 'failure') throw e;
        progress?.clear();
        output.err(`papers: ${e.message}`);
        failed++;
      }
      progress?.tick();
    }
  } finally {
    progress?.done();
  }
  if (failed > 0) {
    process.exitCode = 2;
    if (files.length > 1) output.err(`papers: ${failed} of ${files.length} files not imported (see above); the others were`);
  }
  return outcomes;
}

function importOne(file: string, options: ImportOptions, store: LibraryStore, output: Output, showParse: boolean, run: ImportRun): { outcome: ImportOutcome; parsed?: ParseSummary } {
  const input = readDigestFile(file);
  const bytes = input.bytes ?? Buffer.from(input.text, 'utf8');
  if (input.text.trim() === '') throw inputError(`${input.name}: is empty; give a digest with at least one paper`);
  const previous = store.hasDigest(sha256(bytes));
  if (previous) {
    return { outcome: { file: input.name, format: previous.format, digest: previous.digest, found: previous.papers, added: 0, updated: 0, already: previous, warnings: [] } };
  }
  const parsing = showParse ? startProgress(`reading ${input.name}`) : null;
  const result = parseInput(input, options, new Date(), parsing ? (done, total) => parsing.update(done, total) : undefined);
  parsing?.done();
  printDiagnostics(
    result.diagnostics.map((d) => ({ ...d, file: input.name })),
    output,
    options.verbose ?? false,
  );
  if (result.papers.length === 0) {
    const first = result.diagnostics.find((d) => d.severity === 'error');
    throw inputError(
      `${input.name}${first ? `:${first.line}` : ''}: no papers found (read as ${result.format}${first ? `: ${first.message}` : ''}); nothing imported; check it is a digest, or name its format with --format`,
    );
  }
  const outcome = store.importDigest({ bytes, name: input.name, options: parseOptionsFor(input, options), result }, run);
  return { outcome, parsed: summariseParse(input.name, result) };
}
