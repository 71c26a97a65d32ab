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

/** Where a reader puts the blocks it reads, in order: an array, or paper finding as it goes. */
export interface BlockSink {
  push(block: Block): void;
}

/** Collects the inline content of one block: text runs, links, bold, and cells for table rows. */
export class InlineWriter {
  private cells: Span[][] = [[]];
  private link = 0;
  private href: string | null = null;
  private bold = 0;
  private links = 0;
  private hasText = false;

  text(s: string): void {
    if (s === '') return;
    const cell = this.cells[this.cells.length - 1]!;
    const last = cell[cell.length - 1];
    if (!this.hasText && /\S/.test(s)) this.hasText = true;
    if (last && last.link === this.link && last.strong === this.bold > 0) last.text += s;
    else cell.push({ text: s, link: this.link, href: this.href, strong: this.bold > 0 });
  }

  openLink(target: string | null): void {
    this.link = ++this.links;
    this.href = target;
  }

  closeLink(): void {
    this.link = 0;
    this.href = null;
  }

  strong(on: boolean): void {
    this.bold = on ? this.bold + 1 : Math.max(0, this.bold - 1);
  }

  /** Starts a new cell (a table row's `<td>` or `|`). */
  cell(): void {
    if (this.cells[this.cells.length - 1]!.length > 0 || this.cells.length > 1) this.cells.push([]);
  }

  empty(): boolean {
    return !this.hasText;
  }

  /** The cells written so far; the writer starts over. */
  take(): Span[][] {
    const out = this.cells;
    this.cells = [[]];
    this.hasText = false;
    this.link = 0;
    this.href = null;
    return out;
  }
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
