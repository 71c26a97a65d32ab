// No input may crash or hang a parser: arbitrary strings, strings built from each format's own
// syntax, and a few hand-made worst cases (huge single line, deep nesting, cut mails).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS, detectFormat, parseDigest } from '../../../src/core/parse/index.js';
import type { ParseResult } from '../../../src/core/model.js';
import { sample, SAMPLES } from './fixtures.js';
import * as YAML from 'yaml';

const MINE = FORMATS.filter((f) => f.name !== 'hf-page');

function wellFormed(result: ParseResult): void {
  expect(Array.isArray(result.papers)).toBe(true);
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const p of result.papers) {
    expect(p.id).not.toBe('');
    expect(p.source.line).toBeGreaterThanOrEqual(1);
  }
  for (const d of result.diagnostics) expect(d.line).toBeGreaterThanOrEqual(0);
}

// Pieces of every format's syntax, so random strings reach deep into the parsers.
const TOKENS = [
  '\n', '\r\n', ' ', '  ', '\t', '\\\\', '\\', 'arXiv:2303.08867', 'arXiv:hep-ex/0307015v2', ' (*cross-listing*)', 'Title: ', 'Authors: ',
  'Categories: ', 'Comments: ', 'replaced with revised version ', '\\\\ ( https://arxiv.org/abs/2303.08867 ,  1kb)', '-'.repeat(78),
  '%-%-%-%-%-%-', '%%--%%--%%--', '%%%---%%%---', 'Date: Fri, 17 Mar 23 00:31:14 GMT', "Fr\\'ed\\'eric", '{\\l}', '\\k{', '$', '{', '}',
  '<', '>', '</', '/>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE x [', '<?xml', '&amp;', '&#x', '&#99999999;', '&', '"', "'", '=',
  '<rss>', '<channel>', '<item>', '<title>', '</title>', '<entry>', '<feed>', '<summary>', '<id>oai:arXiv.org:2509.12345v1</id>',
  '<a class="gse_alrt_title" href="http://scholar.google.com/scholar_url?url=', '%E0%A4%A', '<div class="gse_alrt_sni">', '<div style="color:#006621">', '</div>', '<br>', '\u00a0- ',
  '[', ']', '{"paper":', '"title":', '"summary":', '"authors":[', '"upvotes":', ',', ':', 'null', '1e999',
  '(140 ▲)', '▲', 'https://huggingface.co/papers/2607.00001', 'Here is the selection of papers for today (6 Jul):',
  'From a@b.c Mon Jan  1 00:00:00 2024\n', '>From ', 'From: a@b.c\n', 'MIME-Version: 1.0\n', 'Content-Type: multipart/mixed; boundary="b"\n',
  'Content-Type: text/html\n', 'Content-Transfer-Encoding: base64\n', 'Content-Transfer-Encoding: quoted-printable\n', '--b\n', '--b--\n', '=\n', '=C3=A9', '=?utf-8?B?', '?=',
  '\u0000', '\ufffd', '\ud800', '😀',
];

const syntaxSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }).map((parts) => parts.join(''));

describe('robustness: every parser returns, never throws', () => {
  for (const format of FORMATS) {
    it(`${format.name}: arbitrary strings`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
          expect(() => format.detect(text)).not.toThrow();
          wellFormed(format.parse(text, { file: 'x', year: 2026, yaml: () => YAML }));
        }),
        { numRuns: 200 },
      );
    });

    it(`${format.name}: strings made of digest syntax`, () => {
      fc.assert(
        fc.property(syntaxSoup, (text) => {
          const score = format.detect(text);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
          wellFormed(format.parse(text, { file: 'x', year: 2026, yaml: () => YAML }));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('every format survives every real sample cut at any point', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.double({ min: 0, max: 1, noNaN: true }), (name, at) => {
        const text = sample(name);
        const cut = text.slice(0, Math.floor(text.length * at));
        for (const format of FORMATS) wellFormed(format.parse(cut, { file: name, yaml: () => YAML }));
      }),
      { numRuns: 60 },
    );
  });
});

describe('robustness: worst cases', () => {
  it('a 50 MB single line, through detection and each of this issue’s parsers', () => {
    const unit = 'arXiv:2303.08867 <a href="x">&amp; (1 ▲) {"paper": [ =C3 --b ';
    const line = unit.repeat(Math.ceil((50 * 1024 * 1024) / unit.length));
    expect(line.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const detected = detectFormat(line);
    expect(detected).toBeDefined();
    for (const format of MINE) wellFormed(format.parse(line, { file: 'big' }));
  }, 120_000);

  it('deeply nested JSON, XML and HTML', () => {
    const deepJson = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    const deepObject = `${'{"paper":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const deepXml = `<rss><channel>${'<item>'.repeat(200_000)}<title>x</title>${'</item>'.repeat(200_000)}</channel></rss>`;
    const deepHtml = `<html>${'<div class="gse_alrt_sni">'.repeat(200_000)}text${'</div>'.repeat(200_000)}</html>`;
    for (const text of [deepJson, deepObject, deepXml, deepHtml]) {
      for (const format of MINE) wellFormed(format.parse(text, { file: 'deep' }));
      wellFormed(parseDigest(text, { file: 'deep' }));
    }
    expect(parseDigest(deepJson, { file: 'deep' }, FORMATS.find((f) => f.name === 'hf-api')).diagnostics[0]!.severity).toBe('error');
  }, 60_000);

  it('unclosed constructs run to the end without rescanning', () => {
    const texts = ['<!--'.repeat(100_000), '<a href="'.repeat(100_000), '<!DOCTYPE ['.repeat(100_000), '&#x'.repeat(100_000), '=?utf-8?Q?'.repeat(100_000), '<'.repeat(1_000_000)];
    for (const text of texts) for (const format of MINE) wellFormed(format.parse(text, { file: 'x' }));
  }, 60_000);
});
