// `papers import FILE...|-`: parses digests into the library (kept byte for byte), one summary line per file.
import type { Command } from 'commander';
import { PapersError, inputError, usageError } from '../../core/errors.js';
import { readDigestFile, type DigestInput } from '../../io/digest-files.js';
import { digestNames, sha256 } from '../../io/digest-store.js';
import type { ImportOutcome, ImportRun, LibraryStore } from '../../io/library-store.js';
import { printJson, linesToStderr } from '../json-output.js';
import { processOutput, type Output } from '../output.js';
import { startProgress } from '../progress.js';
import { loadReaderFor, openStore, parseInput, parseOptionsFor, type ParseFlags } from '../source.js';
import { printDiagnostics } from '../render/diagnostics.js';
import { importSummaryLine, parseSummaryLine, summariseParse, type ParseSummary } from '../render/parse-summary.js';
import { defaultRules, libraryMark, tagNewPapers } from '../rules-run.js';
import { importReadingLists } from '../reading-list-import.js';
import { testHook } from '../../io/test-hooks.js';
import { loadParsers } from '../../io/parsers.js';

interface ImportOptions extends ParseFlags {
  verbose?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('import')
    .description('remember the papers of digest files in your library (the files are kept as they are)')
    .argument('<files...>', 'digest files ("-" for stdin)')
    .option('--year <year>', 'year for digest dates printed without one (default: the file’s modification year)')
    .option('--format <name>', 'read the files as this digest format instead of detecting it')
    .option('-v, --verbose', 'also print informational diagnostics')
    .option('--dry-run', 'show what would change (a reading list\'s ticks and notes, each digest\'s papers) and change nothing')
    .option('--json', 'print a JSON array, one {file, format, digest, found, added, updated, already, warnings} per digest imported (messages go to stderr)')
    .addHelpText(
      'after',
      `
Examples:
  papers import ~/Downloads/hf-2025-03-12.txt   add a digest's papers to your library
  pbpaste | papers import -                     a digest from the clipboard
  papers import mails/*.txt --year 2024         several files; dates without a year are 2024

Importing the same file again changes nothing. Papers seen in several digests are kept once,
with every digest and date they appeared in. A reading list written by 'papers export -o FILE.md'
brings back its ticks and notes (each change is printed; 'papers undo' reverts them at once).
Ctrl-C stops after the file being imported and says which files were imported.`,
    )
    .action(async (files: string[], options: ImportOptions, command: Command) => {
      if (options.json && options.dryRun) throw usageError('--json and --dry-run together; --dry-run prints for a person');
      const store = await openStore(command);
      const output = options.json ? linesToStderr(processOutput()) : processOutput();
      const { rules } = defaultRules(command); // read first: a broken rules file stops the import before it starts
      // Reading lists papers exported are applied (ticks, notes); unrelated Markdown is refused.
      const dryRun = options.dryRun ?? false;
      const digests = await importReadingLists(files, store, output, { formatGiven: options.format !== undefined, dryRun });
      if (digests.length === 0) {
        if (options.json) printJson(processOutput(), []);
        return;
      }
      if (dryRun) {
        await loadParsers();
        previewImport(digests, options, output);
        return;
      }
      // A library without digests makes its database under the lock, and may then find the digests
      // of another process's unfinished import to read: with any parser.
      if (digestNames(store.dir).length === 0) await loadParsers();
      const before = libraryMark(store, rules);
      const { outcomes, stoppedAt } = await runImport(digests, options, store, output);
      await tagNewPapers(store, rules, before, output); // the tagging rules, on the papers just added
      if (options.json) printJson(processOutput(), outcomes.map(importJson));
      if (stoppedAt !== null) {
        output.err(`papers: interrupted: ${keptLine(digests, stoppedAt)}`);
        process.exitCode = 130;
      }
    });
}

/** One digest's import for --json: `already` says it had been imported before (nothing changed). */
function importJson(o: ImportOutcome): object {
  return { file: o.file, format: o.format, digest: o.digest, found: o.found, added: o.added, updated: o.updated, already: o.already !== null, warnings: o.warnings };
}

