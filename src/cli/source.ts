// Where a command's papers come from: the files named on the command line, else the library, else the seed.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { asLibraryPapers, memoryLibrary, type LibraryHandle } from '../core/library.js';
import type { Diagnostic, Paper, ParseOptions } from '../core/model.js';
import { inputError, usageError } from '../core/errors.js';
import { formatByName, parseDigest, FORMATS } from '../core/parse/index.js';
import { readDigestFile, type DigestInput } from '../io/digest-files.js';
import { libraryDir, seedPath } from '../io/paths.js';
import { openLibrary, type LibraryStore, type ParsedDigest } from '../io/library-store.js';
import { processOutput } from './output.js';
import { yaml } from '../io/yaml.js';

export interface FileDiagnostic extends Diagnostic {
  file: string;
}

export interface Loaded {
  handle: LibraryHandle;
  diagnostics: FileDiagnostic[];
  /** The library on disk, when the papers come from it (or from the seed shown in its place). */
  store?: LibraryStore;
}

export interface ParseFlags {
  year?: string;
  format?: string;
}

/** --year as a number, or a usage error. */
export function yearFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw usageError(`--year ${value}: expected a four-digit year such as 2025`);
  return year;
}

/** The parser options for one read digest: the year for dates without one comes from --year, else the file's mtime, else today. */
export function parseOptionsFor(input: DigestInput, flags: ParseFlags, now = new Date()): ParseOptions {
  const flagYear = yearFlag(flags.year);
  const year = flagYear ?? (input.mtime ?? now).getFullYear();
  const yearSource = flagYear !== undefined ? 'flag' : input.mtime ? 'mtime' : 'today';
  return { file: input.name, year, yearSource };
}

/** Parses one read digest; the year for dates without one comes from --year, else the file's mtime, else today. */
export function parseInput(input: DigestInput, flags: ParseFlags, now = new Date(), onProgress?: ParseOptions['onProgress']) {
  const format = flags.format === undefined ? undefined : formatByName(flags.format);
  if (flags.format !== undefined && !format) {
    throw usageError(`--format ${flags.format}: unknown format; one of ${FORMATS.map((f) => f.name).join(', ')}`);
  }
  return parseDigest(input.text, { ...parseOptionsFor(input, flags, now), onProgress, yaml }, format);
}

/** Reads and parses the named files; a file in which no paper is found is an input error. */
function parseFiles(files: readonly string[], flags: ParseFlags): { papers: Paper[]; diagnostics: FileDiagnostic[] } {
  const papers: Paper[] = [];
  const diagnostics: FileDiagnostic[] = [];
  for (const file of files) {
    const input = readDigestFile(file);
    if (input.text.trim() === '') throw inputError(`${input.name}: is empty; give a digest with at least one paper`);
    const result = parseInput(input, flags);
    diagnostics.push(...result.diagnostics.map((d) => ({ ...d, file: input.name })));
    if (result.papers.length === 0) {
      const first = result.diagnostics.find((d) => d.severity === 'error');
      throw inputError(
        `${input.name}${first && first.line > 0 ? `:${first.line}` : ''}: no papers found (read as ${result.format}${first ? `: ${first.message}` : ''}); check it is a digest, or name its format with --format`,
      );
    }
    papers.push(...result.papers);
  }
  return { papers, diagnostics };
}

/** The library folder: --library (a global option), else PAPERS_HOME, else $XDG_DATA_HOME/papers. */
export function libraryFolder(command: Command): string {
  const { library } = command.optsWithGlobals<{ library?: string }>();
  return libraryDir(library);
}

let seedCache: ParsedDigest | undefined;
/** The bundled seed as a digest ready to import (the library shows it while empty). */
export function seedDigest(): ParsedDigest {
  if (seedCache) return seedCache;
  const path = seedPath();
  const read = readDigestFile(path);
  const name = basename(path);
  const input = { ...read, name };
  seedCache = { bytes: read.bytes ?? Buffer.from(read.text), name, options: parseOptionsFor(input, {}), result: parseInput(input, {}) };
  return seedCache;
}

/**
 * The user's library (--library, PAPERS_HOME, XDG). While it is empty it shows the bundled seed;
 * the first change (tag, note) imports the seed for real and then applies the change, so tagging
 * a paper of the sample digest just works and is kept.
 */
export function openStore(command: Command): LibraryStore {
  const output = processOutput();
  return openLibrary(libraryFolder(command), { seed: seedDigest, warn: (line) => output.err(`papers: ${line}`) });
}

/** Files when given, else the user's library when it has papers, else the bundled seed. */
export function loadPapers(files: readonly string[], flags: ParseFlags, command: Command): Loaded {
  if (files.length > 0) {
    const { papers, diagnostics } = parseFiles(files, flags);
    const importedAt = new Date().toISOString();
    return { handle: memoryLibrary(asLibraryPapers(papers, 'files', importedAt), files.join(', ')), diagnostics };
  }
  const store = openStore(command);
  if (store.count() > 0) return { handle: store, diagnostics: [], store };
  const seed = seedDigest();
  return { handle: store, diagnostics: seed.result.diagnostics.map((d) => ({ ...d, file: seed.name })), store };
}
