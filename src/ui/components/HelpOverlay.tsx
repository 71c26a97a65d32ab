// The `?` help, drawn from the keymap table, in as many columns as the height needs.
import { Box, Text } from 'ink';
import type { UiConfig } from '../adapters.js';
import { helpRows } from '../keymap.js';
import { fit } from '../text.js';

export function HelpOverlay({ quickTags, width, height }: { quickTags: UiConfig['quickTags']; width: number; height: number }) {
  const lines: Array<{ text: string; heading: boolean }> = [];
  for (const { group, rows } of helpRows(quickTags)) {
    lines.push({ text: group, heading: true });
    for (const row of rows) lines.push({ text: `${row.keys.padEnd(9)} ${row.help}`, heading: false });
  }
  const columns = Math.max(1, Math.ceil(lines.length / Math.max(1, height)));
  const columnWidth = Math.floor(width / columns) - 1;
  const perColumn = Math.ceil(lines.length / columns);
  return (
    <Box width={width} height={height} flexDirection="row">
      {Array.from({ length: columns }, (_, c) => (
        <Box key={c} flexDirection="column" width={columnWidth + 1}>
          {lines.slice(c * perColumn, (c + 1) * perColumn).map((line, i) => (
            <Text key={i} bold={line.heading} color={line.heading ? 'yellow' : undefined}>
              {fit(line.text, columnWidth)}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
