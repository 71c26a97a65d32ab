// `papers import reading-list.md`: applies what the user changed in a reading list papers exported
// (what counts as a change: src/core/export/reading-list-plan.ts), as one change (one undo step),
// printing each change; with --dry-run it only prints them. Only a file that is a reading list as a
// whole (it starts with papers' front matter) is one; anything else goes to the digest import.
import { extname } from 'node:path';
import type { Diagnostic } from '../core/model.js';
import type { LibraryHandle } from '../core/library.js';
import type { DecisionEdit } from '../core/decision-edit.js';
import { PapersError, inputError } from '../core/errors.js';
import { READ_TAG } from '../core/export/types.js';
import { describePlan, planReadingList } from '../core/export/reading-list-plan.js';
import { readReadingList, type ReadingItem } from '../core/export/reading-list.js';
import { loadDetection } from '../io/parsers.js';
import { readDigestFile } from '../io/digest-files.js';
import type { Output } from './output.js';

interface ReadingListReport {
  /** One line per change, e.g. "2503.01234  +read  Title". */
  changes: string[];
  /** Items that could not be applied (unknown ids), and the parser's warnings. */
  diagnostics: Diagnostic[];
  /** One line for the user. */
  summary: string;
}

/** What a reading list is applied to: the library's snapshot, and a way to make several edits as one change. */
type ReadingListTarget = Pick<LibraryHandle, 'snapshot'> & { edit(edits: readonly DecisionEdit[]): Promise<unknown> };

export async function applyReadingList(target: ReadingListTarget, items: readonly ReadingItem[], parserDiagnostics: readonly Diagnostic[] = [], dryRun = false): Promise<ReadingListReport> {
  const plan = planReadingList(target.snapshot(), items);
  const changes: string[] = [];
  const edits: DecisionEdit[] = [];
  if (plan.read.length > 0) {
    edits.push({ kind: 'tag', ids: plan.read.map((p) => p.id), add: [READ_TAG], remove: [] });
    for (const p of plan.read) changes.push(`${p.id}  +${READ_TAG}  ${p.title}`);
  }
  if (plan.unread.length > 0) {
    edits.push({ kind: 'tag', ids: plan.unread.map((p) => p.id), add: [], remove: [READ_TAG] });
    for (const p of plan.unread) changes.push(`${p.id}  -${READ_TAG}  ${p.title}`);
  }
  for (const { paper, text } of plan.notes) {
    edits.push({ kind: 'note', id: paper.id, text });
    changes.push(`${paper.id}  note  ${paper.title}`);
  }
  if (edits.length > 0 && !dryRun) await target.edit(edits);
  const summary = describePlan(plan);
  return { changes, diagnostics: [...parserDiagnostics, ...plan.skipped], summary: dryRun && edits.length > 0 ? `would be ${summary} (--dry-run: nothing changed)` : summary };
}

/** Below this, no digest format claims a Markdown file: it is refused rather than imported as a digest. */
const DIGEST_CLAIM = 0.3;

function looksLikeMarkdown(name: string, text: string): boolean {
  return ['.md', '.markdown', '.mdown', '.mkd'].includes(extname(name).toLowerCase()) || /^\uFEFF?---\r?\n/.test(text);
}

/** How strongly the digest format that claims the text most strongly claims it (0..1). */
async function strongestClaim(text: string): Promise<number> {
  const { PROBES, strongest } = await loadDetection();
  return strongest(PROBES, text).score;
}

/**
 * The reading-list half of `papers import`: applies each file that is a reading list papers
 * exported, refuses Markdown that is neither a reading list nor a digest, and returns the files
 * left to import as digests. stdin ("-") is always left to the digest import. With `--format`
 * the user has said the files are digests, so nothing is refused (and nothing is a reading list).
 */
export async function importReadingLists(files: readonly string[], target: ReadingListTarget, output: Output, options: { formatGiven: boolean; dryRun: boolean }): Promise<string[]> {
  const rest: string[] = [];
  let failed = 0;
  for (const file of files) {
    if (file === '-' || options.formatGiven) {
      rest.push(file);
      continue;
    }
    try {
      const input = readDigestFile(file);
      const list = readReadingList(input.text);
      if (list.kind === 'reading-list') {
        const report = await applyReadingList(target, list.items, list.diagnostics, options.dryRun);
        for (const d of report.diagnostics) output.err(`${input.name}:${d.line}: ${d.severity}: ${d.message}`);
        for (const line of report.changes) output.out(`  ${line}`);
        output.out(`${input.name}: reading list, ${list.items.length} item${list.items.length === 1 ? '' : 's'}: ${report.summary}`);
        continue;
      }
      if (looksLikeMarkdown(input.name, input.text) && (await strongestClaim(input.text)) < DIGEST_CLAIM) {
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
