// mbox files: messages separated by `From ` lines (each after a blank line, or first in the file);
// `>From ` in bodies unescaped (mboxrd: one `>` removed from `>+From `).

const FROM_YEAR = /^From \S+.* \d{4}\s*$/;
const HEADER = /^[!-9;-~]{1,80}:/;

function isSeparator(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  if (!line.startsWith('From ')) return false;
  if (i > 0 && lines[i - 1] !== '') return false;
  return FROM_YEAR.test(line.length > 400 ? line.slice(0, 400) : line) || HEADER.test(lines[i + 1] ?? '');
}

interface MboxMessage {
  /** The message's lines (From_ line excluded, `>From` unescaped). */
  lines: string[];
  /** 1-based line in the file of the message's first line. */
  baseLine: number;
}

export function looksLikeMbox(text: string): boolean {
  if (!text.startsWith('From ')) return false;
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1 || firstBreak > 400) return false;
  const next = text.slice(firstBreak + 1, firstBreak + 200);
  return HEADER.test(next);
}

export function splitMbox(lines: readonly string[]): MboxMessage[] {
  const messages: MboxMessage[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start === -1) return;
    // the blank line before the next separator belongs to the format, not the message
    let stop = end;
    if (stop > start + 1 && lines[stop - 1] === '') stop--;
    const body = lines.slice(start + 1, stop).map((l) => (l.startsWith('>') && /^>+From /.test(l) ? l.slice(1) : l));
    messages.push({ lines: body, baseLine: start + 2 });
  };
  for (let i = 0; i < lines.length; i++) {
    if (isSeparator(lines, i)) {
      close(i);
      start = i;
    }
  }
  close(lines.length);
  return messages;
}
