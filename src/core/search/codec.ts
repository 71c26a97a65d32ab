// Compact, JSON-safe encodings for the serialised index: unsigned varints packed into base64.
// Written here rather than with Buffer so that core stays free of Node APIs.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 8192;
  for (let off = 0; off < bytes.length; off += CHUNK) {
    const end = Math.min(bytes.length, off + CHUNK);
    const codes: number[] = [];
    for (let i = off; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      codes.push(ALPHABET.charCodeAt(a >> 2), ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4)));
      codes.push(i + 1 < end ? ALPHABET.charCodeAt(((b & 15) << 2) | (c >> 6)) : 61);
      codes.push(i + 2 < end ? ALPHABET.charCodeAt(c & 63) : 61);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

export function fromBase64(text: string): Uint8Array {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code]! : -1;
    if (v < 0) throw new Error(`invalid base64 at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** Unsigned integers (< 2^32) as LEB128 varints. */
export function encodeVarints(values: ArrayLike<number>, count = values.length): Uint8Array {
  let out = new Uint8Array(Math.max(16, count * 2));
  let o = 0;
  for (let i = 0; i < count; i++) {
    if (o + 5 > out.length) {
      const bigger = new Uint8Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    let v = values[i]! >>> 0;
    while (v >= 0x80) {
      out[o++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[o++] = v;
  }
  return out.subarray(0, o);
}

export function decodeVarints(bytes: Uint8Array): Uint32Array {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! < 0x80) count++;
  const out = new Uint32Array(count);
  let o = 0;
  let v = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    v |= (b & 0x7f) << shift;
    if (b < 0x80) {
      out[o++] = v >>> 0;
      v = 0;
      shift = 0;
    } else shift += 7;
  }
  return out;
}

/** How bytes become text in the serialised index and back: base64 by default; src/io passes Buffer's, which is native. */
export interface ByteCodec {
  encode(bytes: Uint8Array): string;
  decode(text: string): Uint8Array;
}

export const BASE64: ByteCodec = { encode: toBase64, decode: fromBase64 };
