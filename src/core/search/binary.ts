// The index as one binary blob: a small JSON header, the vocabulary and ids as text, then the
// arrays as little-endian uint32s, each 4-byte aligned, so that loading is one read and typed-array
// views over it (no decoding). Live docs only, renumbered in order.
// The header carries an opaque `stamp` for the caller (src/io/search-cache.ts: which library
// generation the index is current with, and the papers' facts).
import { createSearchIndex, POSTING_DOC, type SearchIndex } from './inverted-index.js';

const docLen = (index: SearchIndex, d: number) => index.titleLen[d]! + index.abstractLen[d]! + index.authorsLen[d]!;
const FLAGS = (1 << POSTING_DOC) - 1;

const MAGIC = 'PSIDXB02';

interface Header {
  n: number;
  vocab: number;
  tokens: number;
  entries: number;
  termsBytes: number;
  idsBytes: number;
  stamp: unknown;
}

const pad4 = (n: number) => (n + 3) & ~3;

export function encodeIndexBinary(index: SearchIndex, stamp: unknown): Uint8Array {
  const enc = new TextEncoder();
  const liveDocs: number[] = [];
  const renumber = new Int32Array(index.ids.length).fill(-1);
  let total = 0;
  for (let d = 0; d < index.ids.length; d++) {
    if (!index.live[d]) continue;
    renumber[d] = liveDocs.length;
    liveDocs.push(d);
    total += docLen(index, d);
  }
  const n = liveDocs.length;
  const vocab = index.terms.length;
  const postingLen = new Uint32Array(vocab);
  let entries = 0;
  for (let t = 0; t < vocab; t++) {
    const list = index.postings[t]!;
    const len = index.postingLen[t]!;
    let c = 0;
    for (let i = 0; i < len; i++) if (renumber[list[i]! >> POSTING_DOC]! >= 0) c++;
    postingLen[t] = c;
    entries += c;
  }
  const terms = enc.encode(index.terms.join('\n'));
  const ids = enc.encode(liveDocs.map((d) => index.ids[d]!).join('\n'));
  const header: Header = { n, vocab, tokens: total, entries, termsBytes: terms.length, idsBytes: ids.length, stamp };
  const head = enc.encode(JSON.stringify(header));
  const start = pad4(8 + 4 + head.length);
  const termsAt = start;
  const idsAt = pad4(termsAt + terms.length);
  const arraysAt = pad4(idsAt + ids.length);
  const words = n + 3 * n + total + vocab + entries;
  const out = new Uint8Array(arraysAt + 4 * words);
  out.set(enc.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, head.length, true);
  out.set(head, 12);
  out.set(terms, termsAt);
  out.set(ids, idsAt);
  const u32 = new Uint32Array(out.buffer, arraysAt, words);
  let o = 0;
  for (const d of liveDocs) u32[o++] = index.hashes[d]!;
  for (const d of liveDocs) {
    u32[o++] = index.titleLen[d]!;
    u32[o++] = index.abstractLen[d]!;
    u32[o++] = index.authorsLen[d]!;
  }
  for (const d of liveDocs) {
    const s = index.docStart[d]!;
    u32.set(index.tokens.subarray(s, s + docLen(index, d)), o);
    o += docLen(index, d);
  }
  u32.set(postingLen, o);
  o += vocab;
  for (let t = 0; t < vocab; t++) {
    const list = index.postings[t]!;
    const len = index.postingLen[t]!;
    for (let i = 0; i < len; i++) {
      const e = list[i]!;
      const d = renumber[e >> POSTING_DOC]!;
      if (d >= 0) u32[o++] = (d << POSTING_DOC) | (e & FLAGS);
    }
  }
  return out;
}

