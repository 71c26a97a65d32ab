// markdown-it as the markdown reader cheapens it must give what markdown-it gives: tokens with the
// same fields and values in the same stream, and the same link targets, on real samples and on soup.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { usePlainTokens, useSimpleLinks } from '../../../src/core/markup/markdown-it-fast.js';
import { sample } from './fixtures.js';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const stock = new MarkdownIt({ html: true });
const plain = new MarkdownIt({ html: true });
usePlainTokens(plain);
useSimpleLinks(plain);

/** A token's own fields in one order, children included. */
function fields(t: Token): unknown {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(t).sort()) {
    const value = (t as unknown as Record<string, unknown>)[key];
    out[key] = key === 'children' && Array.isArray(value) ? value.map(fields) : value;
  }
  return out;
}
const stream = (md: InstanceType<typeof MarkdownIt>, text: string) => md.parse(text, {}).map(fields);

const MARKDOWN = ['digest-ja-1.md', 'digest-zh-1.md', 'jekyll-ko-1.md', 'jekyll-zh-1.md', 'newsletter-zh-1.md', 'readme-details-1.md', 'scholar-report-1.md', 'table-1.md', 'themes-md-1.md'];
const SOUP = ['\n', '\n\n', ' ', '# ', '- ', '1. ', '> ', '|', '|---|\n', '**', '*', '_', '`', '```\n', '[', ']', '](', ')', '![', '<b>', '</b>', '<a href="x">', '</a>', '<details>', '&amp;', '\\', 'https://arxiv.org/abs/2601.00001', 'word', '[x]: /url\n', '    code\n'];

describe('markdown-it made cheaper', () => {
  it('are markdown-it tokens, prototype methods included', () => {
    const [token] = plain.parse('# A [link](https://arxiv.org/abs/2601.00001)', {});
    const link = plain.parse('[x](https://arxiv.org/abs/2601.00001)', {})[1]!.children![0]!;
    expect(token).toBeInstanceOf(stock.parse('# A', {})[0]!.constructor);
    expect(link.attrGet('href')).toBe('https://arxiv.org/abs/2601.00001');
  });

  it('make the same token stream as markdown-it on every real markdown sample', () => {
    for (const name of MARKDOWN) expect(stream(plain, sample(name)), name).toEqual(stream(stock, sample(name)));
  });

  it('make the same token stream as markdown-it on markdown soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SOUP), { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        expect(stream(plain, text)).toEqual(stream(stock, text));
      }),
      { numRuns: 300 },
    );
  });

  it('normalizes link targets as markdown-it does', () => {
    const parts = ['http://', 'https://', 'HTTPS://', '//', 'arxiv.org', 'a', '-', '.', '/', '?', '#', '%', '%20', '@', ':', '80', "'", '(', ')', '!', '$', '&', '+', ',', ';', '=', '*', '~', '_', ' ', '[', ']', '\\', 'é', 'ü.de', 'xn--', 'mailto:', 'javascript:', '2601.00001', 'A'.repeat(40)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 24 }), (p) => {
        const url = p.join('');
        expect(plain.normalizeLink(url)).toBe(stock.normalizeLink(url));
      }),
      { numRuns: 3000 },
    );
  });
});
