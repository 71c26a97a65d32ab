// What applying an edited reading list would change, decided against a library snapshot. Pure:
// `papers import` applies the plan; `papers export -o` uses it to refuse overwriting a list whose
// edits were not imported yet.
//
// Only differences from what the list was exported with count: a box ticked since the export tags
// the paper `read`; a box unticked since the export (the item says `ticked`) removes `read`; note
// lines that differ from the note the item was exported with (and from the current note) become
// the note. An emptied note is left alone: deleting lines in an editor is too easy to do by accident.
import type { Diagnostic } from '../model.js';
import type { LibraryPaper, Snapshot } from '../library.js';
import { fingerprint, normaliseNote } from './note-text.js';
import type { ReadingItem } from './reading-list.js';
import { READ_TAG } from './types.js';

interface ReadingListPlan {
  read: LibraryPaper[];
  unread: LibraryPaper[];
  notes: Array<{ paper: LibraryPaper; text: string }>;
  /** Items whose paper is not in the library, as warnings with their line. */
  skipped: Diagnostic[];
}

export function planReadingList(snapshot: Snapshot, items: readonly ReadingItem[]): ReadingListPlan {
  const byId = new Map<string, LibraryPaper>();
  for (const p of snapshot.papers) {
    byId.set(p.id, p);
    for (const alias of p.aliases) if (!byId.has(alias)) byId.set(alias, p);
  }
  const plan: ReadingListPlan = { read: [], unread: [], notes: [], skipped: [] };
  for (const item of items) {
    const paper = byId.get(item.id);
    if (!paper) {
      plan.skipped.push({ line: item.line, severity: 'warning', message: `paper ${item.id} is not in the library; its item was skipped` });
      continue;
    }
    const decision = snapshot.decisions.get(paper.id);
    const hasRead = decision !== undefined && READ_TAG in decision.tags;
    if (item.ticked === true && !item.exportedTicked && !hasRead) plan.read.push(paper);
    if (item.ticked === false && item.exportedTicked && hasRead) plan.unread.push(paper);
    if (item.note !== '' && fingerprint(item.note) !== item.exportedNote && item.note !== normaliseNote(decision?.note?.text ?? '')) {
      plan.notes.push({ paper, text: item.note });
    }
  }
  return plan;
}

export function isEmptyPlan(plan: ReadingListPlan): boolean {
  return plan.read.length === 0 && plan.unread.length === 0 && plan.notes.length === 0;
}

/** "2 marked read, 1 note set", or "nothing changed". */
export function describePlan(plan: ReadingListPlan): string {
  const parts = [
    plan.read.length > 0 ? `${plan.read.length} marked read` : '',
    plan.unread.length > 0 ? `${plan.unread.length} marked unread` : '',
    plan.notes.length > 0 ? `${plan.notes.length} note${plan.notes.length === 1 ? '' : 's'} set` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing changed';
}
