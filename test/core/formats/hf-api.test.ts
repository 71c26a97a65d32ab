import { describe, expect, it } from 'vitest';
import { hfApi } from '../../../src/core/parse/hf-api.js';
import { sample } from './fixtures.js';

describe('hf-api: hf-api-1.json (2024 schema, 2024-10-25, cut to 8 items)', () => {
  const result = hfApi.parse(sample('hf-api-1.json'), { file: 'hf-api-1.json' });

  it('reads 8 papers with ids, upvotes and the Daily Papers date', () => {
    expect(result.format).toBe('hf-api');
    expect(result.diagnostics).toEqual([]);
    expect(result.papers.map((p) => [p.id, p.upvotes])).toEqual([
      ['2410.17243', 64], ['2410.16251', 41], ['2410.18533', 37], ['2410.18693', 35],
      ['2410.18975', 28], ['2410.18978', 27], ['2410.18798', 17], ['2410.18745', 14],
    ]);
    expect(result.papers.every((p) => p.date === '2024-10-25' && p.abstractKind === 'abstract' && p.arxivId === p.id)).toBe(true);
  });

  it('takes the unwrapped top-level title and the authors, joins the wrapped summary', () => {
    const [first, , third, fourth] = result.papers;
    expect(first!.title).toBe('Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss');
    expect(fourth!.title).toBe('Unleashing Reasoning Capability of LLMs via Scalable Question Synthesis from Scratch');
    expect(first!.authors).toEqual(['Zesen Cheng', 'Hang Zhang', 'Kehan Li', 'Sicong Leng', 'Zhiqiang Hu', 'Fei Wu', 'Deli Zhao', 'Xin Li', 'Lidong Bing']);
    expect(third!.abstract.startsWith('Long-context models(LCMs) have shown great potential in processing long input sequences(even more than 100M tokens) conveniently and effectively.')).toBe(true);
    expect(first!.abstract.endsWith('comparable speed. The code will be made publicly available.')).toBe(true);
  });

  it('finds the code link in a summary', () => {
    const chart = result.papers.find((p) => p.id === '2410.18798')!;
    expect(chart.links).toEqual([{ url: 'https://github.com/hewei2001/ReachQA', kind: 'code' }]);
  });
});

describe('hf-api: the 2025+ schema (hand-written after FORMATS.md section 2)', () => {
  const item = {
    paper: {
      id: '2507.01234',
      authors: [{ _id: 'a1', name: 'Ada Lovelace', hidden: false, status: 'claimed_verified' }, { _id: 'a2', name: 'Alan Turing', hidden: false }],
      publishedAt: '2025-07-01T17:59:59.000Z',
      submittedOnDailyAt: '2025-07-02T01:02:03.000Z',
      title: 'A Wrapped\n  Title',
      summary: 'We \\method study things.\nCode at the repo.',
      upvotes: 140,
      discussionId: 'd1',
      ai_summary: 'One sentence.',
      ai_keywords: ['x'],
      githubRepo: 'https://github.com/org/repo',
      githubStars: 12,
      projectPage: 'https://org.github.io/project',
    },
    publishedAt: '2025-07-02T01:02:03.000Z',
    title: 'A Wrapped Title',
    summary: 'We \\method study things.\nCode at the repo.',
    thumbnail: 't.png',
    numComments: 3,
    submittedBy: { fullname: 'Someone', name: 'someone', type: 'user', isPro: false, isHf: false, isMod: false },
    isAuthorParticipating: true,
  };

  it('reads the GitHub repo as a code link and the project page as a project link', () => {
    const result = hfApi.parse(JSON.stringify([item], null, 2), { file: 'api.json' });
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({
      id: '2507.01234',
      title: 'A Wrapped Title',
      authors: ['Ada Lovelace', 'Alan Turing'],
      upvotes: 140,
      date: '2025-07-02',
      abstractKind: 'abstract',
      links: [
        { url: 'https://github.com/org/repo', kind: 'code' },
        { url: 'https://org.github.io/project', kind: 'project' },
      ],
      source: { file: 'api.json', line: 2 },
    });
    expect(result.papers[0]!.abstract).toBe('We method study things. Code at the repo.');
  });

  it('falls back to the AI summary, marked as a summary', () => {
    const { summary: _s, ...rest } = item;
    const { summary: _p, ...paper } = item.paper;
    const result = hfApi.parse(JSON.stringify([{ ...rest, paper }]), { file: 'api.json' });
    expect(result.papers[0]).toMatchObject({ abstract: 'One sentence.', abstractKind: 'summary' });
  });

  it('points each paper at the line its item starts on', () => {
    const text = `[\n${JSON.stringify(item)},\n\n${JSON.stringify({ ...item, paper: { ...item.paper, id: '2507.09999' } })}\n]`;
    expect(hfApi.parse(text, { file: 'a.json' }).papers.map((p) => p.source.line)).toEqual([2, 4]);
  });
});

describe('hf-api: bad input becomes a diagnostic', () => {
  it('reports invalid JSON with its line', () => {
    const result = hfApi.parse('[\n{"paper": {"id": "2410.1"},\n oops]', { file: 'a.json' });
    expect(result.papers).toEqual([]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 3, message: expect.stringContaining('not valid JSON') })]);
  });

  it('refuses very deep nesting without calling JSON.parse on it', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const result = hfApi.parse(deep, { file: 'a.json' });
    expect(result.diagnostics[0]!.message).toContain('nested more than');
  });

  it('skips items without a title and says so', () => {
    const result = hfApi.parse('[{"paper": {"id": "2410.00001"}}, 3]', { file: 'a.json' });
    expect(result.papers).toEqual([]);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['warning', 'warning', 'error']);
  });
});
