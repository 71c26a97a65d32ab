// The bundled seed's parse, written next to the bundle by scripts/build.mjs, so that showing the
// seed parses nothing (and loads no parser). It is keyed by the seed's sha256 and the year its
// dates were read with: a changed seed, or one read with another year, is parsed as before.
import { readFileSync } from 'node:fs';
import type { ParseResult } from '../core/model.js';
import { sha256 } from './digest-store.js';
import { seedParsePath } from './paths.js';

export interface SeedParse {
  sha256: string;
  year: number | null;
  result: ParseResult;
}

/** The prebuilt parse of these seed bytes read with this year; null when there is none for them. */
export function prebuiltSeed(bytes: Uint8Array, year: number | undefined, path = seedParsePath()): ParseResult | null {
  let saved: SeedParse;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as SeedParse;
  } catch {
    return null;
  }
  if (saved.sha256 !== sha256(bytes) || saved.year !== (year ?? null) || !Array.isArray(saved.result?.papers)) return null;
  return saved.result;
}
