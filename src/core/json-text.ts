// JSON.stringify(value, null, 2)'s text for a value nested inside a larger document, written piece
// by piece: a streamed document of many records never holds the whole array as one string.

const STEP = '  ';

/** JSON.stringify(value, null, 2) as it appears `indent` deep in an indented document ('null' for what JSON leaves out). */
export function jsonText(value: unknown, indent = ''): string {
  return text(typeof value === 'object' ? toJsonValue(value, '') : value, indent);
}

/** The members of an object as jsonText writes them `indent` deep, without its braces ('' when none). */
export function jsonMembers(object: object, indent: string): string {
  let out = '';
  const separator = `,\n${indent}`;
  for (const key of Object.keys(object)) {
    const value = (object as Record<string, unknown>)[key];
    const v = typeof value === 'object' ? toJsonValue(value, key) : value;
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out += (out === '' ? '' : separator) + memberKey(key) + text(v, indent);
  }
  return out;
}

// Records repeat the same few keys: each is quoted once (up to a bound, for objects of many keys).
const KEYS = new Map<string, string>();

/** `"key": ` */
export function memberKey(key: string): string {
  let quoted = KEYS.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}: `;
    if (KEYS.size < 4096) KEYS.set(key, quoted);
  }
  return quoted;
}

/** A value after its toJSON, as JSON.stringify sees it. */
function text(v: unknown, indent: string): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (typeof v !== 'object' || v instanceof Number || v instanceof String || v instanceof Boolean) return JSON.stringify(v) ?? 'null';
  const inner = indent + STEP;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    let out = `[\n${inner}${element(v, 0, inner)}`;
    for (let i = 1; i < v.length; i++) out += `,\n${inner}${element(v, i, inner)}`;
    return `${out}\n${indent}]`;
  }
  const members = jsonMembers(v, inner);
  return members === '' ? '{}' : `{\n${inner}${members}\n${indent}}`;
}

function element(array: unknown[], i: number, indent: string): string {
  const value = array[i];
  return text(typeof value === 'object' ? toJsonValue(value, i) : value, indent);
}

function toJsonValue(value: unknown, key: string | number): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, String(key)) : value;
}
