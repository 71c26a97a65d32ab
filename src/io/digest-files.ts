// Reads digest files (or stdin) for the parsers, turning every way a read can fail into one clear line.
import { readFileSync, statSync } from 'node:fs';
import { inputError } from '../core/errors.js';

export interface DigestInput {
  /** As the user named it ("-" is shown as "stdin"). */
  name: string;
  text: string;
  /** Modification time, for the year of dates printed without one; null for stdin. */
  mtime: Date | null;
  /** The bytes exactly as read (the library keeps them verbatim). */
  bytes?: Buffer;
}

/** True when the bytes look like a binary file rather than text (NUL bytes, or mostly control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function decode(name: string, bytes: Buffer): string {
  if (looksBinary(bytes)) throw inputError(`${name}: is a binary file, not a text digest; give the digest as text (copy the page, save the mail)`);
  return bytes.toString('utf8');
}

export function readDigestFile(path: string): DigestInput {
  if (path === '-') {
    const bytes = readFileSync(0);
    return { name: 'stdin', text: decode('stdin', bytes), mtime: null, bytes };
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
  return { name: path, text: decode(path, bytes), mtime: stat.mtime, bytes };
}
