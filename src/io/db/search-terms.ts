// The search vocabulary (table search_terms) kept current with the papers table, and read as a
// Vocabulary (core/search/vocabulary.ts) for typo and prefix expansion.
import type { Database } from 'better-sqlite3';
import { countPapers } from './read.js';
import { SEARCH_WORDS_INDEX } from './schema.js';
import { letterSignature, signaturesClose, words, type Vocabulary } from '../../core/search/index.js';

const SEQ_KEY = 'search_terms_seq';

/**
 * Adds the words of papers inserted since the last refresh (seq above meta search_terms_seq).
 * Linear in the new papers; the store calls it in the transaction that inserts them, and search
 * calls it first, so a database that missed one catches up. Papers changed in place keep their
 * old words' counts until the database is rebuilt (counts only weigh expansions).
 */
export function refreshSearchTerms(db: Database): void {
  const done = Number((db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(SEQ_KEY) as string | undefined) ?? 0);
  const last = (db.prepare('SELECT max(seq) FROM papers').pluck().get() as number | null) ?? 0;
  if (last <= done || db.readonly) return;
  const counts = new Map<string, number>();
  for (const row of db.prepare('SELECT title, authors, abstract FROM papers_text WHERE seq > ?').iterate(done) as Iterable<{ title: string; authors: string; abstract: string }>) {
    for (const w of new Set(words(`${row.title}\n${row.authors}\n${row.abstract}`))) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const upsert = db.prepare('INSERT INTO search_terms (term, docs, len, letters) VALUES (?, ?, ?, ?) ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs');
  db.transaction(() => {
    for (const [w, n] of counts) upsert.run(w, n, w.length, letterSignature(w));
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(SEQ_KEY, String(last));
  })();
}

/** Empties the vocabulary (a rebuild in place, inside the caller's transaction). */
export function clearSearchTerms(db: Database): void {
  db.prepare('DELETE FROM search_terms').run();
  db.prepare('DELETE FROM meta WHERE key = ?').run(SEQ_KEY);
}

/** Whether the database has the index of the terms that are not numbers; made here when it can be. */
function hasWordsIndex(db: Database): boolean {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'search_terms_words'").get() !== undefined) return true;
  if (db.readonly) return false;
  try {
    db.exec(SEARCH_WORDS_INDEX);
    return true;
  } catch {
    return false; // busy or unwritable: the terms are read without it
  }
}

export function databaseVocabulary(db: Database): Vocabulary {
  const docsOf = db.prepare('SELECT docs FROM search_terms WHERE term = ?').pluck();
  const prefixed = db.prepare('SELECT term, docs FROM search_terms WHERE term > ? AND term < ? || char(1114111) ORDER BY term LIMIT ?').raw();
  const ofLength = db.prepare('SELECT term, docs, letters FROM search_terms INDEXED BY search_terms_len WHERE len BETWEEN ? AND ? AND docs >= ? AND (letters & ?) <> 0').raw();
  const wordsOfLength = hasWordsIndex(db) ? db.prepare("SELECT term, docs, letters FROM search_terms INDEXED BY search_terms_words WHERE len BETWEEN ? AND ? AND docs >= ? AND (letters & ?) <> 0 AND term GLOB '*[^0-9]*'").raw() : null;
  return {
    size: countPapers(db),
    docs: (word) => (docsOf.get(word) as number | undefined) ?? 0,
    withPrefix: (prefix, max) => prefixed.all(prefix, prefix, max) as Array<[string, number]>,
    *near(word, edits, minDocs) {
      const sig = letterSignature(word);
      // A word of more than 2 × edits signature bits shares one with every word that close: the
      // others (numbers, mostly, which a large library has by the hundred thousand) stay in SQLite.
      const shared = signaturesClose(sig, 0, edits) ? 0xffffffff : sig;
      // a word with more letters than edits is that close to no number
      const among = wordsOfLength && word.replace(/[0-9]/g, '').length > edits ? wordsOfLength : ofLength;
      for (const [term, docs, letters] of among.all(word.length - edits, word.length + edits, Math.max(1, minDocs), shared) as Array<[string, number, number]>) {
        if (signaturesClose(sig, letters, edits)) yield [term, docs];
      }
    },
  };
}
