// `papers tags` for people: counts right-aligned, then the tag (shown through the terminal sanitiser:
// tags can come from a hand-edited decisions.yaml).
import { showControlsLine } from '../../core/text/terminal-safe.js';

export interface TagCount {
  tag: string;
  count: number;
  virtual: boolean;
}

export function formatTagCounts(counts: readonly TagCount[]): string {
  const width = Math.max(...counts.map((c) => String(c.count).length));
  return counts.map((c) => `${String(c.count).padStart(width)}  ${showControlsLine(c.tag)}${c.virtual ? '  (virtual)' : ''}`).join('\n');
}
