// Words as search sees them: runs of letters and digits, lower-cased, accents stripped. The index,
// the query language and highlighting all cut text with these two functions, so they always agree.

/** Lower-case, accents stripped: the normal form of one run of letters/digits. */
export function normaliseWord(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/**
 * Calls `emit` for each word of `text` with its normal form and its [start, end) in `text`.
 * ASCII text (nearly all of it) takes a fast char-code path; anything else the Unicode regex.
 */
export function forEachWord(text: string, emit: (word: string, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c >= 128) return unicodeWords(text, i, emit);
    if (!isAsciiWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c >= 128) return unicodeWords(text, start, emit);
      if (!isAsciiWordChar(c)) break;
      i++;
    }
    emit(text.slice(start, i).toLowerCase(), start, i);
  }
}

function unicodeWords(text: string, from: number, emit: (word: string, start: number, end: number) => void): void {
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = normaliseWord(m[0]);
    // Stripping marks can leave the run empty (a lone combining accent): nothing to index.
    if (w.length > 0) emit(w, m.index, m.index + m[0].length);
  }
}

/** The normal forms of the words of `text`, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (w) => out.push(w));
  return out;
}
