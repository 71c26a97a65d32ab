// CSV as RFC 4180 writes it (and Python's csv module, Excel and pandas): fields split by a
// delimiter, quoted fields with `""` for a quote and line breaks inside, CRLF, LF or CR line ends,
// a byte-order mark. One pass; a quote never closed runs to the end instead of rescanning.

interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

interface CsvTable {
  rows: CsvRow[];
  /** Line of a quoted field that is never closed, else null. */
  unclosedQuoteAt: number | null;
}

const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter the first line uses most outside quotes (a comma when it uses none). */
export function guessDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end === -1 ? text.slice(0, 10_000) : text.slice(0, Math.min(end, 10_000));
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const c of first) {
      if (c === '"') quoted = !quoted;
      else if (c === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** The rows of the text; with `maxRows`, only that many (the header alone, say). */
export function readCsv(text: string, delimiter = guessDelimiter(text), maxRows = Infinity): CsvTable {
  const rows: CsvRow[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let cells: string[] = [];
  let rowLine = 1;
  let unclosedQuoteAt: number | null = null;
  const escaped = delimiter.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  // the rest of a field: everything up to the delimiter or a line end
  const rest = new RegExp(`[^${escaped}\\r\\n]*`, 'y');
  const runTo = (from: number): number => {
    rest.lastIndex = from;
    rest.exec(text);
    return rest.lastIndex;
  };
  const endRow = () => {
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ cells, line: rowLine });
    cells = [];
  };
  // each iteration reads one field and the delimiter or line end after it
  while (i < n && rows.length < maxRows) {
    if (cells.length === 0) rowLine = line;
    let field = '';
    if (text[i] === '"') {
      const fieldLine = line;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        const chunk = text.slice(i, q === -1 ? n : q);
        for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
        field += chunk;
        if (q === -1) {
          unclosedQuoteAt = fieldLine;
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // anything between the closing quote and the delimiter is kept, as most readers do
      const end = runTo(i);
      field += text.slice(i, end);
      i = end;
    } else {
      const end = runTo(i);
      field = text.slice(i, end);
      i = end;
    }
    cells.push(field);
    if (i >= n) break;
    const c = text[i];
    if (c === delimiter) {
      i++;
      if (i === n) cells.push('');
      continue;
    }
    // a line end: CRLF, LF or CR
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    endRow();
  }
  if (cells.length > 0 && rows.length < maxRows) endRow();
  return { rows, unclosedQuoteAt };
}
