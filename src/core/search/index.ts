// Search: the public surface. Typical use (CLI and UI alike):
//
//   const compiled = compileQuery(text);                   // src/core/query
//   if (!compiled.ok) show(compiled.error);                // {message, offset, length}
//   const index = createSearchIndex();                     // once; or loadSearchIndex() from src/io/search-cache
//   const results = searchPapers(index, compiled.query, snapshot, { limit: 50 });
//   for (const hit of results.hits) matchDetails(results.plan, hit.paper);   // ranges + snippet
//
// searchPapers indexes any snapshot paper the index lacks, so an empty index works (it is built on
// the first search) and an index loaded from disk catches up with papers imported since.
export { createSearchIndex, buildSearchIndex, addToIndex, textHash, type SearchIndex, type IndexablePaper } from './inverted-index.js';
export { searchPapers, searchDocs, planQuery, lexiconOf, type Lexicon, type DocView, type DocHit, type DocResults, type Results, type SearchSource, type SearchOptions, type SearchHit, type SearchResults, type QueryPlan } from './engine.js';
export { matchDetails, SNIPPET_CHARS, type MatchDetails, type MatchRange, type Snippet } from './highlight.js';
export { forEachWord, words, normaliseWord } from './tokenize.js';
export { paperFacts, type PaperFacts } from './facts.js';
export { editDistance, expandWord, letterSignature, maxEdits, signaturesClose, type Expansion, type Vocabulary } from './vocabulary.js';
export { indexVocabulary } from './index-vocabulary.js';
