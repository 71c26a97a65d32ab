// The HF Daily Papers newsletter has no real sample: these fixtures mirror FORMATS.md section 6.
import { describe, expect, it } from 'vitest';
import { hfNewsletter } from '../../../src/core/parse/hf-newsletter.js';
import { NEWSLETTER_HTML, NEWSLETTER_TEXT } from './newsletter-fixtures.js';

describe('hf-newsletter', () => {
  it('reads titles, upvotes and arXiv ids from the text version; no abstracts', () => {
    const result = hfNewsletter.parse(NEWSLETTER_TEXT, { file: 'n.txt', year: 2026 });
    expect(result.papers.map((p) => [p.id, p.title, p.upvotes, p.date, p.source.line, p.abstractKind])).toEqual([
      ['2607.00001', 'Scaling Laws for Tiny Models', 140, '2026-07-06', 6, 'none'],
      ['2607.00002', 'A Survey of Everything', 1204, '2026-07-06', 7, 'none'],
      [expect.stringMatching(/^t/), 'Untitled Without Link', 3, '2026-07-06', 8, 'none'],
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ line: 8, severity: 'info' })]);
  });

  it('reads the HTML version through its links', () => {
    const result = hfNewsletter.parse(NEWSLETTER_HTML, { file: 'n.html', year: 2026 });
    expect(result.papers.map((p) => [p.id, p.title, p.upvotes, p.date])).toEqual([
      ['2607.00001', 'Scaling Laws for Tiny Models', 140, '2026-07-06'],
      ['2607.00002', 'A Survey of Everything', 1204, '2026-07-06'],
    ]);
  });

  it('reads a count written after the link, outside the anchor', () => {
    const html = '<html><body><p>Here is the selection of papers for today (6 Jul):</p><p><a href="https://huggingface.co/papers/2607.00003">Outside Count</a> (9 ▲)</p></body></html>';
    expect(hfNewsletter.parse(html, { file: 'n.html', year: 2026 }).papers.map((p) => [p.id, p.title, p.upvotes])).toEqual([['2607.00003', 'Outside Count', 9]]);
  });

  it('leaves the date empty when no year is known', () => {
    expect(hfNewsletter.parse(NEWSLETTER_TEXT, { file: 'n.txt' }).papers[0]!.date).toBeNull();
  });
});
