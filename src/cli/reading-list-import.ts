// `papers import reading-list.md`: applies what the user changed in a reading list papers exported
// (what counts as a change: src/core/export/reading-list-plan.ts). Nothing else changes.
import { extname } from 'node:path';
import type { Diagnostic } from '../core/model.js';
import type { LibraryHandle } from '../core/library.js';
import { PapersError, inputError } from '../core/errors.js';
import { READ_TAG } from '../core/export/types.js';
import { describePlan, planReadingList } from '../core/export/reading-list-plan.js';
import { readReadingList, type ReadingItem } from '../core/export/reading-list.js';
import { FORMATS } from '../core/parse/index.js';
import { readDigestFile } from '../io/digest-files.js';
import type { Output } from './output.js';

export interface ReadingListReport {
  /** One line per change, e.g. "2503.01234  +read  Title". */
  changes: string[];
  /** Items that could not be applied (unknown ids), and the parser's warnings. */
  diagnostics: Diagnostic[];
  /** One line for the user. */
  summary: string;
}

export async function applyReadingList(handle: LibraryHandle, items: readonly ReadingItem[], parserDiagnostics: readonly Diagnostic[] = []): Promise<ReadingListReport> {
  const plan = planReadingList(handle.snapshot(), items);
  const changes: string[] = [];
  if (plan.read.length > 0) {
    await handle.tag(plan.read.map((p) => p.id), [READ_TAG], []);
    for (const p of plan.read) changes.push(`${p.id}  +${READ_TAG}  ${p.title}`);
  }
  if (plan.unread.length > 0) {
    await handle.tag(plan.unread.map((p) => p.id), [], [READ_TAG]);
    for (const p of plan.unread) changes.push(`${p.id}  -${READ_TAG}  ${p.title}`);
  }
  for (const { paper, text } of plan.notes) {
    await handle.setNote(paper.id, text);
    changes.push(`${paper.id}  note  ${paper.title}`);
  }
  return { changes, diagnostics: [...parserDiagnostics, ...plan.skipped], summary: describePlan(plan) };
}

/** Below this, no digest format claims a Markdown file: it is refused rather than imported as a digest. */
const DIGEST_CLAIM = 0.3;

function looksLikeMarkdown(name: string, text: string): boolean {
  return ['.md', '.markdown', '.mdown', '.mkd'].includes(extname(name).toLowerCase()) || /^\uFEFF?---\r?\n/.test(text);
}

/**
 * The reading-list half of `papers import`: applies each file that is a reading list papers
 * exported, refuses Markdown that is neither a reading list nor a digest, and returns the files
 * left to import as digests. stdin ("-") is always left to the digest import. With `--format`
 * the user has said the files are digests, so nothing is refused.
 */
export async function importReadingLists(files: readonly string[], handle: LibraryHandle, output: Output, formatGiven: boolean): Promise<string[]> {
  const rest: string[] = [];
  let failed = 0;
  for (const file of files) {
    if (file === '-') {
      rest.push(file);
      continue;
    }
    try {
      const input = readDigestFile(file);
      const list = readReadingList(input.text);
      if (list.kind === 'reading-list') {
        const report = await applyReadingList(handle, list.items, list.diagnostics);
        for (const d of report.diagnostics) output.err(`${input.name}:${d.line}: ${d.severity}: ${d.message}`);
        for (const line of report.changes) output.out(`  ${line}`);
        output.out(`${input.name}: reading list, ${list.items.length} item${list.items.length === 1 ? '' : 's'}: ${report.summary}`);
        continue;
      }
      if (!formatGiven && looksLikeMarkdown(input.name, input.text) && Math.max(...FORMATS.map((f) => f.detect(input.text))) < DIGEST_CLAIM) {
        throw inputError(
          `${input.name}: ${list.reason}, and not a digest papers recognises; nothing imported (ticks and notes come back from a list made by 'papers export -o FILE.md'; to read it as a digest anyway, name its format with --format)`,
        );
      }
      rest.push(file);
    } catch (e) {
      if (!(e instanceof PapersError) || e.kind === 'failure') throw e;
      output.err(`papers: ${e.message}`);
      failed++;
    }
  }
  if (failed > 0) process.exitCode = 2;
  return rest;
}
