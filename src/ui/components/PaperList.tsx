// The list window: only the rows between `top` and `top + height` are rendered, so the cost of a
// frame does not grow with the library.
import { memo } from 'react';
import { Box, Text } from 'ink';
import { effectiveTags, type LibraryPaper, type Snapshot } from '../../core/library.js';
import type { FilterHit } from '../adapters.js';
import { fit, segments, textWidth, truncate } from '../text.js';

export interface PaperListProps {
  snapshot: Snapshot;
  shown: readonly FilterHit[];
  cursor: number;
  top: number;
  marked: ReadonlySet<string>;
  width: number;
  height: number;
}

const MARKERS = { code: 'C', project: 'P', dataset: 'D' } as const;

function markers(paper: LibraryPaper): string {
  return (['code', 'project', 'dataset'] as const).filter((k) => paper.links.some((l) => l.kind === k)).map((k) => MARKERS[k]).join('');
}

export const PaperList = memo(function PaperList({ snapshot, shown, cursor, top, marked, width, height }: PaperListProps) {
  if (shown.length === 0) {
    return (
      <Box width={width} height={height} flexDirection="column">
        <Text dimColor>{fit('  no papers match; Esc clears the filter', width)}</Text>
      </Box>
    );
  }
  const rows = shown.slice(top, top + height);
  return (
    <Box width={width} height={height} flexDirection="column">
      {rows.map((hit, i) => {
        const paper = snapshot.papers[hit.index]!;
        return <Row key={paper.id} paper={paper} snapshot={snapshot} hit={hit} current={top + i === cursor} marked={marked.has(paper.id)} width={width} />;
      })}
    </Box>
  );
});

interface RowProps {
  paper: LibraryPaper;
  snapshot: Snapshot;
  hit: FilterHit;
  current: boolean;
  marked: boolean;
  width: number;
}

function Row({ paper, snapshot, hit, current, marked, width }: RowProps) {
  const tags = effectiveTags(paper, snapshot.decisions.get(paper.id), snapshot.latestDigest).filter((t) => t !== 'untriaged');
  const date = paper.date ?? paper.firstSeen ?? '';
  const tagText = truncate(tags.map((t) => `+${t}`).join(' '), Math.max(0, Math.floor(width / 4)));
  const right = `${tagText ? `${tagText} ` : ''}${markers(paper).padEnd(3)} ${date.padEnd(10)}`;
  const titleWidth = Math.max(4, width - 4 - textWidth(right));
  const title = truncate(paper.title, titleWidth);
  const pad = ' '.repeat(Math.max(0, titleWidth - textWidth(title)));
  return (
    <Text wrap="truncate" inverse={current}>
      <Text color={current ? 'yellow' : undefined}>{current ? '›' : ' '}</Text>
      <Text color="magenta">{marked ? '●' : ' '}</Text>{' '}
      {segments(title, hit.title?.() ?? []).map((s, i) =>
        s.hit ? (
          <Text key={i} color="yellow" bold underline>
            {s.text}
          </Text>
        ) : (
          <Text key={i} bold={current}>
            {s.text}
          </Text>
        ),
      )}
      {pad}{' '}
      <Text color="cyan">{tagText}</Text>
      {tagText ? ' ' : ''}
      <Text color="green">{markers(paper).padEnd(3)}</Text>{' '}
      <Text dimColor>{date.padEnd(10)}</Text>
    </Text>
  );
}
