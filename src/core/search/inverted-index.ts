// The search index: a vocabulary of normalised words, an inverted index (word -> papers) and a
// forward index (paper -> its words in order, for phrases, proximity and title adjacency).
// Built incrementally (addToIndex) and held in memory: the UI searches the snapshot it shows with it, and
// the database search (io/db/search.ts) ranks its candidates with it.
//
// A posting is one int: doc << 5 | inAuthors << 4 | inTitle << 3 | min(tf in abstract, 7). One
// array per word, sorted by doc, since documents are only ever appended.
import { unicodeWordAt } from './tokenize.js';

/** What the index needs of a paper. */
export interface IndexablePaper {
  id: string;
  title: string;
  abstract: string;
  /** Indexed after the abstract: bare words match authors too. */
  authors?: readonly string[];
}

export const POSTING_DOC = 5;
export const IN_AUTHORS = 16;
export const IN_TITLE = 8;
export const TF = 7;

export interface SearchIndex {
  /** term id -> word */
  terms: string[];
  termIds: Map<string, number>;
  postings: Int32Array[];
  postingLen: Int32Array;
  /** doc -> paper id; docs are never removed, a changed paper gets a new doc and the old one dies. */
  ids: string[];
  /** paper id -> its live doc */
  docById: Map<string, number>;
  hashes: Uint32Array;
  live: Uint8Array;
  liveCount: number;
  /** forward index: doc d's words are tokens[docStart[d] .. + titleLen[d] + abstractLen[d] + authorsLen[d]): title, abstract, authors */
  tokens: Uint32Array;
  tokenCount: number;
  docStart: Int32Array;
  titleLen: Int32Array;
  abstractLen: Int32Array;
  authorsLen: Int32Array;
  /**
   * A closed vocabulary: words not in it are indexed as term 0 (the empty word), keeping positions
   * for phrases and adjacency without a posting list per word. For ranking a few candidates.
   */
  closed: boolean;
  /** Bumped by every change; derived caches (sorted vocabulary, expansions, bindings) key on it. */
  generation: number;
  /** Caches owned by the search code (vocabulary.ts, engine.ts); never serialised. */
  derived: Map<string, unknown>;
}

export function createSearchIndex(): SearchIndex {
  return {
    terms: [],
    termIds: new Map(),
    postings: [],
    postingLen: new Int32Array(1024),
    ids: [],
    docById: new Map(),
    hashes: new Uint32Array(256),
    live: new Uint8Array(256),
    liveCount: 0,
    tokens: new Uint32Array(1 << 16),
    tokenCount: 0,
    docStart: new Int32Array(256),
    titleLen: new Int32Array(256),
    abstractLen: new Int32Array(256),
    authorsLen: new Int32Array(256),
    closed: false,
    generation: 0,
    derived: new Map(),
  };
}

/** An index of the papers; with `only`, of those words alone (a closed vocabulary, see `closed`). */
export function buildSearchIndex(papers: readonly IndexablePaper[], only?: Iterable<string>): SearchIndex {
  const index = createSearchIndex();
  if (only) {
    termId(index, '');
    for (const w of only) termId(index, w);
    index.closed = true;
  }
  // A closed index ranks its papers once and is never caught up with changed text: hashing every
  // paper's text would buy nothing (highlighting then reads a hit's words from its own text).
  addToIndex(index, papers, only ? papers.map(() => 0) : undefined);
  return index;
}

export function docCount(index: SearchIndex): number {
  return index.ids.length;
}

/** 32-bit FNV-1a of the indexed text: tells whether a paper's text changed since it was indexed. */
export function textHash(paper: IndexablePaper): number {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  mix(paper.title);
  mix('\u0000');
  mix(paper.abstract);
  for (const author of paper.authors ?? []) {
    mix('\u0000');
    mix(author);
  }
  return h >>> 0;
}

function grow<T extends Int32Array | Uint32Array | Uint8Array>(arr: T, min: number): T {
  if (arr.length >= min) return arr;
  let n = Math.max(16, arr.length * 2);
  while (n < min) n *= 2;
  const bigger = new (arr.constructor as new (n: number) => T)(n);
  bigger.set(arr);
  return bigger;
}

function termId(index: SearchIndex, word: string): number {
  const id = index.termIds.get(word);
  return id !== undefined ? id : index.closed ? 0 : newTerm(index, word, hashWord(word));
}

function newTerm(index: SearchIndex, word: string, hash: number): number {
  const id = index.terms.length;
  index.terms.push(word);
  index.termIds.set(word, id);
  index.postings.push(new Int32Array(2));
  index.postingLen = grow(index.postingLen, id + 1);
  const v = vocabTable(index);
  v.hashes = grow(v.hashes, id + 1);
  v.hashes[id] = hash;
  if ((id + 1) * 2 > v.slots.length) rehash(index, v);
  else place(v, id, hash);
  return id;
}

