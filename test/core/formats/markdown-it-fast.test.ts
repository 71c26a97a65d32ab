// markdown-it as the markdown reader cheapens it must give what markdown-it gives: tokens with the
// same fields and values in the same stream, and the same link targets, on real samples and on soup.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { blockBatches, usePlainTokens, useSimpleLinks } from '../../../src/core/markup/markdown-it-fast.js';
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

/** The block pass only, as the markdown reader runs it. */
const blockOnly = (md: InstanceType<typeof MarkdownIt>) => {
  md.core.ruler.disable(['inline', 'text_join']);
  return md;
};
const stockBlocks = blockOnly(new MarkdownIt({ html: true }));
const plainBlocks = blockOnly(new MarkdownIt({ html: true }));
usePlainTokens(plainBlocks);
const LINE_SOUP = [' ', '  ', '\t', ' \t', '\n', '\n\n', 'a', '- b', '    c'];
const lineIndex = (md: InstanceType<typeof MarkdownIt>, text: string) => {
  const s = new md.block.State(text, md, {}, []);
  // the values, whether held in arrays (markdown-it's) or typed arrays (ours)
  return [...[s.bMarks, s.eMarks, s.tShift, s.sCount, s.bsCount].map((a) => Array.from(a)), s.lineMax];
};
const batched = (text: string) => {
  const env: Record<string, unknown> = {};
  const tokens: Token[] = [];
  /** The references as each batch finds them: all of them, from the first batch on. */
  let seen: unknown = {};
  blockBatches(plainBlocks, text, env, (batch) => {
    if (tokens.length === 0) seen = structuredClone(env);
    tokens.push(...batch);
  });
  return { tokens: tokens.map(fields), env: seen };
};
const whole = (text: string) => {
  const env: Record<string, unknown> = {};
  const tokens = stockBlocks.parse(text, env).map(fields);
  return { tokens, env: tokens.length > 0 ? env : {} };
};

/** `a` and `b` agree on every text made of `soup`'s pieces. */
const agreeOnSoup = <T>(soup: readonly string[], maxLength: number, numRuns: number, a: (text: string) => T, b: (text: string) => T) =>
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...soup), { maxLength }), (parts) => {
      const text = parts.join('');
      expect(a(text)).toEqual(b(text));
    }),
    { numRuns },
  );

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
    agreeOnSoup(SOUP, 120, 300, (text) => stream(plain, text), (text) => stream(stock, text));
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

  it('index lines as markdown-it does, tabs and white space at the end included', () => {
    for (const name of MARKDOWN) expect(lineIndex(plain, sample(name)), name).toEqual(lineIndex(stock, sample(name)));
    agreeOnSoup(LINE_SOUP, 40, 1000, (text) => lineIndex(plain, text), (text) => lineIndex(stock, text));
  });

  it('hand over the block pass in batches that make the tokens and references of md.parse', () => {
    for (const name of MARKDOWN) expect(batched(sample(name)), name).toEqual(whole(sample(name)));
    const long = Array.from({ length: 300 }, (_, i) => `## Card ${i}\n\n- [x][r${i % 7}]\n\n`).join('') + '[r3]: https://arxiv.org/abs/2601.00003\n';
    expect(batched(long)).toEqual(whole(long));
    expect(batched(long).env).toHaveProperty('references.R3');
    agreeOnSoup([...SOUP, '\r\n', '\r', '\0', '[r]: /u\n', ']:'], 400, 300, batched, whole);
  });
});
