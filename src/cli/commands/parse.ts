// `papers parse FILE...`: what each digest file is read as (format, papers, dates, arXiv sections)
// and every diagnostic with file:line, without touching the library.
import type { Command } from 'commander';
import { PapersError, inputError } from '../../core/errors.js';
import type { Paper } from '../../core/model.js';
import { loadParsers, parsers } from '../../io/parsers.js';
import { readDigestFile } from '../../io/digest-files.js';
import { processOutput } from '../output.js';
import { printDiagnostics } from '../render/diagnostics.js';
import { parseSummaryLine, summariseParse, type ParseSummary } from '../render/parse-summary.js';
import { parseInput, type FileDiagnostic, type ParseFlags } from '../source.js';

interface ParseCommandOptions extends ParseFlags {
  json?: boolean;
  quiet?: boolean;
}

interface FileReport extends ParseSummary {
  diagnostics: Array<Omit<FileDiagnostic, 'file'>>;
  items: Paper[];
}

export function register(program: Command): void {
  program
    .command('parse')
    .description('show what each digest file is read as, and every problem found, without importing anything')
    .argument('<files...>', 'digest files ("-" for stdin)')
    .option('--json', 'print a JSON array, one object per file: file, format, count, dates, announceTypes, errors, warnings, diagnostics, papers')
    .option('--year <year>', 'year for digest dates printed without one (default: the file’s modification year)')
    .option('--format <name>', 'read the files as this format instead of detecting it (see Formats below)')
    .option('-q, --quiet', 'leave out informational diagnostics')
    // a function: the formats are known once the parsers are loaded, which main does for help
    .addHelpText(
      'after',
      () => `
Formats:
${parsers().FORMATS.map((f) => `  ${f.name.padEnd(14)} ${f.description}`).join('\n')}

Examples:
  papers parse digest.txt              format, papers, dates, and every diagnostic as file:line
  papers parse ~/mail/arxiv.mbox       every message of a mailbox
  papers parse alert.eml --format eml  skip detection
  papers parse *.txt --json | jq '.[] | {file, format, papers}'

Exit status: 0 when every file yields papers, 2 when one does not (or cannot be read).`,
    )
    .action(async (files: string[], options: ParseCommandOptions) => {
      await loadParsers();
      runParse(files, options);
    });
}

function runParse(files: readonly string[], options: ParseCommandOptions): void {
  const output = processOutput();
  const reports: FileReport[] = [];
  const failures: string[] = [];
  for (const file of files) {
    let report: FileReport;
    try {
      const input = readDigestFile(file);
      const result = parseInput(input, options);
      const summary = summariseParse(input.name, result);
      report = { ...summary, diagnostics: result.diagnostics, items: result.papers };
      if (result.papers.length === 0) {
        const first = result.diagnostics.find((d) => d.severity === 'error');
        failures.push(`${input.name}${first && first.line > 0 ? `:${first.line}` : ''}: no papers found (read as ${result.format}${first ? `: ${first.message}` : ''}); check it is a digest, or name its format with --format`);
      }
    } catch (e) {
      // a usage error (an unknown --format) concerns every file: stop at once
      if (!(e instanceof PapersError) || e.kind !== 'input') throw e;
      failures.push(e.message);
      continue;
    }
    reports.push(report);
    if (!options.json) {
      output.out(parseSummaryLine(report));
      printDiagnostics(report.diagnostics.map((d) => ({ ...d, file: report.file })), output, !options.quiet);
    }
  }
  if (options.json) {
    output.out(
      JSON.stringify(
        reports.map((r) => ({ file: r.file, format: r.format, count: r.papers, dates: r.dates, announceTypes: r.announceTypes, errors: r.errors, warnings: r.warnings, diagnostics: r.diagnostics, papers: r.items })),
        null,
        2,
      ),
    );
  }
  if (failures.length === 1) throw inputError(failures[0]!);
  if (failures.length > 1) {
    for (const f of failures.slice(0, -1)) output.err(`papers: ${f}`);
    throw inputError(failures.at(-1)!);
  }
}
