// markdown-it made cheaper where the markdown reader does not need its generality, each part
// proved equal to markdown-it's own by test/core/formats/markdown-it-fast.test.ts:
// - tokens made without its class-field helper: markdown-it 15 ships with class fields compiled to
//   a `_defineProperty` call per field, which makes each Token dearer than the parsing around it.
//   The parser states below push tokens of a class with the same fields, set plainly, and Token's
//   prototype (attrGet and the rest, `instanceof Token`); everything else is markdown-it's own;
// - the block state's line index built by searching for line ends, not by a step per character;
// - link targets that normalizing would leave as they are (ASCII, nothing to percent-encode, a
//   plain host) are not parsed into a URL and formatted back;
// - the block pass run top-level block by top-level block (blockBatches), each batch of tokens
//   handed over as soon as it is made: a whole digest's tokens held at once cost more in garbage
//   collection than the parsing did.
import type MarkdownIt from 'markdown-it';

type Md = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Md['parse']>[number];
type BlockState = InstanceType<Md['block']['State']>;

/**
 * The line index markdown-it's block state builds: each line's start, end (its `\n`, or the text's
 * end), leading spaces and tabs, and their width with tabs to the next multiple of 4. As there,
 * white space that ends the text is no line, and one empty line closes the index.
 */
function indexLines(state: BlockState, s: string): void {
  // typed arrays grown by doubling: a push a value per line cost a tenth of the whole parse;
  // markdown-it only reads and writes them by index
  let room = 64 + (s.length >> 5);
  let bMarks = new Int32Array(room);
  let eMarks = new Int32Array(room);
  let tShift = new Int32Array(room);
  let sCount = new Int32Array(room);
  const grown = (a: Int32Array) => {
    const b = new Int32Array(room);
    b.set(a);
    return b;
  };
  const len = s.length;
  let start = 0;
  let line = 0;
  while (start < len) {
    let pos = start;
    let offset = 0;
    for (; pos < len; pos++) {
      const ch = s.charCodeAt(pos);
      if (ch === 0x20) offset++;
      else if (ch === 0x09) offset += 4 - (offset % 4);
      else break;
    }
    if (pos === len) break;
    let end = s.indexOf('\n', pos);
    if (end === -1) end = len;
    // room for this line and the closing one
    if (line + 2 > room) {
      room *= 2;
      [bMarks, eMarks, tShift, sCount] = [grown(bMarks), grown(eMarks), grown(tShift), grown(sCount)];
    }
    bMarks[line] = start;
    eMarks[line] = end;
    tShift[line] = pos - start;
    sCount[line] = offset;
    line++;
    start = end + 1;
  }
  bMarks[line] = len;
  eMarks[line] = len;
  // exactly the lines (a read past the last one is undefined, as in markdown-it's own arrays)
  const lines = line + 1;
  state.bMarks = bMarks.subarray(0, lines) as unknown as number[];
  state.eMarks = eMarks.subarray(0, lines) as unknown as number[];
  state.tShift = tShift.subarray(0, lines) as unknown as number[];
  state.sCount = sCount.subarray(0, lines) as unknown as number[];
  state.bsCount = new Int32Array(lines) as unknown as number[];
  state.lineMax = line;
}

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
    constructor(...[src, md, env, tokens]: ConstructorParameters<typeof BlockState>) {
      super('', md, env, tokens);
      this.src = src;
      indexLines(this, src);
    }
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

const CARRIAGE_RETURNS = /\r\n?/g;
const NULS = /\0/g;

/** What markdown-it's `normalize` makes of a text: `\r\n` and `\r` as `\n`, NUL as U+FFFD. */
function normalize(src: string): string {
  const lf = src.includes('\r') ? src.replace(CARRIAGE_RETURNS, '\n') : src;
  return lf.includes('\0') ? lf.replace(NULS, '\uFFFD') : lf;
}

/** Top-level blocks gathered before their tokens are handed over. */
const BATCH = 64;

/**
 * md.parse's tokens, for an `md` whose core runs no rule past the block pass but strip_references
 * (inline and text_join disabled, no linkify, no typographer), handed to `each` a run of top-level
 * blocks at a time. The loop is ParserBlock.tokenize's at the top level, where every block ends
 * where the next one starts. As in md.parse, `env.references` holds all the text's references
 * (`[x]: /url`) before any token is handed over, so that inline parsing sees them all.
 */
export function blockBatches(md: Md, text: string, env: Record<string, unknown>, each: (tokens: readonly Token[]) => void): void {
  const src = normalize(text);
  if (src === '') return;
  // a reference definition needs `]:` written as such; without one, one pass serves
  if (src.includes(']:')) topLevelBlocks(md, src, env, () => {});
  topLevelBlocks(md, src, env, each);
}

function topLevelBlocks(md: Md, src: string, env: Record<string, unknown>, each: (tokens: readonly Token[]) => void): void {
  const state = new md.block.State(src, md, env, []);
  const rules = md.block.ruler.getRules('');
  const maxNesting = md.options.maxNesting ?? 100;
  const endLine = state.lineMax;
  let line = 0;
  let hasEmptyLines = false;
  let blocks = 0;
  const handOver = () => {
    const tokens = state.tokens;
    state.tokens = [];
    let kept = 0;
    for (const t of tokens) if (t.type !== 'reference_definition') tokens[kept++] = t;
    tokens.length = kept;
    if (kept > 0) each(tokens);
  };
  while (line < endLine) {
    state.line = line = state.skipEmptyLines(line);
    if (line >= endLine) break;
    if (state.sCount[line]! < state.blkIndent) break;
    if (state.level >= maxNesting) {
      state.line = endLine;
      break;
    }
    const prevLine = state.line;
    let ok = false;
    for (const rule of rules) {
      ok = rule(state, line, endLine, false);
      if (ok) {
        if (prevLine >= state.line) throw new Error("block rule didn't increment state.line");
        break;
      }
    }
    if (!ok) throw new Error('none of the block rules matched');
    state.tight = !hasEmptyLines;
    if (state.isEmpty(state.line - 1)) hasEmptyLines = true;
    line = state.line;
    if (line < endLine && state.isEmpty(line)) {
      hasEmptyLines = true;
      line++;
      state.line = line;
    }
    if (++blocks % BATCH === 0) handOver();
  }
  handOver();
}
