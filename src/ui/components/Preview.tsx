// The current paper in full: title, ids, tags, links, where and when it was seen, the abstract wrapped; scrollable.
import { memo, useMemo } from 'react';
import { Box, Text } from 'ink';
import type { LibraryPaper, Snapshot } from '../../core/library.js';
import { previewLines, type LineStyle } from '../preview-lines.js';
import { style } from '../style.js';
import { fit } from '../text.js';

export interface PreviewProps {
  paper: LibraryPaper | undefined;
  snapshot: Snapshot;
  top: number;
  width: number;
  height: number;
}

const STYLE: Record<LineStyle, (s: string) => string> = {
  title: style.title,
  meta: style.dim,
  tags: style.tags,
  link: style.link,
  body: (s) => s,
  blank: (s) => s,
};

export const Preview = memo(function Preview({ paper, snapshot, top, width, height }: PreviewProps) {
  const lines = useMemo(() => (paper ? previewLines(paper, snapshot, width) : []), [paper, snapshot, width]);
  const visible = lines.slice(top, top + height).map((line) => STYLE[line.style](line.text));
  if (top + height < lines.length && visible.length > 0) visible[visible.length - 1] = style.dim(fit(`↓ ${lines.length - top - height + 1} more lines (J scrolls)`, width));
  // One Text for the whole pane (see PaperList): lines are already wrapped to the width.
  return (
    <Box width={width} height={height} flexDirection="column">
      <Text>{visible.join('\n')}</Text>
    </Box>
  );
});
