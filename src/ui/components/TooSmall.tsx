// Shown instead of the screen when the terminal is smaller than the UI can use.
import { Box, Text } from 'ink';
import { MIN_SIZE, type Size } from '../layout.js';

export function TooSmall({ size }: { size: Size }) {
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">{`papers needs a window of at least ${MIN_SIZE.columns}x${MIN_SIZE.rows}; this one is ${size.columns}x${size.rows}.`}</Text>
      <Text wrap="wrap">Make it larger, or press q to quit.</Text>
    </Box>
  );
}
