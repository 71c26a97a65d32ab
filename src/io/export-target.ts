// Whether an export may replace the file at its target path. One rule for `papers export -o` and the
// UI's `e`: a missing file, an empty one, or one papers wrote with nothing in it that the library
// lacks may go; a folder, a file papers did not write, or a reading list with ticks or notes not
// imported yet may not (they would be lost). The callers word the refusal for their users.
import { readFileSync, statSync } from 'node:fs';
import type { Snapshot } from '../core/library.js';
import { exportedFormatOf } from '../core/export/index.js';
import { readReadingList } from '../core/export/reading-list.js';
import { describePlan, isEmptyPlan, planReadingList } from '../core/export/reading-list-plan.js';
import type { ExportFormat } from '../core/export/types.js';

type ExportTarget =
  | { kind: 'free' }
  | { kind: 'folder' }
  | { kind: 'unreadable'; code: string }
  | { kind: 'foreign' }
  /** A reading list whose ticks or notes the library does not have yet: `edits` says which. */
  | { kind: 'unimported'; edits: string }
  /** A file papers wrote, with nothing in it that the library lacks. */
  | { kind: 'ours'; format: ExportFormat | 'empty' };

export function inspectExportTarget(path: string, library: Snapshot): ExportTarget {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return { kind: 'free' };
  }
  if (isDirectory) return { kind: 'folder' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { kind: 'unreadable', code: (e as NodeJS.ErrnoException).code ?? 'error' };
  }
  const format = exportedFormatOf(text);
  if (format === null) return { kind: 'foreign' };
  if (format === 'md') {
    const list = readReadingList(text);
    const plan = list.kind === 'reading-list' ? planReadingList(library, list.items) : null;
    if (plan && !isEmptyPlan(plan)) return { kind: 'unimported', edits: describePlan(plan).replace(' set', '') };
  }
  return { kind: 'ours', format };
}
