// The store of the release before the SQLite database, read once to migrate it (io/db/migrate.ts).
// Two files, written in this order, each atomically:
//
//   cache/library.json  {"version":1,"generation":"G","papers":[   <- first line
//                       {...one paper...},                          <- one paper per line
//                       ]}
//   cache/index.json    {version, generation, digests, latestDigest, ids, aliases, starts, lengths}
//
// The index is small (ids and byte offsets) so that commands needing a few papers (tag, show,
// list --tag) read only those lines; a full load streams library.json line by line. Both carry the
// same generation: an index whose generation does not match library.json's first line is stale.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryPaper } from '../core/library.js';
import { reportProgress } from './progress-hook.js';

export const CACHE_VERSION = 2;

export interface CacheIndex {
  version: number;
  generation: string;
  /** Digest hashes in import order: the digests this cache was built from. */
  digests: string[];
  latestDigest: string | null;
  ids: string[];
  /** [alias, id] pairs; aliases that are also some paper's id are left out. */
  aliases: Array<[string, string]>;
  /** Byte offset and length of each paper's JSON in library.json, in ids order. */
  starts: ArrayLike<number>;
  lengths: ArrayLike<number>;
  /** library.json opened when the index was read or written: reads keep seeing that version even if an import replaces it. */
  fd?: number;
}

/** index.json on disk: long lists packed into single strings, which JSON.parse reads ~10x faster than arrays. */
interface IndexFile {
  version: number;
  generation: string;
  digests: string[];
  latestDigest: string | null;
  /** ids joined by newlines */
  ids: string;
  /** alias NL id NL alias NL id ... */
  aliases: string;
  /** base64 of little-endian uint32 offsets / lengths (library.json stays below 4 GB) */
  starts: string;
  lengths: string;
}

function unpackU32(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer, 0, copy.length / 4);
}

function splitList(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

export function cachePaths(dir: string) {
  return { papers: join(dir, 'cache', 'library.json'), index: join(dir, 'cache', 'index.json') };
}

function header(generation: string): string {
  return `{"version":${CACHE_VERSION},"generation":"${generation}","papers":[\n`;
}

/** The index, or null when it is missing, unreadable, of another version, or does not match library.json. */
export function readIndex(dir: string): CacheIndex | null {
  const paths = cachePaths(dir);
  let file: IndexFile;
  try {
    file = JSON.parse(readFileSync(paths.index, 'utf8')) as IndexFile;
  } catch {
    return null;
  }
  if (file.version !== CACHE_VERSION || typeof file.ids !== 'string' || typeof file.starts !== 'string') return null;
  let fd: number;
  try {
    fd = openSync(paths.papers, 'r');
  } catch {
    return null;
  }
  const head = header(file.generation);
  const buf = Buffer.alloc(Buffer.byteLength(head));
  readSync(fd, buf, 0, buf.length, 0);
  if (buf.toString('utf8') !== head) {
    closeSync(fd);
    return null;
  }
  const flat = splitList(file.aliases);
  const aliases: Array<[string, string]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) aliases.push([flat[i]!, flat[i + 1]!]);
  const ids = splitList(file.ids);
  const starts = unpackU32(file.starts);
  const lengths = unpackU32(file.lengths);
  if (starts.length !== ids.length || lengths.length !== ids.length) {
    closeSync(fd);
    return null;
  }
  return { version: file.version, generation: file.generation, digests: file.digests, latestDigest: file.latestDigest, ids, aliases, starts, lengths, fd };
}

/** Releases the file the index holds open. */
export function closeIndex(index: CacheIndex | null): void {
  if (index?.fd !== undefined) {
    try {
      closeSync(index.fd);
    } catch {
      /* already closed */
    }
    index.fd = undefined;
  }
}

function withPapersFd<T>(dir: string, index: CacheIndex, fn: (fd: number) => T): T {
  if (index.fd !== undefined) return fn(index.fd);
  const fd = openSync(cachePaths(dir).papers, 'r');
  try {
    return fn(fd);
  } finally {
    closeSync(fd);
  }
}

/** Streams every paper of library.json (4 MB reads, one JSON.parse per line): the whole file is never held as one string. */
export function readAllPapers(dir: string, index: CacheIndex): LibraryPaper[] {
  const papers: LibraryPaper[] = new Array(index.ids.length);
  let n = 0;
  let lineNo = 0;
  const take = (line: Buffer) => {
    lineNo++;
    if (lineNo === 1) return; // header
    let end = line.length;
    if (end > 0 && line[end - 1] === 0x2c) end--; // trailing comma
    if (end === 0 || (end === 2 && line[0] === 0x5d)) return; // "]}"
    papers[n++] = JSON.parse(line.toString('utf8', 0, end)) as LibraryPaper;
  };
  const progress = reportProgress('reading the previous store', index.ids.length);
  try {
    withPapersFd(dir, index, (fd) => {
      const chunk = Buffer.alloc(4 << 20);
      let carry: Buffer | null = null;
      let position = 0;
      for (;;) {
        const read = readSync(fd, chunk, 0, chunk.length, position);
        if (read === 0) break;
        position += read;
        const data = chunk.subarray(0, read);
        let from = 0;
        const before = n;
        for (;;) {
          const nl = data.indexOf(0x0a, from);
          if (nl === -1) break;
          if (carry) {
            take(Buffer.concat([carry, data.subarray(from, nl)]));
            carry = null;
          } else take(data.subarray(from, nl));
          from = nl + 1;
        }
        progress.tick(n - before);
        if (from < data.length) carry = carry ? Buffer.concat([carry, data.subarray(from)]) : Buffer.from(data.subarray(from));
      }
      if (carry && carry.length > 0) take(carry);
    });
  } finally {
    progress.done();
  }
  papers.length = n;
  return papers;
}
