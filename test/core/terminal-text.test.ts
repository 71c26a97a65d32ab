// The terminal sanitiser and the one width function (string-width) with truncation and wrap on it.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { escapeControls, hasControls, showControls, showControlsLine, withoutControls } from '../../src/core/text/terminal-safe.js';
import { fit, textWidth, truncate, wrap } from '../../src/core/text/columns.js';
import * as ui from '../../src/ui/text.js';

const HOSTILE = {
  osc52: '\u001b]52;c;cm0gLXJmIH4K\u0007',
  title: '\u001b]0;pwned\u001b\\',
  csi: '\u001b[2J\u001b[H\u001b[31m',
  c1: '\u009b31m\u009d0;x\u009c',
  bidi: '\u202eevil\u202c \u2066iso\u2069',
  c0: '\u0000\u0007\u0008\r\u000b\u000c',
  del: 'a\u007fb',
};
const ALL = Object.values(HOSTILE).join(' ');
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('showControls', () => {
  it('shows every control class as a visible character, keeping the length', () => {
    for (const [name, text] of Object.entries(HOSTILE)) {
      const shown = showControls(text);
      expect(shown, name).not.toMatch(DANGEROUS);
      expect(shown.length, name).toBe(text.length);
    }
    expect(showControls('\u001b[31m')).toBe('␛[31m');
    expect(showControls('\u0000\r\u007f')).toBe('␀␍␡');
    expect(showControls('\u009b\u202e\u2066')).toBe('\ufffd\ufffd\ufffd');
  });

  it('keeps tab, newline and ordinary text; the line form makes them spaces', () => {
    expect(showControls('a\tb\nc 日本 é')).toBe('a\tb\nc 日本 é');
    expect(showControlsLine('a\tb\nc')).toBe('a b c');
    expect(showControlsLine(ALL)).not.toMatch(/[\t\n]/);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => showControls(showControls(s)) === showControls(s)));
  });

  it('withoutControls removes what showControls shows', () => {
    expect(withoutControls(`x${ALL}y`)).not.toMatch(DANGEROUS);
    expect(withoutControls('a\u001b[31mb')).toBe('a[31mb');
    expect(hasControls('plain 日本')).toBe(false);
  });
});

describe('escapeControls', () => {
  it('leaves JSON meaning exact while no raw control remains', () => {
    const value = { title: ALL, authors: ['\u009bx', '\u202e'] };
    const json = escapeControls(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(DANGEROUS);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('keeps papers’ colour sequences only when asked, and nothing else', () => {
    const text = `\u001b[1mbold\u001b[22m ${HOSTILE.osc52}`;
    const kept = escapeControls(text, true);
    expect(kept.startsWith('\u001b[1mbold\u001b[22m ')).toBe(true);
    expect(kept).toContain('\\u001b]52;');
    expect(escapeControls(text)).not.toMatch(DANGEROUS);
  });
});

const widthCases = ['日本語のタイトル', 'e\u0301te\u0301', '👩‍👩‍👧 family', '🇯🇵 flag', 'Ａ全角', '한국어 제목', 'a\u200bb', '1\ufe0f\u20e3', 'plain ascii', 'x\u0600y'];

describe('textWidth', () => {
  it('is string-width, on CJK, emoji, combining marks and mixtures', () => {
    for (const s of widthCases) expect(textWidth(s), s).toBe(stringWidth(s));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...widthCases, ' ', 'a', '\u0301', '\u200d', '日', '👍', '\ufe0f'), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        return textWidth(s) === stringWidth(s);
      }),
    );
  });

  it('counts escape sequences as zero columns', () => {
    expect(textWidth('\u001b[1m日本\u001b[22m')).toBe(4);
    expect(textWidth('\u001b]8;;https://x.org\u001b\\link\u001b]8;;\u001b\\')).toBe(4);
  });
});

