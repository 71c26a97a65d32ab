// BRIDGE, until the store keeps the library in its database: an in-memory database with the
// store's schema, filled from papers already in memory (a snapshot, parsed files, the seed), so
// that every search runs over a database. Remembered per papers array.
import type { Database as Db } from 'better-sqlite3';
import type { LibraryPaper } from '../../core/library.js';
import { memoryDatabase } from './connection.js';
import { paperColumns } from './rows.js';
import { insertRow } from './write.js';
import { refreshSearchTerms } from './search-terms.js';

const built = new WeakMap<readonly LibraryPaper[], Db>();

/** The papers in a fresh in-memory database; `latestDigest` (the virtual tag new) gets the last digest seq. */
export function databaseOfPapers(papers: readonly LibraryPaper[], latestDigest: string | null): Db {
  const cached = built.get(papers);
  if (cached) return cached;
  const db = memoryDatabase(); // better-sqlite3 is required there, on first use
  const digests = new Map<string, number>();
  for (const p of papers) for (const s of p.sightings) if (s.digest !== latestDigest && !digests.has(s.digest)) digests.set(s.digest, digests.size + 1);
  if (latestDigest !== null) digests.set(latestDigest, digests.size + 1);
  const addDigest = db.prepare("INSERT INTO digests (seq, hash, file, imported_at, format, papers, run) VALUES (?, ?, '', '', '', 0, ?)");
  const addAlias = db.prepare('INSERT OR IGNORE INTO aliases (alias, id) VALUES (?, ?)');
  db.transaction(() => {
    for (const [hash, seq] of digests) addDigest.run(seq, hash, hash);
    for (const p of papers) {
      const days = p.sightings.map((s) => s.date ?? s.importedAt.slice(0, 10)).sort();
      const row = paperColumns(p, digests.get(p.sightings[0]?.digest ?? '') ?? 0);
      insertRow(db, { ...row, first_seen: days[0] ?? p.date, last_seen: days[days.length - 1] ?? p.date, has_abstract: p.abstract.trim() === '' ? 0 : 1, data: '{}' });
      for (const a of p.aliases ?? []) addAlias.run(a, p.id);
    }
  })();
  refreshSearchTerms(db);
  built.set(papers, db);
  return db;
}
