// Where a command's papers come from: the files named on the command line, else the library, else the seed.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { asLibraryPapers, memoryLibrary, type LibraryHandle } from '../core/library.js';
import type { Diagnostic, Paper } from '../core/model.js';
import { inputError, usageError } from '../core/errors.js';
import { formatByName, parseDigest, FORMATS } from '../core/parse/index.js';
import { readDigestFile, type DigestInput } from '../io/digest-files.js';
import { seedPath } from '../io/paths.js';

export interface FileDiagnostic extends Diagnostic {
  file: string;
}

export interface Loaded {
  handle: LibraryHandle;
  diagnostics: FileDiagnostic[];
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

/** Parses one read digest; the year for dates without one comes from --year, else the file's mtime, else today. */
export function parseInput(input: DigestInput, flags: ParseFlags, now = new Date()) {
  const flagYear = yearFlag(flags.year);
  const format = flags.format === undefined ? undefined : formatByName(flags.format);
  if (flags.format !== undefined && !format) {
    throw usageError(`--format ${flags.format}: unknown format; one of ${FORMATS.map((f) => f.name).join(', ')}`);
  }
  const year = flagYear ?? (input.mtime ?? now).getFullYear();
  const yearSource = flagYear !== undefined ? 'flag' : input.mtime ? 'mtime' : 'today';
  return parseDigest(input.text, { file: input.name, year, yearSource }, format);
}

/** Reads and parses the named files; a file in which no paper is found is an input error. */
export function parseFiles(files: readonly string[], flags: ParseFlags): { papers: Paper[]; diagnostics: FileDiagnostic[] } {
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
        `${input.name}${first ? `:${first.line}` : ''}: no papers found (read as ${result.format}${first ? `: ${first.message}` : ''}); check it is a digest, or name its format with --format`,
      );
    }
    papers.push(...result.papers);
  }
  return { papers, diagnostics };
}

export function loadSeed(): Loaded {
  const { papers, diagnostics } = parseFiles([seedPath()], {});
  const name = basename(seedPath());
  const handle = memoryLibrary(asLibraryPapers(papers.map((p) => ({ ...p, source: { ...p.source, file: name } })), 'seed', '1970-01-01T00:00:00.000Z'), 'seed');
  return { handle, diagnostics };
}

/** Files when given, else the user's library when it has papers, else the bundled seed. */
export function loadPapers(files: readonly string[], flags: ParseFlags, _command: Command): Loaded {
  if (files.length > 0) {
    const { papers, diagnostics } = parseFiles(files, flags);
    const importedAt = new Date().toISOString();
    return { handle: memoryLibrary(asLibraryPapers(papers, 'files', importedAt), files.join(', ')), diagnostics };
  }
  return loadSeed();
}
