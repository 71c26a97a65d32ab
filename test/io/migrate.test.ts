// A library written by the release before the SQLite store (test/fixtures/library-v1, see the
// README there) is migrated on first open, once, losing nothing.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryPaper } from '../../src/core/library.js';
import { openLibrary } from '../../src/io/library-store.js';
import { dumpDatabase, tempDir } from './library-helpers.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'library-v1');

const CORPORA = join(import.meta.dirname, '..', 'fixtures', 'corpora');

/** The fixture library; its raw digests are corpora files, stored under their sha256 as the store keeps them. */
function copyOfFixture(): string {
  const dir = join(tempDir('papers-v1-'), 'library');
  cpSync(join(FIXTURE, 'library'), dir, { recursive: true });
  for (const name of ['arxiv-mailing-1.txt', 'hf-api-1.json', 'google-scholar-alert-1.txt']) {
    const bytes = readFileSync(join(CORPORA, name));
    writeFileSync(join(dir, 'digests', `${createHash('sha256').update(bytes).digest('hex')}.txt`), bytes);
  }
  return dir;
}

type Listed = LibraryPaper & { tags: string[]; note: string | null };
const before = JSON.parse(readFileSync(join(FIXTURE, 'list.json'), 'utf8')) as Listed[];

describe('migration from the previous store', () => {
  it('keeps every paper with its id, aliases, first and last seen and sightings, and every decision', () => {
    const dir = copyOfFixture();
    const decisions = readFileSync(join(dir, 'decisions.yaml'));
    const lib = openLibrary(dir);
    const papers = lib.snapshot().papers;
    expect(papers.map((p) => p.id)).toEqual(before.map((p) => p.id));
    for (const old of before) {
      const now = papers.find((p) => p.id === old.id)!;
      expect({ aliases: now.aliases, firstSeen: now.firstSeen, lastSeen: now.lastSeen, title: now.title, abstract: now.abstract }).toEqual({ aliases: old.aliases, firstSeen: old.firstSeen, lastSeen: old.lastSeen, title: old.title, abstract: old.abstract });
      expect(now.sightings.map((s) => [s.digest, s.file, s.importedAt])).toEqual(old.sightings.map((s) => [s.digest, s.file, s.importedAt]));
      const decision = lib.decisionFor(old.id);
      expect(decision ? Object.keys(decision.tags).sort() : []).toEqual(old.tags);
      expect(decision?.note?.text ?? null).toBe(old.note);
    }
    expect(before.filter((p) => p.tags.length > 0 || p.note !== null).length).toBe(4); // the fixture has decisions to lose
    expect(readFileSync(join(dir, 'decisions.yaml'))).toEqual(decisions);
    // the previous store is gone; each digest's record now keeps the ids its papers were given
    expect(existsSync(join(dir, 'cache', 'library.json'))).toBe(false);
    expect(existsSync(join(dir, 'cache', 'index.json'))).toBe(false);
    const records = readdirSync(join(dir, 'digests')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, 'digests', f), 'utf8')) as { ids?: Array<{ id: string }> });
    expect(records.flatMap((r) => r.ids ?? []).map((r) => r.id).sort()).toEqual(before.flatMap((p) => p.sightings.map(() => p.id)).sort());
  });

  it('migrates once: a second open changes nothing', () => {
    const dir = copyOfFixture();
    openLibrary(dir).count();
    const first = dumpDatabase(dir);
    expect(openLibrary(dir).count()).toBe(before.length);
    expect(dumpDatabase(dir)).toBe(first);
  });
});
