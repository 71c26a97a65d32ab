import { describe, expect, it } from 'vitest';
import { asLibraryPapers, memoryLibrary } from '../../../src/core/library.js';
import { emptyPaper } from '../../../src/core/model.js';
import { isSortKey, sortPapers } from '../../../src/core/rank/sort.js';

const papers = asLibraryPapers(
  [
    { id: 'a', title: 'beta', date: '2025-01-02', upvotes: 3 },
    { id: 'b', title: 'Alpha', date: '2025-01-03', upvotes: null },
    { id: 'c', title: 'gamma', date: '2025-01-01', upvotes: 9 },
    { id: 'd', title: 'alpha', date: '2025-01-03', upvotes: 3 },
  ].map((s, i) => ({ ...emptyPaper({ file: 't', line: i }), ...s })),
  'd',
  '2025-01-05T00:00:00.000Z',
);
const whole = memoryLibrary(papers).snapshot();
const ids = (key: Parameters<typeof sortPapers>[1]) => sortPapers(papers, key, whole).papers.map((p) => p.id);

describe('sortPapers', () => {
  it('orders by library, date, upvotes and title, ties in library order', () => {
    expect(ids('library')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('date')).toEqual(['b', 'd', 'a', 'c']);
    expect(ids('upvotes')).toEqual(['c', 'a', 'd', 'b']);
    expect(ids('title')).toEqual(['b', 'd', 'a', 'c']);
  });

  it('puts undated papers after every dated one, newest seen first among them', () => {
    const mixed = asLibraryPapers(
      [
        { id: 'u1', date: null },
        { id: 'old', date: '2020-01-01' },
        { id: 'u2', date: null },
        { id: 'new', date: '2025-06-01' },
      ].map((s, i) => ({ ...emptyPaper({ file: 't', line: i }), title: s.id, ...s })),
      'm',
      '2026-01-01T00:00:00.000Z',
    );
    mixed[2]!.lastSeen = '2026-02-01';
    const sorted = sortPapers(mixed, 'date', memoryLibrary(mixed).snapshot()).papers.map((p) => p.id);
    expect(sorted).toEqual(['new', 'old', 'u2', 'u1']);
  });

  it('orders a filtered listing by interest learned from the whole library, and returns the ranking', () => {
    const { papers: sorted, ranking } = sortPapers([papers[2]!, papers[0]!], 'interest', whole);
    expect(sorted.map((p) => p.id)).toEqual(['a', 'c']); // fallback: newest first
    expect(ranking?.mode).toBe('fallback');
  });

  it('knows its keys', () => {
    expect(isSortKey('interest')).toBe(true);
    expect(isSortKey('hot')).toBe(false);
  });
});
