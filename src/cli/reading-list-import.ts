// `papers import reading-list.md`: applies what the user changed in a reading list papers exported.
// A box ticked since the export tags the paper `read`; a box unticked since the export (the item
// says it was exported ticked) removes `read`; note lines that differ from the note the item was
// exported with become the paper's note. Nothing else changes; a stale list never undoes a later
// decision, because only differences from what the list was exported with are applied.
import { extname } from 'node:path';
import type { Diagnostic } from '../core/model.js';
import type { LibraryHandle, LibraryPaper } from '../core/library.js';
import { PapersError, inputError } from '../core/errors.js';
import { READ_TAG } from '../core/export/types.js';
import { fingerprint, normaliseNote } from '../core/export/note-text.js';
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
  const snapshot = handle.snapshot();
  const byId = new Map<string, LibraryPaper>();
  for (const p of snapshot.papers) {
    byId.set(p.id, p);
    for (const alias of p.aliases) if (!byId.has(alias)) byId.set(alias, p);
  }
  const diagnostics: Diagnostic[] = [...parserDiagnostics];
  const read: LibraryPaper[] = [];
  const unread: LibraryPaper[] = [];
  const notes: Array<{ paper: LibraryPaper; text: string }> = [];

  for (const item of items) {
    const paper = byId.get(item.id);
    if (!paper) {
      diagnostics.push({ line: item.line, severity: 'warning', message: `paper ${item.id} is not in the library; its item was skipped` });
      continue;
    }
    const decision = snapshot.decisions.get(paper.id);
    const hasRead = decision !== undefined && READ_TAG in decision.tags;
    if (item.ticked === true && !item.exportedTicked && !hasRead) read.push(paper);
    if (item.ticked === false && item.exportedTicked && hasRead) unread.push(paper);
    // An emptied note is left alone: deleting lines in an editor is too easy to do by accident.
    if (item.note !== '' && fingerprint(item.note) !== item.exportedNote && item.note !== normaliseNote(decision?.note?.text ?? '')) {
      notes.push({ paper, text: item.note });
    }
  }

  const changes: string[] = [];
  if (read.length > 0) {
    await handle.tag(read.map((p) => p.id), [READ_TAG], []);
    for (const p of read) changes.push(`${p.id}  +${READ_TAG}  ${p.title}`);
  }
  if (unread.length > 0) {
    await handle.tag(unread.map((p) => p.id), [], [READ_TAG]);
    for (const p of unread) changes.push(`${p.id}  -${READ_TAG}  ${p.title}`);
  }
  for (const { paper, text } of notes) {
    await handle.setNote(paper.id, text);
    changes.push(`${paper.id}  note  ${paper.title}`);
  }
  const parts = [
    read.length > 0 ? `${read.length} marked read` : '',
    unread.length > 0 ? `${unread.length} marked unread` : '',
    notes.length > 0 ? `${notes.length} note${notes.length === 1 ? '' : 's'} set` : '',
  ].filter(Boolean);
  const summary = parts.length > 0 ? parts.join(', ') : 'nothing changed';
  return { changes, diagnostics, summary };
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
