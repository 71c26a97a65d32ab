// The query language's syntax tree. A query is an AND of groups; a group is an OR of clauses
// (`a | b`); a clause is one term, possibly negated (`-word`, `!word`, `-tag:x`).

/** Where a piece of the query text is: UTF-16 offset and length, for error carets and highlighting. */
export interface Span {
  offset: number;
  length: number;
}

/** Which text of a paper a word or phrase is looked for in. */
export type TextField = 'any' | 'title' | 'abstract';

/**
 * How a word matches a word of the paper:
 * - fuzzy: the word itself, words it begins (3+ letters), or close spellings (typos; 4+ letters);
 * - prefix: the word itself or words it begins, no typos (used for exclusions);
 * - exact: the word itself only (`'word`).
 */
export type WordMode = 'fuzzy' | 'prefix' | 'exact';

type LinkKindFilter = 'code' | 'project' | 'dataset';
export type HasWhat = LinkKindFilter | 'note' | 'abstract' | 'authors';
export const HAS_VALUES: readonly HasWhat[] = ['code', 'project', 'dataset', 'note', 'abstract', 'authors'];

export type Comparison = '>=' | '>' | '<=' | '<' | '=';

export type Term =
  /** One normalised word (see tokenize.ts). */
  | { kind: 'word'; word: string; mode: WordMode; field: TextField }
  /** Normalised words that must appear adjacent, in this order, each exactly (`"exact phrase"`, `self-attention`). */
  | { kind: 'phrase'; words: string[]; field: TextField }
  /** A user tag or a virtual one (new, seen, untriaged); lower-case. */
  | { kind: 'tag'; tag: string }
  /** Matches the paper id, an alias or the arXiv id that starts with this (lower-case). */
  | { kind: 'id'; prefix: string }
  /** YYYY-MM-DD inclusive bounds on the dates the paper was seen (as `papers list --since/--until`). */
  | { kind: 'since'; date: string }
  | { kind: 'until'; date: string }
  | { kind: 'has'; what: HasWhat }
  /**
   * Words of one author's name, adjacent and in order (`author:"de la Cruz"`); one word is
   * matched as a bare word is (typos forgiven) unless quoted or `'`-prefixed.
   */
  | { kind: 'author'; words: string[]; mode: WordMode }
  /**
   * An arXiv category, lower-case: `cs.cl` that one, `cs` (no dot) the whole archive; `primary`
   * when only the paper's first (primary) category counts (`cat:cs.CL!`).
   */
  | { kind: 'cat'; cat: string; archive: boolean; primary: boolean }
  | { kind: 'upvotes'; op: Comparison; value: number }
  /** Normalised words that must appear adjacent, in order, in the paper's venue (Scholar alerts). */
  | { kind: 'venue'; words: string[] }
  /** A saved search (`@name`) where its groups cannot be spliced in: negated or inside `a | b`. */
  | { kind: 'saved'; name: string; query: Query };

export interface Clause {
  term: Term;
  /** `-`/`!` in front: the paper must NOT match the term. */
  negated: boolean;
  /** The clause's whole text in the query, prefix included. */
  span: Span;
}

/** Clauses joined by `|`: any one of them holding is enough. */
export interface Group {
  clauses: Clause[];
}

export interface Query {
  /** The text compiled. */
  text: string;
  /** All must hold. Empty: the query matches every paper. */
  groups: Group[];
}

export interface QueryError {
  /** One sentence: what is wrong with the token and what to write instead. */
  message: string;
  /** The offending token in the query text (length >= 1 unless the query is empty). */
  offset: number;
  length: number;
}

export type CompileResult = { ok: true; query: Query } | { ok: false; error: QueryError };
