// Shared by the library tests: small Hugging Face page digests built from the seed's own papers,
// so they go through the real parser.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseDigest } from '../../src/core/parse/index.js';
import type { Paper } from '../../src/core/model.js';
import type { ParsedDigest } from '../../src/io/library-store.js';

export const SEED_FILE = join(import.meta.dirname, '..', '..', 'seeds', '000_8fc7cc936e25f888.txt');
export const SEED_TEXT = readFileSync(SEED_FILE, 'utf8');

export function tempDir(prefix = 'papers-lib-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function seedPapers(): Paper[] {
  return parseDigest(SEED_TEXT, { file: 'seed.txt', year: 2025, yearSource: 'flag' }).papers;
}

/** A Hugging Face page as the browser copies it: header, one ISO date line, then title / abstract paragraphs. */
export function hfDigest(date: string, papers: ReadonlyArray<{ title: string; abstract: string }>): string {
  const lines = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'byAK and the research community', '', date, ''];
  for (const p of papers) lines.push(p.title, '', p.abstract, '');
  return lines.join('\n');
}

export function parsed(text: string, name: string, year = 2025): ParsedDigest {
  const options = { file: name, year, yearSource: 'flag' as const };
  return { bytes: Buffer.from(text, 'utf8'), name, options, result: parseDigest(text, options) };
}

/** Every row of every table of a library's database, as text (read-only: for comparing states). */
export function dumpDatabase(dir: string): string {
  const db = new Database(join(dir, 'cache', 'papers.db'), { readonly: true });
  try {
    const tables = ['meta', 'digests', 'papers', 'abstracts', 'aliases', 'sightings'];
    return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())}`).join('\n');
  } finally {
    db.close();
  }
}
