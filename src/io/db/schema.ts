// The derived store's tables: one SQLite database in the library's cache/ folder, rebuilt from the
// raw digests whenever it is missing, damaged or of another schema version. Nothing here is a
// source of truth: decisions.yaml and digests/ are.
//
// This file is the contract between the store (import, rebuild, listing reads) and search (the
// FTS index over title, authors and abstract). Add columns here, never elsewhere.

/** Bump whenever a table below changes: an older database is then rebuilt from the digests. */
export const SCHEMA_VERSION = 5;

/** Abstract text indexed per paper: one huge or hostile digest cannot make every later search slow. */
export const FTS_ABSTRACT_CHARS = 8000;
/** Title and author text indexed per paper (the same reason). */
export const FTS_FIELD_CHARS = 2000;

/**
 * The terms with a character other than a digit: the only typo candidates of a word with more
 * letters than edits (no number is that close to it), where numbers may be most of the terms.
 * Made by search on a database of an earlier version of this schema that lacks it.
 */
export const SEARCH_WORDS_INDEX = "CREATE INDEX IF NOT EXISTS search_terms_words ON search_terms(len, letters, docs) WHERE term GLOB '*[^0-9]*';";

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- meta keys: schema_version, parser_version (the digests were read by this parser), generation
-- (changes with every write, for caches derived from the database), papers (the number of rows of
-- papers, kept by its triggers below: count(*) reads the whole table).

-- One row per imported digest, in import order. hash is the sha256 of its raw bytes (its name
-- in digests/). run groups the digests of one import or fetch command (the virtual tag new).
CREATE TABLE IF NOT EXISTS digests (
  seq         INTEGER PRIMARY KEY,
  hash        TEXT NOT NULL UNIQUE,
  file        TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  format      TEXT NOT NULL,
  papers      INTEGER NOT NULL,
  run         TEXT
);

-- One row per paper. seq is library order: by first import, then position in the digest.
-- Its abstract is in the abstracts table, so that listings, which never print it, read rows a
-- tenth of the size.
CREATE TABLE IF NOT EXISTS papers (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  arxiv_id     TEXT,
  title        TEXT NOT NULL,
  authors      TEXT NOT NULL,          -- names joined by a newline
  categories   TEXT NOT NULL,          -- space-separated, primary first
  venue        TEXT,
  upvotes      INTEGER,
  date         TEXT,                   -- YYYY-MM-DD the digest shows, or NULL
  first_seen   TEXT,                   -- YYYY-MM-DD
  last_seen    TEXT,
  first_digest INTEGER NOT NULL,       -- digests.seq of its first sighting
  digest_count INTEGER NOT NULL,       -- distinct digests it was seen in (virtual tag seen)
  has_code     INTEGER NOT NULL,
  has_project  INTEGER NOT NULL,
  has_dataset  INTEGER NOT NULL,
  has_abstract INTEGER NOT NULL,
  data         TEXT NOT NULL,          -- JSON: the LibraryPaper fields no column holds, when not null or [] (db/rows.ts)
  title_hash   INTEGER                 -- 48 bits of normaliseTitle(title)'s sha256 (NULL when that is empty): the merge finds a paper seen under another id by it
);
CREATE INDEX IF NOT EXISTS papers_title_hash ON papers(title_hash) WHERE title_hash IS NOT NULL;
CREATE INDEX IF NOT EXISTS papers_arxiv ON papers(arxiv_id) WHERE arxiv_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS papers_first_digest ON papers(first_digest);
-- The library's date range (listingSummary's min and max) and --sort date (listing.ts ORDERS.date,
-- seq breaking ties as the rowid does here), read from an end of an index instead of every row.
CREATE INDEX IF NOT EXISTS papers_day ON papers(nullif(coalesce(date, first_seen), ''));
CREATE INDEX IF NOT EXISTS papers_by_date ON papers((date IS NULL), coalesce(date, last_seen, '') DESC);

INSERT OR IGNORE INTO meta(key, value) VALUES ('papers', '0');
CREATE TRIGGER IF NOT EXISTS papers_added AFTER INSERT ON papers BEGIN
  UPDATE meta SET value = value + 1 WHERE key = 'papers';
END;
CREATE TRIGGER IF NOT EXISTS papers_removed AFTER DELETE ON papers BEGIN
  UPDATE meta SET value = value - 1 WHERE key = 'papers';
END;

CREATE TABLE IF NOT EXISTS abstracts (
  seq      INTEGER PRIMARY KEY,        -- papers.seq
  abstract TEXT NOT NULL
);

-- What the FTS index reads (its external content).
CREATE VIEW IF NOT EXISTS papers_text AS
  SELECT p.seq, p.title, p.authors, coalesce(a.abstract, '') AS abstract FROM papers p LEFT JOIN abstracts a ON a.seq = p.seq;

-- Other ids a paper answers to (a title hash once an arXiv id was learned, an id shown before a
-- parser change).
CREATE TABLE IF NOT EXISTS aliases (
  alias TEXT PRIMARY KEY,
  id    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_id ON aliases(id);

-- Every appearance of a paper in a digest.
CREATE TABLE IF NOT EXISTS sightings (
  paper  INTEGER NOT NULL,             -- papers.seq
  digest INTEGER NOT NULL,             -- digests.seq
  line   INTEGER NOT NULL,
  day    TEXT NOT NULL,                -- the digest's date for it, else the import day
  date   TEXT,                         -- the digest's date for it, or NULL
  PRIMARY KEY (paper, digest, line)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sightings_day ON sightings(day);
CREATE INDEX IF NOT EXISTS sightings_digest ON sightings(digest);

-- Full-text candidates for search, over papers_text (external content: the store inserts and
-- deletes its rows in the same transaction as the papers row). Each field is indexed up to
-- FTS_FIELD_CHARS / FTS_ABSTRACT_CHARS (db/rows.ts ftsValues, used for both insert and delete). papers_vocab lists its terms
-- (the vocabulary typo expansion runs over).
CREATE VIRTUAL TABLE IF NOT EXISTS papers_fts USING fts5(
  title, authors, abstract,
  content='papers_text', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS papers_vocab USING fts5vocab(papers_fts, 'row');

-- The search's vocabulary: every word of title, authors and abstract as search normalises it, with
-- the number of papers having it, its length and a letter signature (a bit per letter), so that
-- typo candidates come from a length window of one index instead of a scan of the FTS index
-- (which fts5vocab is: it reads every doclist). Kept current by refreshSearchTerms (io/db/search-terms.ts)
-- for papers with seq above meta 'search_terms_seq'.
CREATE TABLE IF NOT EXISTS search_terms (
  term    TEXT PRIMARY KEY,
  docs    INTEGER NOT NULL,
  len     INTEGER NOT NULL,
  letters INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_terms_len ON search_terms(len, letters, docs);
${SEARCH_WORDS_INDEX}
`;
