// Top two lines: where the papers come from, their dates, shown / total, marks; then the filter line.
import { Box, Text } from 'ink';
import { sortLabel, type UiState } from '../state.js';
import { fit, truncate } from '../text.js';

export function Header({ state, dates }: { state: UiState; dates: string }) {
  const { layout, snapshot, shown, marked, query, queryError, mode } = state;
  const order = sortLabel(state);
  const counts = `${shown.length}/${snapshot.papers.length} shown${marked.size > 0 ? ` · ${marked.size} marked` : ''}${order ? ` · ${order}` : ''}`;
  const origin = truncate(`papers · ${snapshot.papers.length === 0 ? 'no papers' : dates} · ${state.origin}`, Math.max(10, layout.columns - counts.length - 2));
  return (
    <Box flexDirection="column" width={layout.columns}>
      <Text wrap="truncate">
        <Text bold>{origin}</Text>
        {' '.repeat(Math.max(1, layout.columns - origin.length - counts.length))}
        <Text color="cyan">{counts}</Text>
      </Text>
      <FilterLine query={query} error={queryError} editing={mode.kind === 'filter'} pending={state.filterPending} width={layout.columns} />
    </Box>
  );
}

function FilterLine({ query, error, editing, pending, width }: { query: string; error: UiState['queryError']; editing: boolean; pending: boolean; width: number }) {
  if (!editing && query === '') return <Text dimColor>{fit('/ filter   ? help', width)}</Text>;
  if (error) {
    const start = Math.min(error.offset, query.length);
    const end = Math.min(query.length, start + Math.max(1, error.length));
    const bad = query.slice(start, end) || ' ';
    return (
      <Text wrap="truncate">
        <Text color="yellow">/ </Text>
        {query.slice(0, start)}
        <Text color="red" inverse underline>
          {bad}
        </Text>
        {query.slice(end)}
        {editing ? '█' : ''}
        <Text color="red">{`  ✗ col ${error.offset + 1}: ${error.message}`}</Text>
      </Text>
    );
  }
  return (
    <Text wrap="truncate">
      <Text color="yellow">/ </Text>
      {query}
      {editing ? '█' : <Text dimColor>{'   Esc clears'}</Text>}
      {pending ? <Text dimColor>{'  searching…'}</Text> : null}
    </Text>
  );
}
