// Shell completion, decided here rather than in shell code: the shell scripts of
// `papers completion SHELL` hand the words typed so far to `papers __complete`, and this module
// walks the commander program (so new commands and flags complete without touching this file)
// to find what may come next: a command, a flag, a flag's value, a tag (+tag / -tag for
// `papers tag`), a paper id, or a file name (left to the shell).
import type { Argument, Command, Option } from 'commander';
import { truncate } from '../core/text/columns.js';
import { hasControls, showControlsLine } from '../core/text/terminal-safe.js';

export interface Candidate {
  value: string;
  description?: string;
}

type Completion =
  | { kind: 'values'; candidates: Candidate[] }
  /** Let the shell complete a path; `prefix` is the part of the word before the path (e.g. "--digest="). */
  | { kind: 'files' | 'dirs'; prefix: string; path: string };

/** Tags and ids for completion, read only when needed. */
export interface CompletionSource {
  /** Tags the user can set (library tags, configured ones). */
  tags(): string[];
  /** Tags usable in filters: the settable ones plus virtual tags. */
  filterTags(): string[];
  /** Paper ids starting with `prefix`, with titles where cheap. */
  ids(prefix: string): Candidate[];
}

type ValueKind = 'tag' | 'id' | 'file' | 'dir' | 'text' | { choices: readonly string[] };

/** What a flag's or argument's value is, from its name: commander's choices, else the words in it. */
function valueKind(names: readonly string[], choices?: readonly string[]): ValueKind {
  if (choices && choices.length > 0) return { choices };
  const name = names.join(' ').toLowerCase();
  if (/(^|[-\s])(not-)?tags?(\s|$)/.test(name)) return 'tag';
  if (/(^|[-\s])(ids?|papers?|refs?)(\.\.\.)?(\s|$)/.test(name)) return 'id';
  if (/(^|[-\s])(library|dir|folder)(\s|$)/.test(name)) return 'dir';
  if (/(^|[-\s])(files?|digest|path|output|out)(\.\.\.)?(\s|$)/.test(name)) return 'file';
  return 'text';
}

const isHidden = (c: Command) => c.name().startsWith('__') || (c as unknown as { _hidden?: boolean })._hidden === true;

/** `papers tag 3 +to-read -skip`: commands whose words may be +tag / -tag. */
function takesTagChanges(command: Command): boolean {
  return command.name() === 'tag' || command.registeredArguments.some((a) => /change|tag/i.test(a.name()));
}

function optionValueName(option: Option): string {
  return /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? '';
}

function optionKind(option: Option): ValueKind {
  return valueKind([option.long?.replace(/^--/, '') ?? '', optionValueName(option)], option.argChoices);
}

function argumentKind(command: Command, argument: Argument): ValueKind {
  const kind = valueKind([argument.name()], argument.argChoices);
  // `papers tag ID... +t -t`: the bare words are ids whatever the argument is called
  return kind === 'text' && takesTagChanges(command) ? 'id' : kind;
}

/** The command and its ancestors: their options all apply (commander accepts global options anywhere). */
function chain(command: Command): Command[] {
  const commands: Command[] = [];
  for (let c: Command | null = command; c; c = c.parent) commands.push(c);
  return commands;
}

function findOption(command: Command, flag: string): Option | undefined {
  for (const c of chain(command)) {
    const option = c.options.find((o) => o.long === flag || o.short === flag);
    if (option) return option;
  }
  return undefined;
}

const takesValue = (o: Option) => o.required || o.optional;

interface WalkResult {
  command: Command;
  /** Index of the positional argument being typed. */
  position: number;
  /** The option whose value is being typed (the previous word was it). */
  pendingOption: Option | undefined;
  afterDashDash: boolean;
  /** --library DIR as typed on the line. */
  library: string | undefined;
}

/** Walks the words already typed (not the one being completed). */
export function walk(program: Command, done: readonly string[]): WalkResult {
  let command = program;
  let position = 0;
  let pendingOption: Option | undefined;
  let afterDashDash = false;
  let library: string | undefined;
  for (const word of done) {
    if (pendingOption) {
      if (pendingOption.long === '--library') library = word;
      pendingOption = undefined;
      continue;
    }
    if (!afterDashDash && word === '--') {
      afterDashDash = true;
      continue;
    }
    if (!afterDashDash && word.length > 1 && word.startsWith('-')) {
      const [flag, value] = splitFlag(word);
      const option = findOption(command, flag);
      if (option && takesValue(option)) {
        if (value !== undefined) {
          if (option.long === '--library') library = value;
        } else if (option.required) pendingOption = option;
      }
      continue; // an unknown -word: a -tag of `papers tag`, or a mistake; either way not positional
    }
    if (!afterDashDash && word.startsWith('+') && takesTagChanges(command)) continue;
    const sub = position === 0 ? command.commands.find((c) => c.name() === word || c.aliases().includes(word)) : undefined;
    if (sub) {
      command = sub;
      continue;
    }
    position++;
  }
  return { command, position, pendingOption, afterDashDash, library };
}

function splitFlag(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return word.startsWith('--') && eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
}