/** The stamp alone (the header is read without decoding the arrays); throws when not an index. */
function readHeader(bytes: Uint8Array): { header: Header; start: number } {
  const dec = new TextDecoder();
  if (bytes.length < 12 || dec.decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error('not a papers binary search index');
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + len > bytes.length) throw new Error('search index: header cut short');
  const header = JSON.parse(dec.decode(bytes.subarray(12, 12 + len))) as Header;
  for (const k of ['n', 'vocab', 'tokens', 'entries', 'termsBytes', 'idsBytes'] as const) {
    if (!Number.isInteger(header[k]) || header[k] < 0) throw new Error(`search index: bad header (${k})`);
  }
  return { header, start: pad4(12 + len) };
}

/** The index back, its arrays viewing `bytes` (which must not be reused); throws on anything malformed. */
export function decodeIndexBinary(input: Uint8Array): { index: SearchIndex; stamp: unknown } {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const { header, start } = readHeader(bytes);
  const { n, vocab, tokens: total, entries } = header;
  const termsAt = start;
  const idsAt = pad4(termsAt + header.termsBytes);
  const arraysAt = pad4(idsAt + header.idsBytes);
  const words = n + 3 * n + total + vocab + entries;
  if (arraysAt + 4 * words !== bytes.length) throw new Error('search index: size does not match its header');
  const dec = new TextDecoder();
  const termText = dec.decode(bytes.subarray(termsAt, termsAt + header.termsBytes));
  const idText = dec.decode(bytes.subarray(idsAt, idsAt + header.idsBytes));
  const terms = vocab === 0 ? [] : termText.split('\n');
  const ids = n === 0 ? [] : idText.split('\n');
  if (terms.length !== vocab || ids.length !== n) throw new Error('search index: vocabulary or ids do not match the header');
  const u32 = new Uint32Array(bytes.buffer, bytes.byteOffset + arraysAt, words);
  let o = 0;
  const hashes = u32.subarray(o, (o += n));
  const shape = u32.subarray(o, (o += 3 * n));
  const tokens = u32.subarray(o, (o += total));
  const postingLen = u32.subarray(o, (o += vocab));
  const postings = new Int32Array(bytes.buffer, bytes.byteOffset + arraysAt + 4 * o, entries);
  let sum = 0;
  for (let i = 0; i < shape.length; i++) sum += shape[i]!;
  if (sum !== total) throw new Error('search index: token count does not match');
  for (let i = 0; i < total; i++) if (tokens[i]! >= vocab) throw new Error('search index: term id out of range');

  const index = createSearchIndex();
  index.terms = terms;
  terms.forEach((t, i) => index.termIds.set(t, i));
  index.postingLen = new Int32Array(Math.max(1024, vocab));
  index.postings = new Array<Int32Array>(vocab);
  let p = 0;
  for (let t = 0; t < vocab; t++) {
    const count = postingLen[t]!;
    if (p + count > entries) throw new Error('search index: postings cut short');
    index.postings[t] = postings.subarray(p, p + count);
    index.postingLen[t] = count;
    p += count;
  }
  if (p !== entries) throw new Error('search index: postings do not match the vocabulary');
  // One pass for all postings (cheaper than per list): every doc in range.
  const limit = n << POSTING_DOC;
  for (let i = 0; i < entries; i++) if (postings[i]! >= limit || postings[i]! < 0) throw new Error('search index: posting out of range');
  index.tokens = tokens;
  index.tokenCount = total;
  index.ids = ids;
  index.hashes = new Uint32Array(hashes);
  index.live = new Uint8Array(n).fill(1);
  index.liveCount = n;
  index.docStart = new Int32Array(n);
  index.titleLen = new Int32Array(n);
  index.abstractLen = new Int32Array(n);
  index.authorsLen = new Int32Array(n);
  let at = 0;
  for (let d = 0; d < n; d++) {
    index.docById.set(ids[d]!, d);
    index.docStart[d] = at;
    index.titleLen[d] = shape[3 * d]!;
    index.abstractLen[d] = shape[3 * d + 1]!;
    index.authorsLen[d] = shape[3 * d + 2]!;
    at += shape[3 * d]! + shape[3 * d + 1]! + shape[3 * d + 2]!;
  }
  index.generation = 1;
  return { index, stamp: header.stamp };
}
