import { describe, expect, it } from 'vitest';
import { realUrl, scholarAlert, splitByline } from '../../../src/core/parse/scholar-alert.js';
import { sample } from './fixtures.js';

const parse = (name: string) => scholarAlert.parse(sample(name), { file: name });

describe('scholar-alert: the four real alert bodies', () => {
  it('finds 3, 3, 2 and 1 papers', () => {
    expect([1, 2, 3, 4].map((n) => parse(`google-scholar-alert-${n}.txt`).papers.length)).toEqual([3, 3, 2, 1]);
    for (const n of [1, 2, 3, 4]) expect(parse(`google-scholar-alert-${n}.txt`).diagnostics).toEqual([]);
  });

  it('takes the real URL out of each scholar_url redirect', () => {
    const urls = (n: number) => parse(`google-scholar-alert-${n}.txt`).papers.map((p) => p.links.map((l) => l.url));
    expect(urls(1)).toEqual([['https://arxiv.org/pdf/1912.02015'], ['https://ieeexplore.ieee.org/abstract/document/8919471/'], ['https://ieeexplore.ieee.org/abstract/document/8919008/']]);
    expect(urls(2)).toEqual([['http://ceur-ws.org/Vol-2510/sattose2019_paper_14.pdf'], ['https://tel.archives-ouvertes.fr/tel-02396530/document'], ['https://link.springer.com/chapter/10.1007/978-3-030-36808-1_42']]);
    expect(urls(3)).toEqual([
      ['http://ceur-ws.org/Vol-2510/sattose2019_paper_14.pdf'],
      ['https://www.researchgate.net/profile/Mehrdad_Abdi2/publication/337709673_Adopting_Program_Synthesis_for_Test_Amplification/links/5de65be6299bf10bc33bac44/Adopting-Program-Synthesis-for-Test-Amplification.pdf'],
    ]);
    expect(urls(4)).toEqual([['https://arxiv.org/pdf/1912.02972']]);
    // the link is the publication, never a "project page"
    const kinds = [1, 2, 3, 4].flatMap((n) => parse(`google-scholar-alert-${n}.txt`).papers.flatMap((p) => p.links.map((l) => l.kind)));
    expect(new Set(kinds)).toEqual(new Set(['other']));
  });

  it('reads title, authors and venue (NBSP before " - "), snippet, arXiv id', () => {
    const [first, second, third] = parse('google-scholar-alert-1.txt').papers;
    expect(first).toMatchObject({
      id: '1912.02015',
      arxivId: '1912.02015',
      title: 'Using Sequence-to-Sequence Learning for Repairing C Vulnerabilities',
      authors: ['Z Chen', 'S Kommrusch', 'M Monperrus'],
      venue: 'arXiv preprint arXiv:1912.02015, 2019',
      abstractKind: 'snippet',
      abstract: 'Software vulnerabilities affect all businesses and research is being done to avoid, detect or repair them. In this article, we contribute a new technique for automatic vulnerability fixing. We present a system that uses the rich software development …',
      date: null,
      announceType: null,
    });
    expect(second).toMatchObject({ arxivId: null, authors: ['PM Nguyen', 'K Than', 'M Le Nguyen'], venue: '… on Knowledge and Systems Engineering (KSE), 2019', title: 'Marking Mechanism in Sequence-to-sequence Model for Mapping Language to Logical Form' });
    expect(second!.id).toMatch(/^t[0-9a-z]{8}$/);
    expect(third).toMatchObject({ title: 'Personalized Code Recommendation', authors: ['T Nguyen', 'P Vu', 'T Nguyen'], venue: '2019 IEEE International Conference on Software …' });
  });

  it('reads a plain-space byline, and a byline without a venue', () => {
    const [karmakar, abdi] = parse('google-scholar-alert-3.txt').papers;
    expect(karmakar).toMatchObject({ title: 'Establishing Benchmarks For Learning Program Representations', authors: ['A Karmakar'], venue: '2019' });
    expect(abdi).toMatchObject({ title: 'Adopting Program Synthesis for Test Amplification', authors: ['M Abdi', 'H Rocha', 'S Demeyer'], venue: null });
    expect(abdi!.abstract).toBe('Program synthesis is the task of enabling a computer system to automatically write program code based on user intent. Test amplification on the other hand is an emerging research area, where the goal is to generate new test cases from manually …');
    const springer = parse('google-scholar-alert-2.txt').papers[2]!;
    expect(springer).toMatchObject({ title: 'Code Generation from Supervised Code Embeddings', authors: ['H Hu', 'Q Chen', 'Z Liu'], venue: 'International Conference on Neural Information …, 2019' });
  });

  it('reads the only paper of alert 4', () => {
    expect(parse('google-scholar-alert-4.txt').papers[0]).toMatchObject({
      id: '1912.02972',
      title: 'ATOM: Commit Message Generation Based on Abstract Syntax Tree and Hybrid Ranking',
      authors: ['S Liu', 'C Gao', 'S Chen', 'LY Nie', 'Y Liu'],
    });
  });
});

describe('scholar-alert helpers', () => {
  it('decodes a percent-encoded url parameter and leaves other links alone', () => {
    expect(realUrl('https://scholar.google.com/scholar_url?url=https%3A%2F%2Fx.org%2Fa%3Fb%3D1%26c%3D2&hl=en')).toBe('https://x.org/a?b=1&c=2');
    expect(realUrl('https://x.org/paper.pdf')).toBe('https://x.org/paper.pdf');
    expect(realUrl('https://scholar.google.com/scholar_url?url=%E0%A4%A&hl=en')).toBe('%E0%A4%A');
  });

  it('splits a byline at the first dash and drops a truncation mark', () => {
    expect(splitByline('A Smith, B Jones…\u00a0- Nature, 2020')).toEqual({ authors: ['A Smith', 'B Jones'], venue: 'Nature, 2020' });
  });
});
