// Terminal columns: the one measure of text width (string-width, as Ink uses), and truncation, fitting
// and word wrap built on it. Printable ASCII is measured here; the rest by string-width, which is
// costly to load and so is loaded first by what measures text (loadTextWidth). Every function is
// linear in its text: string-width measures one grapheme at a time (cached), characters that are surely a grapheme of their own skip the
// segmenter, and the rest is segmented in short chunks (see isSimple).
// Escape sequences in the text (papers' own colours and hyperlinks) count zero columns and are
// never cut: truncation keeps them all, so a style or an OSC 8 link opened before the cut is closed.
let stringWidth: ((text: string) => number) | undefined;

/** Loads string-width, which the widths of text other than printable ASCII need. */
export async function loadTextWidth(): Promise<void> {
  stringWidth ??= (await import('string-width')).default;
}

// made on first use: constructing one costs milliseconds, which a run that measures only ASCII never pays
let segmenter: Intl.Segmenter | undefined;

/** Grapheme widths seen so far (CJK and emoji text repeats its characters). Bounded. */
const widths = new Map<string, number>();
const MAX_CACHED = 20_000;

function graphemeWidth(g: string): number {
  let w = widths.get(g);
  if (w === undefined) {
    if (!stringWidth) throw new Error('text was measured before string-width was loaded (loadTextWidth)');
    w = stringWidth(g);
    if (widths.size < MAX_CACHED && g.length <= 16) widths.set(g, w);
  }
  return w;
}

const ESC = 0x1b;
const CSI8 = 0x9b;
const isPrintableAscii = (c: number) => c >= 0x20 && c < 0x7f;
const isEscapeStart = (c: number) => c === ESC || c === CSI8;

/**
 * Where the escape sequence starting at `i` ends: CSI (ESC [ or U+009B) up to its final byte; OSC,
 * DCS, SOS, PM and APC strings up to BEL or ST (an unterminated one runs to the end of the text);
 * any other ESC with its intermediates and final character.
 */
function escapeEnd(text: string, i: number): number {
  const n = text.length;
  let j: number;
  if (text.charCodeAt(i) === CSI8) j = i + 1;
  else {
    const next = text[i + 1];
    if (next === undefined) return n;
    if (next === ']' || next === 'P' || next === 'X' || next === '^' || next === '_') {
      for (j = i + 2; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === 0x07 || c === 0x9c) return j + 1;
        if (c === ESC && text[j + 1] === '\\') return j + 2;
      }
      return n;
    }
    if (next !== '[') {
      j = i + 1;
      while (j < n && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
      return j < n && text.charCodeAt(j) > 0x2f && text.charCodeAt(j) < 0x7f ? j + 1 : j;
    }
    j = i + 2;
  }
  while (j < n && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x3f) j++;
  return j < n && text.charCodeAt(j) >= 0x40 && text.charCodeAt(j) <= 0x7e ? j + 1 : j;
}

/**
 * Characters that are a grapheme of their own when the next one is one of them or ASCII: not a
 * combining mark, joiner, prepended mark, regional indicator, Hangul jamo or surrogate. Most text
 * (Latin, Greek, Cyrillic, CJK, kana, Hangul syllables) is, and skips the segmenter, which is slow
 * per character and quadratic on long runs in the V8 of Node 20.
 */
function isSimple(c: number): boolean {
  return (
    (c >= 0x20 && c < 0x7f) ||
    (c >= 0xa0 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x482) ||
    (c >= 0x1e00 && c <= 0x1fff) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x3000 && c <= 0x3029) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a0 && c <= 0x30ff) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xff01 && c <= 0xff60)
  );
}

/** True when a grapheme boundary surely comes before this character (after a simple one). */
const endsSimple = (c: number) => c < 0x80 || c === CSI8 || isSimple(c);

/** Where the run from `i` that needs the segmenter ends: at an escape, or a sure boundary before a simple character. */
function segmentRunEnd(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (isEscapeStart(c)) return j;
    if (isSimple(c) && isSimple(text.charCodeAt(j - 1)) && (j + 1 === n || endsSimple(text.charCodeAt(j + 1)))) return j;
  }
  return n;
}

const CHUNK = 256;

/**
 * Visits the graphemes of text[i..end) (end a grapheme boundary) in chunks: all segments of a chunk
 * but the last, which the chunk's end may have cut, and the next chunk starts there. A chunk holding
 * one unfinished grapheme doubles. Returns false when `visit` did.
 */
