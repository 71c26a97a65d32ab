// Notes as a reading list holds them, and a short fingerprint that lets a list remember which note
// it was exported with.

/** A note as lines of a reading list can hold it: LF line ends, no trailing spaces, no blank lines around. */
export function normaliseNote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** 32-bit FNV-1a over the UTF-16 code units, as 8 hex digits. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
