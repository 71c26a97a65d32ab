// The library's recoverable changes: forget a digest, re-read the kept digests with a parser that
// reads titles differently (ids stay), one import command as one "new", a seed shown while
// another process imports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NO_FILTER } from '../../src/core/filter.js';
import type { ParseResult } from '../../src/core/model.js';
import { readWithCurrentParser, type DigestReader } from '../../src/io/db/build.js';
import { openLibrary } from '../../src/io/library-store.js';
import { hfDigest, parsed, SEED_TEXT, seedPapers, tempDir } from './library-helpers.js';

const clock = (iso: string) => () => new Date(iso);
const fresh = [
  { title: 'A Brand New Paper on Sparse Mixtures of Experts', abstract: 'We study sparse mixtures. They route tokens to a few experts and save compute.' },
  { title: 'Another New Paper on Retrieval for Code Models', abstract: 'We retrieve code. Retrieval helps code models on long repositories.' },
];

/** The seed, then a digest with one seed paper and two new ones. */
function library() {
  const dir = tempDir();
  const lib = openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') });
  lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
  const second = parsed(hfDigest('2025-03-20', [seedPapers()[7]!, ...fresh]), 'second.txt');
  const outcome = lib.importDigest(second);
  return { dir, lib, second, hash: outcome.digest };
}

const tagged = (dir: string, tag: string) => openLibrary(dir).select({ ...NO_FILTER, tags: [tag] }).papers.map((p) => p.id);

describe('forget a digest', () => {
  it('removes the papers only it brought, keeps every decision, and a re-import brings them back with their tags', async () => {
    const { dir, lib, second, hash } = library();
    const ids = lib.idIndex().ids;
    const [overlap, newOne, newTwo] = [ids[7]!, ids[100]!, ids[101]!];
    await lib.tag([overlap, newOne], ['to-read'], []);
    await lib.setNote(newTwo, 'keep this thought');
    const decisions = readFileSync(join(dir, 'decisions.yaml'));

    const outcome = lib.forget(hash)!;
    expect(outcome.removed.sort()).toEqual([newOne, newTwo].sort());
    const after = openLibrary(dir);
    expect(after.count()).toBe(100);
    expect(after.papersById([overlap])[0]!.sightings.map((s) => s.file)).toEqual(['seed.txt']);
    expect(readFileSync(join(dir, 'decisions.yaml'))).toEqual(decisions);
    expect(after.hasDigest(hash)).toBeNull();

    expect(after.importDigest(second)).toMatchObject({ added: 2, already: null });
    expect(tagged(dir, 'to-read').sort()).toEqual([overlap, newOne].sort());
    expect(openLibrary(dir).decisionFor(newTwo)?.note?.text).toBe('keep this thought');
  });

  it('says there is nothing to forget for an unknown digest', () => {
    const { lib } = library();
    expect(lib.forget('0'.repeat(64))).toBeNull();
    expect(lib.count()).toBe(102);
  });
});

/** A later parser: reads every title with one more word, and no longer sees the last paper of a digest (junk the old one invented). */
const laterParser: DigestReader = (text, options, format) => {
  const result: ParseResult = readWithCurrentParser(text, options, format);
  const papers = result.papers.slice(0, -1).map((p) => {
    const title = `${p.title} Revisited`;
    return { ...p, title, id: p.arxivId ?? `x${p.id}` };
  });
  return { ...result, papers };
};

function stampOlderParser(dir: string): void {
  const db = new Database(join(dir, 'cache', 'papers.db'));
  db.prepare("UPDATE meta SET value = '0' WHERE key = 'parser_version'").run();
  db.close();
}

describe('a parser that reads digests differently', () => {
  it('re-reads the kept digests once; every id shown before stays the paper\'s id and keeps its decisions', async () => {
    const { dir, lib } = library();
    const before = lib.idIndex().ids;
    await lib.tag([before[0]!, before[50]!, before[100]!], ['to-read'], []);
    await lib.setNote(before[50]!, 'section 3');
    const decisions = readFileSync(join(dir, 'decisions.yaml'));
    stampOlderParser(dir);

    const reread = openLibrary(dir, { read: laterParser });
    const papers = reread.snapshot().papers;
    // the seed's last paper and the second digest's last are gone; every other id is the one shown before
    const dropped = new Set([before[99]!, before[101]!]);
    expect(papers.map((p) => p.id)).toEqual(before.filter((id) => !dropped.has(id)));
    expect(papers.every((p) => p.title.endsWith(' Revisited'))).toBe(true);
    // the id the new parser gives is an alias of the kept one
    const { aliases } = reread.idIndex();
    expect(aliases.get(`x${before[0]}`)).toBe(before[0]);
    expect(tagged(dir, 'to-read').sort()).toEqual([before[0]!, before[50]!, before[100]!].sort());
    expect(reread.decisionFor(before[50]!)?.note?.text).toBe('section 3');
    expect(readFileSync(join(dir, 'decisions.yaml'))).toEqual(decisions);

    // once: the next open does not re-read; a rebuild from scratch gives the same ids again
    let reads = 0;
    const counting: DigestReader = (...args) => (reads++, laterParser(...args));
    expect(openLibrary(dir, { read: counting }).count()).toBe(papers.length);
    expect(reads).toBe(0);
    stampOlderParser(dir);
    expect(openLibrary(dir, { read: counting }).snapshot().papers.map((p) => p.id)).toEqual(papers.map((p) => p.id));
    expect(reads).toBe(2);
  });
});

describe('new: the papers first seen in the latest import command', () => {
  it('covers every digest of one command, whatever their order', () => {
    for (const order of [0, 1]) {
      const dir = tempDir();
      const lib = openLibrary(dir, { now: clock('2025-03-12T08:00:00Z') });
      lib.importDigest(parsed(SEED_TEXT, 'seed.txt'));
      const a = parsed(hfDigest('2025-03-20', [fresh[0]!]), 'a.txt');
      const b = parsed(hfDigest('2025-03-21', [fresh[1]!, seedPapers()[3]!]), 'b.txt');
      const run = {};
      for (const d of order === 0 ? [a, b] : [b, a]) lib.importDigest(d, run);
      const news = openLibrary(dir).select({ ...NO_FILTER, tags: ['new'] }).papers.map((p) => p.title);
      expect(news.sort()).toEqual(fresh.map((p) => p.title).sort());
    }
  });

  it('a later command makes only its own papers new', () => {
    const dir = tempDir();
    const lib = openLibrary(dir);
    lib.importDigest(parsed(hfDigest('2025-03-20', [fresh[0]!]), 'a.txt'), {});
    lib.importDigest(parsed(hfDigest('2025-03-21', [fresh[1]!]), 'b.txt'), {});
    expect(openLibrary(dir).select({ ...NO_FILTER, tags: ['new'] }).papers.map((p) => p.title)).toEqual([fresh[1]!.title]);
  });
});

describe('the bundled seed shown while another process imports', () => {
  it('refuses a tag for a seed paper that is in no library, and writes nothing', async () => {
    const dir = tempDir();
    const ui = openLibrary(dir, { seed: () => parsed(SEED_TEXT, 'seed.txt') });
    const seedId = ui.snapshot().papers[0]!.id;
    openLibrary(dir).importDigest(parsed(hfDigest('2025-03-20', fresh), 'other.txt'));
    await expect(ui.tag([seedId], ['to-read'], [])).rejects.toThrow(/gained papers from another papers process/);
    expect(openLibrary(dir).decisions().size).toBe(0);
    expect(openLibrary(dir).count()).toBe(2);
  });
});
