// Migration from the previous release's store (cache/library.json + cache/index.json): its papers
// go into the database exactly as they were (ids, aliases, first and last seen, sightings), and
// each digest's record learns the ids its papers had, so that the re-read by the current parser
// that follows keeps them. Decisions are not touched: they are keyed by those same ids.
import { rmSync } from 'node:fs';
import type { RecordedId } from '../../core/id-continuity.js';
import type { LibraryPaper } from '../../core/library.js';
import { readMetas, type DigestMeta } from '../digest-store.js';
import { cachePaths, closeIndex, readAllPapers, readIndex } from '../library-cache.js';
import { reportProgress } from '../progress-hook.js';
import { setMeta, type Database } from './connection.js';
import { newGeneration, writeRecord } from './build.js';
import { insertDigestRow, insertPaper } from './write.js';

/** The parser version of every library written before versions were stamped. */
export const UNSTAMPED_PARSER = '0';

/** Whether the previous release's store is there and readable. */
export function hasPreviousStore(dir: string): boolean {
  const index = readIndex(dir);
  closeIndex(index);
  return index !== null;
}

/** Fills an empty database from the previous store; false when there is none readable (rebuild from the digests instead). */
export function migratePreviousStore(db: Database, dir: string, writable: boolean): boolean {
  const index = readIndex(dir);
  if (!index) return false;
  let papers: LibraryPaper[];
  try {
    papers = readAllPapers(dir, index);
  } catch {
    return false;
  } finally {
    closeIndex(index);
  }
  const metas = new Map(readMetas(dir).map((m) => [m.digest, m]));
  const progress = reportProgress('moving the library to its new store', papers.length);
  try {
    db.transaction(() => {
      const seqOf = new Map<string, number>();
      for (const hash of index.digests) {
        const meta = metas.get(hash);
        if (meta) seqOf.set(hash, insertDigestRow(db, { hash, file: meta.file, importedAt: meta.importedAt, format: meta.format, run: null }, meta.papers));
      }
      for (const p of papers) {
        insertPaper(db, p, seqOf);
        progress.tick();
      }
      setMeta(db, 'parser_version', UNSTAMPED_PARSER);
      setMeta(db, 'generation', newGeneration());
    })();
  } finally {
    progress.done();
  }
  if (writable) {
    for (const [hash, ids] of recordsFrom(papers)) {
      const meta = metas.get(hash);
      if (meta && !meta.ids) writeRecord(dir, { ...meta, ids } satisfies DigestMeta);
    }
    const paths = cachePaths(dir);
    rmSync(paths.index, { force: true });
    rmSync(paths.papers, { force: true });
  }
  return true;
}

/** For each digest, the ids of the papers seen in it, ordered by line (their position in it). */
function recordsFrom(papers: readonly LibraryPaper[]): Map<string, RecordedId[]> {
  const out = new Map<string, RecordedId[]>();
  for (const p of papers) {
    for (const s of p.sightings) {
      let list = out.get(s.digest);
      if (!list) out.set(s.digest, (list = []));
      list.push({ position: 0, line: s.line, id: p.id, arxivId: p.arxivId, title: p.title });
    }
  }
  for (const list of out.values()) {
    list.sort((a, b) => a.line - b.line);
    list.forEach((r, i) => (r.position = i));
  }
  return out;
}
