// Bottom two lines: the prompt or the last message, then the key hints of the current mode.
import { Box, Text } from 'ink';
import { hintsFor } from '../keymap.js';
import type { UiState } from '../state.js';
import { fit } from '../text.js';
import { Prompt } from './Prompt.js';

export function Footer({ state }: { state: UiState }) {
  const { mode, message, layout } = state;
  let line;
  if (mode.kind === 'prompt') line = <Prompt prompt={mode.prompt} width={layout.columns} />;
  else if (message) line = <Text color={message.kind === 'error' ? 'red' : 'green'} wrap="truncate">{fit(message.text, layout.columns)}</Text>;
  else line = <Text> </Text>;
  return (
    <Box flexDirection="column" width={layout.columns}>
      {line}
      <Text dimColor wrap="truncate">
        {fitHints(hintsFor(mode), layout.columns)}
      </Text>
    </Box>
  );
}

/** As many hints as fit, dropping from the end but always keeping the one that opens the help. */
export function fitHints(hints: readonly string[], width: number): string {
  const kept = [...hints];
  const help = kept.find((h) => h.startsWith('?'));
  while (kept.join('  ').length > width && kept.length > 1) {
    const drop = kept.length - 1 - [...kept].reverse().findIndex((h) => h !== help);
    kept.splice(drop, 1);
  }
  return kept.join('  ');
}
