import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMarkdown, groupEntries } from '../../../src/core/export/markdown.js';
import { escapeInline, escapeParagraph } from '../../../src/core/export/markdown-escape.js';
import { firstSentence } from '../../../src/core/export/facts.js';
import { META, entries, nastyPapers, plainPapers } from './fixtures.js';
import { md, taskItems } from './render.js';


describe('markdown reading list', () => {
  it('has exactly one task item per paper, with the exact title, even for titles full of markup', () => {
    const papers = [...plainPapers(), ...nastyPapers()];
    for (const abstracts of ['none', 'tldr', 'full'] as const) {
      for (const group of ['none', 'tag', 'date'] as const) {
        const text = formatMarkdown(entries(papers, { '2503.01234': ['read', 'ml'], tabcdefgh: ['ml', 'zzz'] }), META, { group, abstracts });
        const items = taskItems(text);
        expect(items.map((i) => i.title).sort()).toEqual(papers.map((p) => p.title.replace(/\s+/g, ' ').trim()).sort());
        // Nothing in a title became HTML: the only inline HTML is papers' id comment.
        for (const item of items) expect(item.htmlInline).toEqual([expect.stringMatching(/^<!-- papers:id=\S+( ticked)? -->$/)]);
        const html = md.render(text);
        expect(html).not.toContain('<script>');
      }
    }
  });

  it('ticks the papers tagged read and links arXiv abstract, PDF, code and project', () => {
    const text = formatMarkdown(entries(plainPapers(), { '2503.01234': ['read'] }), META, { group: 'none', abstracts: 'none' });
    const [first, second, third] = taskItems(text);
    expect(first).toMatchObject({
      ticked: true,
      hrefs: ['https://arxiv.org/abs/2503.01234', 'https://arxiv.org/pdf/2503.01234', 'https://github.com/example/attention', 'https://example.org/attention/'],
    });
    expect(second).toMatchObject({ ticked: false, hrefs: ['https://arxiv.org/abs/2503.05678', 'https://arxiv.org/pdf/2503.05678'] });
    expect(third).toMatchObject({ ticked: false, hrefs: [] });
  });

  it('keeps link destinations with parentheses intact', () => {
    const text = formatMarkdown(entries(nastyPapers()), META, { group: 'none', abstracts: 'none' });
    expect(taskItems(text)[0]!.hrefs).toEqual([md.normalizeLink('https://github.com/ex/repo_(0)')]);
  });

  it('writes front matter that marks the file and states the selection', () => {
    const text = formatMarkdown(entries(plainPapers()), { ...META, tags: ['to-read'], notTags: ['skip'] }, { group: 'none', abstracts: 'none' });
    expect(text.split('\n').slice(0, 10)).toEqual([
      '---',
      'title: "Reading list"',
      'generated: 2025-04-01',
      'query: "attention \\"is all\\""',
      'filter-tags: ["to-read"]',
      'filter-not-tags: ["skip"]',
      'count: 3',
      'generator: papers reading-list 1',
      '---',
      '',
    ]);
  });

  it('is deterministic: the same entries give the same bytes', () => {
    const make = () => formatMarkdown(entries([...plainPapers(), ...nastyPapers()], { tabcdefgh: ['b', 'a'] }, { tabcdefgh: 'note' }), META, { group: 'tag', abstracts: 'full' });
    expect(make()).toBe(make());
  });

  it('folds the full abstract in <details> and gives the first sentence as tldr', () => {
    const es = entries(plainPapers());
    const full = formatMarkdown(es, META, { group: 'none', abstracts: 'full' });
    expect(md.render(full)).toContain('<details><summary>Abstract</summary>');
    expect(md.render(full)).toContain('We revisit attention, e.g. in transformers by Vaswani et al. in 2017. It still works.');
    const tldr = formatMarkdown(es, META, { group: 'none', abstracts: 'tldr' });
    expect(tldr).toContain('  *TL;DR:* We revisit attention, e.g. in transformers by Vaswani et al. in 2017.\n');
    expect(tldr).toContain('  *TL;DR:* A rebuttal.\n');
    expect(tldr).not.toContain('It still works');
  });

  it('groups by first tag (read aside), untagged last; by date newest first, undated last', () => {
    const es = entries(plainPapers(), { '2503.01234': ['read', 'zeta'], '2503.05678': ['alpha', 'zeta'] });
    expect(groupEntries(es, 'tag').map((g) => [g.heading, g.entries.map((e) => e.paper.id)])).toEqual([
      ['alpha', ['2503.05678']],
      ['zeta', ['2503.01234']],
      ['Untagged', ['tabcdefgh']],
    ]);
    const byDate = groupEntries(entries([...nastyPapers(), ...plainPapers()]), 'date').map((g) => g.heading);
    expect(byDate).toEqual(['2025-03-12', '2025-03-11', '2025-03-10', 'Undated']);
  });

  it('writes the note under its item', () => {
    const text = formatMarkdown(entries(plainPapers(), {}, { tabcdefgh: 'line one\n\n- point' }), META, { group: 'none', abstracts: 'none' });
    expect(text).toContain('<!-- papers:id=tabcdefgh note=');
    expect(text.endsWith('-->\n\n  line one\n\n  - point\n')).toBe(true);
  });
});

describe('escapeInline', () => {
  it('renders back to the same text inside strong emphasis, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab *_[]|<>`$\\&#~=%!()-+.1:/é日\t'.split('')), maxLength: 40 }), (raw) => {
        const text = raw.replace(/\s+/g, ' ').trim();
        fc.pre(text !== '');
        const tokens = md.parseInline(`**${escapeInline(text)}**`, {})[0]!.children!.filter((t) => !(t.type === 'text' && t.content === ''));
        expect(tokens[0]!.type).toBe('strong_open');
        expect(tokens.slice(1, -1).map((t) => (t.type === 'text' ? t.content : `<${t.type}>`)).join('')).toBe(text);
        // No math delimiter survives for GitHub or Obsidian: every $ is escaped.
        expect(escapeInline(text)).not.toMatch(/(^|[^\\])(\\\\)*\$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a paragraph from starting a list', () => {
    expect(md.render(escapeParagraph('- not a list'))).toBe('<p>- not a list</p>\n');
    expect(md.render(escapeParagraph('1. not a list'))).toBe('<p>1. not a list</p>\n');
  });
});

describe('firstSentence', () => {
  it('skips abbreviations and cuts long text at a word', () => {
    expect(firstSentence('Large models (e.g. GPT) work. Then more.')).toBe('Large models (e.g. GPT) work.');
    expect(firstSentence('We follow J. Smith and Fig. 3 shows it. More.')).toBe('We follow J. Smith and Fig. 3 shows it.');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
    const long = firstSentence('word '.repeat(200));
    expect(long.length).toBeLessThanOrEqual(401);
    expect(long.endsWith('word…')).toBe(true);
  });
});
