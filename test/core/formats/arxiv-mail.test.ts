import { describe, expect, it } from 'vitest';
import { arxivMail } from '../../../src/core/parse/arxiv-mail.js';
import { sample } from './fixtures.js';

const parse = (name: string) => arxivMail.parse(sample(name), { file: name, year: 2026 });
const byId = (name: string) => new Map(parse(name).papers.map((p) => [p.id, p]));

describe('arxiv-mail: arxiv-mailing-1.txt (q-fin, 17 Mar 2023, complete)', () => {
  const result = parse('arxiv-mailing-1.txt');

  it('finds 13 new papers and 3 replacements, in listing order, with their ids', () => {
    expect(result.format).toBe('arxiv-mail');
    const ids = (type: string) => result.papers.filter((p) => p.announceType === type).map((p) => p.id);
    expect(ids('new')).toEqual([
      '2303.08867', '2303.08968', '2303.09011', '2303.09147', '2303.09176', '2303.09323', '2303.09330',
      '2303.09393', '2303.09397', '2303.09399', '2303.09405', '2303.09406', '2303.09407',
    ]);
    expect(ids('cross')).toEqual([]);
    expect(ids('replace')).toEqual(['2011.00552', '2203.01664', '2206.14015']);
    expect(result.papers).toHaveLength(16);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads the first entry field by field', () => {
    const p = result.papers[0]!;
    expect(p).toMatchObject({
      arxivId: '2303.08867',
      title: 'A Bayesian derivation of the square root law of market impact',
      authors: ['Louis Saddier', 'Matteo Marsili'],
      categories: ['q-fin.TR', 'cond-mat.stat-mech'],
      comments: '16 pages, 5 figures',
      journalRef: null,
      doi: null,
      date: '2023-03-17',
      version: 1,
      announceType: 'new',
      abstractKind: 'abstract',
      source: { file: 'arxiv-mailing-1.txt', line: 14 },
    });
    // `{\em i)}` loses its font switch; the wrapped lines are one paragraph
    expect(p.abstract.startsWith('We show that the main empirical findings on the impact of a sequence of transactions on prices')).toBe(true);
    expect(p.abstract).toContain('This includes i) the square-root behavior');
    expect(p.abstract.endsWith('originating from meta-orders.')).toBe(true);
    expect(p.abstract).not.toContain('\n');
  });

  it('joins wrapped titles and author lines, splits "A, B and C" and "A and B and C"', () => {
    const papers = byId('arxiv-mailing-1.txt');
    expect(papers.get('2303.08968')!.title).toBe('A parsimonious neural network approach to solve portfolio optimization problems without using dynamic programming');
    expect(papers.get('2303.08968')!.authors).toEqual(['Pieter M. van Staden', 'Peter A. Forsyth', 'Yuying Li']);
    expect(papers.get('2303.09393')!.authors).toEqual(['Na Hyeon Park', 'Hanna Kim', 'Chanhee Lee', 'Changhoon Yoon', 'Seunghyeon Lee', 'Youngjin jin', 'Seungwon Shin']);
    expect(papers.get('2303.09397')!.authors).toEqual(['Haritha GB', 'Sahana N.B']);
  });

  it('reads Journal-ref and DOI', () => {
    const p = byId('arxiv-mailing-1.txt').get('2303.09330')!;
    expect(p.journalRef).toBe('Journal of Risk Financial Management 2023, 16(2), 114');
    expect(p.doi).toBe('10.3390/jrfm16020114');
    expect(p.comments).toBe('24 pages, 12 figures, 4 tables');
    expect(byId('arxiv-mailing-1.txt').get('2303.09407')!.doi).toBe('10.5121/ijci.2023.120201');
  });

  it('gives replacements no abstract and no version (the listing does not show it)', () => {
    const p = byId('arxiv-mailing-1.txt').get('2203.01664')!;
    expect(p).toMatchObject({ abstract: '', abstractKind: 'none', announceType: 'replace', version: null, title: 'Tail-GAN: Learning to Simulate Tail Risk Scenarios', comments: '39 pages, 17 figures, 11 tables', categories: ['q-fin.RM'], source: { file: 'arxiv-mailing-1.txt', line: 420 } });
    expect(p.authors).toEqual(['Rama Cont', 'Mihai Cucuringu', 'Renyuan Xu', 'Chao Zhang']);
  });
});

