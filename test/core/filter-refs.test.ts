import { describe, expect, it } from 'vitest';
import { filterPapers, parseDateFlag, NO_FILTER } from '../../src/core/filter.js';
import { resolveRef, splitTagArgs } from '../../src/core/refs.js';
import { asLibraryPapers, type Decision, type Snapshot } from '../../src/core/library.js';
import { emptyPaper } from '../../src/core/model.js';

const paper = (id: string, date: string) => ({ ...emptyPaper({ file: 'f', line: 1 }), id, title: id, date });

describe('filterPapers', () => {
  const a = asLibraryPapers([paper('a', '2025-03-01'), paper('b', '2025-03-05')], 'd1', '2025-03-06T00:00:00Z');
  const c = asLibraryPapers([paper('c', '2025-03-10')], 'd2', '2025-03-11T00:00:00Z');
  const b2 = { ...a[1]!, sightings: [...a[1]!.sightings, { ...c[0]!.sightings[0]!, date: '2025-03-10' }] };
  const decisions = new Map<string, Decision>([['a', { tags: { 'to-read': 't' }, note: null }], ['c', { tags: { 'to-read': 't', skip: 't' }, note: null }]]);
  const snap: Snapshot = { papers: [a[0]!, b2, c[0]!], decisions, latestDigest: 'd2' };
  const ids = (f: Partial<typeof NO_FILTER>) => filterPapers(snap, { ...NO_FILTER, ...f }).map((p) => p.id);
  it('tags all must hold, not-tags none; virtual tags work as tags', () => {
    expect(ids({ tags: ['to-read'] })).toEqual(['a', 'c']);
    expect(ids({ tags: ['to-read', 'skip'] })).toEqual(['c']);
    expect(ids({ tags: ['to-read'], notTags: ['skip'] })).toEqual(['a']);
    expect(ids({ tags: ['new'] })).toEqual(['c']);
    expect(ids({ tags: ['seen'] })).toEqual(['b']);
    expect(ids({ tags: ['untriaged'] })).toEqual(['b']);
    expect(ids({ notTags: ['untriaged', 'new'] })).toEqual(['a']);
  });
  it('dates and digests match a sighting', () => {
    expect(ids({ since: '2025-03-05' })).toEqual(['b', 'c']);
    expect(ids({ until: '2025-03-04' })).toEqual(['a']);
    expect(ids({ since: '2025-03-06', until: '2025-03-09' })).toEqual([]);
    expect(ids({ digests: ['d2'] })).toEqual(['b', 'c']);
    expect(ids({ digests: ['d1'], since: '2025-03-06' })).toEqual([]);
  });
  it('parses date flags', () => {
    const now = '2025-03-12';
    expect(parseDateFlag('--since', '2025-03-01', now)).toBe('2025-03-01');
    expect(parseDateFlag('--since', 'yesterday', now)).toBe('2025-03-11');
    expect(parseDateFlag('--since', '7d', now)).toBe('2025-03-05');
    expect(parseDateFlag('--since', '2w', now)).toBe('2025-02-26');
    expect(() => parseDateFlag('--since', '2025-02-30', now)).toThrow('--since 2025-02-30: expected a date');
  });
});

describe('resolveRef', () => {
  const index = { ids: ['2503.01234', '2503.01299', 'tabc12345', 'tabd99999'], aliases: new Map([['2501.00007', 'tabc12345']]) };
  const listing = { ids: ['tabd99999', '2503.01234'], at: '' };
  it('ids, aliases, unique prefixes, rows', () => {
    expect(resolveRef('2503.01234', index, null)).toBe('2503.01234');
    expect(resolveRef('2501.00007', index, null)).toBe('tabc12345');
    expect(() => resolveRef('2501', index, listing)).toThrow('2501: the last listing has 2 rows'); // digits only: a row number
    expect(resolveRef('2501.', index, listing)).toBe('tabc12345');
    expect(resolveRef('tabc', index, null)).toBe('tabc12345');
    expect(resolveRef('TABD', index, null)).toBe('tabd99999');
    expect(resolveRef('2503.0123', index, null)).toBe('2503.01234');
    expect(resolveRef('2', index, listing)).toBe('2503.01234');
    expect(() => resolveRef('2503.01', index, null)).toThrow('2503.01: ambiguous, 2 papers start with it: 2503.01234, 2503.01299');
    expect(() => resolveRef('3', index, listing)).toThrow('the last listing has 2 rows');
    expect(() => resolveRef('1', index, null)).toThrow('no listing');
  });
  it('splits taskwarrior words', () => {
    expect(splitTagArgs(['3', '+to-read', '-skip', 'tab', '+x'])).toEqual({ refs: ['3', 'tab'], add: ['to-read', 'x'], remove: ['skip'] });
  });
});
