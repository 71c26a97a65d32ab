// The command modules, in the order help lists their commands, and the commands each registers. A
// run registers only the module of the command it runs; help and completion register them all
// (cli/program.ts decides). They stay in one chunk: split into a chunk each, the files a command
// loads cost more than the code they spare it.
import type { Command } from 'commander';
import * as list from './list.js';
import * as search from './search.js';
import * as searches from './searches.js';
import * as exportCmd from './export.js';
import * as importCmd from './import.js';
import * as parse from './parse.js';
import * as tag from './tag.js';
import * as tags from './tags.js';
import * as show from './show.js';
import * as note from './note.js';
import * as undo from './undo.js';
import * as mergeDecisions from './merge-decisions.js';
import * as why from './why.js';
import * as similar from './similar.js';
import * as rules from './rules.js';
import * as config from './config.js';
import * as completion from './completion.js';
import * as doctor from './doctor.js';
import * as forget from './forget.js';
import * as help from './help.js';
import * as fetchCmd from './fetch.js';
import * as digest from './digest.js';

interface CommandModule {
  register(program: Command): void;
}

export interface CommandEntry {
  names: readonly string[];
  module: CommandModule;
  /** Off a terminal it prints plain lines only (no table, wrapped text or progress bar): it measures no text. */
  plainWhenPiped?: true;
}

export const COMMAND_MODULES: readonly CommandEntry[] = [
  { names: ['list'], module: list, plainWhenPiped: true },
  { names: ['search'], module: search },
  { names: ['searches'], module: searches },
  { names: ['export'], module: exportCmd },
  { names: ['import'], module: importCmd, plainWhenPiped: true },
  { names: ['parse'], module: parse },
  { names: ['tag'], module: tag, plainWhenPiped: true },
  { names: ['tags'], module: tags },
  { names: ['show'], module: show },
  { names: ['note'], module: note, plainWhenPiped: true },
  { names: ['undo'], module: undo, plainWhenPiped: true },
  { names: ['merge-decisions'], module: mergeDecisions, plainWhenPiped: true },
  { names: ['why'], module: why },
  { names: ['similar'], module: similar },
  { names: ['rules'], module: rules },
  { names: ['config'], module: config },
  { names: ['completion', '__complete'], module: completion },
  { names: ['doctor'], module: doctor },
  { names: ['forget'], module: forget, plainWhenPiped: true },
  { names: ['help'], module: help },
  { names: ['fetch'], module: fetchCmd },
  { names: ['digest'], module: digest },
];

/** The command run when the first word names none (`papers`, `papers digest.txt`). */
export const DEFAULT_COMMAND = 'list';

/** Commands that read the whole program: help prints every command, Tab completes them. */
export const NEEDS_ALL = new Set(['help', '__complete']);
