import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeDecisions, parseDecisions, reserializeDecisions, serializeDecisions, type Decisions } from '../../src/core/decisions.js';
import * as YAML from 'yaml';

const d = (tags: Record<string, string>, note: { text: string; at: string } | null = null) => ({ tags, note });

describe('decisions.yaml', () => {
  it('serialises sorted, stable, with quoted ids that would read as numbers, and parses back', () => {
    const decisions: Decisions = new Map([
      ['tzz', d({ skip: '2025-03-12T08:00:00.000Z' })],
      ['2503.01230', d({ 'to-read': '2025-03-12T08:00:00.000Z', b: '2025-03-12T09:00:00.000Z' }, { text: 'line 1\nline "2": ok', at: '2025-03-12T10:00:00.000Z' })],
    ]);
    const text = serializeDecisions(decisions);
    expect(text).toContain('\n"2503.01230":\n  tags:\n    b: 2025-03-12T09:00:00.000Z\n    to-read: 2025-03-12T08:00:00.000Z\n  note:\n    text: "line 1\\nline \\"2\\": ok"\n    at: 2025-03-12T10:00:00.000Z\n\ntzz:\n');
    const back = parseDecisions(() => YAML, text);
    expect(back.ok && back.decisions).toEqual(decisions);
    expect(serializeDecisions(new Map([...decisions].reverse()))).toBe(text);
  });

  it('round-trips any decisions (property)', () => {
    const tag = fc.stringMatching(/^[a-z0-9_][a-z0-9_.:/@-]{0,12}$/).filter((t) => !['new', 'seen', 'untriaged'].includes(t));
    const time = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((x) => x.toISOString());
    const decision = fc.record({ tags: fc.dictionary(tag, time, { minKeys: 1 }), note: fc.option(fc.record({ text: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), at: time }), { nil: null }) });
    const id = fc.oneof(fc.stringMatching(/^\d{4}\.\d{5}$/), fc.stringMatching(/^t[0-9a-z]{8}$/), fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''));
    fc.assert(
      fc.property(fc.dictionary(id, decision), (obj) => {
        const decisions: Decisions = new Map(Object.entries(obj));
        const back = parseDecisions(() => YAML, serializeDecisions(decisions));
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.decisions).toEqual(decisions);
      }),
      { numRuns: 200 },
    );
  });

  it('rewriting only the changed blocks gives the file serialising all of them gives (property)', () => {
    const time = fc.constantFrom('2025-03-12T08:00:00.000Z', '2025-03-12T09:00:00.000Z', 'not a time');
    const decision = fc.record({
      tags: fc.dictionary(fc.constantFrom('to-read', 'skip', 'yes', 'a b', 'B'), time, { maxKeys: 3 }),
      note: fc.option(fc.record({ text: fc.constantFrom('x', 'line 1\n\nline 2:\n', '"q"'), at: time }), { nil: null }),
    });
    const id = fc.constantFrom('t1', 't2', 't10', '2503.01230', 'yes', 'a b', 'a', 'ab', 'é', 'Z', '0', 'x:\n', '');
    const edit = fc.tuple(id, fc.option(decision, { nil: undefined }));
    fc.assert(
      fc.property(fc.array(fc.tuple(id, decision), { maxLength: 12 }), fc.array(edit, { maxLength: 6 }), (entries, edits) => {
        const prev: Decisions = new Map(entries);
        const next: Decisions = new Map(prev);
        for (const [k, dec] of edits) {
          if (dec === undefined) next.delete(k);
          else next.set(k, dec);
        }
        expect(reserializeDecisions(serializeDecisions(prev), prev, next)).toBe(serializeDecisions(next));
      }),
      { numRuns: 500 },
    );
  });

  it('reports problems with line and column', () => {
    const bad = (text: string) => {
      const r = parseDecisions(() => YAML, text);
      if (r.ok) throw new Error('expected an error');
      return r.error;
    };
    expect(bad('a:\n  tags:\n    ok: 1\n  tgas: {}\n')).toEqual({ line: 4, column: 3, message: 'unknown field "tgas" (expected tags or note)' });
    expect(bad('a:\n  tags:\n    +bad: 1\n')).toMatchObject({ line: 3, column: 5 });
    expect(bad('a:\n  tags: [new]\n')).toMatchObject({ line: 2, column: 10, message: expect.stringContaining('virtual tag') });
    expect(bad('a:\n  tags: [x\nb: 1\n')).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(bad('a:\n  tags: {x: 1}\na:\n  tags: {y: 1}\n')).toMatchObject({ line: 3, column: 1, message: expect.stringContaining('appears twice') });
    expect(bad('- a\n- b\n')).toMatchObject({ line: 1, column: 1 });
  });

  it('accepts an empty file and entries emptied by hand', () => {
    expect(parseDecisions(() => YAML, '')).toEqual({ ok: true, decisions: new Map() });
    expect(parseDecisions(() => YAML, '# only comments\n')).toEqual({ ok: true, decisions: new Map() });
    expect(parseDecisions(() => YAML, 'a:\nb:\n  tags:\n')).toEqual({ ok: true, decisions: new Map() });
  });
});

