// Writes a synthetic library on disk the way a rebuild builds one: every digest parsed, merged,
// the cache written once (importing digests one by one would rewrite the cache each time).
import { mkdirSync, rmSync } from 'node:fs';
import { createMerger } from '../src/core/merge.js';
import type { LibraryPaper } from '../src/core/library.js';
import { parseDigest } from '../src/core/parse/index.js';
import { sha256, writeDigest } from '../src/io/digest-store.js';
import { writeCache } from '../src/io/library-cache.js';
import { syntheticDigest, syntheticPapers } from './synthetic.js';

const PER_DIGEST = 1_000;

/** Replaces `dir` with a library of n synthetic papers in digests of 1,000; returns its papers (no decisions written). */
export function writeSyntheticLibrary(dir: string, n: number): { papers: LibraryPaper[]; digests: string[] } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const papers = syntheticPapers(n);
  const merger = createMerger([]);
  const digests: string[] = [];
  for (let i = 0; i < papers.length; i += PER_DIGEST) {
    const text = syntheticDigest(papers.slice(i, i + PER_DIGEST));
    const file = `synthetic-${String(i / PER_DIGEST).padStart(3, '0')}.txt`;
    const result = parseDigest(text, { file, year: 2025, yearSource: 'flag' });
    const digest = sha256(text);
    const importedAt = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    writeDigest(dir, Buffer.from(text), { digest, seq: digests.length + 1, file, importedAt, format: result.format, year: 2025, yearSource: 'flag', papers: result.papers.length });
    merger.add(result.papers, { digest, file, importedAt });
    digests.push(digest);
  }
  writeCache(dir, merger.papers, digests, digests.at(-1) ?? null);
  return { papers: merger.papers, digests };
}
