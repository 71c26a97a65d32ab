import { describe, expect, it } from 'vitest';
import { cslItem, formatCslJson, type CslItem } from '../../../src/core/export/csl-json.js';
import { entries, libraryPaper, nastyPapers, plainPapers } from './fixtures.js';
import { renderBibliography } from './render.js';

const html = (s: string) => s.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');

describe('csl-json', () => {
  const papers = [...plainPapers(), ...nastyPapers()];
  const items = JSON.parse(formatCslJson(entries(papers))) as CslItem[];

  it('citeproc-js renders one bibliography entry per paper with its title', () => {
    const bib = renderBibliography(items);
    expect(bib).toHaveLength(papers.length);
    bib.forEach((entry, i) => {
      const title = papers[i]!.title.replace(/\s+/g, ' ');
      // citeproc escapes HTML and puts a narrow no-break space before "!"; compare on escaped, plain-spaced text.
      expect(entry.replace(/\u202f/g, ' ')).toContain(html(title));
    });
    expect(bib[0]).toContain('Vaswani, Ashish, and Shazeer, Noam. 2025. Attention Is All You Need, Again. arXiv arXiv:2503.01234. https://arxiv.org/abs/2503.01234.');
  });

  it('parses authors into family and given names, particles, suffixes, organisations', () => {
    expect(items[3]!.author).toEqual([
      { family: 'Müller', given: 'José' },
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ]);
    expect(items[4]!.author).toEqual([{ literal: 'DeepSeek-AI' }]);
    const comma = cslItem(entries([libraryPaper({ id: 'x', title: 'T', authors: ['Smith, John', 'de la Cruz, Maria', 'Plato', 'Ai Chen', '…'] })])[0]!);
    expect(comma.author).toEqual([
      { family: 'Smith', given: 'John' },
      { family: 'Cruz', given: 'Maria', 'non-dropping-particle': 'de la' },
      { literal: 'Plato' },
      { family: 'Chen', given: 'Ai' },
    ]);
  });

  it('writes type, issued, URL, DOI and the arXiv number', () => {
    expect(items[0]).toMatchObject({ type: 'article', issued: { 'date-parts': [[2025, 3, 12]] }, URL: 'https://arxiv.org/abs/2503.01234', archive: 'arXiv', number: 'arXiv:2503.01234', source: 'papers' });
    expect(items[1]).toMatchObject({ type: 'article-journal', DOI: '10.1000/xyz123', 'container-title': 'Journal of Examples 12 (2025) 1-10' });
    expect(items[2]).toEqual({ id: 'tabcdefgh', type: 'article', title: 'No Abstract, No Authors, No Date', source: 'papers' });
    const undated = cslItem(entries([libraryPaper({ id: '2411.00001', arxivId: '2411.00001', title: 'T' })])[0]!);
    expect(undated.issued).toEqual({ 'date-parts': [[2024, 11]] });
  });
});
