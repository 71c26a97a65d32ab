// Content-Transfer-Encoding and charset decoding for mail bodies and RFC 2047 encoded words.

const B64 = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (B64[c.charCodeAt(0)] = i));
// base64url letters, seen in some generators
B64['-'.charCodeAt(0)] = 62;
B64['_'.charCodeAt(0)] = 63;

/** Base64 to bytes; characters outside the alphabet (line breaks, padding, junk) are skipped, a cut tail is kept. */
export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 61 /* = */) {
      // padding: the bits left over are not data (and a second base64 run may follow)
      acc = 0;
      bits = 0;
      continue;
    }
    const v = code < 128 ? B64[code]! : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

const HEX = /^[0-9A-Fa-f]{2}$/;

function isUtf8(charset: string): boolean {
  return /^utf-?8$/i.test(charset) || charset === '';
}

/**
 * Quoted-printable to bytes: `=XX` is a byte, `=` at a line end is a soft break (joins the lines),
 * other characters are themselves (encoded in the part's charset when they are not ASCII).
 */
export function decodeQuotedPrintable(text: string, charset = 'utf-8'): Uint8Array {
  // at most 3 bytes per UTF-16 unit (a surrogate pair is 2 units and 4 bytes)
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  const encoder = new TextEncoder();
  const utf8 = isUtf8(charset);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 /* = */) {
      const pair = text.slice(i + 1, i + 3);
      if (HEX.test(pair)) {
        out[n++] = Number.parseInt(pair, 16);
        i += 2;
        continue;
      }
      // soft line break: `=` then optional trailing white space then a line break
      let k = i + 1;
      while (text[k] === ' ' || text[k] === '\t') k++;
      if (text[k] === '\r' && text[k + 1] === '\n') {
        i = k + 1;
        continue;
      }
      if (text[k] === '\n' || k >= text.length) {
        i = k;
        continue;
      }
      out[n++] = c;
      continue;
    }
    if (c < 128 || (!utf8 && c < 256)) out[n++] = c;
    else {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      const written = encoder.encodeInto(ch, out.subarray(n));
      n += written.written;
      i += ch.length - 1;
    }
  }
  return out.subarray(0, n);
}

/** Bytes to text in the named charset; unknown charsets are read as UTF-8 (invalid bytes become U+FFFD). */
export function decodeCharset(bytes: Uint8Array, charset: string): string {
  const label = charset.trim().toLowerCase() || 'utf-8';
  try {
    return new TextDecoder(label === 'latin1' || label === 'latin-1' ? 'iso-8859-1' : label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A decoded body: the transfer encoding undone, then the charset. `identity` when the text is unchanged. */
export function decodeBody(raw: string, encoding: string, charset: string): { text: string; identity: boolean } {
  const enc = encoding.trim().toLowerCase();
  if (enc === 'base64') return { text: decodeCharset(decodeBase64(raw), charset), identity: false };
  if (enc === 'quoted-printable') return { text: decodeCharset(decodeQuotedPrintable(raw, charset), charset), identity: false };
  // 7bit, 8bit, binary or none: the file was read as UTF-8 already
  return { text: raw, identity: true };
}

const ENCODED_WORD = /=\?([^?\s]{1,40})\?([BbQq])\?([^?\s]*)\?=/g;

/** RFC 2047 encoded words in a header (`=?utf-8?Q?Daily_papers?=`) decoded; white space between two of them dropped. */
export function decodeHeaderWords(value: string): string {
  if (!value.includes('=?')) return value;
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(ENCODED_WORD, (_m, charset: string, kind: string, data: string) => {
    const bytes = kind.toUpperCase() === 'B' ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, ' '), charset);
    return decodeCharset(bytes, charset.replace(/\*.*$/, ''));
  });
}
