// The query language's parser: text -> Query, or a QueryError that points at the offending token.
// Grammar (documented for users in help.ts):
//   query  := group*                       groups are ANDed
//   group  := clause ('|' clause)*         `|` binds tighter than the implicit AND (as in fzf)
//   clause := ['-'|'!'] ( '+'tag | field':'value | '"'phrase'"' | "'"word | word )
import { words } from '../search/tokenize.js';
import { HAS_VALUES, type Clause, type CompileResult, type Group, type HasWhat, type Query, type QueryError, type Span, type Term, type TextField } from './ast.js';
import { tagKey } from '../tags.js';

export const FIELDS = ['title', 'abstract', 'tag', 'id', 'since', 'until', 'has'] as const;
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
  /** Today as YYYY-MM-DD, for relative dates (since:7d, since:yesterday); without it they are refused. */
  today?: string;
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
  return groups;
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
  }
}

function readField(text: string, name: FieldName, valueStart: number, negated: boolean, options: CompileOptions): { term: Term | null; end: number } {
  if (name === 'title' || name === 'abstract') {
    const { term, end } = readText(text, valueStart, name, negated, true);
    return { term, end };
  }
  const { value, end } = readValue(text, valueStart);
  const span = { offset: valueStart, length: end - valueStart };
  switch (name) {
    case 'tag':
      return { term: { kind: 'tag', tag: tagKey(value) }, end };
    case 'id':
      return { term: { kind: 'id', prefix: value.toLowerCase() }, end };
    case 'since':
    case 'until': {
      const date = parseDateBound(value, name) ?? relativeDate(value, options.today);
      if (date === null) fail(`${name}:${value} is not a date; write YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, 7d (days ago) or 2w (weeks ago)`, span.offset, span.length);
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

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY, YYYY-MM or YYYY-MM-DD as an inclusive YYYY-MM-DD bound: the first day for since, the last for until. */
export function parseDateBound(value: string, bound: 'since' | 'until'): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysIn = (mo: number) => (mo === 2 && !leap ? 28 : DAYS[mo - 1]!);
  if (month !== null && day !== null && (day < 1 || day > daysIn(month))) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const mo = month ?? (bound === 'since' ? 1 : 12);
  const d = day ?? (bound === 'since' ? 1 : daysIn(mo));
  return `${m[1]}-${pad(mo)}-${pad(d)}`;
}

/** today, yesterday, Nd (days ago), Nw (weeks ago) relative to `today` (YYYY-MM-DD); null when not one, or no today. */
export function relativeDate(value: string, today: string | undefined): string | null {
  if (today === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return null;
  const v = value.toLowerCase();
  const m = /^(\d{1,5})([dw])$/.exec(v);
  const days = v === 'today' ? 0 : v === 'yesterday' ? 1 : m ? Number(m[1]) * (m[2] === 'w' ? 7 : 1) : null;
  if (days === null) return null;
  const t = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(t)) return null;
  return new Date(t - days * 86_400_000).toISOString().slice(0, 10);
}
