// The `papers` program: global options, one module per command, and the one place errors become exit codes.
import { Command, CommanderError } from 'commander';
import { PapersError, diskErrorMessage, exitCodeOf } from '../core/errors.js';
import { loadColor, processOutput } from './output.js';
import * as list from './commands/list.js';
import * as search from './commands/search.js';
import * as searches from './commands/searches.js';
import * as exportCmd from './commands/export.js';
import * as importCmd from './commands/import.js';
import * as parse from './commands/parse.js';
import * as tag from './commands/tag.js';
import * as tags from './commands/tags.js';
import * as show from './commands/show.js';
import * as note from './commands/note.js';
import * as undo from './commands/undo.js';
import * as mergeDecisions from './commands/merge-decisions.js';
import * as why from './commands/why.js';
import * as similar from './commands/similar.js';
import * as rules from './commands/rules.js';
import * as config from './commands/config.js';
import * as completion from './commands/completion.js';
import * as doctor from './commands/doctor.js';
import * as forget from './commands/forget.js';
import * as help from './commands/help.js';
import * as fetchCmd from './commands/fetch.js';
import * as digest from './commands/digest.js';

import { VERSION } from './version.js';
import { startProgress } from './progress.js';
import { setProgressFactory } from '../io/progress-hook.js';
import { ConfigOption } from './run-config.js';
import { loadParsers } from '../io/parsers.js';
import { loadTextWidth } from '../core/text/columns.js';

export { VERSION };
/** For a test that runs many commands in one process: what a process exit would close. */
export { closeOpenDatabases } from '../io/db/connection.js';

const COMMANDS = [list, search, searches, exportCmd, importCmd, parse, tag, tags, show, note, undo, mergeDecisions, why, similar, rules, config, completion, doctor, forget, help, fetchCmd, digest];

export function buildProgram(): Command {
  const program = new Command('papers')
    .description('Triage research paper digests: parse, list, fuzzy-search, tag and export papers.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--library <dir>', 'library folder (default: $PAPERS_HOME, else $XDG_DATA_HOME/papers)')
    .option('--debug', 'print stack traces of internal errors')
    .addOption(new ConfigOption('--color <when>', 'colour: auto, always or never (overrides the config file and NO_COLOR)', 'color'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => write(`papers: ${str.replace(/^error: /, '').trimEnd()} (see 'papers --help')\n`),
    })
    .addHelpText(
      'after',
      `
Examples:
  papers list                             the bundled sample digest (or your library)
  papers import digest.txt                remember a digest's papers
  papers search "protien desing"          fuzzy search, typos forgiven
  papers tag 3 +to-read                   tag row 3 of the last listing
  papers export --tag to-read -o list.md  a reading list to tick off in any Markdown editor
  papers help query                       the query language
`,
    );
  for (const command of COMMANDS) command.register(program);
  program.hook('preAction', async (_program, action) => {
    config.applyConfig(action);
    await loadColor();
    // text is measured for tables, bars and the UI, on a terminal; a listing to a pipe measures none
    if (action.name() !== 'list' || process.stdout.isTTY || process.stderr.isTTY) await loadTextWidth();
  });
  return program;
}

function wantsHelp(argv: readonly string[]): boolean {
  return argv.slice(2).some((a) => a === '-h' || a === '--help' || a === 'help');
}

function isDebug(argv: readonly string[]): boolean {
  return argv.includes('--debug') || process.env.PAPERS_DEBUG === '1';
}

export async function main(argv: readonly string[]): Promise<void> {
  const output = processOutput();
  setProgressFactory(startProgress); // io code's long operations get a bar on a terminal
  try {
    // help names the digest formats, which the parsers know; other runs load them where they parse
    if (wantsHelp(argv)) await loadParsers();
    await buildProgram().parseAsync(argv as string[]);
  } catch (e) {
    process.exitCode = reportError(e, output.err, isDebug(argv));
  }
}

/** Turns an escaped error into one line on stderr and an exit code. */
function reportError(e: unknown, err: (text: string) => void, debug: boolean): number {
  if (e instanceof CommanderError) {
    // commander already printed its message (help, version, or a usage error).
    return e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof PapersError) {
    err(`papers: ${e.message}`);
    if (debug && e.stack) err(e.stack);
    return exitCodeOf(e.kind);
  }
  const disk = diskProblemOf(e);
  if (disk !== null) {
    err(`papers: ${disk}`);
    if (debug && e instanceof Error && e.stack) err(e.stack);
    return 1;
  }
  const error = e instanceof Error ? e : new Error(String(e));
  err(`papers: internal error: ${error.message}${debug ? '' : ' (run with --debug for details, and please report it)'}`);
  if (debug && error.stack) err(error.stack);
  return 1;
}

const READ_CALLS = new Set(['read', 'open', 'stat', 'lstat', 'fstat', 'scandir', 'opendir', 'readlink', 'access', 'realpath']);

/** A disk error no io module named (a full or read-only disk, permissions): the user's situation, not a bug. */
function diskProblemOf(e: unknown): string | null {
  if (!(e instanceof Error)) return null;
  const { code, path, syscall } = e as NodeJS.ErrnoException;
  const dest = (e as { dest?: string }).dest;
  return diskErrorMessage(code, dest ?? path ?? 'a file of the library', syscall !== undefined && READ_CALLS.has(syscall) ? 'read' : 'write');
}
