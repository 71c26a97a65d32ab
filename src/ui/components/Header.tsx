// Top two lines: where the papers come from and their dates, then where the cursor is and what is
// left to triage (12/61 · 49 untriaged), marks and order; then the filter line.
import { Box, Text } from 'ink';
import { markedShown, sortLabel, type UiState } from '../state.js';
import type { Progress } from '../progress.js';
import { fit, textWidth, truncate } from '../text.js';
import { activeSavedSearch, type Searches } from '../saved-searches.js';

/** "12/61 of 100 · 49 untriaged · all new · 3 marked, 1 hidden · by interest": position, what is left, marks, order. */
export function headerCounts(state: UiState, progress: Progress): string {
  const { shown, snapshot, marked, cursor, loading } = state;
  // While the rest loads, every paper of the library is listed: its rows read so far are the first.
  const total = loading?.total ?? snapshot.papers.length;
  const listed = loading?.total ?? shown.length;
  const parts = [`${listed === 0 ? 0 : cursor + 1}/${listed}${listed < total ? ` of ${total}` : ''}`];
  parts.push(progress.untriaged > 0 ? `${progress.untriaged} untriaged` : 'all triaged');
  // The virtual tag new, said once here rather than on every row of a fresh digest.
  if (progress.fresh > 0) parts.push(progress.fresh === listed ? 'all new' : `${progress.fresh} new`);
  if (marked.size > 0) {
    const visible = markedShown(state).length;
    parts.push(visible === marked.size ? `${visible} marked` : `${visible} marked, ${marked.size - visible} hidden`);
  }
  const order = sortLabel(state);
  if (order) parts.push(order);
  return parts.join(' · ');
}

export function Header({ state, dates, progress, searches }: { state: UiState; dates: string; progress: Progress; searches?: Searches }) {
  const { layout, snapshot, query, queryError, mode } = state;
  const counts = headerCounts(state, progress);
  const origin = truncate(`papers · ${(state.loading?.total ?? snapshot.papers.length) === 0 ? 'no papers' : dates} · ${state.origin}`, Math.max(10, layout.columns - textWidth(counts) - 2));
  return (
    <Box flexDirection="column" width={layout.columns}>
      <Text wrap="truncate">
        <Text bold>{origin}</Text>
        {' '.repeat(Math.max(1, layout.columns - textWidth(origin) - textWidth(counts)))}
        <Text color="cyan">{counts}</Text>
      </Text>
      <FilterLine query={query} error={queryError} editing={mode.kind === 'filter'} pending={state.filterPending} saved={activeSavedSearch(query, searches)} width={layout.columns} />
    </Box>
  );
}

function FilterLine({ query, error, editing, pending, saved, width }: { query: string; error: UiState['queryError']; editing: boolean; pending: boolean; saved: ReturnType<typeof activeSavedSearch>; width: number }) {
  if (!editing && query === '') return <Text dimColor>{fit('/ filter   n next untriaged   ? help', width)}</Text>;
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
      {saved && !editing ? <Text dimColor>{`   saved search: ${truncate(saved.query, width)}`}</Text> : null}
      {pending ? <Text dimColor>{'  searching…'}</Text> : null}
      {editing && !pending ? <Text dimColor>{query === '' ? '   Enter keeps · Esc clears' : '   Enter keeps · Esc clears · ctrl-u empties'}</Text> : null}
    </Text>
  );
}
