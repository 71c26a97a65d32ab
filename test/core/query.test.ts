import { describe, expect, it } from 'vitest';
import { compileQuery, formatQueryError, type Query, type QueryError } from '../../src/core/query/index.js';

function ok(text: string): Query {
  const r = compileQuery(text);
  if (!r.ok) throw new Error(`expected ${text} to compile: ${r.error.message}`);
  return r.query;
}

function err(text: string): QueryError {
  const r = compileQuery(text);
  if (r.ok) throw new Error(`expected ${text} to fail`);
  return r.error;
}

/** The text of the query the error points at. */
const pointed = (text: string) => {
  const e = err(text);
  return text.slice(e.offset, e.offset + e.length);
};

const terms = (text: string) => ok(text).groups.map((g) => g.clauses.map((c) => ({ ...c.term, ...(c.negated ? { negated: true } : {}) })));

describe('compileQuery: grammar', () => {
  it('an empty or blank query has no groups', () => {
    expect(ok('').groups).toEqual([]);
    expect(ok('   \t ').groups).toEqual([]);
  });

  it('bare words are fuzzy, normalised (case, accents) and ANDed', () => {
    expect(terms('Linear  Atténtion')).toEqual([
      [{ kind: 'word', word: 'linear', mode: 'fuzzy', field: 'any' }],
      [{ kind: 'word', word: 'attention', mode: 'fuzzy', field: 'any' }],
    ]);
  });

  it('quotes make an exact phrase; one quoted word is an exact word', () => {
    expect(terms('"Linear attention" "bert"')).toEqual([
      [{ kind: 'phrase', words: ['linear', 'attention'], field: 'any' }],
      [{ kind: 'word', word: 'bert', mode: 'exact', field: 'any' }],
    ]);
  });

  it("'word is an exact word", () => {
    expect(terms("'bert")).toEqual([[{ kind: 'word', word: 'bert', mode: 'exact', field: 'any' }]]);
  });

  it('a word with inner punctuation is a phrase of its parts', () => {
    expect(terms('self-attention')).toEqual([[{ kind: 'phrase', words: ['self', 'attention'], field: 'any' }]]);
  });

  it('| joins adjacent terms into one group, binding tighter than spaces', () => {
    const q = ok('video diffusion | flow | gan');
    expect(q.groups.map((g) => g.clauses.length)).toEqual([1, 3]);
    expect(terms('a|b')).toEqual([
      [
        { kind: 'word', word: 'a', mode: 'fuzzy', field: 'any' },
        { kind: 'word', word: 'b', mode: 'fuzzy', field: 'any' },
      ],
    ]);
  });

  it('-word and !word exclude a word (prefix, no typos); -tag:x excludes a tag', () => {
    expect(terms('-quantization !gan -tag:read')).toEqual([
      [{ kind: 'word', word: 'quantization', mode: 'prefix', field: 'any', negated: true }],
      [{ kind: 'word', word: 'gan', mode: 'prefix', field: 'any', negated: true }],
      [{ kind: 'tag', tag: 'read', negated: true }],
    ]);
  });

  it("-'word and -\"phrase\" exclude exactly", () => {
    expect(terms(`-'bert -"state space"`)).toEqual([
      [{ kind: 'word', word: 'bert', mode: 'exact', field: 'any', negated: true }],
      [{ kind: 'phrase', words: ['state', 'space'], field: 'any', negated: true }],
    ]);
  });

  it('+tag requires a tag (lower-cased), as tag: does', () => {
    expect(terms('+To-Read tag:new')).toEqual([[{ kind: 'tag', tag: 'to-read' }], [{ kind: 'tag', tag: 'new' }]]);
  });

  it('fields: title, abstract, id, has, since, until (case-insensitive names)', () => {
    expect(terms('Title:diffusion abstract:"state space" title:\'lora id:2503.01 has:CODE')).toEqual([
      [{ kind: 'word', word: 'diffusion', mode: 'fuzzy', field: 'title' }],
      [{ kind: 'phrase', words: ['state', 'space'], field: 'abstract' }],
      [{ kind: 'word', word: 'lora', mode: 'exact', field: 'title' }],
      [{ kind: 'id', prefix: '2503.01' }],
      [{ kind: 'has', what: 'code' }],
    ]);
  });

  it('dates: a year or month is widened to its first (since) or last (until) day', () => {
    expect(terms('since:2025 until:2024-02 since:2025-03-14 until:2023-02')).toEqual([
      [{ kind: 'since', date: '2025-01-01' }],
      [{ kind: 'until', date: '2024-02-29' }],
      [{ kind: 'since', date: '2025-03-14' }],
      [{ kind: 'until', date: '2023-02-28' }],
    ]);
  });

  it('relative dates need today: today, yesterday, Nd, Nw', () => {
    const rel = (text: string) => {
      const r = compileQuery(text, { today: '2025-03-10' });
      if (!r.ok) throw new Error(r.error.message);
      return r.query.groups.map((g) => g.clauses[0]!.term);
    };
    expect(rel('since:today until:yesterday since:7d since:2W')).toEqual([
      { kind: 'since', date: '2025-03-10' },
      { kind: 'until', date: '2025-03-09' },
      { kind: 'since', date: '2025-03-03' },
      { kind: 'since', date: '2025-02-24' },
    ]);
    expect(compileQuery('since:7d').ok).toBe(false);
    expect(compileQuery('since:7x', { today: '2025-03-10' }).ok).toBe(false);
  });

  it('a word before a colon and a space is a word, not a field ("LiT: ...")', () => {
    expect(terms('LiT: delving')).toEqual([
      [{ kind: 'word', word: 'lit', mode: 'fuzzy', field: 'any' }],
      [{ kind: 'word', word: 'delving', mode: 'fuzzy', field: 'any' }],
    ]);
  });

  it('words without letters or digits are ignored', () => {
    expect(terms('diffusion & — models')).toHaveLength(2);
  });

  it('clause spans cover the clause text, prefix included', () => {
    const q = ok('ab -title:"x y" | +t');
    const spans = q.groups.flatMap((g) => g.clauses.map((c) => q.text.slice(c.span.offset, c.span.offset + c.span.length)));
    expect(spans).toEqual(['ab', '-title:"x y"', '+t']);
  });
});