// The vocabulary again as an open-addressing hash table over the words' characters, so that
// indexing looks words up straight from the text without making a string per word (twenty
// million of them at 100k papers: the allocation and Map hashing were most of the build time).
interface VocabTable {
  slots: Int32Array;
  hashes: Uint32Array;
}

function vocabTable(index: SearchIndex): VocabTable {
  let v = index.derived.get('vocab-table') as VocabTable | undefined;
  if (!v) {
    v = { slots: new Int32Array(1024), hashes: new Uint32Array(Math.max(16, index.terms.length)) };
    index.derived.set('vocab-table', v);
    index.terms.forEach((w, t) => (v!.hashes[t] = hashWord(w)));
    rehash(index, v);
  }
  return v;
}

function rehash(index: SearchIndex, v: VocabTable): void {
  let size = v.slots.length;
  while (index.terms.length * 2 > size) size *= 2;
  v.slots = new Int32Array(size);
  for (let t = 0; t < index.terms.length; t++) place(v, t, v.hashes[t]!);
}

function place(v: VocabTable, t: number, hash: number): void {
  const mask = v.slots.length - 1;
  let i = hash & mask;
  while (v.slots[i] !== 0) i = (i + 1) & mask;
  v.slots[i] = t + 1;
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isWordAscii = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Appends the term ids of the words of `text` to the forward index (same words as tokenize.ts forEachWord). */
function indexWords(index: SearchIndex, text: string): void {
  const v = vocabTable(index);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 >= 128) {
      i = unicodeWord(index, text, i);
      continue;
    }
    if (!isWordAscii(lowerAscii(c0))) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 128) break;
      const l = lowerAscii(c);
      if (!isWordAscii(l)) break;
      h = Math.imul(h ^ l, 0x01000193);
      i++;
    }
    if (i < n && text.charCodeAt(i) >= 128) {
      i = unicodeWord(index, text, start);
      continue;
    }
    h >>>= 0;
    let t = -1;
    const slots = vocabTableSlots(v);
    const mask = slots.length - 1;
    for (let k = h & mask; slots[k] !== 0; k = (k + 1) & mask) {
      const cand = slots[k]! - 1;
      if (v.hashes[cand] === h && sameWord(index.terms[cand]!, text, start, i)) {
        t = cand;
        break;
      }
    }
    if (t < 0) t = index.closed ? 0 : newTerm(index, text.slice(start, i).toLowerCase(), h);
    pushToken(index, t);
  }
}

const vocabTableSlots = (v: VocabTable) => v.slots;

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let j = 0; j < word.length; j++) if (word.charCodeAt(j) !== lowerAscii(text.charCodeAt(start + j))) return false;
  return true;
}

/** The word starting at `at` that is not all ASCII; returns where indexing goes on. */
function unicodeWord(index: SearchIndex, text: string, at: number): number {
  return unicodeWordAt(text, at, (w) => pushToken(index, termId(index, w)));
}

function pushToken(index: SearchIndex, t: number): void {
  if (index.tokenCount === index.tokens.length) index.tokens = grow(index.tokens, index.tokenCount + 1);
  index.tokens[index.tokenCount++] = t;
}

// Per-add scratch: which terms this doc has, how often in the abstract, and whether in the title.
let seen = new Int32Array(1024);
let tf = new Int32Array(1024);
/** bit 1: in the title, bit 2: among the authors */
let inTitle = new Uint8Array(1024);
let distinct = new Int32Array(256);
let extra = new Int32Array(1024);
let stampCounter = 0;

/**
 * Adds papers not yet indexed, or whose text changed (their old doc dies). Papers already indexed
 * with the same text are skipped, so calling it with a whole library is cheap. Returns the number added.
 */
