// The `papers` program: global options, the commands this run needs, and the one place errors become exit codes.
import { Command, CommanderError, type Option } from 'commander';
import { PapersError, diskErrorMessage, exitCodeOf } from '../core/errors.js';
import { loadColor, processOutput } from './output.js';
import { COMMAND_MODULES, DEFAULT_COMMAND, NEEDS_ALL, type CommandEntry } from './commands/index.js';
import { VERSION } from './version.js';
import { startProgress } from './progress.js';
import { setProgressFactory } from '../io/progress-hook.js';
import { applyConfig, ConfigOption } from './run-config.js';
import { loadParsers } from '../io/parsers.js';
import { loadTextWidth } from '../core/text/columns.js';

/** The commands that measure no text when neither stdout nor stderr is a terminal. */
const PLAIN_WHEN_PIPED = new Set(COMMAND_MODULES.filter((e) => e.plainWhenPiped).flatMap((e) => e.names));

/**
 * The program with the commands `argv` runs registered: the one its first word names (the default
 * command without one), or, for help, completion and a first word that names no command, all of them.
 * Without `argv`, all of them.
 */
export function buildProgram(argv?: readonly string[]): Command {
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
  const needed = argv === undefined || wantsHelp(argv) ? COMMAND_MODULES : commandsRun(argv.slice(2), program.options);
  for (const entry of needed) entry.module.register(program);
  program.hook('preAction', async (_program, action) => {
    applyConfig(action);
    await loadColor();
    // text is measured for tables, bars and the UI, on a terminal; piped, these commands measure none
    if (!PLAIN_WHEN_PIPED.has(action.name()) || process.stdout.isTTY || process.stderr.isTTY) await loadTextWidth();
  });
  return program;
}

/** The command modules a run of `args` uses: its command's alone when its first word is sure to name it, else all. */
function commandsRun(args: readonly string[], globalOptions: readonly Option[]): readonly CommandEntry[] {
  const word = commandWord(args, globalOptions);
  const name = word === '' ? DEFAULT_COMMAND : word;
  const entry = name === undefined || NEEDS_ALL.has(name) ? undefined : COMMAND_MODULES.find((e) => e.names.includes(name));
  return entry ? [entry] : COMMAND_MODULES;
}

/**
 * The first word that is not a global option or its value: the command's name, as commander reads it
 * ('' when there is none). Undefined when an option the program does not know comes first.
 */
function commandWord(args: readonly string[], globalOptions: readonly Option[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) return arg;
    const [flag, value] = arg.split('=', 2) as [string, string | undefined];
    const option = globalOptions.find((o) => o.long === flag || o.short === flag);
    if (!option || option.optional || (value !== undefined && !option.required)) return undefined;
    if (option.required && value === undefined) i++;
  }
  return '';
}

function wantsHelp(argv: readonly string[]): boolean {
  return argv.slice(2).some((a) => a === '-h' || a === '--help' || a === 'help');
}

function isDebug(argv: readonly string[]): boolean {
  return argv.includes('--debug') || process.env.PAPERS_DEBUG === '1';
}

export async function runProgram(argv: readonly string[]): Promise<void> {
  const output = processOutput();
  setProgressFactory(startProgress); // io code's long operations get a bar on a terminal
  try {
    // help names the digest formats, which the parsers know; other runs load them where they parse
    if (wantsHelp(argv)) await loadParsers();
    await buildProgram(argv).parseAsync(argv as string[]);
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