/** Which files an interrupted import finished and which it did not start, in one line. */
function keptLine(files: readonly string[], stoppedAt: number): string {
  const names = (list: readonly string[]) => (list.length <= 5 ? list.join(', ') : `${list.slice(0, 5).join(', ')} and ${list.length - 5} more`);
  const done = files.slice(0, stoppedAt);
  const rest = files.slice(stoppedAt);
  const kept = done.length === 0 ? 'no file was imported' : `kept ${done.length} file${done.length === 1 ? '' : 's'} (${names(done)})`;
  return `${kept}; not imported: ${rest.length === 0 ? 'none' : names(rest)}; run the same import again to finish (files already imported are skipped)`;
}

/**
 * Ctrl-C during an import: the file being imported is finished (each import is atomic), the next
 * is not started. The handler runs between files, when the loop yields to the event loop.
 */
function watchInterrupt(): { interrupted(): boolean; stop(): void } {
  let hit = false;
  const onSignal = () => {
    hit = true;
  };
  process.on('SIGINT', onSignal);
  return { interrupted: () => hit, stop: () => process.off('SIGINT', onSignal) };
}

/** Yields until the event loop has polled once, so that a pending Ctrl-C has run its handler. */
async function letSignalsIn(): Promise<void> {
  // The first immediate may run in the check phase of the loop pass we are in (before its next
  // poll); one queued from the check phase runs after the next poll, where signals are read.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

function previewImport(files: readonly string[], options: ImportOptions, output: Output): void {
  for (const file of files) {
    try {
      const input = readDigestFile(file);
      const result = parseInput(input, options);
      output.out(`${parseSummaryLine(summariseParse(input.name, result))}; not imported (--dry-run)`);
    } catch (e) {
      if (!(e instanceof PapersError) || e.kind === 'failure') throw e;
      output.err(`papers: ${e.message}`);
      process.exitCode = 2;
    }
  }
}

/** Imports the files in order; stoppedAt is the index of the first file not imported after Ctrl-C (null: all were tried). */
async function runImport(files: readonly string[], options: ImportOptions, store: LibraryStore, output: Output): Promise<{ outcomes: ImportOutcome[]; stoppedAt: number | null }> {
  const outcomes: ImportOutcome[] = [];
  let failed = 0;
  let stoppedAt: number | null = null;
  const signal = watchInterrupt();
  // On a terminal, after ~1 s: files counted when there are several, else the one
  // file's messages (a large mbox).
  const progress = files.length > 1 ? startProgress('importing', files.length) : null;
  const run: ImportRun = {}; // one command: every file's new papers are new together

  try {
    for (const [i, file] of files.entries()) {
      if (signal.interrupted()) {
        stoppedAt = i;
        break;
      }
      try {
        const { outcome, parsed } = await importOne(file, options, store, output, progress === null, run);
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
      testHook('import-after-file');
      await letSignalsIn();
    }
    if (stoppedAt === null && signal.interrupted()) stoppedAt = files.length;
  } finally {
    signal.stop();
    progress?.done();
  }
  if (failed > 0) {
    process.exitCode = 2;
    if (files.length > 1) output.err(`papers: ${failed} of ${files.length} files not imported (see above); the others were`);
  }
  return { outcomes, stoppedAt };
}

function importOne(file: string, options: ImportOptions, store: LibraryStore, output: Output, showParse: boolean, run: ImportRun): Promise<{ outcome: ImportOutcome; parsed?: ParseSummary }> {
  return importInput(readDigestFile(file), options, store, output, showParse, run);
}

/** Imports one digest already read (a file, or an answer `papers fetch` received), its reader loaded first; input errors are thrown. */
export async function importInput(input: DigestInput, options: ImportOptions, store: LibraryStore, output: Output, showParse: boolean, run: ImportRun = {}): Promise<{ outcome: ImportOutcome; parsed?: ParseSummary }> {
  const bytes = input.bytes ?? Buffer.from(input.text, 'utf8');
  if (input.text.trim() === '') throw inputError(`${input.name}: is empty; give a digest with at least one paper`);
  const previous = store.hasDigest(sha256(bytes));
  if (previous) {
    return { outcome: { file: input.name, format: previous.format, digest: previous.digest, found: previous.papers, added: 0, updated: 0, already: previous, warnings: [] } };
  }
  const reader = await loadReaderFor(input, options);
  const parsing = showParse ? startProgress(`reading ${input.name}`) : null;
  const result = parseInput(input, options, new Date(), parsing ? (done, total) => parsing.update(done, total) : undefined, reader);
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
