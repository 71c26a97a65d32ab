// The raw digests of a library, kept byte for byte so the library can always be rebuilt from them:
//   digests/<sha256>.txt   the digest exactly as imported
//   digests/<sha256>.json  how it was read: {digest, seq, file, importedAt, format, year, yearSource,
//                          papers, run, ids}
// The .txt is written before the .json, so a .json always has its .txt. A digest counts as
// imported once its row is in the database (io/db/); files without a row are caught up on open.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedId } from '../core/id-continuity.js';
import type { ParseOptions } from '../core/model.js';
import { writeFileAtomic } from './atomic.js';
import { yaml } from './yaml.js';

export interface DigestMeta {
  digest: string;
  /** Import order, 1-based. */
  seq: number;
  file: string;
  importedAt: string;
  format: string;
  year: number | null;
  yearSource: ParseOptions['yearSource'] | null;
  papers: number;
  /** Hash of the first digest of the import command that brought this one (the virtual tag new); absent: its own. */
  run?: string;
  /** The id each of its papers was merged under, so that a parser change keeps them (core/id-continuity.ts). */
  ids?: RecordedId[];
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function digestsDir(dir: string): string {
  return join(dir, 'digests');
}

export function digestTextPath(dir: string, digest: string): string {
  return join(digestsDir(dir), `${digest}.txt`);
}

function metaPath(dir: string, digest: string): string {
  return join(digestsDir(dir), `${digest}.json`);
}

export function hasDigest(dir: string, digest: string): boolean {
  return existsSync(metaPath(dir, digest));
}

/** Hashes of the digests recorded (those with a .json), unordered; [] when there are none. */
export function digestNames(dir: string): string[] {
  try {
    return readdirSync(digestsDir(dir))
      .filter((f) => /^[0-9a-f]{64}\.json$/.test(f))
      .map((f) => f.slice(0, 64));
  } catch {
    return [];
  }
}

export function readMeta(dir: string, digest: string): DigestMeta | null {
  try {
    const meta = JSON.parse(readFileSync(metaPath(dir, digest), 'utf8')) as DigestMeta;
    return typeof meta.seq === 'number' && meta.digest === digest ? meta : null;
  } catch {
    return null;
  }
}

/** A digest's record without the ids of its papers. */
export type DigestHead = Omit<DigestMeta, 'ids'>;

const importOrder = (a: DigestHead, b: DigestHead) => a.seq - b.seq || (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0);

/** Every readable meta, in import order. */
export function readMetas(dir: string): DigestMeta[] {
  return digestNames(dir)
    .map((d) => readMeta(dir, d))
    .filter((m): m is DigestMeta => m !== null)
    .sort(importOrder);
}

/**
 * Every readable meta without its ids, in import order: what walking the digests needs up front.
 * The ids of a million papers held at once would take a few hundred megabytes; a walk reads each
 * digest's with readMeta when it gets to it.
 */
export function readHeads(dir: string): DigestHead[] {
  const heads: DigestHead[] = [];
  for (const d of digestNames(dir)) {
    const meta = readMeta(dir, d);
    if (!meta) continue;
    const { ids: _ids, ...head } = meta;
    heads.push(head);
  }
  return heads.sort(importOrder);
}

export function writeDigest(dir: string, bytes: Uint8Array, meta: DigestMeta): void {
  writeFileAtomic(digestTextPath(dir, meta.digest), bytes);
  writeMeta(dir, meta);
}

export function writeMeta(dir: string, meta: DigestMeta): void {
  writeFileAtomic(metaPath(dir, meta.digest), `${JSON.stringify(meta, null, 2)}\n`);
}

/** Removes a digest's record, then its raw text (a .json never outlives its .txt the other way round). */
export function removeDigest(dir: string, digest: string): void {
  rmSync(metaPath(dir, digest), { force: true });
  rmSync(digestTextPath(dir, digest), { force: true });
}

/** The parser options a digest was read with. */
export function metaParseOptions(meta: DigestMeta): ParseOptions {
  return { file: meta.file, ...(meta.year !== null ? { year: meta.year } : {}), ...(meta.yearSource ? { yearSource: meta.yearSource } : {}), yaml };
}

export function readDigestText(dir: string, digest: string): string | null {
  try {
    return readFileSync(digestTextPath(dir, digest), 'utf8');
  } catch {
    return null;
  }
}
