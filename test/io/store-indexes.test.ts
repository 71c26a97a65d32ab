// What keeps commands independent of the library's size: the paper count its triggers keep, and
// the statements that read an end of an index rather than every row.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../src/core/filter.js';
import type { Database as Db } from '../../src/io/db/connection.js';
import { listingSummary, selectListings } from '../../src/io/db/listing.js';
import { countPapers } from '../../src/io/db/read.js';
import { openLibrary } from '../../src/io/library-store.js';
import { hfDigest, parsed, SEED_TEXT, seedPapers, tempDir } from './library-helpers.js';

const clock = () => new Date('2025-03-12T08:00:00Z');
const fresh = { title: 'A Brand New Paper on Sparse Mixtures of Experts', abstract: 'We study sparse mixtures. They route tokens to a few experts and save compute.' };

/** The SQL of every statement `run` prepares on db. */
function statementsOf(db: Db, run: () => void): string[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as Db['prepare'];
  try {
    run();
  } finally {
    db.prepare = prepare as Db['prepare'];
  }
  return seen;
}

const plan = (db: Db, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).raw().all(...new Array((sql.match(/\?/g) ?? []).length).fill(null)) as unknown[][]).map((r) => String(r[3]));

describe('the paper count', () => {
  it('follows imports and a forget, as count(*) would', () => {
    const dir = tempDir();
    const lib = openLibrary(dir, { now: clock });
    lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    const second = lib.importDigest(parsed(hfDigest('2025-03-20', [seedPapers()[2]!, fresh]), 'second.txt'));
    const counted = () => {
      const db = new Database(join(dir, 'cache', 'papers.db'), { readonly: true });
      try {
        return [db.prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'papers'").pluck().get(), db.prepare('SELECT count(*) FROM papers').pluck().get()];
      } finally {
        db.close();
      }
    };
    expect(counted()).toEqual([101, 101]);
    expect(lib.count()).toBe(101);
    lib.forget(second.digest);
    expect(counted()).toEqual([100, 100]);
    expect(countPapers(lib.database()!)).toBe(100);
  });
});

describe('statements that read an end of an index', () => {
  const dir = tempDir();
  const lib = openLibrary(dir, { now: clock });
  lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
  const db = lib.database()!;

  it('list --sort date takes its first rows from an index, sorting none', () => {
    const sqls = statementsOf(db, () => [...selectListings(db, NO_FILTER, new Map(), { sort: 'date', limit: 5 })]);
    const listing = sqls.find((s) => s.includes('ORDER BY'))!;
    expect(plan(db, listing).join('; ')).toMatch(/USING INDEX papers_by_date/);
    expect(plan(db, listing).join('; ')).not.toMatch(/TEMP B-TREE/);
  });

  it("the whole library's summary scans no table", () => {
    const sqls = statementsOf(db, () => listingSummary(db, new Map([['x', { tags: { a: '2025-01-01T00:00:00Z' }, note: null }]])));
    const steps = sqls.flatMap((s) => plan(db, s));
    expect(steps.join('; ')).toMatch(/COVERING INDEX papers_day/);
    expect(steps.filter((s) => /^SCAN (p|papers)\b/.test(s) && !/INDEX/.test(s))).toEqual([]);
  });
});

describe('the papers an import adds', () => {
  it('are told by a mark taken before it, and none after a rebuild renumbered the papers', () => {
    const dir = tempDir();
    const lib = openLibrary(dir, { now: clock });
    expect(lib.mark()).toEqual({ seq: 0, id: null });
    lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    const before = lib.mark();
    const second = lib.importDigest(parsed(hfDigest('2025-03-20', [seedPapers()[2]!, fresh]), 'second.txt'));
    const added = lib.addedSince(before);
    expect(added).toHaveLength(1);
    expect(lib.papersById(added)[0]!.title).toBe(fresh.title);
    const last = lib.mark();
    lib.forget(openLibrary(dir).papersById([lib.idIndex().ids[0]!])[0]!.sightings[0]!.digest);
    expect(lib.addedSince(last)).toEqual([]);
    expect(second.added).toBe(1);
  });
});
