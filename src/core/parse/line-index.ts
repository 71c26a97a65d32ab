// Offsets to 1-based line numbers, for parsers that scan a whole text rather than its lines.

/** A function from a character offset in `text` to its 1-based line; built once in linear time, O(log n) per query. */
export function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  let at = text.indexOf('\n');
  while (at !== -1) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The text split into lines (LF, CRLF or CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
