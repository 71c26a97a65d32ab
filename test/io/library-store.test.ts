import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/io/library-store.js';
import { NO_FILTER } from '../../src/core/filter.js';
import { dumpDatabase, hfDigest, parsed, SEED_TEXT, seedPapers, tempDir } from './library-helpers.js';

const clock = (iso: string) => () => new Date(iso);

describe('library store: import', () => {
  it('imports the seed, and importing it again changes nothing and says so', () => {
    const dir = tempDir();
    const lib = openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') });
    const first = lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    expect(first).toMatchObject({ found: 100, added: 100, updated: 0, already: null });
    // what the store holds: the digests kept, and every row of the database
    const files = () => ({ digests: readdirSync(join(dir, 'digests')).join(), database: dumpDatabase(dir) });
    const before = files();
    const again = openLibrary(dir, { now: clock('2025-03-13T08:00:00Z') }).importDigest(parsed(SEED_TEXT, 'copy-of-seed.txt'));
    expect(again.added).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.already?.file).toBe('seed.txt');
    expect(files()).toEqual(before);
    expect(openLibrary(dir).count()).toBe(100);
  });

  it('keeps the raw digest byte for byte', () => {
    const dir = tempDir();
    const text = `\ufeff${hfDigest('2025-03-12', seedPapers().slice(0, 2)).replace(/\n/g, '\r\n')}`;
    const outcome = openLibrary(dir).importDigest(parsed(text, 'crlf.txt'));
    expect(readFileSync(join(dir, 'digests', `${outcome.digest}.txt`))).toEqual(Buffer.from(text, 'utf8'));
  });

  it('the seed, then a digest overlapping it, gives the union with first and last seen', () => {
    const dir = tempDir();
    const seed = seedPapers();
    const lib = openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') });
    lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    const fresh = [
      { title: 'A Brand New Paper on Sparse Mixtures of Experts', abstract: 'We study sparse mixtures. They route tokens to a few experts and save compute.' },
      { title: 'Another New Paper on Retrieval for Code Models', abstract: 'We retrieve code. Retrieval helps code models on long repositories.' },
    ];
    const overlap = [seed[5]!, seed[50]!, fresh[0]!, seed[99]!, fresh[1]!];
    const later = openLibrary(dir, { now: clock('2025-03-20T08:00:00Z') });
    const outcome = later.importDigest(parsed(hfDigest('2025-03-20', overlap), 'second.txt'));
    expect(outcome).toMatchObject({ found: 5, added: 2, updated: 3 });

    const snap = openLibrary(dir).snapshot();
    expect(snap.papers).toHaveLength(102);
    expect(new Set(snap.papers.map((p) => p.id)).size).toBe(102);
    // library order: the seed in page order, then the new papers in digest order
    expect(snap.papers.slice(0, 100).map((p) => p.title)).toEqual(seed.map((p) => p.title));
    expect(snap.papers.slice(100).map((p) => p.title)).toEqual(fresh.map((p) => p.title));
    const seenTwice = snap.papers.filter((p) => p.sightings.length === 2);
    expect(seenTwice.map((p) => p.title).sort()).toEqual([seed[5]!.title, seed[50]!.title, seed[99]!.title].sort());
    for (const p of seenTwice) {
      expect(p.firstSeen).toBe(seed[0]!.date);
      expect(p.lastSeen).toBe('2025-03-20');
      expect(p.sightings.map((s) => s.file)).toEqual(['seed.txt', 'second.txt']);
      // the seed's full abstract is not replaced by the shorter text of the second digest
      expect(p.abstract).toBe(seed.find((s) => s.title === p.title)!.abstract);
    }
    const added = snap.papers.slice(100);
    for (const p of added) expect([p.firstSeen, p.lastSeen]).toEqual(['2025-03-20', '2025-03-20']);
    // the virtual tags
    const tags = (id: string) => {
      const p = snap.papers.find((x) => x.id === id)!;
      return p;
    };
    expect(snap.latestDigest).toBe(outcome.digest);
    expect(tags(added[0]!.id).sightings[0]!.digest).toBe(snap.latestDigest);
  });

  it('rebuilds its cache from the raw digests when the cache is deleted, identically', () => {
    const dir = tempDir();
    const lib = openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') });
    lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    lib.importDigest(parsed(hfDigest('2025-03-20', seedPapers().slice(0, 3)), 'second.txt'));
    const before = openLibrary(dir).snapshot().papers;
    rmSync(join(dir, 'cache'), { recursive: true });
    expect(openLibrary(dir).snapshot().papers).toEqual(before);
  });

  it('catches up with a digest whose import was killed before its transaction committed', () => {
    const dir = tempDir();
    openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') }).importDigest(parsed(SEED_TEXT, 'seed.txt'));
    // the same import done elsewhere gives the files a killed import leaves: the digest and its record, no row
    const elsewhere = tempDir();
    const late = openLibrary(elsewhere).importDigest(parsed(hfDigest('2025-03-20', [{ title: 'A Late Paper About Robust Import Recovery', abstract: 'We study imports that were killed half way. The library catches up from its raw digests.' }]), 'late.txt'));
    for (const ext of ['txt', 'json']) copyFileSync(join(elsewhere, 'digests', `${late.digest}.${ext}`), join(dir, 'digests', `${late.digest}.${ext}`));
    const reopened = openLibrary(dir);
    expect(reopened.count()).toBe(101);
    expect(reopened.snapshot().papers.at(-1)!.title).toBe('A Late Paper About Robust Import Recovery');
    expect(reopened.hasDigest(late.digest)?.file).toBe('late.txt');
  });
});

