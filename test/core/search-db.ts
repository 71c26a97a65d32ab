// Test helper: parsed digest fixtures as library papers, and the library database they make (the
// store's schema in an in-memory better-sqlite3 database, papers and FTS rows inserted).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { asLibraryPapers, type LibraryPaper } from '../../src/core/library.js';
import { parseDigest } from '../../src/core/parse/index.js';
import { databaseOfPapers } from '../../src/io/db/bridge.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The papers of fixture files (paths under test/fixtures, or the seed), as first imported on 2025-07-01. */
export function fixturePapers(...files: string[]): LibraryPaper[] {
  return files.flatMap((file) => {
    const path = file === 'seed' ? join(import.meta.dirname, '..', '..', 'seeds', '000_8fc7cc936e25f888.txt') : join(FIXTURES, file);
    const parsed = parseDigest(readFileSync(path, 'utf8'), { file, year: 2025, yearSource: 'flag' });
    return asLibraryPapers(parsed.papers, file, '2025-07-01T00:00:00.000Z');
  });
}

export function fixtureDatabase(papers: readonly LibraryPaper[]): Database {
  return databaseOfPapers(papers, papers[papers.length - 1]?.sightings[0]?.digest ?? null);
}
