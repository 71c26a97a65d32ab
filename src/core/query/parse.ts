// The query language's parser: text -> Query, or a QueryError that points at the offending token.
// Grammar (documented for users in help.ts):
//   query  := group*                       groups are ANDed
//   group  := clause ('|' clause)*         `|` binds tighter than the implicit AND (as in fzf)
//   clause := ['-'|'!'] ( '+'tag | field':'value | '"'phrase'"' | "'"word | word )
import { words } from '../search/tokenize.js';
import { DATE_FORMS, parseDate } from '../dates.js';
import { HAS_VALUES, type Clause, type Comparison, type CompileResult, type Group, type HasWhat, type Query, type QueryError, type Span, type Term, type TextField } from './ast.js';
import { tagKey } from '../tags.js';
import type { NearMiss } from '../near-miss.js';

export const FIELDS = ['title', 'abstract', 'author', 'cat', 'venue', 'upvotes', 'tag', 'id', 'since', 'until', 'has'] as const;
type FieldName = (typeof FIELDS)[number];

class SyntaxError_ extends Error {
  constructor(readonly error: QueryError) {
    super(error.message);
  }
}

function fail(message: string, offset: number, length: number): never {
  throw new SyntaxError_({ message, offset, length: Math.max(1, length) });
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const endsToken = (ch: string | undefined) => ch === undefined || ch === '|' || isSpace(ch);

export interface CompileOptions {
  /** The user's local date as YYYY-MM-DD, for relative dates (since:7d, since:yesterday); without it they are refused. */
  today?: string;
  /** Saved searches by name (the config's `searches:`), for `@name`. */
  searches?: Readonly<Record<string, string>>;
  /** The saved searches being expanded, outermost first (a name met again is a cycle). */
  expanding?: readonly string[];
  /** Finds the saved search an unknown @name was meant to be, for the error message. */
  nearMiss?: NearMiss;
}

/** Compiles query text. Never throws: a malformed query gives `{ok: false, error}` with the token's offset and length. */
export function compileQuery(text: string, options: CompileOptions = {}): CompileResult {
  try {
    return { ok: true, query: parseQuery(text, options) };
  } catch (e) {
    if (e instanceof SyntaxError_) return { ok: false, error: e.error };
    throw e;
  }
}

type Item = { kind: 'or'; span: Span } | { kind: 'clause'; clause: Clause };

function parseQuery(text: string, options: CompileOptions): Query {
  const items: Item[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos];
    if (isSpace(ch)) {
      pos++;
      continue;
    }
    if (ch === '|') {
      items.push({ kind: 'or', span: { offset: pos, length: 1 } });
      pos++;
      continue;
    }
    const { clause, end } = readClause(text, pos, options);
    if (clause) items.push({ kind: 'clause', clause });
    pos = end;
  }
  return { text, groups: group(items) };
}

function group(items: readonly Item[]): Group[] {
  const groups: Group[] = [];
  let joinNext = false;
  items.forEach((item, i) => {
    if (item.kind === 'or') {
      const prev = items[i - 1];
      if (prev === undefined) fail('"|" needs a term before it, as in "diffusion | flow"', item.span.offset, 1);
      if (prev.kind === 'or') fail('two "|" in a row: put a term between them', item.span.offset, 1);
      if (i === items.length - 1) fail('"|" needs a term after it, as in "diffusion | flow"', item.span.offset, 1);
      joinNext = true;
      return;
    }
    const last = groups[groups.length - 1];
    if (joinNext && last) last.clauses.push(item.clause);
    else groups.push({ clauses: [item.clause] });
    joinNext = false;
  });
  // A saved search standing alone (not negated, not in a `|`) is its groups, so its words score.
  return groups.flatMap((g) => {
    const only = g.clauses[0]!;
    return g.clauses.length === 1 && only.term.kind === 'saved' && !only.negated ? only.term.query.groups : [g];
  });
}

