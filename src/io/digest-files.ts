// Reads digest files (or stdin) for the parsers, turning every way a read can fail into one clear line.
import { readFileSync, statSync } from 'node:fs';
import { inputError } from '../core/errors.js';

export interface DigestInput {
  /** As the user named it ("-" is shown as "stdin"). */
  name: string;
  text: string;
  /** Modification time, for the year of dates printed without one; null for stdin. */
  mtime: Date | null;
  /** The bytes the library keeps: as read, or for a UTF-16 file its text as UTF-8. */
  bytes?: Buffer;
}

/**
 * UTF-16 (as Windows tools and some mail clients save text): by its byte order mark, else by the
 * NUL bytes ASCII text has in every other byte. Null when the bytes are not UTF-16 text.
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const pairs = Math.floor(Math.min(bytes.length, 8192) / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  // Mostly ASCII text: one byte of each pair is NUL, the other almost never.
  if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** True when the bytes look like a binary file rather than text (NUL bytes, or mostly control bytes). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  // an index loop: this runs once per command, before the JIT, where iterating a typed array is slow
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function decode(name: string, bytes: Buffer): { text: string; bytes: Buffer } {
  const order = utf16Order(bytes);
  if (order !== null) {
    const text = new TextDecoder(order).decode(bytes); // drops the byte order mark
    if (!looksBinary(Buffer.from(text, 'utf8'))) return { text, bytes: Buffer.from(text, 'utf8') };
  }
  if (looksBinary(bytes)) throw inputError(`${name}: is a binary file, not a text digest; give the digest as text (copy the page, save the mail)`);
  return { text: bytes.toString('utf8'), bytes };
}

export function readDigestFile(path: string): DigestInput {
  if (path === '-') {
    return { name: 'stdin', ...decode('stdin', readFileSync(0)), mtime: null };
  }
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw inputError(`${path}: no such file; check the path`);
  }
  if (stat.isDirectory()) throw inputError(`${path}: is a directory; name the digest files inside it`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw inputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`);
  }
  return { name: path, ...decode(path, bytes), mtime: stat.mtime };
}
