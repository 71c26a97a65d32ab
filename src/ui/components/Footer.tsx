// Bottom two lines: the prompt or the last message, then the key hints of the current mode.
import { Box, Text } from 'ink';
import { hintsFor, keyContext, type Hint } from '../keymap.js';
import type { UiState } from '../state.js';
import { fit, textWidth } from '../text.js';
import { Prompt } from './Prompt.js';
import { pickerLine, type Searches } from '../saved-searches.js';
import { agesLine, progressLine, type FetchSlice } from '../fetch-status.js';

export function Footer({ state, searches }: { state: UiState; searches?: Searches }) {
  const { mode, message, layout } = state;
  let line;
  if (mode.kind === 'prompt') line = <Prompt prompt={mode.prompt} width={layout.columns} />;
  else if (mode.kind === 'saved') line = <Text color="yellow" wrap="truncate">{fit(pickerLine(searches), layout.columns)}</Text>;
  else if (message) line = <Text color={message.kind === 'error' ? 'red' : 'green'} wrap="truncate">{fit(message.text, layout.columns)}</Text>;
  else line = <FetchLine slice={state.fetch} width={layout.columns} />;
  return (
    <Box flexDirection="column" width={layout.columns}>
      {line}
      <Text dimColor wrap="truncate">
        {fitHints(hintsFor(keyContext(state)), layout.columns)}
      </Text>
    </Box>
  );
}

/** With no message: a fetch under way, else when each source was last fetched, else nothing. */
function FetchLine({ slice, width }: { slice: FetchSlice; width: number }) {
  const running = progressLine(slice);
  if (running) return <Text color="yellow" wrap="truncate">{fit(running, width)}</Text>;
  const ages = agesLine(slice);
  return ages ? <Text dimColor wrap="truncate">{fit(ages, width)}</Text> : <Text> </Text>;
}

const SEPARATOR = '  ';

/** As many hints as fit, in table order: the least useful (priority 3, then 2) go first, from the end; priority 1 always stays. */
export function fitHints(hints: readonly Hint[], width: number): string {
  const kept = [...hints];
  const length = () => textWidth(kept.map((h) => h.text).join(SEPARATOR));
  for (const priority of [3, 2] as const) {
    for (let i = kept.length - 1; i >= 0 && length() > width; i--) if (kept[i]!.priority === priority) kept.splice(i, 1);
  }
  return kept.map((h) => h.text).join(SEPARATOR);
}