/** What may complete `current`, the word under the cursor, after the words `done`. */
export function complete(program: Command, done: readonly string[], current: string, source: (library: string | undefined) => CompletionSource): Completion {
  const state = walk(program, done);
  const { command } = state;
  let lazy: CompletionSource | undefined;
  const src = () => (lazy ??= source(state.library));

  const valuesOf = (kind: ValueKind, prefix: string, typed: string, filter: boolean): Completion => {
    if (kind === 'file') return { kind: 'files', prefix, path: typed };
    if (kind === 'dir') return { kind: 'dirs', prefix, path: typed };
    if (kind === 'text') return { kind: 'values', candidates: [] };
    const candidates: Candidate[] =
      kind === 'tag'
        ? (filter ? src().filterTags() : src().tags()).map((t) => ({ value: t }))
        : kind === 'id'
          ? src().ids(typed)
          : kind.choices.map((c) => ({ value: c }));
    return values(candidates.map((c) => ({ ...c, value: prefix + c.value })), prefix + typed);
  };

  if (state.pendingOption) return valuesOf(optionKind(state.pendingOption), '', current, true);

  if (!state.afterDashDash && current.startsWith('--') && current.includes('=')) {
    const [flag, typed = ''] = splitFlag(current);
    const option = findOption(command, flag);
    return option && takesValue(option) ? valuesOf(optionKind(option), `${flag}=`, typed, true) : values([], current);
  }

  if (!state.afterDashDash && current.startsWith('-')) {
    const flags: Candidate[] = [];
    for (const c of chain(command)) {
      for (const o of c.options) {
        if (o.hidden) continue;
        for (const f of [o.long, o.short]) if (f) flags.push({ value: f, description: o.description });
      }
    }
    flags.push({ value: '--help', description: 'show help' });
    if (takesTagChanges(command) && current.length > 1) {
      for (const t of src().tags()) flags.push({ value: `-${t}`, description: 'remove this tag' });
    }
    return values(flags, current);
  }

  if (!state.afterDashDash && current.startsWith('+') && takesTagChanges(command)) {
    return values(src().tags().map((t) => ({ value: `+${t}`, description: 'add this tag' })), current);
  }

  const subcommands = command.commands.filter((c) => !isHidden(c));
  if (state.position === 0 && subcommands.length > 0) {
    const names: Candidate[] = subcommands.map((c) => ({ value: c.name(), description: c.description() }));
    if (command === program && !names.some((n) => n.value === 'help')) names.push({ value: 'help', description: 'help for a command' });
    // a command with subcommands may take an argument of its own (papers config KEY)
    const own = command.registeredArguments[0]?.argChoices ?? [];
    return values([...names, ...own.map((value) => ({ value }))], current);
  }
  if (command.name() === 'help' && command.parent === program && state.position === 0) {
    return values(program.commands.filter((c) => !isHidden(c)).map((c) => ({ value: c.name(), description: c.description() })), current);
  }

  const args = command.registeredArguments;
  const last = args[args.length - 1];
  const argument = args[state.position] ?? (last?.variadic ? last : undefined);
  if (!argument) return values([], current);
  return valuesOf(argumentKind(command, argument), '', current, false);
}

/** A word the shell may put on the command line: none with a control or white space (an id from a hostile digest). */
export function isShellWord(value: string): boolean {
  return !hasControls(value) && !/\s/.test(value);
}

function values(candidates: readonly Candidate[], current: string): Completion {
  const seen = new Set<string>();
  const matching = candidates.filter((c) => c.value.startsWith(current) && isShellWord(c.value) && !seen.has(c.value) && seen.add(c.value));
  return { kind: 'values', candidates: matching };
}

// ---------------------------------------------------------------------------------------------
// Shell plumbing

/** Splits a command line as a shell would (whitespace, quotes, backslashes); the last word is the one under the cursor. */
export function shellWords(line: string): { words: string[]; lastRaw: string } {
  const words: string[] = [];
  let word = '';
  let raw = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      raw += ch;
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) {
        word += line[++i]!;
        raw += line[i]!;
      } else word += ch;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      raw = '';
      inWord = false;
      continue;
    }
    inWord = true;
    raw += ch;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i]!;
      raw += line[i]!;
    } else word += ch;
  }
  words.push(word); // the word under the cursor, '' after a space
  return { words, lastRaw: raw };
}

/**
 * Lines for bash's COMPREPLY. Readline replaces only the text after the last COMP_WORDBREAKS
 * character of the word (bash splits `--tag=to` and `cs:AI` there), so candidates lose that part.
 * A path to complete comes back as `:files PATH` or `:dirs PATH` for compgen.
 */
export function bashLines(completion: Completion, currentRaw: string, current: string, wordbreaks: string): string[] {
  let cut = 0;
  for (let i = currentRaw.length - 1; i >= 0; i--) {
    if (wordbreaks.includes(currentRaw[i]!)) {
      cut = i + 1;
      break;
    }
  }
  if (completion.kind !== 'values') return [`:${completion.kind}`, completion.path];
  const quoted = currentRaw !== current; // quotes or backslashes typed: hand back whole words
  return completion.candidates.map((c) => (quoted ? c.value : c.value.slice(cut)));
}

/** Lines for zsh's _describe: value:description, colons in the value escaped. */
export function zshLines(completion: Completion): string[] {
  if (completion.kind !== 'values') return [`:${completion.kind}`, completion.prefix];
  return completion.candidates.map((c) => {
    const value = c.value.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
    return c.description ? `${value}:${oneLine(c.description)}` : value;
  });
}

/** Lines for fish: value<TAB>description. */
export function fishLines(completion: Completion): string[] {
  if (completion.kind !== 'values') return [`:${completion.kind}`, completion.prefix];
  return completion.candidates.map((c) => (c.description ? `${c.value}\t${oneLine(c.description)}` : c.value));
}

/** A description (a paper title) on one line of at most 70 columns, controls shown as visible characters. */
function oneLine(text: string): string {
  return truncate(showControlsLine(text).replace(/\s+/g, ' ').trim(), 70);
}
