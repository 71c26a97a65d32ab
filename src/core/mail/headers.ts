// RFC 822 header blocks: `Name: value` lines, folded continuation lines joined, names lower-cased.
import { decodeHeaderWords } from './decode.js';

export type Headers = Map<string, string[]>;

/** The header block starting at line `from`: headers, and the index of the first body line (after the blank line). */
export function readHeaders(lines: readonly string[], from: number, to: number): { headers: Headers; bodyStart: number } {
  const headers: Headers = new Map();
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name !== null) {
      const list = headers.get(name) ?? [];
      if (list.length < 100) list.push(value.trim());
      headers.set(name, list);
    }
    name = null;
    value = '';
  };
  let i = from;
  for (; i < to; i++) {
    const line = lines[i]!;
    if (line === '' || line === '\r') {
      i++;
      break;
    }
    if ((line[0] === ' ' || line[0] === '\t') && name !== null) {
      if (value.length < 100_000) value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0 && colon < 80 && /^[!-9;-~]+$/.test(line.slice(0, colon))) {
      flush();
      name = line.slice(0, colon).toLowerCase();
      value = line.slice(colon + 1);
      continue;
    }
    // not a header line: the header block ended without its blank line
    break;
  }
  flush();
  return { headers, bodyStart: i };
}

export function header(headers: Headers, name: string): string | undefined {
  const v = headers.get(name)?.[0];
  return v === undefined ? undefined : decodeHeaderWords(v);
}

/** `text/html; charset="utf-8"; boundary=abc` -> type and parameters (names lower-cased, quotes removed). */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!value) return { type: 'text/plain', params };
  const parts = value.split(';');
  const type = (parts[0] ?? '').trim().toLowerCase() || 'text/plain';
  for (const part of parts.slice(1, 50)) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    let v = part.slice(eq + 1).trim();
    if (v.startsWith('"')) v = v.slice(1, v.endsWith('"') && v.length > 1 ? -1 : undefined);
    if (key !== '') params[key] = v;
  }
  return { type, params };
}
