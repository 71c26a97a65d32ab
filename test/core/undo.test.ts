// Undo is the inverse of the journaled change, against the decisions as they are now.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/core/library.js';
import { describeUndo, inverseOf } from '../../src/core/undo.js';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-02-02T00:00:00.000Z';
const d = (tags: Record<string, string>, note: Decision['note'] = null): Decision => ({ tags, note });

describe('inverseOf', () => {
  it('removes only the tag the change added; a note and a tag added by hand since stay', () => {
    const entry = { before: { a: null }, after: { a: d({ 'to-read': T1 }) } };
    const now = new Map([['a', d({ 'to-read': T1, mine: '' }, { text: 'hand-written', at: '' })]]);
    const inverse = inverseOf(entry, now);
    expect(inverse.next.get('a')).toEqual(d({ mine: '' }, { text: 'hand-written', at: '' }));
    expect(inverse).toMatchObject({ changed: ['a'], notUndone: [] });
  });

  it('puts back a tag the change removed, with its time', () => {
    const entry = { before: { a: d({ read: T1, ml: T1 }) }, after: { a: d({ ml: T1 }) } };
    const inverse = inverseOf(entry, new Map([['a', d({ ml: T1, other: T2 })]]));
    expect(inverse.next.get('a')).toEqual(d({ read: T1, ml: T1, other: T2 }));
  });

  it('restores the note it replaced only while the note is the one it wrote', () => {
    const entry = { before: { a: d({}, { text: 'old', at: T1 }) }, after: { a: d({}, { text: 'new', at: T2 }) } };
    expect(inverseOf(entry, new Map([['a', d({}, { text: 'new', at: T2 })]])).next.get('a')).toEqual(d({}, { text: 'old', at: T1 }));
    const edited = inverseOf(entry, new Map([['a', d({}, { text: 'edited since', at: T2 })]]));
    expect(edited.next.get('a')).toEqual(d({}, { text: 'edited since', at: T2 }));
    expect(edited.notUndone).toEqual(['a: the note (changed since)']);
    expect(describeUndo({ summary: 'noted a' }, edited)).toBe('nothing left to undo of: noted a; not undone, left as it is: a: the note (changed since)');
  });

  it('keeps a tag set again since (another time) and says so', () => {
    const entry = { before: { a: null }, after: { a: d({ x: T1 }) } };
    const inverse = inverseOf(entry, new Map([['a', d({ x: T2 })]]));
    expect(inverse.next.get('a')).toEqual(d({ x: T2 }));
    expect(inverse.notUndone).toEqual(['a: +x (set again since)']);
  });

  it('undoes the folding of an entry kept under an alias into the paper id', () => {
    const entry = { before: { alias: d({ read: T1 }, { text: 'n', at: T1 }), id: d({ ml: T2 }) }, after: { alias: null, id: d({ ml: T2, read: T1 }, { text: 'n', at: T1 }) } };
    const inverse = inverseOf(entry, new Map([['id', d({ ml: T2, read: T1 }, { text: 'n', at: T1 })]]));
    expect([...inverse.next]).toEqual([
      ['id', d({ ml: T2 })],
      ['alias', d({ read: T1 }, { text: 'n', at: T1 })],
    ]);
  });

  it('deletes an entry the change created when nothing else was added since', () => {
    const inverse = inverseOf({ before: { a: null }, after: { a: d({ x: T1 }) } }, new Map([['a', d({ x: T1 })]]));
    expect(inverse.next.has('a')).toBe(false);
  });
});