describe('mergeDecisions (the git merge driver)', () => {
  const T1 = '2025-03-12T08:00:00.000Z';
  const T2 = '2025-03-13T08:00:00.000Z';
  it('merges changes to different papers and to different tags of one paper', () => {
    const base: Decisions = new Map([['p1', d({ a: T1 })]]);
    const ours: Decisions = new Map([['p1', d({ a: T1, b: T2 })], ['p2', d({ x: T2 })]]);
    const theirs: Decisions = new Map([['p1', d({ c: T2 })], ['p3', d({ y: T2 })]]);
    const r = mergeDecisions(base, ours, theirs);
    expect(r.decisions).toEqual(new Map([['p1', d({ b: T2, c: T2 })], ['p2', d({ x: T2 })], ['p3', d({ y: T2 })]]));
    expect(r.noteConflicts).toEqual([]);
  });
  it('keeps both texts of a note changed on both sides', () => {
    const base: Decisions = new Map([['p', d({}, { text: 'old', at: T1 })]]);
    const r = mergeDecisions(base, new Map([['p', d({}, { text: 'mine', at: T1 })]]), new Map([['p', d({}, { text: 'theirs', at: T2 })]]));
    expect(r.decisions.get('p')!.note).toEqual({ text: 'theirs\n\nmine', at: T2 });
    expect(r.noteConflicts).toEqual(['p']);
  });
});

describe('decisions.yaml in the layout papers writes', () => {
  // A YAML module that must not be called: the file is read without it.
  const noYaml = (): typeof YAML => {
    throw new Error('the YAML library was used');
  };
  const decisions: Decisions = new Map([
    ['2503.01230', d({ 'to-read': '2025-03-12T08:00:00.000Z', 'a:b': 'yesterday' }, { text: 'line 1\nline "2": ok — é', at: '2025-03-12T10:00:00.000Z' })],
    ['math.AG/0601001', d({ skip: '2025-03-12T08:00:00.000Z' })],
    ['yes', d({}, { text: 'a note: no tags', at: '' })],
  ]);

  it('is read without the YAML library, as the YAML library reads it', () => {
    const text = serializeDecisions(decisions);
    const fast = parseDecisions(noYaml, text);
    expect(fast.ok && fast.decisions).toEqual(decisions);
    const slow = parseDecisions(() => YAML, text.replace('\n\n', '\n\n# a comment makes it a hand edit\n'));
    expect(slow.ok && slow.decisions).toEqual(decisions);
  });

  it('goes to the YAML library when it is laid out any other way', () => {
    const text = serializeDecisions(decisions);
    for (const edited of [text.replace('  tags:', '  tags: '), text.replace('    skip:', '    skip :'), `${text}\nextra:\n`, text.replace('tags:\n    skip', 'tags:\n    virtual-no\n    skip')]) {
      expect(() => parseDecisions(noYaml, edited)).toThrow('the YAML library was used');
    }
    const twice = parseDecisions(() => YAML, `${text}\nyes:\n  tags:\n    skip: 2025-03-12T08:00:00.000Z\n`);
    expect(twice.ok).toBe(false);
  });
});
