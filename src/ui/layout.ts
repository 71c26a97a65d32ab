// Where each part of the screen goes for a terminal size. Pure.

export interface Size {
  columns: number;
  rows: number;
}

export const MIN_SIZE: Size = { columns: 60, rows: 15 };
/** From this width on, the preview sits beside the list instead of below it. */
export const SIDE_BY_SIDE_COLUMNS = 120;
export const HEADER_LINES = 2;
export const FOOTER_LINES = 2;

export interface Layout {
  tooSmall: boolean;
  columns: number;
  /** Lines the frame takes: one less than the terminal, so Ink redraws by diff instead of clearing the screen. */
  height: number;
  preview: 'beside' | 'below';
  /** Lines between the header and the footer: list and preview, or the help. */
  bodyHeight: number;
  listWidth: number;
  listHeight: number;
  previewWidth: number;
  previewHeight: number;
}

export function computeLayout(size: Size): Layout {
  const columns = Math.max(1, size.columns);
  const height = Math.max(1, size.rows - 1);
  const tooSmall = size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
  const body = Math.max(1, height - HEADER_LINES - FOOTER_LINES);
  if (columns >= SIDE_BY_SIDE_COLUMNS) {
    const listWidth = Math.floor(columns * 0.55);
    // one column for the separator, one of padding before the preview text
    return { tooSmall, columns, height, preview: 'beside', bodyHeight: body, listWidth, listHeight: body, previewWidth: columns - listWidth - 2, previewHeight: body };
  }
  const listHeight = Math.max(1, Math.floor((body - 1) / 2));
  return { tooSmall, columns, height, preview: 'below', bodyHeight: body, listWidth: columns, listHeight, previewWidth: columns, previewHeight: Math.max(1, body - listHeight - 1) };
}
