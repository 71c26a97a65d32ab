// Undo as the inverse of the change that was journaled, computed against the decisions as they
// are now, so that whatever happened since (a hand edit, another command) is kept: a tag the
// change added is removed, a tag it removed is put back, a note it replaced is restored only if
// the note is still the one the change wrote. What cannot be undone is said, not forced. Pure.
import { emptyDecision, isEmptyDecision, sameDecision, type Decisions } from './decisions.js';
import type { Decision } from './library.js';

/** One change as the journal keeps it. */
export interface JournalEntry {
  at: string;
  summary: string;
  /** Raw decision keys -> their value before / after the change (null: no entry). */
  before: Record<string, Decision | null>;
  after: Record<string, Decision | null>;
}

interface Inverse {
  /** The decisions with the change undone. */
  next: Decisions;
  /** Raw keys whose decision the undo changes. */
  changed: string[];
  /** What was left as it is, one phrase each, e.g. `2503.01234: the note (changed since)`. */
  notUndone: string[];
}

type Note = Decision['note'];

function sameNote(a: Note, b: Note): boolean {
  return a === null || b === null ? a === b : a.text === b.text && a.at === b.at;
}

export function inverseOf(entry: Pick<JournalEntry, 'before' | 'after'>, current: ReadonlyMap<string, Decision>): Inverse {
  const next: Decisions = new Map(current);
  const changed: string[] = [];
  const notUndone: string[] = [];
  for (const key of Object.keys(entry.before)) {
    const was = entry.before[key] ?? emptyDecision();
    const wrote = entry.after[key] ?? emptyDecision();
    const now = current.get(key) ?? emptyDecision();
    const tags = { ...now.tags };
    for (const [tag, time] of Object.entries(wrote.tags)) {
      if (tag in was.tags) {
        if (was.tags[tag] !== time && tags[tag] === time) tags[tag] = was.tags[tag]!;
        continue;
      }
      if (tags[tag] === time) delete tags[tag];
      else if (tag in tags) notUndone.push(`${key}: +${tag} (set again since)`);
    }
    for (const [tag, time] of Object.entries(was.tags)) if (!(tag in wrote.tags) && !(tag in tags)) tags[tag] = time;
    let note = now.note;
    if (!sameNote(was.note, wrote.note)) {
      if (sameNote(now.note, wrote.note)) note = was.note;
      else notUndone.push(`${key}: the note (changed since)`);
    }
    const undone: Decision = { tags, note };
    if (sameDecision(undone, now)) continue;
    changed.push(key);
    if (isEmptyDecision(undone)) next.delete(key);
    else next.set(key, undone);
  }
  return { next, changed, notUndone };
}

/** The undo's one line: what it undid, and what it left. */
export function describeUndo(entry: Pick<JournalEntry, 'summary'>, inverse: Pick<Inverse, 'changed' | 'notUndone'>): string {
  const left = inverse.notUndone.length > 0 ? `; not undone, left as it is: ${inverse.notUndone.join(', ')}` : '';
  if (inverse.changed.length === 0) return `nothing left to undo of: ${entry.summary}${left}`;
  return `undid: ${entry.summary}${left}`;
}
