// Listings read by SQL give exactly what the in-memory filter and sort give over the whole
// snapshot; rows round-trip a paper exactly; the UI's snapshot reads an abstract when asked for.
import { describe, expect, it } from 'vitest';
import { filterPapers, NO_FILTER, type PaperFilter } from '../../src/core/filter.js';
import { effectiveTags, type LibraryPaper } from '../../src/core/library.js';
import { sortByField } from '../../src/core/rank/sort.js';
import { memoryDatabase } from '../../src/io/db/connection.js';
import { readPapersById } from '../../src/io/db/read.js';
import { insertPaper } from '../../src/io/db/write.js';
import { openLibrary } from '../../src/io/library-store.js';
import { hfDigest, parsed, SEED_TEXT, seedPapers, tempDir } from './library-helpers.js';

const clock = (iso: string) => () => new Date(iso);

/** The seed on 12 March, a digest dated 20 March (one seed paper again, two new), then a command of two digests. */
async function library() {
  const dir = tempDir();
  const lib = openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') });
  lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
  const seed = seedPapers();
  lib.importDigest(parsed(hfDigest('2025-03-20', [seed[7]!, { title: 'Sparse Experts for Routing', abstract: 'We route tokens.' }]), 'b.txt'));
  const run = {};
  lib.importDigest(parsed(hfDigest('2025-03-22', [{ title: 'Retrieval for Code Models', abstract: 'We retrieve code.' }]), 'c.txt'), run);
  lib.importDigest(parsed(hfDigest('2025-03-23', [seed[3]!, { title: 'Zero-Shot Tables', abstract: 'Tables.' }]), 'd.txt'), run);
  const ids = lib.idIndex().ids;
  await lib.tag([ids[0]!, ids[5]!, ids[7]!], ['to-read'], []);
  await lib.tag([ids[5]!, ids[9]!], ['Skip'], []);
  return dir;
}

const filters: Array<[string, Partial<PaperFilter>]> = [
  ['none', {}],
  ['a user tag in another case', { tags: ['TO-READ'] }],
  ['two tags', { tags: ['to-read', 'skip'] }],
  ['not a tag', { notTags: ['skip'] }],
  ['new', { tags: ['new'] }],
  ['seen', { tags: ['Seen'] }],
  ['untriaged, not new', { tags: ['untriaged'], notTags: ['new'] }],
  ['since', { since: '2025-03-20' }],
  ['until', { until: '2025-03-12' }],
  ['one sighting inside the window', { since: '2025-03-13', until: '2025-03-21' }],
];

describe('listings read by SQL', () => {
  it('pass the papers the in-memory filter passes, in library order, whole or without abstracts', async () => {
    const dir = await library();
    const whole = openLibrary(dir).snapshot();
    for (const [name, f] of filters) {
      const filter = { ...NO_FILTER, ...f };
      const expected = filterPapers(whole, filter);
      expect(expected.length, name).toBeGreaterThan(0);
      const lib = openLibrary(dir);
      expect([...lib.eachPaper(filter)], name).toEqual(expected);
      const listed = [...lib.listings(filter)];
      expect(listed.map((p) => p.id), name).toEqual(expected.map((p) => p.id));
      expect(listed.some((p) => 'abstract' in p), name).toBe(false);
      expect(lib.select(filter).papers, name).toEqual(expected);
    }
  });

  it('sort by date, upvotes and title as the in-memory sort does, and cut to the limit after sorting', async () => {
    const dir = await library();
    const whole = openLibrary(dir).snapshot();
    for (const sort of ['date', 'upvotes', 'title'] as const) {
      for (const [name, f] of filters) {
        const filter = { ...NO_FILTER, ...f };
        const expected = sortByField(filterPapers(whole, filter), sort).map((p) => p.id);
        const got = [...openLibrary(dir).listings(filter, { sort, limit: 3, offset: 1 })].map((p) => p.id);
        expect(got, `${sort} ${name}`).toEqual(expected.slice(1, 4));
      }
    }
  });

  it('sorted listings keep each paper whole: its sightings are its own, whatever the order', async () => {
    const dir = await library();
    const whole = openLibrary(dir).snapshot();
    const byId = new Map(whole.papers.map((p) => [p.id, p]));
    expect(whole.papers.some((p) => p.sightings.length > 1)).toBe(true);
    for (const sort of ['date', 'upvotes', 'title'] as const) {
      const sorted = [...openLibrary(dir).eachPaper(NO_FILTER, { sort })];
      if (sort !== 'upvotes') expect(sorted.map((p) => p.id), sort).not.toEqual(whole.papers.map((p) => p.id)); // the seed is in upvote order already
      for (const p of sorted) expect(p, `${sort} ${p.id}`).toEqual(byId.get(p.id));
      for (const p of openLibrary(dir).listings(NO_FILTER, { sort })) expect(p.sightings, `${sort} ${p.id}`).toEqual(byId.get(p.id)!.sightings);
    }
  });
});