describe('arxiv-mail: arxiv-mailing-2.txt (astro-ph, cut after 60 entries)', () => {
  const result = parse('arxiv-mailing-2.txt');
  const papers = byId('arxiv-mailing-2.txt');

  it('finds 53 new, 4 cross-lists and 3 replacements', () => {
    const count = (type: string) => result.papers.filter((p) => p.announceType === type).length;
    expect([count('new'), count('cross'), count('replace')]).toEqual([53, 4, 3]);
    expect(result.papers[0]!.id).toBe('2303.00763');
    expect(result.papers[52]!.id).toBe('2303.01496');
    expect(result.papers.filter((p) => p.announceType === 'cross').map((p) => p.id)).toEqual(['2303.00812', '2303.01138', '2303.01322', '2303.01398']);
    expect(result.papers.filter((p) => p.announceType === 'replace').map((p) => p.id)).toEqual(['2104.03145', '2111.11495', '2201.07304']);
    expect(new Set(result.papers.map((p) => p.date))).toEqual(new Set(['2023-03-03']));
  });

  it('says the listing is cut short (no end marker)', () => {
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('end marker') })]);
  });

  it('decodes LaTeX accents in names: Ya\\"el Naz\\\'e is Yaël Nazé', () => {
    expect(papers.get('2303.01033')!.authors).toEqual(['Gregor Rauw', 'Yaël Nazé', 'Asif ud-Doula', 'Coralie Neiner']);
    const lugaro = result.papers.find((p) => p.authors.includes('Maria Lugaro'))!;
    expect(lugaro.authors).toContain('Mária Pető');
    expect(lugaro.authors).toContain('Maria Schönbächler');
    expect(lugaro.authors).toContain('Georgy V. Makhatadze');
    expect(result.papers.some((p) => p.authors.includes('Måns Holmberg'))).toBe(true);
    expect(result.papers.some((p) => p.authors.includes('Patricio A. Muñoz'))).toBe(true);
    expect(result.papers.some((p) => p.authors.includes('Jörg Büchner'))).toBe(true);
  });

  it('drops "et al." and "(84 additional authors not shown)" from a long wrapped author list', () => {
    const p = papers.get('2303.01174')!;
    expect(p.title).toBe('Astronomical puzzle Cyg X-3 is a hidden Galactic ultraluminous X-ray source');
    expect(p.authors).toHaveLength(46);
    expect(p.authors[0]).toBe('Alexandra Veledina');
    expect(p.authors[3]).toBe('Jakub Podgorný');
    expect(p.authors[4]).toBe('Michal Dovčiak');
    expect(p.authors).toContain('Frédéric Marin');
    expect(p.authors).toContain('Jari J. E. Kajava');
    expect(p.authors.at(-1)).toBe('Simona Righini');
  });

  it('marks cross-lists and joins wrapped Comments', () => {
    const cross = papers.get('2303.00812')!;
    expect(cross).toMatchObject({ announceType: 'cross', version: 1, categories: ['gr-qc', 'astro-ph.EP', 'astro-ph.IM', 'physics.space-ph'], authors: ['Lorenzo Iorio', 'Athul P. Girija', 'Daniele Durante'] });
    const replaced = papers.get('2111.11495')!;
    expect(replaced.comments).toBe('7 pages, 4 figure, conference proceedings submitted to the Journal of Low Temperature Physics; includes updates in response to reviewer comments');
    expect(replaced.journalRef).toBe('J Low Temp Phys 209, 667-676 (2022)');
    expect(replaced.doi).toBe('10.1007/s10909-022-02875-w');
    expect(replaced.authors).toHaveLength(17);
  });
});

