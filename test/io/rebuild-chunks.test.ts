// The rebuild from the kept digests, a chunk of digests per transaction: the same database as one
// transaction, its search vocabulary built with it (and emptied with the papers it counted).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildFromDigests } from '../../src/io/db/build.js';
import { memoryDatabase } from '../../src/io/db/connection.js';
import { openLibrary } from '../../src/io/library-store.js';
import { hfDigest, parsed, SEED_TEXT, seedPapers, tempDir } from './library-helpers.js';

const clock = () => new Date('2025-03-12T08:00:00Z');
const rare = { title: 'Another New Paper on Quokkas Counting Pebbles', abstract: 'We watch quokkas on remote islands. The quokkas count pebbles all day long.' };

function library() {
  const dir = tempDir();
  const lib = openLibrary(dir, { now: clock });
  lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
  lib.importDigest(parsed(hfDigest('2025-03-20', [seedPapers()[3]!, { title: 'A Brand New Paper on Sparse Mixtures of Experts', abstract: 'We study sparse mixtures. Routing sends tokens to a few experts and saves compute.' }]), 'second.txt'));
  const third = lib.importDigest(parsed(hfDigest('2025-03-21', [rare, seedPapers()[9]!]), 'third.txt'));
  return { dir, lib, third: third.digest };
}

const TABLES = ['digests', 'papers', 'abstracts', 'aliases', 'sightings', 'search_terms'];
function dump(db: Database.Database): string {
  const meta = db.prepare("SELECT * FROM meta WHERE key NOT IN ('generation') ORDER BY key").all();
  return [JSON.stringify(meta), ...TABLES.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all()))].join('\n');
}

describe('the rebuild in chunks', () => {
  it('gives the database one transaction gives, papers and vocabulary alike', () => {
    const { dir } = library();
    const whole = memoryDatabase();
    const chunked = memoryDatabase();
    rebuildFromDigests(whole, dir, { writeRecords: false });
    const built = rebuildFromDigests(chunked, dir, { writeRecords: false, chunkPapers: 1 });
    expect(built.papers).toBe(102);
    expect(dump(chunked)).toBe(dump(whole));
    const last = chunked.prepare('SELECT max(seq) FROM papers').pluck().get();
    expect(chunked.prepare("SELECT value FROM meta WHERE key = 'search_terms_seq'").pluck().get()).toBe(String(last));
    expect(chunked.prepare("SELECT docs FROM search_terms WHERE term = 'quokkas'").pluck().get()).toBe(1);
  });

  it('leaves no word of a forgotten digest in the vocabulary', () => {
    const { dir, lib, third } = library();
    lib.forget(third);
    lib.database()!.close();
    const db = new Database(join(dir, 'cache', 'papers.db'), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM search_terms WHERE term = 'quokkas'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT docs FROM search_terms WHERE term = 'routing'").pluck().get()).toBeGreaterThan(0);
    db.close();
  });
});