describe('a paper in the database', () => {
  it('reads back exactly: fields no column holds, a key order of its own, categories with a space', () => {
    const [first] = openLibrary(tempDir(), { seed: () => parsed(SEED_TEXT, 'seed.txt') }).snapshot().papers;
    const base = first!;
    const changed = { ...base, id: 'odd1', categories: ['cs.LG', 'a b'], doi: '10.1/x', comments: 'ten pages', links: [{ kind: 'code', url: 'https://example.org/x' }], aliases: ['alias1'] };
    // lastSeen first: a key order of its own
    const odd = Object.fromEntries([['lastSeen', base.lastSeen], ...Object.entries(changed)]) as unknown as LibraryPaper;
    expect(Object.keys(odd)[0]).toBe('lastSeen');
    const plain = { ...base, id: 'plain1' };
    const db = memoryDatabase();
    insertPaper(db, odd, new Map([[base.sightings[0]!.digest, 0]]));
    insertPaper(db, plain, new Map());
    const [a, b] = readPapersById(db, ['odd1', 'plain1']);
    expect(JSON.stringify(a)).toBe(JSON.stringify({ ...odd, sightings: [] }));
    expect(JSON.stringify(b)).toBe(JSON.stringify({ ...plain, sightings: [] }));
  });
});

describe("the UI's snapshot", () => {
  it('holds the papers without reading their abstracts, and reads one when asked for', async () => {
    const dir = await library();
    const whole = openLibrary(dir).snapshot();
    const shown = openLibrary(dir).shownSnapshot();
    expect(shown.papers.map((p) => p.id)).toEqual(whole.papers.map((p) => p.id));
    const i = whole.papers.findIndex((p) => p.abstract !== '');
    expect(Object.getOwnPropertyDescriptor(shown.papers[i], 'abstract')?.get).toBeTypeOf('function');
    expect(shown.papers[i]!.abstract).toBe(whole.papers[i]!.abstract);
    expect(new Map(shown.decisions)).toEqual(new Map(whole.decisions));
  });
});

describe("the UI's snapshot in pages", () => {
  it('gives the first rows and the counts of the whole library, then the rest a slice at a time: the same papers as shownSnapshot()', async () => {
    const dir = await library();
    const whole = openLibrary(dir).shownSnapshot();
    const lib = openLibrary(dir);
    const pages = lib.shownPages()!;
    const first = pages.first(3);
    expect(first.snapshot.papers).toEqual(whole.papers.slice(0, 3));
    const tags = whole.papers.map((p) => effectiveTags(p, whole.decisions.get(p.id), whole.latestDigest));
    const days = whole.papers.map((p) => p.date ?? p.firstSeen).filter((d): d is string => Boolean(d)).sort();
    expect({ total: first.total, untriaged: first.untriaged, fresh: first.fresh, dates: first.dates }).toEqual({
      total: whole.papers.length,
      untriaged: tags.filter((t) => t.includes('untriaged')).length,
      fresh: tags.filter((t) => t.includes('new')).length,
      dates: { first: days[0], last: days[days.length - 1] },
    });
    // the library holds some of each, so that each count is tested
    expect([first.untriaged, first.fresh]).not.toContain(0);
    expect(first.untriaged).toBeLessThan(first.total);
    expect(first.fresh).toBeLessThan(first.total);
    let slices = 0;
    let done = pages.more(4);
    while (!done) {
      slices++;
      done = pages.more(4);
    }
    expect(slices).toBe(Math.ceil((whole.papers.length - 3) / 4) - 1);
    expect(done.papers).toEqual(whole.papers);
    expect(done.latestDigest).toBe(whole.latestDigest);
    expect(lib.shownSnapshot()).toBe(done);
    // once read whole, there is nothing to page
    expect(lib.shownPages()).toBeNull();
  });
});
