// Detection by content picks the right format for every real sample and every hand-written
// fixture, and hf-page (the forgiving default) claims none of the others.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, FORMATS, formatByName, parseDigest } from '../../../src/core/parse/index.js';
import { sample, SAMPLES } from './fixtures.js';
import { mail } from './mail-build.js';
import { NEWSLETTER_HTML, NEWSLETTER_TEXT } from './newsletter-fixtures.js';

const EXPECTED: Record<(typeof SAMPLES)[number], string> = {
  'arxiv-mailing-1.txt': 'arxiv-mail',
  'arxiv-mailing-2.txt': 'arxiv-mail',
  'arxiv-mailing-3.txt': 'arxiv-mail',
  'google-scholar-alert-1.txt': 'scholar-alert',
  'google-scholar-alert-2.txt': 'scholar-alert',
  'google-scholar-alert-3.txt': 'scholar-alert',
  'google-scholar-alert-4.txt': 'scholar-alert',
  'hf-api-1.json': 'hf-api',
  'hf-papers-2.txt': 'hf-page',
};

describe('detectFormat', () => {
  it.each(SAMPLES)('recognises %s', (name) => {
    expect(detectFormat(sample(name)).name).toBe(EXPECTED[name]);
  });

  it('reads hf-papers-2.txt as the HF page it is: 20 papers (the capture is cut after the 20th)', () => {
    const result = parseDigest(sample('hf-papers-2.txt'), { file: 'hf-papers-2.txt', year: 2026 });
    expect(result.format).toBe('hf-page');
    expect(result.papers).toHaveLength(20);
    expect(result.papers[0]!.title).toBe('MURMUR: An Efficient Inference System for Long-Form ASR');
  });

  it('recognises the bundled seed as an HF page', () => {
    const seed = readFileSync(new URL('../../../seeds/000_8fc7cc936e25f888.txt', import.meta.url), 'utf8');
    expect(detectFormat(seed).name).toBe('hf-page');
  });

  it('recognises the hand-written formats', () => {
    expect(detectFormat(NEWSLETTER_TEXT).name).toBe('hf-newsletter');
    expect(detectFormat(NEWSLETTER_HTML).name).toBe('hf-newsletter');
    expect(detectFormat('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>cs.AI updates on arXiv.org</title></channel></rss>').name).toBe('arxiv-feed');
    expect(detectFormat('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>http://arxiv.org/api/x</id></feed>').name).toBe('arxiv-feed');
    expect(detectFormat(mail({ From: 'a@b.c', Subject: 'x' }, [{ type: 'text/html', body: sample('google-scholar-alert-1.txt') }])).name).toBe('eml');
    expect(detectFormat(`From a@b.c Mon Jan  1 00:00:00 2024\nFrom: a@b.c\n\nhello\n`).name).toBe('mbox');
  });

  it('scores each sample highest for its own format, clearly above hf-page', () => {
    const hfPage = formatByName('hf-page')!;
    for (const name of SAMPLES) {
      if (EXPECTED[name] === 'hf-page') continue;
      const text = sample(name);
      const own = formatByName(EXPECTED[name])!.detect(text);
      expect(own).toBeGreaterThan(hfPage.detect(text) + 0.3);
    }
  });

  it('lists every format once by name', () => {
    const names = FORMATS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['hf-page', 'hf-api', 'arxiv-mail', 'arxiv-feed', 'scholar-alert', 'hf-newsletter', 'eml', 'mbox']));
  });
});