export function addToIndex(index: SearchIndex, papers: readonly IndexablePaper[], hashes?: readonly number[]): number {
  const firstNew = index.ids.length;
  const todo: number[] = [];
  const todoHashes: number[] = [];
  let chars = 0;
  const queued = new Set<string>();
  papers.forEach((paper, i) => {
    const hash = hashes?.[i] ?? textHash(paper);
    const existing = index.docById.get(paper.id);
    if ((existing !== undefined && index.hashes[existing] === hash) || queued.has(paper.id)) return;
    queued.add(paper.id);
    todo.push(i);
    todoHashes.push(hash);
    chars += paper.title.length + paper.abstract.length + (paper.authors?.length ?? 0) * 16;
  });
  if (todo.length === 0) return 0;
  // One allocation up front for the batch's words (about one per six characters), not doubling
  // as it goes: every large typed-array allocation can cost a full garbage collection.
  if (todo.length > 100) index.tokens = grow(index.tokens, index.tokenCount + Math.ceil(chars / 5));
  todo.forEach((i, k) => {
    const paper = papers[i]!;
    const existing = index.docById.get(paper.id);
    if (existing !== undefined) {
      index.live[existing] = 0;
      index.liveCount--;
    }
    const doc = appendDoc(index, paper.id, todoHashes[k]!);
    const start = index.tokenCount;
    indexWords(index, paper.title);
    const titleEnd = index.tokenCount;
    indexWords(index, paper.abstract);
    const abstractEnd = index.tokenCount;
    for (const author of paper.authors ?? []) indexWords(index, author);
    index.docStart[doc] = start;
    index.titleLen[doc] = titleEnd - start;
    index.abstractLen[doc] = abstractEnd - titleEnd;
    index.authorsLen[doc] = index.tokenCount - abstractEnd;
  });
  const added = index.ids.length - firstNew;
  if (added === 0) return 0;
  postDocs(index, firstNew, index.ids.length);
  index.generation++;
  // After a big batch (a build, a large import), give back the slack.
  if (added >= 1000 && added * 10 >= index.ids.length) trim(index);
  return added;
}

function trim(index: SearchIndex): void {
  const fit = <T extends Int32Array | Uint32Array>(arr: T, len: number): T => (arr.length > len + (len >> 3) + 16 ? (arr.slice(0, len) as T) : arr);
  index.tokens = fit(index.tokens, index.tokenCount);
  for (let t = 0; t < index.postings.length; t++) index.postings[t] = fit(index.postings[t]!, index.postingLen[t]!);
}

function appendDoc(index: SearchIndex, id: string, hash: number): number {
  const doc = index.ids.length;
  index.ids.push(id);
  index.docById.set(id, doc);
  const n = doc + 1;
  index.hashes = grow(index.hashes, n);
  index.live = grow(index.live, n);
  index.docStart = grow(index.docStart, n);
  index.titleLen = grow(index.titleLen, n);
  index.abstractLen = grow(index.abstractLen, n);
  index.authorsLen = grow(index.authorsLen, n);
  index.hashes[doc] = hash;
  index.live[doc] = 1;
  index.liveCount++;
  return doc;
}

/** Appends the postings of docs [from, to) from their forward-index tokens, sizing each word's list once. */
function postDocs(index: SearchIndex, from: number, to: number): void {
  const vocab = index.terms.length;
  if (seen.length < vocab) {
    seen = grow(seen, vocab);
    tf = grow(tf, vocab);
    inTitle = grow(inTitle, vocab);
  }
  if (extra.length < vocab) extra = grow(extra, vocab);
  // Pass 1: how many postings each word gains.
  for (let doc = from; doc < to; doc++) {
    const n = distinctTerms(index, doc);
    for (let i = 0; i < n; i++) extra[distinct[i]!]!++;
  }
  for (let t = 0; t < vocab; t++) {
    const more = extra[t]!;
    if (more === 0) continue;
    extra[t] = 0;
    const need = index.postingLen[t]! + more;
    const list = index.postings[t]!;
    if (list.length < need) {
      // A small batch (one import) leaves room to grow; a big one sizes exactly.
      const bigger = new Int32Array(to - from > 100 ? need : Math.max(need, list.length * 2));
      bigger.set(list.subarray(0, index.postingLen[t]!));
      index.postings[t] = bigger;
    }
  }
  // Pass 2: write them.
  for (let doc = from; doc < to; doc++) {
    const n = distinctTerms(index, doc);
    for (let i = 0; i < n; i++) {
      const t = distinct[i]!;
      const len = index.postingLen[t]!;
      index.postings[t]![len] = (doc << POSTING_DOC) | (inTitle[t]! << 3) | Math.min(tf[t]!, TF);
      index.postingLen[t] = len + 1;
    }
  }
}

/** Fills `distinct` with doc's words (and tf / inTitle for each); returns how many. */
function distinctTerms(index: SearchIndex, doc: number): number {
  const start = index.docStart[doc]!;
  const titleEnd = start + index.titleLen[doc]!;
  const abstractEnd = titleEnd + index.abstractLen[doc]!;
  const end = abstractEnd + index.authorsLen[doc]!;
  if (stampCounter >= 0x7fffffff) {
    seen.fill(0);
    stampCounter = 0;
  }
  const stamp = ++stampCounter;
  let n = 0;
  if (distinct.length < end - start) distinct = grow(distinct, end - start);
  const tokens = index.tokens;
  for (let p = start; p < end; p++) {
    const t = tokens[p]!;
    if (seen[t] !== stamp) {
      seen[t] = stamp;
      tf[t] = 0;
      inTitle[t] = 0;
      distinct[n++] = t;
    }
    if (p < titleEnd) inTitle[t]! |= 1;
    else if (p < abstractEnd) tf[t]!++;
    else inTitle[t]! |= 2;
  }
  return n;
}
