import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/core/markup/entities.js';
import { htmlToText, looksLikeHtml } from '../../../src/core/markup/html-text.js';
import { tokenizeMarkup, type MarkupToken } from '../../../src/core/markup/tokenize.js';
import { parseXml, textOf, MAX_DEPTH } from '../../../src/core/markup/xml-tree.js';

const tokens = (src: string) => {
  const out: MarkupToken[] = [];
  tokenizeMarkup(src, (t) => out.push(t));
  return out;
};

describe('markup tokenizer', () => {
  it('reads tags, attributes in every quoting, entities, CDATA; skips comments, doctype, PIs', () => {
    expect(tokens(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><A Href='x&amp;y' b=c d><!-- no --><![CDATA[<raw> &amp;]]>t&lt;&#233;&#x41;&eacute;&bogus;</a><br/>`)).toEqual([
      { kind: 'open', name: 'a', attrs: { href: 'x&y', b: 'c', d: '' }, selfClosing: false, offset: 51 },
      { kind: 'text', text: '<raw> &amp;', offset: 95 },
      { kind: 'text', text: 't<éAé&bogus;', offset: 109 },
      { kind: 'close', name: 'a', offset: 141 },
      { kind: 'open', name: 'br', attrs: {}, selfClosing: true, offset: 145 },
    ]);
  });

  it('keeps a lone < as text and runs unclosed constructs to the end', () => {
    expect(tokens('a < b')).toEqual([{ kind: 'text', text: 'a < b', offset: 0 }]);
    expect(tokens('x<!-- never closed')).toEqual([{ kind: 'text', text: 'x', offset: 0 }]);
    expect(tokens('<a href="never closed>')).toEqual([{ kind: 'open', name: 'a', attrs: { href: 'never closed>' }, selfClosing: false, offset: 0 }]);
  });

  it('refuses an attribute named __proto__ and leaves unknown or invalid references alone', () => {
    const [open] = tokens('<a __proto__="x" constructor="y">');
    expect(Object.getPrototypeOf((open as { attrs: object }).attrs)).toBe(Object.prototype);
    expect((open as { attrs: Record<string, string> }).attrs).toEqual({ constructor: 'y' });
    expect(decodeEntities('&constructor; &#0; &#xD800; &#99999999;')).toBe('&constructor; &#0; &#xD800; &#99999999;');
  });
});

describe('xml tree', () => {
  it('closes unclosed elements at their parent and flattens nesting past MAX_DEPTH', () => {
    const doc = parseXml('<feed><entry><title>A</title><summary>B<i>C</summary></entry></feed>');
    expect(textOf(doc.root)).toBe('ABC');
    const deep = parseXml(`${'<x>'.repeat(MAX_DEPTH + 50)}deep${'</x>'.repeat(MAX_DEPTH + 50)}<y>after</y>`);
    expect(deep.flattened).toBe(true);
    expect(textOf(deep.root)).toBe('deepafter');
  });
});

describe('html to text', () => {
  it('recognises HTML and keeps link targets', () => {
    expect(looksLikeHtml('<a href="x">y</a>')).toBe(true);
    expect(looksLikeHtml('Title (140 ▲) <https://huggingface.co/papers/2607.00001>')).toBe(false);
    expect(htmlToText('<html><head><style>p{}</style></head><body><p>One &amp; <a href="https://x.org/a">two</a></p><p>three<br>four</p></body></html>')).toBe(
      'One & two <https://x.org/a>\n\nthree\nfour',
    );
  });
});