function segmentRun(text: string, i: number, end: number, visit: (start: number, end: number, width: number, escape: boolean) => boolean | void): boolean {
  let k = i;
  let size = CHUNK;
  while (k < end) {
    const stop = Math.min(end, k + size);
    let held = -1;
    let heldLength = 0;
    for (const { segment, index } of (segmenter ??= new Intl.Segmenter()).segment(text.slice(k, stop))) {
      if (held >= 0 && visit(held, held + heldLength, graphemeWidth(text.slice(held, held + heldLength)), false) === false) return false;
      held = k + index;
      heldLength = segment.length;
    }
    if (stop === end) return visit(held, held + heldLength, graphemeWidth(text.slice(held, held + heldLength)), false) !== false;
    if (held === k) size *= 2;
    else {
      k = held;
      size = CHUNK;
    }
  }
  return true;
}

/**
 * Calls `visit(start, end, width, escape)` for each grapheme and escape sequence of `text` in order;
 * stops when it returns false.
 */
function forEachCell(text: string, visit: (start: number, end: number, width: number, escape: boolean) => boolean | void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isEscapeStart(c)) {
      const end = escapeEnd(text, i);
      if (visit(i, end, 0, true) === false) return;
      i = end;
    } else if (isSimple(c) && (i + 1 === n || endsSimple(text.charCodeAt(i + 1)))) {
      if (visit(i, i + 1, isPrintableAscii(c) ? 1 : graphemeWidth(text[i]!), false) === false) return;
      i++;
    } else {
      const end = segmentRunEnd(text, i);
      if (!segmentRun(text, i, end, visit)) return;
      i = end;
    }
  }
}

const PLAIN = /^[\x20-\x7e]*$/;

/** Columns the text takes on a terminal (escape sequences take none). */
export function textWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  let w = 0;
  forEachCell(text, (_s, _e, width) => {
    w += width;
  });
  return w;
}

/** The escape sequences of text[from..], in order (what a cut keeps so that styles and links close). */
function escapesFrom(text: string, from: number): string {
  let out = '';
  for (let i = from; i < text.length; i++) {
    if (!isEscapeStart(text.charCodeAt(i))) continue;
    const end = escapeEnd(text, i);
    out += text.slice(i, end);
    i = end - 1;
  }
  return out;
}

/** The text cut to at most `width` columns, with its width. */
export function cut(text: string, width: number): { text: string; width: number } {
  if (width <= 0) return { text: '', width: 0 };
  if (PLAIN.test(text)) return text.length <= width ? { text, width: text.length } : { text: `${text.slice(0, width - 1)}…`, width };
  let cols = 0;
  // The end of the text that fits in width - 1 columns, where an ellipsis goes if it must be cut.
  let ellipsisAt = 0;
  let ellipsisCols = 0;
  let over = false;
  forEachCell(text, (_start, end, w) => {
    if (cols + w > width) {
      over = true;
      return false;
    }
    cols += w;
    if (cols <= width - 1) {
      ellipsisAt = end;
      ellipsisCols = cols;
    }
    return true;
  });
  if (!over) return { text, width: cols };
  return { text: `${text.slice(0, ellipsisAt)}…${escapesFrom(text, ellipsisAt)}`, width: ellipsisCols + 1 };
}

/** Cuts `text` to at most `width` columns, ending in … when cut; never inside a grapheme or an escape sequence. */
export function truncate(text: string, width: number): string {
  return cut(text, width).text;
}

/** Pads with spaces to exactly `width` columns (truncating when longer). */
export function fit(text: string, width: number): string {
  const c = cut(text, width);
  return c.text + ' '.repeat(Math.max(0, width - c.width));
}

/** Pads with spaces to at least `width` columns (never cuts). */
export function padToWidth(text: string, width: number): string {
  const w = textWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/**
 * Greedy word wrap to `width` columns; words longer than a line are broken between graphemes (a
 * grapheme wider than the line gets a line of its own). Paragraph breaks (\n) are kept. Linear.
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    const words = /\S+/g;
    for (let m = words.exec(paragraph); m !== null; m = words.exec(paragraph)) {
      const word = m[0];
      const wordWidth = textWidth(word);
      if (lineWidth > 0 && lineWidth + 1 + wordWidth <= w) {
        line += ` ${word}`;
        lineWidth += 1 + wordWidth;
        continue;
      }
      if (lineWidth > 0) lines.push(line);
      if (wordWidth <= w) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      // A word longer than the line, in pieces of at most w columns, walked once.
      let start = 0;
      let cols = 0;
      forEachCell(word, (s, _e, cw) => {
        if (cols > 0 && cols + cw > w) {
          lines.push(word.slice(start, s));
          start = s;
          cols = 0;
        }
        cols += cw;
      });
      line = word.slice(start);
      lineWidth = cols;
    }
    lines.push(line);
  }
  return lines;
}
