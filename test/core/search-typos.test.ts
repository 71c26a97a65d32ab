// The typo rule, exactly: every word of 4+ letters that is not itself a word of the library, within
// one edit of a library word (two from 8 letters; a swap of neighbours is one edit), finds that
// word. Typos are generated from the seed's own vocabulary, every word of it.
import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../src/core/query/index.js';
import { buildSearchIndex, expandWord, indexVocabulary, type Vocabulary } from '../../src/core/search/index.js';
import { databaseVocabulary } from '../../src/io/db/search-terms.js';
import { searchDatabase } from '../../src/io/db/search.js';
import { fixtureDatabase, fixturePapers } from './search-db.js';

const papers = fixturePapers('seed');
const memory = indexVocabulary(buildSearchIndex(papers));
const db = fixtureDatabase(papers);
const vocabulary = (db.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all() as string[]).filter((w) => /^[a-z]{4,}$/.test(w));
const known = new Set(db.prepare('SELECT term FROM search_terms').pluck().all() as string[]);

/** Deterministic one-edit typos of a word: a deletion, a substitution, an insertion and a swap, at positions spread over the word. */
function typos(word: string): string[] {
  const n = word.length;
  const at = (k: number) => (k * 7 + n) % n;
  const letter = (k: number) => String.fromCharCode(97 + ((word.charCodeAt(at(k)) - 97 + 11) % 26));
  const del = word.slice(0, at(1)) + word.slice(at(1) + 1);
  const sub = word.slice(0, at(2)) + letter(2) + word.slice(at(2) + 1);
  const ins = word.slice(0, at(3)) + letter(3) + word.slice(at(3));
  const i = Math.min(at(4), n - 2);
  const swap = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  const once = [del, sub, ins, swap];
  // Two edits for words of 8+ letters, apart: the first two letters swapped, the last one dropped.
  if (n >= 8) once.push(word[1]! + word[0]! + word.slice(2, n - 1));
  return once.filter((t) => t.length >= 4 && t !== word && !known.has(t));
}

function failures(vocab: Vocabulary, words: readonly string[]): string[] {
  const failed: string[] = [];
  for (const word of words) for (const typo of typos(word)) if (!expandWord(vocab, typo, 'fuzzy').words.includes(word)) failed.push(`${typo} -> ${word}`);
  return failed;
}

describe('the typo rule', () => {
  it('generates thousands of typos from the seed vocabulary', () => {
    expect(vocabulary.length).toBeGreaterThan(1500);
    expect(vocabulary.flatMap(typos).length).toBeGreaterThan(5000);
  });

  it('every generated typo finds its word in the in-memory vocabulary', () => {
    expect(failures(memory, vocabulary)).toEqual([]);
  });

  it('and in the library database (every tenth word)', () => {
    expect(failures(databaseVocabulary(db), vocabulary.filter((_, i) => i % 10 === 0))).toEqual([]);
  });

  it('the typos fuse.js let through give hits: samll, lagre, nosie', () => {
    for (const [typo, word] of [['samll', 'small'], ['lagre', 'large'], ['nosie', 'noise']] as const) {
      const compiled = compileQuery(typo);
      if (!compiled.ok) throw new Error(compiled.error.message);
      const results = searchDatabase(db, compiled.query, new Map());
      const withWord = papers.filter((p) => new RegExp(`\\b${word}\\b`, 'i').test(`${p.title} ${p.abstract}`));
      expect(withWord.length, word).toBeGreaterThan(0);
      expect(results.total, typo).toBeGreaterThanOrEqual(withWord.length);
    }
  });

  it('a word that is itself in the library does not drag in a rarer neighbour', () => {
    expect(expandWord(memory, 'design', 'fuzzy').words).not.toContain('resign');
    expect(expandWord(memory, 'desing', 'fuzzy').words).toContain('design');
  });
});