/** Reads one clause starting at `start`; `clause` is null for a word with no letters or digits (ignored). */
function readClause(text: string, start: number, options: CompileOptions): { clause: Clause | null; end: number } {
  let pos = start;
  let negated = false;
  if (text[pos] === '-' || text[pos] === '!') {
    if (endsToken(text[pos + 1])) fail(`"${text[pos]}" must be followed by what to exclude, as in "-quantization"`, pos, 1);
    negated = true;
    pos++;
  }
  const make = (term: Term | null, end: number) => ({
    clause: term ? { term, negated, span: { offset: start, length: end - start } } : null,
    end,
  });

  if (text[pos] === '@') {
    const { value, end } = readValue(text, pos + 1);
    return make(savedSearch(value, pos, end, options), end);
  }

  if (text[pos] === '+') {
    const valueStart = pos + 1;
    const { value, end } = readValue(text, valueStart);
    if (value === '') fail('"+" must be followed by a tag name, as in "+to-read"', pos, 1);
    return make({ kind: 'tag', tag: tagKey(value) }, end);
  }

  const field = /^([A-Za-z]+):/.exec(text.slice(pos, pos + 20));
  if (field) {
    const name = field[1]!.toLowerCase();
    const valueStart = pos + field[0].length;
    const known = (FIELDS as readonly string[]).includes(name);
    if (known && endsToken(text[valueStart])) {
      fail(`${name}: needs a value right after the colon, as in ${fieldExample(name as FieldName)}`, start, valueStart - start);
    }
    if (!known && !endsToken(text[valueStart])) {
      fail(
        `unknown field "${field[1]}:"; fields are ${FIELDS.map((f) => `${f}:`).join(' ')} (to search for the text itself, put it in quotes)`,
        pos,
        field[0].length,
      );
    }
    if (known) {
      const { term, end } = readField(text, name as FieldName, valueStart, negated, options);
      return make(term, end);
    }
    // "LiT:" followed by a space is a word with trailing punctuation, not a field.
  }

  const { term, end } = readText(text, pos, 'any', negated, false);
  return make(term, end);
}

function fieldExample(name: FieldName): string {
  switch (name) {
    case 'title':
      return 'title:diffusion or title:"linear attention"';
    case 'abstract':
      return 'abstract:benchmark';
    case 'tag':
      return 'tag:to-read';
    case 'id':
      return 'id:2503.01234';
    case 'since':
      return 'since:2025-03-01';
    case 'until':
      return 'until:2025-03';
    case 'has':
      return `has:code (one of ${HAS_VALUES.join(', ')})`;
    case 'author':
      return 'author:Dao or author:"Tri Dao"';
    case 'cat':
      return 'cat:cs.CL, cat:cs or cat:cs.CL!';
    case 'venue':
      return 'venue:NeurIPS';
    case 'upvotes':
      return 'upvotes:>=50';
  }
}

/** `@name`: the saved search's query, compiled with the same options; unknown names and cycles are errors. */
function savedSearch(name: string, start: number, end: number, options: CompileOptions): Term {
  const searches = options.searches ?? {};
  const known = Object.keys(searches).sort();
  const stack = options.expanding ?? [];
  if (name === '') fail('"@" must be followed by the name of a saved search, as in @mine', start, 1);
  if (!Object.hasOwn(searches, name)) {
    const list = known.length > 0 ? `saved searches are ${known.map((k) => `@${k}`).join(' ')}` : 'no searches are saved yet';
    const close = options.nearMiss?.(name, known) ?? null;
    fail(`unknown saved search @${name}${close === null ? '' : ` (did you mean @${close}?)`}; ${list} (add it under searches: in the config file, see 'papers searches')`, start, end - start);
  }
  if (stack.includes(name)) fail(`saved search @${name} names itself (${[...stack, name].map((k) => `@${k}`).join(' -> ')}); remove the loop from the config file`, start, end - start);
  const inner = compileQuery(searches[name]!, { ...options, expanding: [...stack, name] });
  if (!inner.ok) {
    const message = inner.error.message.startsWith('saved search @') ? inner.error.message : `saved search @${name} (${JSON.stringify(searches[name])}): ${inner.error.message}`;
    fail(message, start, end - start);
  }
  return { kind: 'saved', name, query: inner.query };
}

const COMPARISON = /^(>=|<=|>|<|=)?(\d{1,9})$/;

