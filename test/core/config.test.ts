import { describe, expect, it } from 'vitest';
import {
  CONFIG_KEYS,
  defaultValues,
  editConfigText,
  envLayer,
  flagLayer,
  formatConfigError,
  mergeConfig,
  parseConfigFile,
  type ConfigError,
} from '../../src/core/config.js';
import * as YAML from 'yaml';

function errorsOf(text: string): ConfigError[] {
  const parsed = parseConfigFile(YAML, text, 'c.yaml');
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors;
}

describe('config defaults', () => {
  it('has the documented defaults', () => {
    const { config, origins } = mergeConfig([]);
    expect(config.quickTags['1']).toBe('to-read');
    expect(config.quickTags['2']).toBe('skip');
    expect(config.quickTags['3']).toBeNull();
    expect(config.ranking).toEqual({ positive: ['to-read', 'read'], negative: ['skip'] });
    expect(config.export).toEqual({ format: 'md', group: 'none', abstracts: 'tldr' });
    expect(config.color).toBe('auto');
    for (const key of CONFIG_KEYS) expect(origins[key]).toEqual({ kind: 'default' });
  });

  it('hands out fresh default lists', () => {
    defaultValues()['ranking.positive'].push('oops');
    expect(mergeConfig([]).config.ranking.positive).toEqual(['to-read', 'read']);
  });
});

describe('parseConfigFile', () => {
  it('reads every key with its line and column', () => {
    const text = ['quick-tags:', '  3: later', '  2: null', 'ranking:', '  positive: [to-read, fav]', '  negative:', '    - skip', '    - meh', 'export:', '  format: bibtex', '  group: tag', 'color: false', ''].join('\n');
    const parsed = parseConfigFile(YAML, text, 'c.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'));
    const { config, origins } = mergeConfig([parsed.layer]);
    expect(config.quickTags).toMatchObject({ 1: 'to-read', 2: null, 3: 'later' });
    expect(config.ranking).toEqual({ positive: ['to-read', 'fav'], negative: ['skip', 'meh'] });
    expect(config.export).toEqual({ format: 'bibtex', group: 'tag', abstracts: 'tldr' });
    expect(config.color).toBe('never');
    expect(origins['quick-tags.3']).toEqual({ kind: 'file', file: 'c.yaml', line: 2, column: 3 });
    expect(origins['ranking.negative']).toEqual({ kind: 'file', file: 'c.yaml', line: 6, column: 3 });
    expect(origins.color).toEqual({ kind: 'file', file: 'c.yaml', line: 12, column: 1 });
    expect(origins['quick-tags.1']).toEqual({ kind: 'default' });
  });

  it('treats an empty file or an empty section as setting nothing', () => {
    for (const text of ['', '# only a comment\n', 'ranking:\n']) {
      const parsed = parseConfigFile(YAML, text, 'c.yaml');
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.layer.values).toEqual({});
    }
  });

  it('names an unknown top-level key with its line and the known keys', () => {
    const [e, ...rest] = errorsOf('color: never\nquik-tags:\n  1: x\n');
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ line: 2, column: 1, key: 'quik-tags' });
    expect(formatConfigError(e!)).toMatch(/^c\.yaml:2:1: quik-tags: unknown key "quik-tags"; known keys: quick-tags, ranking, export, color, sources, searches$/);
  });

  it('names an unknown nested key, including a quick key outside 1-9', () => {
    expect(errorsOf('ranking:\n  positve: [a]\n')[0]).toMatchObject({ line: 2, column: 3, key: 'ranking.positve' });
    expect(errorsOf('quick-tags:\n  0: a\n')[0]).toMatchObject({ line: 2, key: 'quick-tags.0' });
  });

  it('reports a wrong type at the value', () => {
    expect(errorsOf('export:\n  format: 7\n')[0]).toMatchObject({ line: 2, column: 11, key: 'export.format' });
    expect(errorsOf('export:\n  format: pdf\n')[0]!.message).toMatch(/"pdf" is not one of md, json/);
    expect(errorsOf('ranking:\n  positive: to-read\n')[0]!.message).toMatch(/expected a list of tags/);
    expect(errorsOf('export: 3\n')[0]).toMatchObject({ line: 1, column: 9, key: 'export' });
    expect(errorsOf('- a\n')[0]).toMatchObject({ line: 1, column: 1, key: '' });
  });

  it('points at the bad item of a list', () => {
    expect(errorsOf('ranking:\n  negative:\n    - skip\n    - 12\n')[0]).toMatchObject({ line: 4, column: 7, key: 'ranking.negative' });
  });

  it('rejects tag names with spaces or a leading + or -', () => {
    expect(errorsOf('quick-tags:\n  1: to read\n')[0]!.message).toMatch(/not a tag name/);
    expect(errorsOf('quick-tags:\n  1: +x\n')[0]!.message).toMatch(/cannot start with/);
  });

  it('reports invalid YAML and duplicate keys with a position', () => {
    const [e] = errorsOf('ranking:\n  positive: [a, b\nexport: x\n');
    expect(e!.message).toMatch(/^invalid YAML: /);
    expect(e!.line).toBeGreaterThanOrEqual(2);
    expect(errorsOf('color: auto\ncolor: never\n')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/unique/) });
  });

  it('collects every problem', () => {
    expect(errorsOf('a: 1\nb: 2\nexport:\n  format: 1\n').map((e) => e.key)).toEqual(['a', 'b', 'export.format']);
  });
});

