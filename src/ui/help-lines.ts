// The `?` help fitted to the screen: each row of the keymap's help wrapped under its keys, so that
// no word is ever cut; side by side in as few columns as show it all, else one column that scrolls.
// The HelpOverlay view draws it and the reducer uses it to bound scrolling. Pure.
import type { UiConfig } from './adapters.js';
import { helpRows } from './keymap.js';
import { textWidth, wrap } from './text.js';

export interface HelpLine {
  text: string;
  heading: boolean;
}

export interface HelpView {
  /** Columns drawn side by side (one when scrolling), each a list of lines. */
  columns: HelpLine[][];
  columnWidth: number;
  /** Set when the help scrolls: the window's first line, and how many lines there are. */
  scroll: { top: number; total: number; maxTop: number } | null;
}

const KEYS_WIDTH = 10;
const GAP = 2;
/** Narrower columns would wrap most rows: below this, one column that scrolls reads better. */
const MIN_COLUMN = 38;

function groupLines(group: string, rows: ReadonlyArray<{ keys: string; help: string }>, width: number): HelpLine[] {
  const lines: HelpLine[] = wrap(group, width).map((text) => ({ text, heading: true }));
  for (const row of rows) {
    const keys = Math.max(KEYS_WIDTH, textWidth(row.keys) + 1);
    wrap(row.help, Math.max(10, width - keys)).forEach((line, i) => lines.push({ text: `${(i === 0 ? row.keys : '').padEnd(keys)}${line}`, heading: false }));
  }
  return lines;
}

/** Groups into at most `count` columns of `height` lines, a group never split; null when they do not fit. */
function pack(groups: readonly HelpLine[][], count: number, height: number): HelpLine[][] | null {
  const columns: HelpLine[][] = [[]];
  for (const group of groups) {
    let column = columns[columns.length - 1]!;
    const needed = group.length + (column.length > 0 ? 1 : 0);
    if (column.length + needed > height) {
      if (group.length > height || columns.length === count) return null;
      column = [];
      columns.push(column);
    }
    if (column.length > 0) column.push({ text: '', heading: false });
    column.push(...group);
  }
  return columns;
}

/** The help for a body of `width` x `height`, scrolled to `top` when it scrolls (clamped). */
export function helpView(config: UiConfig, width: number, height: number, top: number): HelpView {
  const rows = helpRows(config);
  const most = Math.max(1, Math.floor((width + GAP) / (MIN_COLUMN + GAP)));
  for (let count = 1; count <= most; count++) {
    const columnWidth = Math.floor((width - GAP * (count - 1)) / count);
    const columns = pack(
      rows.map((g) => groupLines(g.group, g.rows, columnWidth)),
      count,
      height,
    );
    if (columns) return { columns, columnWidth, scroll: null };
  }
  const lines = rows.flatMap((g, i) => [...(i > 0 ? [{ text: '', heading: false }] : []), ...groupLines(g.group, g.rows, width)]);
  // The window's last line says where it is and how to scroll.
  const window = Math.max(1, height - 1);
  const maxTop = Math.max(0, lines.length - window);
  const at = Math.max(0, Math.min(top, maxTop));
  return { columns: [lines.slice(at, at + window)], columnWidth: width, scroll: { top: at, total: lines.length, maxTop } };
}

/** Lines the help moves for a page (PgDn, space) at this body height. */
export const helpPage = (height: number): number => Math.max(1, height - 2);