describe('truncate', () => {
  it('fits within the width and ends in … when cut', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...widthCases, '日', 'a', ' ', '👍🏽'), { maxLength: 20 }), fc.integer({ min: 0, max: 40 }), (parts, width) => {
        const s = parts.join('');
        const t = truncate(s, width);
        const w = stringWidth(t);
        if (w > width) return false;
        if (width === 0) return t === '';
        if (t === s) return stringWidth(s) <= width;
        return t.endsWith('…') && s.startsWith(t.slice(0, -1));
      }),
    );
  });

  it('never splits a grapheme', () => {
    const family = '👩‍👩‍👧';
    for (let width = 1; width < 12; width++) {
      const t = truncate(`${family}${family}${family}é\u0301`, width).replace(/…$/, '');
      const graphemes = [...new Intl.Segmenter().segment(t)].map((g) => g.segment);
      for (const g of graphemes) expect([family, 'é\u0301']).toContain(g);
    }
    expect(truncate('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
  });

  it('never cuts an escape sequence, and keeps the ones after the cut so a link closes', () => {
    const link = '\u001b]8;;https://arxiv.org/abs/2501.00001\u001b\\A very long linked title\u001b]8;;\u001b\\';
    const styled = `\u001b[1m${link}\u001b[22m tail`;
    for (let width = 1; width < 30; width++) {
      const t = truncate(styled, width);
      expect(t).toContain('\u001b]8;;https://arxiv.org/abs/2501.00001\u001b\\');
      expect(t).toContain('\u001b]8;;\u001b\\');
      expect(t.endsWith('\u001b[22m') || t.endsWith('tail') || t.endsWith('…')).toBe(true);
      expect(stringWidth(t)).toBeLessThanOrEqual(width);
    }
  });

  it('fit pads to exactly the width', () => {
    for (const s of widthCases) for (const width of [1, 3, 8, 20]) expect(stringWidth(fit(s, width)), `${s} ${width}`).toBe(width);
  });
});

describe('wrap', () => {
  it('breaks lines by width, CJK counted double', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('日本語日本語', 4)).toEqual(['日本', '語日', '本語']);
    expect(wrap('a\n\nb', 5)).toEqual(['a', '', 'b']);
    expect(wrap('日', 1)).toEqual(['日']);
  });

  it('is linear: a 4 MB word wraps, every line full but the last', () => {
    const word = 'x'.repeat(4 * 1024 * 1024);
    const lines = wrap(`start ${word} end`, 80);
    expect(lines[0]).toBe('start');
    expect(lines.at(-1)).toBe(`${'x'.repeat((4 * 1024 * 1024) % 80)} end`);
    expect(lines.slice(1, -1).every((l) => l.length === 80)).toBe(true);
    expect(lines.join('').length).toBe(word.length + 'startend'.length + 1);
  });

  it('is linear on a 4 MB word of wide characters too', () => {
    const word = '語'.repeat(1024 * 1024);
    const lines = wrap(word, 81);
    expect(lines).toHaveLength(Math.ceil((2 * 1024 * 1024) / 80));
    // 40 of them fill 80 of the 81 columns; a 41st would not fit
    expect(lines.slice(0, -1).every((l) => l === '語'.repeat(40))).toBe(true);
  });
});

describe('the UI text helpers', () => {
  it('show every control of what they are given', () => {
    expect(ui.truncate(ALL, 200)).not.toMatch(DANGEROUS);
    expect(ui.fit(ALL, 300)).not.toMatch(DANGEROUS);
    expect(ui.wrap(ALL, 30).join('\n')).not.toMatch(DANGEROUS);
    expect(ui.segments(ALL, [[0, 5]]).map((s) => s.text).join('')).not.toMatch(DANGEROUS);
  });

  it('highlight segments keep their offsets through the sanitiser', () => {
    expect(ui.segments('\u001bab\u202ecd', [[1, 3], [2, 4]])).toEqual([
      { text: '␛', hit: false },
      { text: 'ab\ufffd', hit: true },
      { text: 'cd', hit: false },
    ]);
  });
});
