// The one string order of papers' files and output: UTF-16 code units (JavaScript's < on strings),
// so the same library gives the same bytes on every machine, whatever its locale.
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
