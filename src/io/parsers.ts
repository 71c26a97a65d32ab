// The digest parsers (src/core/parse: markdown-it, htmlparser2 and the readers over them), loaded
// on first need: the bundle keeps them in chunks of their own, so a run that parses nothing (the
// version, a listing of the bundled seed or of a library whose database is current) never loads
// them, and one that reads a digest of a plain format (core/parse/plain.ts) loads its reader and
// the detection only. What may parse loads them first (loadParsers, loadReader), then reads them
// synchronously (parsers).
import type { DigestFormat } from '../core/parse/index.js';

type Parsers = typeof import('../core/parse/index.js');
type Detection = typeof import('../core/parse/detect.js');

let loaded: Parsers | undefined;

export async function loadParsers(): Promise<Parsers> {
  return (loaded ??= await import('../core/parse/index.js'));
}

/** The parsers, once loadParsers has run. */
export function parsers(): Parsers {
  if (!loaded) throw new Error('the digest parsers were used before they were loaded (loadParsers)');
  return loaded;
}

/** Every format's detection, without the readers. */
export async function loadDetection(): Promise<Detection> {
  return import('../core/parse/detect.js');
}

/**
 * The format that reads `text`: the one named (undefined when no format has that name), else the
 * one detected. Only its reader is loaded when it is a plain one; every parser otherwise.
 */
export async function loadReader(text: string, name?: string): Promise<DigestFormat | undefined> {
  let chosen = name;
  if (!loaded) {
    const [{ PROBES, strongest }, { PLAIN_READERS }] = await Promise.all([loadDetection(), import('../core/parse/plain.js')]);
    chosen ??= strongest(PROBES, text).format.name;
    const plain = PLAIN_READERS.get(chosen);
    if (plain) return plain;
  }
  const all = await loadParsers();
  return chosen === undefined ? all.detectFormat(text) : all.formatByName(chosen);
}
