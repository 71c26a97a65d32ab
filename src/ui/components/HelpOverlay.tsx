// The `?` help, drawn from the keymap table: side by side when it all fits, else one column that scrolls.
import { Box, Text } from 'ink';
import type { UiConfig } from '../adapters.js';
import { helpView } from '../help-lines.js';
import { fit } from '../text.js';

export function HelpOverlay({ config, width, height, top }: { config: UiConfig; width: number; height: number; top: number }) {
  const view = helpView(config, width, height, top);
  const { scroll } = view;
  return (
    <Box width={width} height={height} flexDirection="column">
      <Box flexDirection="row" height={scroll ? height - 1 : height}>
        {view.columns.map((lines, c) => (
          <Box key={c} flexDirection="column" width={view.columnWidth + (c < view.columns.length - 1 ? 2 : 0)}>
            {lines.map((line, i) => (
              <Text key={i} bold={line.heading} color={line.heading ? 'yellow' : undefined}>
                {fit(line.text, view.columnWidth)}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
      {scroll ? (
        <Text dimColor>{fit(`lines ${scroll.top + 1}-${Math.min(scroll.total, scroll.top + height - 1)} of ${scroll.total} · j/k or space scroll · ? closes`, width)}</Text>
      ) : null}
    </Box>
  );
}
