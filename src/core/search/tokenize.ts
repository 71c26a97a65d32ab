// Words as search sees them: runs of letters and digits, lower-cased, accents stripped. The index,
// the query language and highlighting all cut text with these two functions, so they always agree.

/** Lower-case, accents stripped: the normal form of one run of letters/digits. */
export function normaliseWord(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** a-z, 0-9 (the text is lower-cased first). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Calls `emit` for each word of `text` with its normal form and its [start, end) in `text`.
 * ASCII words (nearly all of them) take a fast char-code path; a word with anything else the
 * Unicode regex, one word at a time, so that one accent does not slow down the rest of the text.
 */
export function forEachWord(text: string, emit: (word: string, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c >= 128) {
      i = unicodeWordAt(text, i, emit);
      continue;
    }
    if (!isAsciiWordChar(lowerAscii(c))) {
      i++;
      continue;
    }
    const start = i;
    let upper = false;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c >= 128 || !isAsciiWordChar(lowerAscii(c))) break;
      if (c <= 90 && c >= 65) upper = true;
      i++;
    }
    if (i < n && c >= 128) {
      i = unicodeWordAt(text, start, emit);
      continue;
    }
    const w = text.slice(start, i);
    emit(upper ? w.toLowerCase() : w, start, i);
  }
}

const WORD_AT = /[\p{L}\p{N}]+/uy;

/**
 * The Unicode path for one word: emits the run of letters and digits starting exactly at `at`,
 * if one does, and returns where scanning goes on (past it, else past the character at `at`).
 * The words are the runs a scan of the whole text with /[\p{L}\p{N}]+/gu finds: each is maximal.
 */
export function unicodeWordAt(text: string, at: number, emit: (word: string, start: number, end: number) => void): number {
  WORD_AT.lastIndex = at;
  const m = WORD_AT.exec(text);
  if (m === null) return at + 1;
  const w = normaliseWord(m[0]);
  // Stripping marks can leave the run empty (a lone combining accent): nothing to index.
  if (w.length > 0) emit(w, at, at + m[0].length);
  return at + m[0].length;
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** Like forEachWord, but only where the words are: no strings made on the ASCII path (highlighting). */
export function forEachWordSpan(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  const span = (_w: string, s: number, e: number) => emit(s, e);
  let i = 0;
  while (i < n) {
    const raw = text.charCodeAt(i);
    if (raw >= 128) {
      i = unicodeWordAt(text, i, span);
      continue;
    }
    if (!isAsciiWordChar(lowerAscii(raw))) {
      i++;
      continue;
    }
    const start = i;
    let r = raw;
    while (i < n) {
      r = text.charCodeAt(i);
      if (r >= 128 || !isAsciiWordChar(lowerAscii(r))) break;
      i++;
    }
    if (i < n && r >= 128) {
      i = unicodeWordAt(text, start, span);
      continue;
    }
    emit(start, i);
  }
}

/** The normal forms of the words of `text`, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (w) => out.push(w));
  return out;
}
