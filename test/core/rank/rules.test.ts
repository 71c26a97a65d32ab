import { describe, expect, it } from 'vitest';
import { asLibraryPapers, memoryLibrary, type LibraryPaper } from '../../../src/core/library.js';
import { emptyPaper } from '../../../src/core/model.js';
import type { Query } from '../../../src/core/query/index.js';
import { applyRules, formatRulesError, groupChanges, parseRules, type QueryMatcher } from '../../../src/core/rank/rules.js';
import * as YAML from 'yaml';

const errorOf = (text: string) => {
  const r = parseRules(YAML, text, 'rules.yaml');
  if (r.ok) throw new Error('expected an error');
  return formatRulesError(r.error);
};

describe('parseRules', () => {
  it('reads a list of rules with their lines; tags may be one name or a list', () => {
    const r = parseRules(YAML, '# mine\n- {query: "quantization | low-bit", tags: [quant]}\n- query: diffusion\n  tags: gen\n', 'rules.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rules.map((x) => [x.query, x.tags, x.line])).toEqual([
      ['quantization | low-bit', ['quant'], 2],
      ['diffusion', ['gen'], 3],
    ]);
    expect(r.rules[0]!.compiled.groups.length).toBe(1);
  });

  it('takes an empty file as no rules', () => {
    expect(parseRules(YAML, '', 'r')).toEqual({ ok: true, rules: [] });
    expect(parseRules(YAML, '# nothing yet\n', 'r')).toEqual({ ok: true, rules: [] });
  });

  it('locates every kind of problem at file:line:column', () => {
    expect(errorOf('query: x\n')).toMatch(/^rules\.yaml:1:1: expected a list of rules/);
    expect(errorOf('- {query: x, tags: [a]}\n- just text\n')).toMatch(/^rules\.yaml:2:3: rule 2: expected a mapping/);
    expect(errorOf('- query: x\n  tag: [a]\n')).toMatch(/^rules\.yaml:2:3: rule 1: unknown key "tag"/);
    expect(errorOf('- query: x\n')).toMatch(/^rules\.yaml:1:3: rule 1: no tags/);
    expect(errorOf('- tags: [a]\n')).toMatch(/^rules\.yaml:1:3: rule 1: no query/);
    expect(errorOf('- query: x\n  tags: [ok, "two words"]\n')).toMatch(/^rules\.yaml:2:14: rule 1: "two words" is not a tag name/);
    expect(errorOf('- query: x\n  tags: [untriaged]\n')).toMatch(/^rules\.yaml:2:10: rule 1: "untriaged" is a virtual tag/);
    expect(errorOf('- query: 3\n  tags: [a]\n')).toMatch(/^rules\.yaml:1:10: rule 1: query must be a search query/);
    expect(errorOf('- {query: x, tags: [a]\n')).toMatch(/^rules\.yaml:\d+:\d+: invalid YAML/);
  });

  it('points at the offending token of a query the search language rejects', () => {
    // "nope:" is not a field: the error should point into the query on line 2.
    const e = errorOf('- tags: [a]\n  query: "linear nope:x"\n');
    expect(e).toMatch(/^rules\.yaml:2:\d+: rule 1: query "linear nope:x": /);
    const column = Number(/^rules\.yaml:2:(\d+)/.exec(e)![1]);
    expect('  query: "linear nope:x"'.slice(column - 1)).toMatch(/^nope/);
  });
});

describe('applyRules', () => {
  const papers: LibraryPaper[] = asLibraryPapers(
    ['Low-bit quantization', 'Diffusion for images', 'Quantized diffusion'].map((title, i) => ({ ...emptyPaper({ file: 't', line: i }), id: `p${i}`, title })),
    'd',
    '2025-01-01T00:00:00.000Z',
  );
  // A stand-in for the search module: a word query matches titles containing the word's stem.
  const match: QueryMatcher = (query: Query, ps) => {
    const words = query.groups.flatMap((g) => g.clauses.map((c) => (c.term.kind === 'word' ? c.term.word : '')));
    return new Set(ps.filter((p) => words.some((w) => w && p.title.toLowerCase().includes(w.slice(0, 5)))).map((p) => p.id));
  };

  it('lists the tags each matching paper would gain, none it already has', async () => {
    const parsed = parseRules(YAML, '- {query: "quantization | low-bit", tags: [quant]}\n- {query: diffusion, tags: [gen, quant]}\n', 'r');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const lib = memoryLibrary(papers);
    await lib.tag(['p1'], ['gen'], []);
    const changes = applyRules(parsed.rules, papers, lib.snapshot(), match);
    expect(changes).toEqual([
      { id: 'p0', add: ['quant'], rules: [0] },
      { id: 'p1', add: ['quant'], rules: [1] },
      { id: 'p2', add: ['quant', 'gen'], rules: [0, 1] },
    ]);
    expect(groupChanges(changes)).toEqual([
      { ids: ['p0', 'p1'], add: ['quant'] },
      { ids: ['p2'], add: ['quant', 'gen'] },
    ]);
  });
});
