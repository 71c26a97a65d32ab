import { describe, expect, it } from 'vitest';
import { parse } from '@retorquere/bibtex-parser';
import { baseKey, bibtexKeys, formatBibtex } from '../../../src/core/export/bibtex.js';
import { META, entries, libraryPaper, nastyPapers, plainPapers } from './fixtures.js';

/** As a reference manager reads it: no sentence casing, so titles come back as written. */
const read = (text: string) => parse(text, { english: false, sentenceCase: false });

describe('bibtex', () => {
  const papers = [...plainPapers(), ...nastyPapers()];
  const text = formatBibtex(entries(papers), META);
  const lib = read(text);

  it('parses with one entry per paper and no errors', () => {
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(papers.length);
    expect(new Set(lib.entries.map((e) => e.key)).size).toBe(papers.length);
  });

  it('brings titles and abstracts back exactly, special characters included', () => {
    lib.entries.forEach((entry, i) => {
      const p = papers[i]!;
      expect(entry.type).toBe('misc');
      expect(entry.fields.title).toBe(p.title.replace(/\s+/g, ' '));
      if (p.abstract) expect(entry.fields.abstract).toBe(p.abstract.replace(/\s+/g, ' '));
    });
  });

  it('writes eprint, archivePrefix and primaryClass for arXiv papers, and parsed authors', () => {
    const first = lib.entries[0]!;
    expect(first.key).toBe('vaswani2025attention');
    expect(first.fields).toMatchObject({ eprint: '2503.01234', archiveprefix: 'arXiv', primaryclass: 'cs.CL', year: '2025', url: 'https://arxiv.org/abs/2503.01234' });
    expect(first.fields.author).toEqual([
      { lastName: 'Vaswani', firstName: 'Ashish' },
      { lastName: 'Shazeer', firstName: 'Noam' },
    ]);
    const nasty = lib.entries[3]!;
    expect(nasty.fields.author).toEqual([
      { lastName: 'Müller', firstName: 'José' },
      { lastName: 'Beethoven', firstName: 'Ludwig', prefix: 'van' },
      { lastName: 'King', firstName: 'Martin Luther', suffix: 'Jr.' },
    ]);
    expect(lib.entries[4]!.fields.author).toEqual([{ name: 'DeepSeek-AI' }]);
    expect(text).toContain('José Müller'.split(' ').reverse().join(', '));
  });

  it('makes stable keys: firstauthorYEARfirstword, collisions b, c in id order whatever the selection order', () => {
    const a = libraryPaper({ id: '2501.00002', arxivId: '2501.00002', title: 'The Deep Thing', authors: ['Jane Smith'] });
    const b = libraryPaper({ id: '2501.00001', arxivId: '2501.00001', title: 'Deep Things, Again', authors: ['John Smith'] });
    const c = libraryPaper({ id: '2501.00003', arxivId: '2501.00003', title: 'Deep', authors: ['A. Smith'] });
    expect(baseKey(entries([a])[0]!)).toBe('smith2025deep');
    const forward = bibtexKeys(entries([a, b, c]));
    const backward = bibtexKeys(entries([c, b, a]));
    expect([...forward.entries()].sort()).toEqual([...backward.entries()].sort());
    expect(forward.get('2501.00001')).toBe('smith2025deep');
    expect(forward.get('2501.00002')).toBe('smith2025deepb');
    expect(forward.get('2501.00003')).toBe('smith2025deepc');
  });

  it('marks the file as papers’ in a comment that holds no @', () => {
    expect(text.split('\n')[0]).toMatch(/^% generator: papers [^@]*$/);
    expect(lib.comments).toEqual([]);
  });
});
