// Writes a synthetic library on disk in one bulk import: every digest kept as an import keeps it,
// then the database built from them in one transaction (what a rebuild does), not one command per
// digest.
import { mkdirSync, rmSync } from 'node:fs';
import { recordIds } from '../src/core/id-continuity.js';
import { parseDigest } from '../src/core/parse/index.js';
import { sha256, writeDigest } from '../src/io/digest-store.js';
import { openDerived } from '../src/io/db/open.js';
import { paperIds } from '../src/io/db/read.js';
import { syntheticDigest, syntheticPapers } from './synthetic.js';
import { loadParsers } from '../src/io/parsers.js';

await loadParsers(); // the io code re-reads kept digests with them

const PER_DIGEST = 1_000;

/** Replaces `dir` with a library of n synthetic papers in digests of 1,000; returns its paper ids (no decisions written). */
export function writeSyntheticLibrary(dir: string, n: number): { papers: Array<{ id: string }>; digests: string[] } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const digests: string[] = [];
  for (let i = 0; i < n; i += PER_DIGEST) {
    const text = syntheticDigest(syntheticPapers(Math.min(PER_DIGEST, n - i), 42, i));
    const file = `synthetic-${String(i / PER_DIGEST).padStart(4, '0')}.txt`;
    const result = parseDigest(text, { file, year: 2025, yearSource: 'flag' });
    const digest = sha256(text);
    const importedAt = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    // with the ids its papers were given, as an import records them: the rebuild then has no record to rewrite (and hold until it commits)
    writeDigest(dir, Buffer.from(text), { digest, seq: digests.length + 1, file, importedAt, format: result.format, year: 2025, yearSource: 'flag', papers: result.papers.length, ids: recordIds(result.papers) });
    digests.push(digest);
  }
  const derived = openDerived(dir)!;
  const ids = paperIds(derived.db);
  derived.db.close();
  return { papers: ids.map((id) => ({ id })), digests };
}