describe('compileQuery: errors point at the offending token', () => {
  it('an unclosed quote: from the quote to the end', () => {
    expect(pointed('linear "state space')).toBe('"state space');
    expect(err('linear "state space').message).toMatch(/never closed/);
    expect(pointed('title:"abc')).toBe('"abc');
  });

  it('a date that is not one', () => {
    expect(pointed('diffusion since:notadate')).toBe('notadate');
    expect(pointed('until:2025-13')).toBe('2025-13');
    expect(pointed('until:2025-02-30')).toBe('2025-02-30');
    expect(err('since:notadate').message).toMatch(/YYYY-MM-DD/);
  });

  it('an unknown field (the name and colon)', () => {
    expect(pointed('linear foo:bar')).toBe('foo:');
    expect(err('linear foo:bar').message).toMatch(/unknown field "foo:".*title:/);
    expect(pointed('-auther:smith')).toBe('auther:');
  });

  it('an unknown has: value', () => {
    expect(pointed('has:paper')).toBe('paper');
    expect(err('has:paper').message).toMatch(/has:code/);
  });

  it('a field with no value', () => {
    expect(pointed('a title: b')).toBe('title:');
    expect(pointed('since:')).toBe('since:');
  });

  it('a dangling or doubled |', () => {
    expect(err('| a')).toMatchObject({ offset: 0, length: 1 });
    expect(err('a |')).toMatchObject({ offset: 2, length: 1 });
    expect(err('a | | b')).toMatchObject({ offset: 4, length: 1 });
    expect(err('a |').message).toMatch(/after/);
  });

  it('a lone -, !, + or \'', () => {
    expect(err('a - b')).toMatchObject({ offset: 2, length: 1 });
    expect(err('a !')).toMatchObject({ offset: 2, length: 1 });
    expect(err('+ b')).toMatchObject({ offset: 0, length: 1 });
    expect(err("a ' b")).toMatchObject({ offset: 2, length: 1 });
  });

  it('an empty phrase', () => {
    expect(pointed('a "" b')).toBe('""');
  });

  it('formatQueryError puts carets under the token', () => {
    const text = 'linear foo:bar';
    expect(formatQueryError(text, err(text))).toBe('  linear foo:bar\n         ^^^^');
  });
});
