// Words as search sees them: runs of letters and digits, lower-cased, accents stripped. The index,
// the query language and highlighting all cut text with these two functions, so they always agree.

/** Lower-case, accents stripped: the normal form of one run of letters/digits. */
export function normaliseWord(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** a-z, 0-9 (the text is lower-cased first). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Calls `emit` for each word of `text` with its normal form and its [start, end) in `text`.
 * ASCII text (nearly all of it) takes a fast char-code path; anything else the Unicode regex.
 */
export function forEachWord(text: string, emit: (word: string, start: number, end: number) => void): void {
  // Lower-casing once is cheaper than per word; offsets agree up to the first non-ASCII character,
  // where the Unicode path takes over on the original text.
  const lower = text.toLowerCase();
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    if (c >= 128) return unicodeWords(text, i, emit);
    if (!isAsciiWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      c = lower.charCodeAt(i);
      if (c >= 128) return unicodeWords(text, start, emit);
      if (!isAsciiWordChar(c)) break;
      i++;
    }
    emit(lower.slice(start, i), start, i);
  }
}

/** The Unicode path of forEachWord from `from` on (callers with their own ASCII fast path hand over here). */
export function unicodeWords(text: string, from: number, emit: (word: string, start: number, end: number) => void): void {
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = normaliseWord(m[0]);
    // Stripping marks can leave the run empty (a lone combining accent): nothing to index.
    if (w.length > 0) emit(w, m.index, m.index + m[0].length);
  }
}

/** Like forEachWord, but only where the words are: no strings made on the ASCII path (highlighting). */
export function forEachWordSpan(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const raw = text.charCodeAt(i);
    if (raw >= 128) return unicodeWords(text, i, (_w, s, e) => emit(s, e));
    if (!isAsciiWordChar(raw >= 65 && raw <= 90 ? raw + 32 : raw)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const r = text.charCodeAt(i);
      if (r >= 128) return unicodeWords(text, start, (_w, s, e) => emit(s, e));
      if (!isAsciiWordChar(r >= 65 && r <= 90 ? r + 32 : r)) break;
      i++;
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
