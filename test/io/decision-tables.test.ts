// The decisions as the database's tables hold them: what a read gets from them is what
// decisions.yaml says, after papers' own writes, hand edits, entries under aliases and an invalid file.
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterPapers, NO_FILTER, type PaperFilter } from '../../src/core/filter.js';
import type { Decision } from '../../src/core/library.js';
import { isTableDecisions, tableVersion } from '../../src/io/db/decision-table.js';
import { sha256 } from '../../src/io/digest-store.js';
import { openLibrary, type LibraryStore } from '../../src/io/library-store.js';
import { parsed, SEED_TEXT, seedPapers, tempDir } from './library-helpers.js';

const clock = (iso: string) => () => new Date(iso);

async function library() {
  const dir = tempDir();
  const lib = openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') });
  lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
  const ids = lib.idIndex().ids;
  await lib.tag([ids[0]!, ids[1]!, ids[5]!], ['to-read'], []);
  await lib.tag([ids[1]!, ids[7]!], ['Skip'], []);
  await lib.setNote(ids[7]!, 'method in section 3');
  return { dir, lib, ids };
}

const FILTERS: PaperFilter[] = [
  { ...NO_FILTER, tags: ['to-read'] },
  { ...NO_FILTER, tags: ['skip'] },
  { ...NO_FILTER, tags: ['untriaged'] },
  { ...NO_FILTER, notTags: ['to-read'] },
  { ...NO_FILTER, tags: ['to-read'], notTags: ['skip'] },
];

/** What a read through the tables gives, next to the same read over the file's decisions in memory. */
function readBoth(dir: string, file: Map<string, Decision>) {
  const reader = openLibrary(dir);
  const decisions = reader.decisionsById();
  const papers = openLibrary(dir).snapshot().papers;
  const memory = { papers, decisions: file, latestDigest: reader.latestDigest() };
  return {
    inTables: isTableDecisions(decisions),
    got: { decisions: papers.map((p) => decisions.get(p.id) ?? null), tags: FILTERS.map((f) => [...reader.listings(f)].map((p) => p.id)) },
    want: { decisions: papers.map((p) => file.get(p.id) ?? null), tags: FILTERS.map((f) => filterPapers(memory, f).map((p) => p.id)) },
  };
}

const fileOf = (dir: string) => new Map(openLibrary(dir).decisions());

describe('decisions read from the database tables', () => {
  it("after papers' own writes, give the file's decisions, by id and by tag, without reading the file", async () => {
    const { dir, lib, ids } = await library();
    const db = openLibrary(dir).database()!;
    openLibrary(dir).decisionsById();
    await lib.tag([ids[4]!], ['to-read'], []);
    await lib.tag([ids[1]!], [], ['skip']);
    // the tables were kept current by the writes themselves: they hold the file as it is now
    expect(tableVersion(db)?.hash).toBe(sha256(readFileSync(join(dir, 'decisions.yaml'))));
    const both = readBoth(dir, fileOf(dir));
    expect(both.inTables).toBe(true);
    expect(both.got).toEqual(both.want);
    expect(both.want.tags[0]).toHaveLength(4);
  });

  it('follow a hand edit of the file, and a write made while they were stale', async () => {
    const { dir, lib, ids } = await library();
    openLibrary(dir).decisionsById();
    const path = join(dir, 'decisions.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n"${ids[9]}":\n  tags: [To-Read, later]\n`);
    let both = readBoth(dir, fileOf(dir));
    expect(both.got).toEqual(both.want);
    expect(both.got.tags[0]).toContain(ids[9]);
    writeFileSync(path, `"${ids[2]}":\n  tags:\n    to-read: 2025-03-01T00:00:00.000Z\n`);
    await lib.tag([ids[3]!], ['to-read'], []);
    both = readBoth(dir, fileOf(dir));
    expect(both.got).toEqual(both.want);
    expect(both.got.tags[0]).toEqual([ids[2], ids[3]]);
  });

  it('are filled anew by a change made after an edit from outside, before any read', async () => {
    const { dir, lib, ids } = await library();
    const db = openLibrary(dir).database()!;
    openLibrary(dir).decisionsById();
    const path = join(dir, 'decisions.yaml');
    const held = tableVersion(db)?.hash;
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n"${ids[9]}":\n  tags: [later]\n`);
    // the change reads the whole file, as the tables are of another version; it leaves them the file's
    await openLibrary(dir, { now: clock('2025-03-14T08:00:00Z') }).tag([ids[3]!], ['to-read'], []);
    const now = sha256(readFileSync(path));
    expect(now).not.toBe(held);
    expect(tableVersion(db)?.hash).toBe(now);
    // and the next change is made from them, as after papers' own writes
    await lib.tag([ids[9]!], ['to-read'], []);
    expect(tableVersion(db)?.hash).toBe(sha256(readFileSync(path)));
    const both = readBoth(dir, fileOf(dir));
    expect(both.inTables).toBe(true);
    expect(both.got).toEqual(both.want);
    expect(both.got.tags[0]).toEqual(expect.arrayContaining([ids[3], ids[9]]));
  });

  it("fold entries kept under a paper's alias into its decision, as the file's readers do", async () => {
    const { dir, lib, ids } = await library();
    const seed = seedPapers();
    const markdown = ['# Daily Papers', '', `### [${seed[3]!.title}](https://huggingface.co/papers/2503.01234)`, '', seed[3]!.abstract, ''].join('\n');
    lib.importDigest(parsed(markdown, 'capture.md'));
    writeFileSync(
      join(dir, 'decisions.yaml'),
      `"2503.01234":\n  tags:\n    to-read: 2025-03-20T10:00:00.000Z\n    later: 2025-03-20T10:00:00.000Z\n  note:\n    text: "from the other machine"\n    at: 2025-03-20T10:00:00.000Z\n\n"${ids[3]}":\n  tags:\n    to-read: 2025-03-22T10:00:00.000Z\n    skip: 2025-03-22T10:00:00.000Z\n`,
    );
    const reader = openLibrary(dir);
    const decisions = reader.decisionsById();
    expect(decisions.get(ids[3]!)).toEqual({ tags: { 'to-read': '2025-03-20T10:00:00.000Z', later: '2025-03-20T10:00:00.000Z', skip: '2025-03-22T10:00:00.000Z' }, note: { text: 'from the other machine', at: '2025-03-20T10:00:00.000Z' } });
    const again = openLibrary(dir);
    expect(isTableDecisions(again.decisionsById())).toBe(true);
    expect(again.decisionsById().get(ids[3]!)).toEqual(decisions.get(ids[3]!));
    expect([...again.listings({ ...NO_FILTER, tags: ['to-read'] })].map((p) => p.id)).toEqual([ids[3]]);
    expect([...again.listings({ ...NO_FILTER, tags: ['later'] })].map((p) => p.id)).toEqual([ids[3]]);
    expect([...again.listings({ ...NO_FILTER, tags: ['untriaged'] })].map((p) => p.id)).not.toContain(ids[3]);
  });

  it('are not used while the file is invalid: the papers show without decisions, and with them once it is fixed', async () => {
    const { dir, ids } = await library();
    const path = join(dir, 'decisions.yaml');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, `${good}\n"broken": [\n`);
    const warnings: string[] = [];
    const reader = openLibrary(dir, { warn: (line) => warnings.push(line) });
    expect(isTableDecisions(reader.decisionsById())).toBe(false);
    expect([...reader.listings({ ...NO_FILTER, tags: ['to-read'] })]).toEqual([]);
    expect(warnings).toHaveLength(1);
    writeFileSync(path, good);
    expect([...openLibrary(dir).listings({ ...NO_FILTER, tags: ['to-read'] })].map((p) => p.id)).toEqual([ids[0], ids[1], ids[5]]);
  });
});

