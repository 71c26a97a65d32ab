// The structure a marked-up digest is read into, whether it was markdown or HTML: a flat list of
// blocks (headings, list items, table rows, paragraphs, `<summary>` lines), each holding runs of
// text that remember their link and whether they were bold. Paper finding works on this alone.

export interface Span {
  text: string;
  /** 0 outside a link; each link gets its own number, so two links with one target stay apart. */
  link: number;
  href: string | null;
  strong: boolean;
}

export type BlockKind =
  | 'heading'
  | 'summary'
  | 'item'
  | 'row'
  | 'para'
  /** A fenced or indented code block, or `<pre>`: never a paper. */
  | 'code'
  /** `</details>`: ends whatever its `<summary>` opened. */
  | 'details-end'
  /** The end of a list or table: ends the items (of `level` and deeper) or rows still open. */
  | 'list-end'
  | 'table-end';

export interface Block {
  kind: BlockKind;
  /** Heading level 1-6; nesting depth of a list item (0 at the top); 0 otherwise. */
  level: number;
  /** 1-based line in the digest. */
  line: number;
  /** One cell for every kind but a table row. */
  cells: Span[][];
  /** arXiv ids given as attributes (`data-arxiv-id="2505.03135v1"`). */
  ids: string[];
  /** A table's header row. */
  header: boolean;
}

/** Collects the inline content of one block: text runs, links, bold, and cells for table rows. */
export interface InlineWriter {
  text(s: string): void;
  openLink(href: string | null): void;
  closeLink(): void;
  strong(on: boolean): void;
  /** Starts a new cell (a table row's `<td>` or `|`). */
  cell(): void;
  empty(): boolean;
  /** The cells written so far; the writer starts over. */
  take(): Span[][];
}

export function inlineWriter(): InlineWriter {
  let cells: Span[][] = [[]];
  let link = 0;
  let href: string | null = null;
  let strong = 0;
  let links = 0;
  let hasText = false;
  return {
    text(s) {
      if (s === '') return;
      const cell = cells[cells.length - 1]!;
      const last = cell[cell.length - 1];
      if (!hasText && /\S/.test(s)) hasText = true;
      if (last && last.link === link && last.strong === strong > 0) last.text += s;
      else cell.push({ text: s, link, href, strong: strong > 0 });
    },
    openLink(target) {
      link = ++links;
      href = target;
    },
    closeLink() {
      link = 0;
      href = null;
    },
    strong(on) {
      strong = on ? strong + 1 : Math.max(0, strong - 1);
    },
    cell() {
      if (cells[cells.length - 1]!.length > 0 || cells.length > 1) cells.push([]);
    },
    empty() {
      return !hasText;
    },
    take() {
      const out = cells;
      cells = [[]];
      hasText = false;
      link = 0;
      href = null;
      return out;
    },
  };
}

/** Counts lines as offsets grow: each call costs only the text since the previous one. */
export function lineCounter(text: string, firstLine = 1): (offset: number) => number {
  let line = firstLine;
  /** The next newline not yet counted (text.length when there is none). */
  let next = text.indexOf('\n');
  if (next === -1) next = text.length;
  return (offset) => {
    while (next < offset && next < text.length) {
      line++;
      next = text.indexOf('\n', next + 1);
      if (next === -1) next = text.length;
    }
    return line;
  };
}
