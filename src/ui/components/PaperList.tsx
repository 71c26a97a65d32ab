// The list window: only the rows between `top` and `top + height` are rendered, so the cost of a
// frame does not grow with the library.
import { memo } from 'react';
import { Box, Text } from 'ink';
import { style } from '../style.js';
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
  /** More rows are being read after the last of `shown`: a window reaching past it says so. */
  loading?: boolean;
}

const MARKERS = { code: 'C', project: 'P', dataset: 'D' } as const;

function markers(paper: LibraryPaper): string {
  return (['code', 'project', 'dataset'] as const).filter((k) => paper.links.some((l) => l.kind === k)).map((k) => MARKERS[k]).join('');
}

export const PaperList = memo(function PaperList({ snapshot, shown, cursor, top, marked, width, height, loading = false }: PaperListProps) {
  // One Text for the whole window: Ink's cost per frame grows with its node count, so rows are
  // styled strings (fitted to the width here) rather than nested Text elements.
  const lines =
    shown.length === 0
      ? [style.dim(fit('  no papers match; Esc clears the filter', width))]
      : shown.slice(top, top + height).map((hit, i) => {
          const paper = snapshot.papers[hit.index]!;
          return rowText(paper, snapshot, hit, top + i === cursor, marked.has(paper.id), width);
        });
  if (loading && lines.length < height) lines.push(style.dim(fit('  loading…', width)));
  return (
    <Box width={width} height={height} flexDirection="column">
      <Text>{lines.join('\n')}</Text>
    </Box>
  );
});

/** One list row, exactly `width` columns: cursor, mark, title (query matches highlighted), tags, link markers, date. */
export function rowText(paper: LibraryPaper, snapshot: Snapshot, hit: FilterHit, current: boolean, marked: boolean, width: number): string {
  const tags = effectiveTags(paper, snapshot.decisions.get(paper.id), snapshot.latestDigest)
    // untriaged is every row of a fresh digest and new the header counts: neither is worth a row's width.
    .filter((t) => t !== 'untriaged' && t !== 'new');
  const date = (paper.date ?? paper.firstSeen ?? '').padEnd(10);
  const kinds = markers(paper).padEnd(3);
  const tagText = truncate(tags.map((t) => `+${t}`).join(' '), Math.max(0, Math.floor(width / 4)));
  const right = `${tagText ? `${tagText} ` : ''}${kinds} ${date}`;
  const titleWidth = Math.max(4, width - 4 - textWidth(right));
  const title = truncate(paper.title, titleWidth);
  const pad = ' '.repeat(Math.max(0, titleWidth - textWidth(title)));
  const titleText = segments(title, hit.title?.() ?? [])
    .map((s) => (s.hit ? style.match(s.text) : current ? style.bold(s.text) : s.text))
    .join('');
  const line = `${current ? style.cursor('›') : ' '}${marked ? style.mark('●') : ' '} ${titleText}${pad} ${tagText ? `${style.tags(tagText)} ` : ''}${style.markers(kinds)} ${style.dim(date)}`;
  return current ? style.inverse(line) : line;
}