describe('library store: decisions', () => {
  function library() {
    const dir = tempDir();
    const lib = openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') });
    lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
    return { dir, lib, ids: lib.idIndex().ids };
  }

  it('tags, untags and notes, writing decisions.yaml at once', async () => {
    const { dir, lib, ids } = library();
    await lib.tag([ids[0]!, ids[1]!], ['to-read'], []);
    await lib.tag([ids[1]!], ['skip'], ['to-read']);
    await lib.setNote(ids[0]!, 'read section 3 "first"');
    const other = openLibrary(dir);
    expect(Object.keys(other.decisionFor(ids[0]!)!.tags)).toEqual(['to-read']);
    expect(Object.keys(other.decisionFor(ids[1]!)!.tags)).toEqual(['skip']);
    expect(other.decisionFor(ids[0]!)!.note!.text).toBe('read section 3 "first"');
    expect(other.select({ ...NO_FILTER, tags: ['to-read'] }).papers.map((p) => p.id)).toEqual([ids[0]]);
    expect(other.select({ ...NO_FILTER, tags: ['untriaged'] }).papers).toHaveLength(98);
  });

  it('undo reverts the last change, repeatedly, and says what it undid', async () => {
    const { lib, ids } = library();
    await lib.tag([ids[0]!], ['to-read'], []);
    await lib.tag([ids[0]!], ['skip'], ['to-read']);
    await lib.setNote(ids[0]!, 'n');
    expect((await lib.undo())!.summary).toBe(`undid: noted ${ids[0]}`);
    expect(lib.decisionFor(ids[0]!)).toEqual({ tags: { skip: '2025-03-12T08:00:00.000Z' }, note: null });
    expect((await lib.undo())!.summary).toBe('undid: tagged 1 paper +skip -to-read');
    expect(Object.keys(lib.decisionFor(ids[0]!)!.tags)).toEqual(['to-read']);
    expect((await lib.undo())!.summary).toBe('undid: tagged 1 paper +to-read');
    expect(lib.decisionFor(ids[0]!)).toBeUndefined();
    expect(await lib.undo()).toBeNull();
  });

  it('reports an invalid hand edit with file:line:column and never overwrites it', async () => {
    const { dir, lib, ids } = library();
    await lib.tag([ids[0]!], ['to-read'], []);
    const path = join(dir, 'decisions.yaml');
    const broken = readFileSync(path, 'utf8').replace('  tags:', '  tgas:');
    writeFileSync(path, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('tgas')) + 1;
    await expect(lib.tag([ids[1]!], ['x'], [])).rejects.toThrow(new RegExp(`decisions\\.yaml:${line}:3: unknown field "tgas"`));
    // Reads go on without the decisions, after one warning naming file:line:column.
    const warned: string[] = [];
    const reader = openLibrary(dir, { warn: (l) => warned.push(l) });
    expect(reader.snapshot().decisions.size).toBe(0);
    reader.snapshot();
    expect(warned).toEqual([expect.stringContaining(`decisions.yaml:${line}:3: unknown field "tgas"`)]);
    await expect(lib.undo()).rejects.toThrow(`decisions.yaml:${line}:3:`);
    expect(readFileSync(path, 'utf8')).toBe(broken);

    const syntax = `${broken.replace('tgas:', 'tags:')}\n"unclosed: [\n`;
    writeFileSync(path, syntax);
    await expect(lib.tag([ids[1]!], ['x'], [])).rejects.toThrow(/decisions\.yaml:\d+:\d+: /);
    expect(readFileSync(path, 'utf8')).toBe(syntax);
  });

  it('honours hand edits: a list of tags without times, a bare note', async () => {
    const { dir, lib, ids } = library();
    writeFileSync(join(dir, 'decisions.yaml'), `${ids[2]}:\n  tags: [to-read, later]\n  note: just text\n`);
    const d = lib.decisionFor(ids[2]!)!;
    expect(Object.keys(d.tags).sort()).toEqual(['later', 'to-read']);
    expect(d.note!.text).toBe('just text');
    await lib.tag([ids[2]!], [], ['later']);
    expect(readFileSync(join(dir, 'decisions.yaml'), 'utf8')).toContain(`${ids[2]}:\n  tags:\n    to-read: ""\n  note:\n    text: "just text"`);
  });

  it('keeps ids when an arXiv id is learned later; a decision kept under that alias applies to the paper', async () => {
    const { dir, lib, ids } = library();
    const seed = seedPapers();
    const markdown = ['# Daily Papers', '', `### [${seed[3]!.title}](https://huggingface.co/papers/2503.01234)`, '', seed[3]!.abstract, ''].join('\n');
    const outcome = lib.importDigest(parsed(markdown, 'capture.md'));
    expect(outcome).toMatchObject({ found: 1, added: 0, updated: 1 });
    const reopened = openLibrary(dir, { now: clock('2025-03-21T08:00:00Z') });
    expect(reopened.idIndex().ids).toEqual(ids);
    const [paper] = reopened.papersById([ids[3]!]);
    expect(paper).toMatchObject({ id: ids[3], arxivId: '2503.01234', aliases: ['2503.01234'] });
    // another machine, which saw the paper first under its arXiv id, tagged it there
    writeFileSync(join(dir, 'decisions.yaml'), '"2503.01234":\n  tags:\n    to-read: 2025-03-20T10:00:00.000Z\n');
    expect(reopened.select({ ...NO_FILTER, tags: ['to-read'] }).papers.map((p) => p.id)).toEqual([ids[3]]);
    await reopened.tag([ids[3]!], ['skip'], []);
    // the entry moves to the paper's own id, with both tags
    expect(openLibrary(dir).decisions()).toEqual(new Map([[ids[3]!, { tags: { 'to-read': '2025-03-20T10:00:00.000Z', skip: '2025-03-21T08:00:00.000Z' }, note: null }]]));
    await reopened.undo();
    expect(readFileSync(join(dir, 'decisions.yaml'), 'utf8')).toContain('"2503.01234":\n  tags:\n    to-read: 2025-03-20T10:00:00.000Z\n');
  });

  it('shows the seed while empty and imports it at the first tag', async () => {
    const dir = tempDir();
    const lib = openLibrary(dir, { seed: () => parsed(SEED_TEXT, 'seed.txt') });
    expect(lib.showingSeed()).toBe(true);
    expect(lib.count()).toBe(0);
    const id = lib.snapshot().papers[4]!.id;
    expect(existsSync(join(dir, 'digests'))).toBe(false);
    await lib.tag([id], ['to-read'], []);
    expect(lib.showingSeed()).toBe(false);
    const reopened = openLibrary(dir);
    expect(reopened.count()).toBe(100);
    expect(reopened.select({ ...NO_FILTER, tags: ['to-read'] }).papers.map((p) => p.id)).toEqual([id]);
  });
});
