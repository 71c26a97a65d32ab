// markdown-it made cheaper where the markdown reader does not need its generality, each part
// proved equal to markdown-it's own by test/core/formats/markdown-it-fast.test.ts:
// - tokens made without its class-field helper: markdown-it 15 ships with class fields compiled to
//   a `_defineProperty` call per field, which makes each Token dearer than the parsing around it.
//   The parser states below push tokens of a class with the same fields, set plainly, and Token's
//   prototype (attrGet and the rest, `instanceof Token`); everything else is markdown-it's own;
// - link targets that normalizing would leave as they are (ASCII, nothing to percent-encode, a
//   plain host) are not parsed into a URL and formatted back.
import type MarkdownIt from 'markdown-it';

type Md = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Md['parse']>[number];

/** Has `md` push plain tokens in its block and inline passes. */
export function usePlainTokens(md: Md): void {
  const Token = new md.block.State('', md, {}, []).Token as unknown as { prototype: Token };
  function PlainToken(this: Token, type: string, tag: string, nesting: Token['nesting']) {
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.map = null;
    this.nesting = nesting;
    this.level = 0;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.meta = null;
    this.block = false;
    this.hidden = false;
  }
  PlainToken.prototype = Object.create(Token.prototype, { constructor: { value: PlainToken, writable: true, configurable: true } });
  const make = PlainToken as unknown as new (type: string, tag: string, nesting: Token['nesting']) => Token;

  const BlockState = md.block.State;
  class PlainBlockState extends BlockState {
    override push(type: string, tag: string, nesting: Token['nesting']): Token {
      const token = new make(type, tag, nesting);
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }
  }
  const InlineState = md.inline.State;
  class PlainInlineState extends InlineState {
    override pushPending(): Token {
      const token = new make('text', '', 0);
      token.content = this.pending;
      token.level = this.pendingLevel;
      this.tokens.push(token);
      this.pending = '';
      return token;
    }
    override push(type: string, tag: string, nesting: Token['nesting']): Token {
      if (this.pending) this.pushPending();
      const token = new make(type, tag, nesting);
      let meta: { delimiters: InstanceType<typeof InlineState>['delimiters'] } | undefined;
      if (nesting < 0) {
        this.level--;
        this.delimiters = this._prev_delimiters.pop()!;
      }
      token.level = this.level;
      if (nesting > 0) {
        this.level++;
        this._prev_delimiters.push(this.delimiters);
        this.delimiters = [];
        meta = { delimiters: this.delimiters };
      }
      this.pendingLevel = this.level;
      this.tokens.push(token);
      this.tokens_meta.push(meta);
      return token;
    }
  }
  md.block.State = PlainBlockState;
  md.inline.State = PlainInlineState;
}

/**
 * A link target markdown-it's normalizeLink returns unchanged: an http(s) URL with a plain host, or
 * a relative path (not `//host`), made of characters percent-encoding keeps, with no `%`, `@` or port;
 * a host of at most 8 labels of 30 characters stays under mdurl's 255.
 */
const UNCHANGED_LINK = /^(?:https?:\/\/[A-Za-z0-9-]{1,30}(?:\.[A-Za-z0-9-]{1,30}){0,7}(?=[/?#]|$)|(?!\/\/)(?=[A-Za-z0-9._~/#?-]))[A-Za-z0-9\-._~/?#!$&'()*+,;=]*$/;

/** Has `md` skip normalizing link targets that normalizing would leave as they are. */
export function useSimpleLinks(md: Md): void {
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => (url.length <= 2000 && UNCHANGED_LINK.test(url) ? url : normalizeLink(url));
}
