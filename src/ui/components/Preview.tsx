// The current paper in full: title, ids, tags, links, where and when it was seen, the abstract wrapped; scrollable.
import { memo, useMemo } from 'react';
import { Box, Text } from 'ink';
import type { LibraryPaper, Snapshot } from '../../core/library.js';
import { previewLines, type LineStyle } from '../preview-lines.js';
import { fit } from '../text.js';

export interface PreviewProps {
  paper: LibraryPaper | undefined;
  snapshot: Snapshot;
  top: number;
  width: number;
  height: number;
}

const STYLE: Record<LineStyle, { bold?: boolean; dimColor?: boolean; color?: string }> = {
  title: { bold: true },
  meta: { dimColor: true },
  tags: { color: 'cyan' },
  link: { color: 'blue' },
  body: {},
  blank: {},
};

export const Preview = memo(function Preview({ paper, snapshot, top, width, height }: PreviewProps) {
  const lines = useMemo(() => (paper ? previewLines(paper, snapshot, width) : []), [paper, snapshot, width]);
  const visible = lines.slice(top, top + height);
  const more = top + height < lines.length;
  return (
    <Box width={width} height={height} flexDirection="column">
      {visible.map((line, i) =>
        more && i === height - 1 ? (
          <Text key={i} dimColor>
            {fit(`↓ ${lines.length - top - height + 1} more lines (J scrolls)`, width)}
          </Text>
        ) : (
          <Text key={i} wrap="truncate" {...STYLE[line.style]}>
            {line.text || ' '}
          </Text>
        ),
      )}
    </Box>
  );
});
