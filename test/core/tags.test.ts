import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/core/library.js';
import { applyEdit } from '../../src/core/decision-edit.js';
import { canonicalTag, hasTag, libraryTags, sameTag, sortTags, spellTagEdits, spellTagWords, tagSpellings, tagsOf, unknownTagWarning } from '../../src/core/tags.js';
import { nearMiss } from '../../src/io/near-miss.js';

const decision = (tags: Record<string, string>): Decision => ({ tags, note: null });

describe('tags', () => {
  it('match regardless of case', () => {
    expect(sameTag('To-Read', 'to-read')).toBe(true);
    expect(sameTag('to-read', 'to-reads')).toBe(false);
    expect(hasTag(['Skip', 'to-read'], 'TO-READ')).toBe(true);
    expect(hasTag(['Skip'], 'to-read')).toBe(false);
  });

  it('print in code-point order, whatever order they were added in', () => {
    expect(sortTags(['to-read', 'Zeta', 'alpha', '2024'])).toEqual(['2024', 'Zeta', 'alpha', 'to-read']);
    expect(tagsOf(decision({ zz: '2026-01-02', aa: '2026-01-03' }))).toEqual(['aa', 'zz']);
    expect(tagsOf(undefined)).toEqual([]);
    expect(libraryTags([decision({ b: '' }), decision({ a: '', b: '' })])).toEqual(['a', 'b']);
  });

  it('are stored in the spelling first written, a new tag as typed', () => {
    const spellings = tagSpellings([decision({ 'To-Read': '2026-02-01T00:00:00.000Z' }), decision({ 'to-read': '2026-01-01T00:00:00.000Z', ML: '2026-01-05T00:00:00.000Z' })]);
    expect(canonicalTag('TO-READ', spellings)).toBe('to-read');
    expect(canonicalTag('ml', spellings)).toBe('ML');
    expect(canonicalTag('Brand-New', spellings)).toBe('Brand-New');
  });

  it('in an edit take the library spelling, once each; a tag added and removed in two cases clashes', () => {
    const spellings = tagSpellings([decision({ 'to-read': '2026-01-01' })]);
    expect(spellTagWords(['To-Read', 'TO-READ', 'Fresh'], ['SKIP'], spellings)).toEqual({ add: ['to-read', 'Fresh'], remove: ['SKIP'], clash: null });
    expect(spellTagWords(['Skip'], ['skip'], spellings).clash).toBe('Skip');
    const decisions = new Map([['p1', decision({ 'to-read': '2026-01-01' })]]);
    const [edit] = spellTagEdits([{ kind: 'tag', ids: ['p2'], add: ['TO-READ'], remove: [] }], decisions);
    expect(edit).toEqual({ kind: 'tag', ids: ['p2'], add: ['to-read'], remove: [] });
  });

  it('are applied to a paper regardless of case: no second spelling, a removal takes any case', () => {
    const before = decision({ 'To-Read': '2026-01-01' });
    expect(applyEdit({ kind: 'tag', ids: ['p'], add: ['to-read'], remove: [] }, before, '2026-02-02').tags).toEqual({ 'To-Read': '2026-01-01' });
    expect(applyEdit({ kind: 'tag', ids: ['p'], add: [], remove: ['TO-READ'] }, before, '2026-02-02').tags).toEqual({});
  });

  it('suggest the closest known tag for an unknown one', () => {
    expect(nearMiss('to-raed', ['skip', 'to-read'])).toBe('to-read');
    expect(nearMiss('zzz', ['skip', 'to-read'])).toBeNull();
    expect(unknownTagWarning('to-raed', ['skip', 'to-read'], nearMiss)).toBe('no paper has the tag "to-raed"; did you mean "to-read"?');
    expect(unknownTagWarning('nwe', ['skip'], nearMiss)).toBe('no paper has the tag "nwe"; did you mean "new"?');
    expect(unknownTagWarning('zzz', ['skip', 'to-read'], nearMiss)).toBe('no paper has the tag "zzz"; the tags are: skip, to-read');
    expect(unknownTagWarning('zzz', [], nearMiss)).toBe('no paper has the tag "zzz"; no paper has any tag yet');
    const many = Array.from({ length: 12 }, (_, i) => `topic${String.fromCharCode(97 + i)}x`);
    expect(unknownTagWarning('qqqqqqqq', many, nearMiss)).toBe('no paper has the tag "qqqqqqqq"; see "papers tags" for the 12 tags');
  });

  it('do not warn about a known tag in another case, or a virtual tag', () => {
    expect(unknownTagWarning('TO-READ', ['to-read'], nearMiss)).toBeNull();
    expect(unknownTagWarning('untriaged', [], nearMiss)).toBeNull();
  });
});