describe('a change that reads the decisions from the tables', () => {
  /** The same edits, each by a new process's store: in `tables`, after a read filled the tables; in `file`, with no tables ever filled. */
  async function twoLibraries() {
    const { dir: tables, ids } = await library();
    const file = tempDir();
    cpSync(tables, file, { recursive: true });
    openLibrary(tables).decisionsById();
    const run = async (edit: (lib: LibraryStore) => Promise<unknown>) => {
      for (const dir of [tables, file]) await edit(openLibrary(dir, { now: clock('2025-03-14T08:00:00Z') }));
    };
    return { tables, file, ids, run };
  }
  const stateOf = (dir: string) => ({ decisions: readFileSync(join(dir, 'decisions.yaml'), 'utf8'), journal: readFileSync(join(dir, 'state', 'journal.json'), 'utf8') });

  it('writes what a change from the whole file writes, for every kind of edit', async () => {
    const { tables, file, ids, run } = await twoLibraries();
    const cache = join(tables, 'cache', 'decisions.json');
    const cached = statSync(cache).mtimeMs;
    await run((lib) => lib.tag([ids[3]!], ['to-read'], [])); // a new block between two
    await run((lib) => lib.tag([ids[0]!], ['TO-READ', 'deep'], [])); // the library's spelling of a tag
    await run((lib) => lib.tag([ids[1]!], [], ['to-read', 'Skip'])); // a block removed
    await run((lib) => lib.setNote(ids[99]!, 'last block')); // appended
    await run((lib) => lib.setNote(ids[7]!, null));
    await run((lib) => lib.tag(ids.slice(0, 99), ['bulk'], [])); // too many to splice: the whole file
    await run((lib) => lib.tag(ids.slice(10, 90), [], ['bulk']));
    expect(stateOf(tables)).toEqual(stateOf(file));
    // the changes in `tables` read neither the decisions cache nor wrote it
    expect(statSync(cache).mtimeMs).toBe(cached);
    await run(async (lib) => lib.undo());
    expect(stateOf(tables)).toEqual(stateOf(file));
    const both = readBoth(tables, fileOf(tables));
    expect(both.inTables).toBe(true);
    expect(both.got).toEqual(both.want);
  });

  it('is not made from tables of another version of the file', async () => {
    const { tables, file, ids, run } = await twoLibraries();
    // a hand edit the tables have not seen: the change reads the file
    for (const dir of [tables, file]) writeFileSync(join(dir, 'decisions.yaml'), `"${ids[2]}":\n  tags:\n    later: 2025-03-01T00:00:00.000Z\n`);
    await run((lib) => lib.tag([ids[2]!, ids[4]!], ['to-read'], []));
    expect(stateOf(tables)).toEqual(stateOf(file));
    expect(fileOf(tables).get(ids[2]!)?.tags).toEqual({ later: '2025-03-01T00:00:00.000Z', 'to-read': '2025-03-14T08:00:00.000Z' });
    rmSync(file, { recursive: true, force: true });
  });
});
