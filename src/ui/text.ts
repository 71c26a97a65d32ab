// Terminal text helpers for the UI: column widths, truncation, word wrap, highlight segments. Pure.
// Everything the UI draws from the library passes through one of these, so they are where it is made
// terminal-safe: controls from a digest are shown as visible characters (see core/text/terminal-safe),
// never sent to the terminal. Their input is plain text; style after fitting.
import * as columns from '../core/text/columns.js';
import { showControls, showControlsLine } from '../core/text/terminal-safe.js';
import type { Ranges } from './adapters.js';

export function textWidth(text: string): number {
  return columns.textWidth(showControlsLine(text));
}

/** Cuts `text` to at most `width` columns, ending in … when cut. */
export function truncate(text: string, width: number): string {
  return columns.truncate(showControlsLine(text), width);
}

/** Pads with spaces to exactly `width` columns (truncating when longer). */
export function fit(text: string, width: number): string {
  return columns.fit(showControlsLine(text), width);
}

/** Greedy word wrap to `width` columns; words longer than a line are broken. Paragraph breaks (\n) are kept. */
export function wrap(text: string, width: number): string[] {
  return columns.wrap(showControls(text), width);
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits `text` into plain and highlighted runs along (possibly overlapping, unsorted) ranges. */
export function segments(text: string, ranges: Ranges): Segment[] {
  const safe = showControlsLine(text);
  if (ranges.length === 0) return [{ text: safe, hit: false }];
  // +1 where a range starts, -1 where it ends: a position is a hit when the running sum is positive.
  const depth = new Int32Array(safe.length + 1);
  for (const [start, end] of ranges) {
    const s = Math.max(0, start);
    const e = Math.min(end, safe.length);
    if (e <= s) continue;
    depth[s]!++;
    depth[e]!--;
  }
  const out: Segment[] = [];
  let start = 0;
  let level = depth[0]!;
  for (let i = 1; i <= safe.length; i++) {
    const next = level + depth[i]!;
    if (i === safe.length || next > 0 !== level > 0) {
      out.push({ text: safe.slice(start, i), hit: level > 0 });
      start = i;
    }
    level = next;
  }
  return out;
}