describe('arxiv-mail: arxiv-mailing-3.txt (math.OA, empty new section)', () => {
  const result = parse('arxiv-mailing-3.txt');

  it('starts at the cross-list marker: 1 cross-list, 2 replacements', () => {
    expect(result.papers.map((p) => [p.id, p.announceType])).toEqual([
      ['2306.04713', 'cross'],
      ['2204.01445', 'replace'],
      ['2206.02587', 'replace'],
    ]);
    expect(result.papers.every((p) => p.date === '2023-06-09')).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it("decodes Fr\\'ed\\'eric, D\\k{a}browski and Pawe{\\l}", () => {
    const [, patras, dabrowski] = result.papers;
    expect(patras!.authors).toEqual(['Kurusch Ebrahimi-Fard', 'Frédéric Patras', 'Nikolas Tapia', 'Lorenzo Zambotti']);
    expect(dabrowski!.authors).toEqual(['Ludwik Dąbrowski', 'Andrzej Sitarz', 'Paweł Zalecki']);
    expect(dabrowski).toMatchObject({
      title: 'Spectral Metric and Einstein Functionals',
      comments: 'Final version, typos corrected',
      journalRef: 'Advances in Mathematics, Vol. 427 (2023) 109128',
      doi: '10.1016/j.aim.2023.109128',
      categories: ['math.DG', 'gr-qc', 'math-ph', 'math.MP', 'math.OA', 'math.QA'],
    });
    expect(patras!.title).toBe('Shifted Substitution in Non-Commutative Multivariate Power Series with a View Toward Free Probability');
  });

  it('reads the cross-list with its abstract', () => {
    const p = result.papers[0]!;
    expect(p.abstract).toBe(
      'In this paper we exhibit for every non amenable group that is initially sub-amenable (sometimes also referred to as LEA), two sofic approximations that are not conjugate by any automorphism of the universal sofic group. This addresses a question of Paunescu and generalizes the Elek-Szabo uniqueness theorem for sofic approximations.',
    );
    expect(p.authors).toEqual(['Ben Hayes', 'Srivatsav Kunnawalkam Elayavalli']);
  });
});

describe('arxiv-mail: hand-written variants', () => {
  it('reads versions, old-style ids and CRLF line ends; skips an entry without a title', () => {
    const text = [
      'Date: Mon,  6 Jul 26 00:30:00 GMT',
      'Subject: hep-ex daily 1 new + 0 crosses received',
      '-'.repeat(78),
      '\\\\',
      'arXiv:hep-ex/0307015v3',
      'Date: Mon, 6 Jul 2026 10:00:00 GMT   (10kb)',
      '',
      'Title: An old-style \\"{U}ber id',
      'Authors: A. One (CERN), B. Two',
      'Categories: hep-ex',
      '\\\\',
      '  Text with a link https://github.com/a/b.',
      '\\\\ ( https://arxiv.org/abs/hep-ex/0307015 ,  10kb)',
      '-'.repeat(78),
      '\\\\',
      'arXiv:2607.00001',
      'Date: Mon, 6 Jul 2026 10:00:00 GMT   (10kb)',
      '',
      'Authors: No Title',
      '\\\\ ( https://arxiv.org/abs/2607.00001 ,  10kb)',
      '%%%---%%%---%%%---',
    ].join('\r\n');
    const result = arxivMail.parse(text, { file: 'x.txt' });
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({ id: 'hep-ex/0307015', version: 3, title: 'An old-style Über id', authors: ['A. One', 'B. Two'], date: '2026-07-06', links: [{ url: 'https://github.com/a/b', kind: 'code' }] });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ line: 16, severity: 'warning' }));
  });

  it('reports text that is not a listing', () => {
    const result = arxivMail.parse('hello\nworld\n', { file: 'x.txt' });
    expect(result.papers).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error' });
  });
});