describe('environment and flags', () => {
  it('reads PAPERS_* variables, lists comma-separated', () => {
    const env = envLayer({ PAPERS_EXPORT_FORMAT: 'csv', PAPERS_RANKING_POSITIVE: 'a, b', PAPERS_QUICK_TAGS_2: '' });
    if (!env.ok) throw new Error(env.errors.join());
    expect(env.layer.values).toEqual({ 'export.format': 'csv', 'ranking.positive': ['a', 'b'], 'quick-tags.2': null });
    expect(env.layer.origins['export.format']).toEqual({ kind: 'env', name: 'PAPERS_EXPORT_FORMAT' });
  });

  it('maps NO_COLOR and FORCE_COLOR to color, PAPERS_COLOR first', () => {
    const color = (e: Record<string, string>) => {
      const r = envLayer(e);
      return r.ok ? [r.layer.values.color, r.layer.origins.color] : r.errors;
    };
    expect(color({ NO_COLOR: '1' })).toEqual(['never', { kind: 'env', name: 'NO_COLOR' }]);
    expect(color({ NO_COLOR: '' })).toEqual([undefined, undefined]);
    expect(color({ FORCE_COLOR: '0' })).toEqual(['never', { kind: 'env', name: 'FORCE_COLOR' }]);
    expect(color({ FORCE_COLOR: '2' })).toEqual(['always', { kind: 'env', name: 'FORCE_COLOR' }]);
    expect(color({ NO_COLOR: '1', PAPERS_COLOR: 'always' })).toEqual(['always', { kind: 'env', name: 'PAPERS_COLOR' }]);
  });

  it('reports a bad environment value by name', () => {
    const env = envLayer({ PAPERS_EXPORT_GROUP: 'week' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.errors[0]).toMatch(/^PAPERS_EXPORT_GROUP=week: "week" is not one of tag, date, none/);
  });

  it('merges defaults < file < environment < flags, keeping the winning origin', () => {
    const file = parseConfigFile(YAML, 'color: never\nexport:\n  format: ris\n  group: date\n', 'c.yaml');
    const env = envLayer({ PAPERS_COLOR: 'auto', PAPERS_EXPORT_FORMAT: 'json' });
    const flags = flagLayer([
      { key: 'color', flag: '--color', value: 'always' },
      { key: 'export.group', flag: '--group', value: undefined },
      { key: 'export.abstracts', flag: '--abstracts', value: 'full' },
    ]);
    if (!file.ok || !env.ok || !flags.ok) throw new Error('unexpected errors');
    const { config, origins } = mergeConfig([file.layer, env.layer, flags.layer]);
    expect(config.color).toBe('always');
    expect(origins.color).toEqual({ kind: 'flag', name: '--color' });
    expect(config.export).toEqual({ format: 'json', group: 'date', abstracts: 'full' });
    expect(origins['export.abstracts']).toEqual({ kind: 'flag', name: '--abstracts' });
    expect(origins['export.format']).toEqual({ kind: 'env', name: 'PAPERS_EXPORT_FORMAT' });
    expect(origins['export.group']).toMatchObject({ kind: 'file', line: 4 });
    expect(origins['ranking.positive']).toEqual({ kind: 'default' });
  });

  it('reports a bad flag value with the flag', () => {
    const flags = flagLayer([{ key: 'color', flag: '--color', value: 'sometimes' }]);
    expect(flags.ok ? [] : flags.errors).toEqual(['--color sometimes: "sometimes" is not one of auto, always, never']);
  });
});

describe('editConfigText', () => {
  const edit = (text: string, key: string, value: string | null) => {
    const r = editConfigText(YAML, text, 'c.yaml', key, value);
    if (!r.ok) throw new Error(r.message);
    return r.text;
  };

  it('sets a key in an empty file, quick tags as a mapping with numeric keys', () => {
    expect(edit('', 'quick-tags.3', 'later')).toBe('quick-tags:\n  3: later\n');
    expect(edit('', 'ranking.positive', 'a, b')).toBe('ranking:\n  positive:\n    - a\n    - b\n');
  });

  it('keeps comments and other keys, replaces an existing value', () => {
    const text = '# mine\nquick-tags:\n  3: x # three\ncolor: never # no colour\n';
    const out = edit(text, 'quick-tags.3', 'later');
    expect(out).toContain('# mine');
    expect(out).toContain('color: never # no colour');
    expect(out).toMatch(/^ {2}3: later/m);
    const parsed = parseConfigFile(YAML, out, 'c.yaml');
    expect(parsed.ok && mergeConfig([parsed.layer]).config.quickTags['3']).toBe('later');
  });

  it('removes a key and a section left empty', () => {
    expect(edit('quick-tags:\n  3: x\ncolor: never\n', 'quick-tags.3', null)).toBe('color: never\n');
    expect(edit('color: never\n', 'color', null)).toBe('');
  });

  it('refuses an unknown key, a bad value, and a file that is already invalid', () => {
    expect(editConfigText(YAML, '', 'c.yaml', 'colour', 'never')).toMatchObject({ ok: false, message: expect.stringMatching(/unknown key "colour"/) });
    expect(editConfigText(YAML, '', 'c.yaml', 'export.group', 'week')).toMatchObject({ ok: false, message: expect.stringMatching(/"week" is not one of/) });
    expect(editConfigText(YAML, 'bogus: 1\n', 'c.yaml', 'color', 'never')).toMatchObject({ ok: false, message: expect.stringMatching(/^c\.yaml:1:1: bogus: unknown key.*fix the file first$/) });
  });
});

describe('searches', () => {
  it('reads saved searches as a mapping of names to queries, and refuses anything else', () => {
    const parsed = parseConfigFile(YAML, `searches:\n  mine: 'author:"Tri Dao" | cat:cs.CL'\n`, 'c.yaml');
    expect(parsed.ok && parsed.layer.values.searches).toEqual({ mine: 'author:"Tri Dao" | cat:cs.CL' });
    const bad = parseConfigFile(YAML, 'searches:\n  mine: [a, b]\n', 'c.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(formatConfigError(bad.errors[0]!)).toBe('c.yaml:2:3: searches: mine: expected a query, got a list');
  });
});