function readField(text: string, name: FieldName, valueStart: number, negated: boolean, options: CompileOptions): { term: Term | null; end: number } {
  if (name === 'title' || name === 'abstract') {
    const { term, end } = readText(text, valueStart, name, negated, true);
    return { term, end };
  }
  if (name === 'author') {
    const { term, end } = readText(text, valueStart, 'any', negated, true);
    if (term === null) return { term, end };
    const author: Term = term.kind === 'word' ? { kind: 'author', words: [term.word], mode: term.mode } : { kind: 'author', words: (term as { words: string[] }).words, mode: 'exact' };
    return { term: author, end };
  }
  const { value, end } = readValue(text, valueStart);
  const span = { offset: valueStart, length: end - valueStart };
  switch (name) {
    case 'cat': {
      const primary = value.endsWith('!');
      const cat = (primary ? value.slice(0, -1) : value).toLowerCase();
      if (!/^[a-z][a-z-]*(\.[a-z][a-z-]*)?$/.test(cat)) fail(`cat:${value} is not an arXiv category; write an archive or a category, as in ${fieldExample('cat')}`, span.offset, span.length);
      return { term: { kind: 'cat', cat, archive: !cat.includes('.'), primary }, end };
    }
    case 'venue': {
      const venueWords = words(value);
      if (venueWords.length === 0) fail(`"${value}" has no letters or digits to search for`, span.offset, span.length);
      return { term: { kind: 'venue', words: venueWords }, end };
    }
    case 'upvotes': {
      const m = COMPARISON.exec(value);
      if (!m) fail(`upvotes:${value} is not a count; write upvotes:50, upvotes:>=50, >50, <10, <=10 or =0`, span.offset, span.length);
      return { term: { kind: 'upvotes', op: (m[1] ?? '>=') as Comparison, value: Number(m[2]) }, end };
    }
    case 'tag':
      return { term: { kind: 'tag', tag: tagKey(value) }, end };
    case 'id':
      return { term: { kind: 'id', prefix: value.toLowerCase() }, end };
    case 'since':
    case 'until': {
      const date = parseDate(value, name, options.today ?? '');
      if (date === null) fail(`${name}:${value} is not a date; write ${DATE_FORMS}`, span.offset, span.length);
      return { term: { kind: name, date }, end };
    }
    case 'has': {
      const what = value.toLowerCase();
      if (!(HAS_VALUES as readonly string[]).includes(what)) fail(`has:${value} is unknown; use one of ${HAS_VALUES.map((h) => `has:${h}`).join(', ')}`, span.offset, span.length);
      return { term: { kind: 'has', what: what as HasWhat }, end };
    }
  }
}

/** A raw value up to the next space or `|`; a value starting with `"` runs to the closing quote. */
function readValue(text: string, start: number): { value: string; end: number } {
  if (text[start] === '"') {
    const close = text.indexOf('"', start + 1);
    if (close < 0) unclosed(text, start);
    return { value: text.slice(start + 1, close), end: close + 1 };
  }
  let end = start;
  while (!endsToken(text[end])) end++;
  return { value: text.slice(start, end), end };
}

function unclosed(text: string, quote: number): never {
  fail('this quote is never closed: add the closing " (or remove this one)', quote, text.length - quote);
}

/** A word, `'word` or `"phrase"` to look for in `field`. */
function readText(text: string, start: number, field: TextField, negated: boolean, isFieldValue: boolean): { term: Term | null; end: number } {
  let pos = start;
  let exact = false;
  if (text[pos] === "'") {
    if (endsToken(text[pos + 1])) fail(`"'" must be followed by the word to match exactly, as in 'bert`, pos, 1);
    exact = true;
    pos++;
  }
  const quoted = text[pos] === '"';
  const { value, end } = readValue(text, pos);
  const tokens = words(value);
  if (tokens.length === 0) {
    if (quoted) fail('this phrase has no letters or digits to search for', start, end - start);
    if (isFieldValue || exact) fail(`"${value}" has no letters or digits to search for`, pos, end - pos);
    return { term: null, end };
  }
  if (tokens.length > 1) return { term: { kind: 'phrase', words: tokens, field }, end };
  const mode = exact || quoted ? 'exact' : negated ? 'prefix' : 'fuzzy';
  return { term: { kind: 'word', word: tokens[0]!, mode, field }, end };
}
