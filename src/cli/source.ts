// Where a command's papers come from: the files named on the command line, else the library, else the seed.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { asLibraryPapers, memoryLibrary, type LibraryHandle } from '../core/library.js';
import type { Diagnostic, Paper, ParseOptions } from '../core/model.js';
import { inputError, usageError, type PapersError } from '../core/errors.js';
import { readDigestFile, type DigestInput } from '../io/digest-files.js';
import { libraryDir, seedPath } from '../io/paths.js';
import { openLibrary, type LibraryStore, type ParsedDigest } from '../io/library-store.js';
import { loadParsers, loadReader, parsers } from '../io/parsers.js';
import type { DigestFormat } from '../core/parse/index.js';
import { prebuiltSeed, type SeedParse } from '../io/seed-prebuilt.js';
import { digestNames, sha256 } from '../io/digest-store.js';
import { derivedIsCurrent } from '../io/db/open.js';
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

/**
 * Parses one read digest with `reader` (loadReaderFor), else with --format's reader or the one
 * detected (the parsers loaded first: loadParsers); the year for dates without one comes from
 * --year, else the file's mtime, else today.
 */
export function parseInput(input: DigestInput, flags: ParseFlags, now = new Date(), onProgress?: ParseOptions['onProgress'], reader = formatFlag(flags)) {
  const options = { ...parseOptionsFor(input, flags, now), onProgress, yaml };
  return reader ? reader.parse(input.text, options) : parsers().parseDigest(input.text, options);
}

/** The reader of one read digest, loaded: --format's, else the one detected; only it when it is a plain format. */
export async function loadReaderFor(input: DigestInput, flags: ParseFlags): Promise<DigestFormat> {
  const reader = await loadReader(input.text, flags.format);
  if (!reader) throw unknownFormat(flags.format ?? '');
  return reader;
}

function formatFlag(flags: ParseFlags): DigestFormat | undefined {
  if (flags.format === undefined) return undefined;
  const format = parsers().formatByName(flags.format);
  if (!format) throw unknownFormat(flags.format);
  return format;
}

/** An unknown --format (the parsers loaded, to list the formats there are). */
function unknownFormat(name: string): PapersError {
  return usageError(`--format ${name}: unknown format; one of ${parsers().FORMATS.map((f) => f.name).join(', ')}`);
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

let seedRead: { input: DigestInput; digest: Omit<ParsedDigest, 'result'>; prebuilt: ParsedDigest['result'] | null } | undefined;
let seedCache: ParsedDigest | undefined;

/** The seed file read, with its parse when the build wrote one for these bytes and this year. */
function readSeed(): NonNullable<typeof seedRead> {
  if (seedRead) return seedRead;
  const path = seedPath();
  const read = readDigestFile(path);
  const name = basename(path);
  const input = { ...read, name };
  const options = parseOptionsFor(input, {});
  const bytes = read.bytes ?? Buffer.from(read.text);
  seedRead = { input, digest: { bytes, name, options }, prebuilt: prebuiltSeed(bytes, options.year) };
  return seedRead;
}

/** The bundled seed as a digest ready to import (the library shows it while empty): the build's parse of it, else parsed here. */
export function seedDigest(): ParsedDigest {
  if (seedCache) return seedCache;
  const { input, digest, prebuilt } = readSeed();
  seedCache = { ...digest, result: prebuilt ?? parseInput(input, {}) };
  return seedCache;
}

/** The seed's parse as scripts/build.mjs writes it next to the bundle (the parsers loaded first). */
export function seedParse(): SeedParse {
  const { input, digest } = readSeed();
  return { sha256: sha256(digest.bytes), year: digest.options.year ?? null, result: parseInput(input, {}) };
}

/**
 * Loads the parsers when opening this library may parse: its database must be built or caught up
 * from the kept digests, or it holds no papers and the seed it shows instead has no prebuilt parse.
 */
async function parsersForLibrary(dir: string): Promise<void> {
  const digests = digestNames(dir).length > 0;
  if (digests && derivedIsCurrent(dir)) return;
  if (digests || readSeed().prebuilt === null) await loadParsers();
}

/**
 * The user's library (--library, PAPERS_HOME, XDG). While it is empty it shows the bundled seed;
 * the first change (tag, note) imports the seed for real and then applies the change, so tagging
 * a paper of the sample digest just works and is kept.
 */
export async function openStore(command: Command): Promise<LibraryStore> {
  const output = processOutput();
  await parsersForLibrary(libraryFolder(command));
  return openLibrary(libraryFolder(command), { seed: seedDigest, warn: (line) => output.err(`papers: ${line}`) });
}

/** Files when given, else the user's library when it has papers, else the bundled seed. */
export async function loadPapers(files: readonly string[], flags: ParseFlags, command: Command): Promise<Loaded> {
  if (files.length > 0) {
    await loadParsers();
    const { papers, diagnostics } = parseFiles(files, flags);
    const importedAt = new Date().toISOString();
    return { handle: memoryLibrary(asLibraryPapers(papers, 'files', importedAt), files.join(', ')), diagnostics };
  }
  const store = await openStore(command);
  if (store.count() > 0) return { handle: store, diagnostics: [], store };
  const seed = seedDigest();
  return { handle: store, diagnostics: seed.result.diagnostics.map((d) => ({ ...d, file: seed.name })), store };
}
