// Terminal text helpers for the UI: column widths, truncation, word wrap, highlight segments. Pure.
import type { Ranges } from './adapters.js';

function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd);
}

function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x20 || (c >= 0x300 && c <= 0x36f)) return 0;
  return isWide(c) ? 2 : 1;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Cuts `text` to at most `width` columns, ending in … when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width && textWidth(text) <= width) return text;
  let cols = 0;
  let out = '';
  for (const ch of text) {
    const w = charWidth(ch);
    if (cols + w > width - 1) return `${out}…`;
    out += ch;
    cols += w;
  }
  return out;
}

/** Pads with spaces to exactly `width` columns (truncating when longer). */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/** Greedy word wrap to `width` columns; words longer than a line are broken. Paragraph breaks (\n) are kept. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      let restWidth = textWidth(rest);
      if (lineWidth > 0 && lineWidth + 1 + restWidth <= w) {
        line += ` ${rest}`;
        lineWidth += 1 + restWidth;
        continue;
      }
      if (lineWidth > 0) lines.push(line);
      while (restWidth > w) {
        let head = '';
        let headWidth = 0;
        for (const ch of rest) {
          if (headWidth + charWidth(ch) > w) break;
          head += ch;
          headWidth += charWidth(ch);
        }
        lines.push(head);
        rest = rest.slice(head.length);
        restWidth = textWidth(rest);
      }
      line = rest;
      lineWidth = restWidth;
    }
    lines.push(line);
  }
  return lines;
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits `text` into plain and highlighted runs along (possibly overlapping, unsorted) ranges. */
export function segments(text: string, ranges: Ranges): Segment[] {
  if (ranges.length === 0) return [{ text, hit: false }];
  const hit = new Uint8Array(text.length);
  for (const [start, end] of ranges) for (let i = Math.max(0, start); i < Math.min(end, text.length); i++) hit[i] = 1;
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || hit[i] !== hit[start]) {
      out.push({ text: text.slice(start, i), hit: hit[start] === 1 });
      start = i;
    }
  }
  return out;
}
