// JSON text to a value, with the line of every object and string value and, for text that is not
// JSON, the line and column of the first fault. One validating pass (linear, no recursion, depth
// bounded) runs before JSON.parse: JSON.parse's own messages carry no position for most faults and
// quote the input (control characters included), and it exhausts the stack on deep nesting.

export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

export const isJsonObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lines of the object and string values, in document order (pre-order). */
export interface ValueLines {
  object(ordinal: number): number | undefined;
  string(ordinal: number): number | undefined;
}

type JsonRead =
  | { ok: true; value: Json; lines: ValueLines }
  | { ok: false; line: number; column: number; problem: string };

/** Deeper than any digest; deeper nesting is refused before JSON.parse sees it. */
const MAX_JSON_DEPTH = 64;

/** A growable list of line numbers, 4 bytes each (a huge array of strings must not cost 8 bytes a value). */
function lineList() {
  let data = new Uint32Array(64);
  let size = 0;
  return {
    push(line: number) {
      if (size === data.length) {
        const bigger = new Uint32Array(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[size++] = line;
    },
    at: (i: number): number | undefined => (i < size ? data[i] : undefined),
  };
}

const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

// What the scanner expects next.
const VALUE = 0;
const KEY = 1;
const COLON = 2;
const AFTER = 3;
const END = 4;

/** Shows a character in a message without letting a control character reach the terminal. */
function shown(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${c}'`;
}

export function readJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonRead {
  const objectLines = lineList();
  const stringLines = lineList();
  const stack: boolean[] = []; // true: object, false: array
  let state = VALUE;
  let justOpened = false;
  let line = 1;
  let lineStart = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (at: number, problem: string): JsonRead => ({ ok: false, line, column: at - lineStart + 1, problem });
  const n = text.length;

  const endOfString = (from: number): number | string => {
    let j = from + 1;
    for (;;) {
      PLAIN_RUN.lastIndex = j;
      PLAIN_RUN.exec(text);
      j = PLAIN_RUN.lastIndex;
      if (j >= n) return 'a string that is never closed';
      const c = text[j]!;
      if (c === '"') return j + 1;
      if (c === '\\') {
        const e = text[j + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return 'a \\u escape without four hex digits';
          j += 6;
        } else if (ESCAPES.has(e)) j += 2;
        else return `an unknown escape \\${e === '' ? '' : shown(e).replace(/'/g, '')}`;
      } else return c === '\n' ? 'a line break inside a string' : `a control ${shown(c)} inside a string`;
    }
  };

  const closeContainer = () => {
    stack.pop();
    state = stack.length === 0 ? END : AFTER;
    justOpened = false;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = ++i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const inObject = stack[stack.length - 1] === true;
    switch (state) {
      case VALUE:
        if (c === ']' && justOpened && !inObject && stack.length > 0) {
          closeContainer();
          i++;
        } else if (c === '{' || c === '[') {
          if (stack.length >= maxDepth) return fail(i, `nested more than ${maxDepth} levels deep`);
          if (c === '{') objectLines.push(line);
          stack.push(c === '{');
          state = c === '{' ? KEY : VALUE;
          justOpened = true;
          i++;
        } else if (c === '"') {
          stringLines.push(line);
          const end = endOfString(i);
          if (typeof end === 'string') return fail(i, end);
          i = end;
          state = stack.length === 0 ? END : AFTER;
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          if (!NUMBER.exec(text)) return fail(i, 'a malformed number');
          i = NUMBER.lastIndex;
          state = stack.length === 0 ? END : AFTER;
        } else if (text.startsWith('true', i) || text.startsWith('null', i) || text.startsWith('false', i)) {
          i += c === 'f' ? 5 : 4;
          state = stack.length === 0 ? END : AFTER;
        } else return fail(i, `unexpected ${shown(c)} where a value should be`);
        break;
      case KEY:
        if (c === '}' && justOpened) {
          closeContainer();
          i++;
        } else if (c === '"') {
          const end = endOfString(i);
          if (typeof end === 'string') return fail(i, end);
          i = end;
          state = COLON;
        } else return fail(i, `unexpected ${shown(c)} where a quoted property name should be`);
        break;
      case COLON:
        if (c !== ':') return fail(i, `expected ':' after a property name, found ${shown(c)}`);
        state = VALUE;
        justOpened = false;
        i++;
        break;
      case AFTER:
        if (c === ',') {
          state = inObject ? KEY : VALUE;
          justOpened = false;
          i++;
        } else if ((c === '}' && inObject) || (c === ']' && !inObject)) {
          closeContainer();
          i++;
        } else return fail(i, `expected ',' or '${inObject ? '}' : ']'}', found ${shown(c)}`);
        break;
      default:
        return fail(i, `unexpected ${shown(c)} after the end of the JSON value`);
    }
  }
  if (state !== END) return fail(i, stack.length > 0 ? `the text ends inside ${stack.length} unclosed bracket(s)` : 'no JSON value');
  let value: Json;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Json;
  } catch {
    return fail(lineStart, 'not valid JSON');
  }
  return { ok: true, value, lines: { object: objectLines.at, string: stringLines.at } };
}
