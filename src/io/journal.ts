// The undo journal, state/journal.json: the last changes to decisions.yaml, oldest first, one
// entry per command (core/undo.ts says what an entry holds and how it is undone). An entry is
// added only after decisions.yaml was written, so the journal never holds a change that did not
// happen; a journal that cannot be read is treated as empty (it is a convenience, not a source of
// truth).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEntry } from '../core/undo.js';
import { writeFileAtomic } from './atomic.js';

const JOURNAL_LIMIT = 200;
const JOURNAL_BYTES = 8 << 20;

export function journalPath(dir: string): string {
  return join(dir, 'state', 'journal.json');
}

export function readJournal(path: string): JournalEntry[] {
  try {
    const j = JSON.parse(readFileSync(path, 'utf8')) as { entries: JournalEntry[] };
    return Array.isArray(j.entries) ? j.entries : [];
  } catch {
    return [];
  }
}

export function writeJournal(path: string, entries: readonly JournalEntry[], backupDir: string): void {
  writeFileAtomic(path, journalText(entries), { backupDir });
}

export function appendJournal(path: string, entry: JournalEntry, backupDir: string): void {
  writeJournal(path, [...readJournal(path), entry], backupDir);
}

/** The newest JOURNAL_LIMIT entries, fewer when they would pass JOURNAL_BYTES (the newest always kept). */
function journalText(entries: readonly JournalEntry[]): string {
  const kept: string[] = [];
  let bytes = 0;
  for (let i = entries.length - 1; i >= 0 && kept.length < JOURNAL_LIMIT; i--) {
    const json = JSON.stringify(entries[i]);
    if (kept.length > 0 && bytes + json.length > JOURNAL_BYTES) break;
    kept.push(json);
    bytes += json.length;
  }
  return `{"entries":[\n${kept.reverse().join(',\n')}\n]}\n`;
}
