// bench/synthetic.ts
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// src/core/model.ts
function emptyPaper(source) {
  return {
    id: "",
    title: "",
    abstract: "",
    abstractKind: "none",
    links: [],
    arxivId: null,
    authors: [],
    upvotes: null,
    date: null,
    source,
    version: null,
    announceType: null,
    categories: [],
    comments: null,
    journalRef: null,
    doi: null,
    venue: null
  };
}

// src/core/ids.ts
function normaliseTitle(title) {
  return title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
var ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
function fnv1a64(text) {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = h * prime & mask;
  }
  return h;
}
function titleHash(title) {
  let h = fnv1a64(normaliseTitle(title)) >> 24n;
  let out = "";
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(h & 31n)] + out;
    h >>= 5n;
  }
  return out;
}
function paperId(arxivId, title) {
  return arxivId ?? `t${titleHash(title)}`;
}

// bench/synthetic.ts
var SEED = fileURLToPath(new URL("../seeds/000_8fc7cc936e25f888.txt", import.meta.url));
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var material;
function seedMaterial() {
  if (material) return material;
  const paragraphs = readFileSync(SEED, "utf8").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const titles = paragraphs.filter((p) => p.length > 20 && p.length < 200 && !p.includes("\n"));
  const abstracts = paragraphs.filter((p) => p.length >= 200);
  material = {
    titleWords: titles.join(" ").split(/\s+/).filter((w) => w.length > 2),
    sentences: abstracts.flatMap((a) => a.split(/(?<=\.)\s+(?=[A-Z])/)).filter((s) => s.length > 20)
  };
  return material;
}
var pick = (rand, items) => items[Math.floor(rand() * items.length)];
function syntheticPapers(n, seed = 42) {
  const { titleWords, sentences } = seedMaterial();
  const rand = prng(seed);
  const papers = [];
  for (let i = 0; i < n; i++) {
    const title = Array.from({ length: 5 + Math.floor(rand() * 7) }, () => pick(rand, titleWords)).join(" ") + ` ${i}`;
    const abstract = Array.from({ length: 5 + Math.floor(rand() * 6) }, () => pick(rand, sentences)).join(" ");
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 730) * 864e5).toISOString().slice(0, 10);
    const arxivId = rand() < 0.33 ? `${day.slice(2, 4)}${day.slice(5, 7)}.${String(1e4 + i).slice(-5)}` : null;
    const links = rand() < 0.4 ? [{ url: `https://github.com/synthetic/repo-${i}`, kind: "code" }] : [];
    papers.push({ ...emptyPaper({ file: "synthetic", line: i * 4 + 1 }), id: paperId(arxivId, title), title, abstract, abstractKind: "abstract", arxivId, date: day, links });
  }
  return papers;
}

// src/core/rank/tokenize.ts
var STOP_WORDS = new Set(
  "a about above after again against all also although am among an and any are aren as at be because been before being below between both but by can cannot could did do does doing done down during each either else etc even ever every few for from further had has have having he her here hers herself him himself his how however i if in into is isn it its itself just less let many may me might more most much must my myself neither no nor not now of off often on once one only onto or other others otherwise our ours ourselves out over own per rather same several she should since so some such than that the their theirs them themselves then there thereby therefore these they this those though through thus to too toward towards under unless until up upon us use used uses using very via was we well were what whatever when where whereas whether which while who whom whose why will with within without would yet you your yours yourself yourselves paper papers propose proposed proposes present presents presented show shows shown demonstrate demonstrates introduce introduces introduced result results work works approach approaches method methods novel new based existing recent furthermore moreover additionally specifically particular particularly respectively achieve achieves achieved significantly significant extensive experiments experimental available code https http www com github org".split(" ")
);
var NON_ASCII = /[^\x00-\x7f]/;
var MARKS = /\p{M}+/gu;
var WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
var LETTER = /\p{L}/u;
var BREAKS = new Set('.,;:!?()[]{}"\u201C\u201D\xAB\xBB'.split("").map((c) => c.charCodeAt(0)));
function foldText(text) {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize("NFKD").replace(MARKS, "").normalize("NFC") : lower;
}
var ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_CLASS[c] = /[a-z]/.test(ch) ? 2 : /[0-9]/.test(ch) ? 1 : BREAKS.has(c) ? 3 : 0;
}
var classOf = (code) => {
  if (BREAKS.has(code)) return 3;
  const ch = String.fromCharCode(code);
  return LETTER.test(ch) ? 2 : WORD_CHAR.test(ch) ? 1 : 0;
};
var WordTable = class {
  words = [];
  stop = new Uint8Array(1024);
  hashes = new Int32Array(1024);
  mask = 1023;
  slots = new Int32Array(1024).fill(-1);
  constructor() {
    for (const w of STOP_WORDS) this.add(w, hashOf(w, 0, w.length), true);
  }
  isStop(id) {
    return this.stop[id] === 1;
  }
  /** The number of s[from, to), whose hash is `hash`; a new word gets the next number. */
  intern(s, from, to, hash) {
    const len = to - from;
    for (let h = hash & this.mask; ; h = h + 1 & this.mask) {
      const id = this.slots[h];
      if (id === -1) return this.add(s.slice(from, to), hash, false);
      if (this.hashes[id] === hash) {
        const w = this.words[id];
        if (w.length === len) {
          let i = 0;
          while (i < len && w.charCodeAt(i) === s.charCodeAt(from + i)) i++;
          if (i === len) return id;
        }
      }
    }
  }
  add(word, hash, stop) {
    const id = this.words.length;
    this.words.push(word);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const stops = new Uint8Array(id * 2);
      stops.set(this.stop);
      this.stop = stops;
    }
    this.hashes[id] = hash;
    this.stop[id] = stop ? 1 : 0;
    if (this.words.length * 2 > this.mask) {
      this.mask = this.mask * 2 + 1;
      this.slots = new Int32Array(this.mask + 1).fill(-1);
      for (let i = 0; i < this.words.length; i++) this.place(i);
    } else this.place(id);
    return id;
  }
  place(id) {
    let h = this.hashes[id] & this.mask;
    while (this.slots[h] !== -1) h = h + 1 & this.mask;
    this.slots[h] = id;
  }
};
function hashOf(s, from, to) {
  let h = 2166136261;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
function forEachWordId(text, table, word, phraseBreak) {
  const s = foldText(text);
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    let k = c < 128 ? ASCII_CLASS[c] : classOf(c);
    if (k === 0) {
      i++;
      continue;
    }
    if (k === 3) {
      phraseBreak();
      i++;
      continue;
    }
    const from = i;
    let letter = false;
    let h = 2166136261;
    while (k === 1 || k === 2) {
      if (k === 2) letter = true;
      h = Math.imul(h ^ c, 16777619);
      if (++i === n) break;
      c = s.charCodeAt(i);
      k = c < 128 ? ASCII_CLASS[c] : classOf(c);
    }
    if (i - from < 2 || !letter) {
      phraseBreak();
      continue;
    }
    const id = table.intern(s, from, i, h);
    if (table.isStop(id)) phraseBreak();
    else word(id);
  }
}

// src/core/rank/tfidf.ts
var MIN_DF = 2;
var TF_WEIGHT = Float64Array.from({ length: 64 }, (_, tf) => tf === 0 ? 0 : 1 + Math.log(tf));
var IntBuffer = class {
  data = new Int32Array(1024);
  length = 0;
  push(v) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
};
var PairTable = class {
  mask = (1 << 16) - 1;
  /** Triples (first, second, value); first -1 marks an empty slot. */
  table = new Int32Array((this.mask + 1) * 3).fill(-1);
  count = 0;
  slot(a, b) {
    let h = Math.imul(a, 2654435761) ^ Math.imul(b, 2246822519);
    h ^= h >>> 15;
    h = Math.imul(h, 739982445);
    h ^= h >>> 12;
    const t = this.table;
    for (h &= this.mask; ; h = h + 1 & this.mask) {
      const first = t[h * 3];
      if (first === -1 || first === a && t[h * 3 + 1] === b) return h * 3;
    }
  }
  /** The value, or -1. */
  get(a, b) {
    const at = this.slot(a, b);
    return this.table[at] === -1 ? -1 : this.table[at + 2];
  }
  set(a, b, v) {
    if ((this.count + 1) * 2 > this.mask) this.grow();
    const at = this.slot(a, b);
    if (this.table[at] === -1) this.count++;
    this.table[at] = a;
    this.table[at + 1] = b;
    this.table[at + 2] = v;
  }
  grow() {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array((this.mask + 1) * 3).fill(-1);
    this.count = 0;
    for (let i = 0; i < old.length; i += 3) if (old[i] !== -1) this.set(old[i], old[i + 1], old[i + 2]);
  }
};
function buildTfidf(texts2) {
  const n = texts2.length;
  const words = new WordTable();
  const termOfWord = new IntBuffer();
  const rawTerms = [];
  let rawDf = new Int32Array(1024);
  let lastDoc = new Int32Array(1024).fill(-1);
  let slotOf = new Int32Array(1024);
  const start = new Int32Array(n + 1);
  const ids = new IntBuffer();
  const counts = new IntBuffer();
  const bigramNumber = new PairTable();
  const addTerm = (term) => {
    const id = rawTerms.length;
    rawTerms.push(term);
    if (id === rawDf.length) {
      const grow = (a, fill) => {
        const next = new Int32Array(a.length * 2).fill(fill);
        next.set(a);
        return next;
      };
      rawDf = grow(rawDf, 0);
      lastDoc = grow(lastDoc, -1);
      slotOf = grow(slotOf, 0);
    }
    return id;
  };
  let d = 0;
  const count = (id) => {
    if (lastDoc[id] === d) {
      counts.data[slotOf[id]]++;
      return;
    }
    lastDoc[id] = d;
    slotOf[id] = ids.length;
    ids.push(id);
    counts.push(1);
    rawDf[id]++;
  };
  let previousId = -1;
  const onWord = (w) => {
    let id = w < termOfWord.length ? termOfWord.data[w] : -1;
    if (id < 0) {
      id = addTerm(words.words[w]);
      while (termOfWord.length <= w) termOfWord.push(-1);
      termOfWord.data[w] = id;
    }
    count(id);
    if (previousId >= 0) {
      let bigram = bigramNumber.get(previousId, id);
      if (bigram < 0) {
        bigram = addTerm(`${rawTerms[previousId]} ${rawTerms[id]}`);
        bigramNumber.set(previousId, id, bigram);
      }
      count(bigram);
    }
    previousId = id;
  };
  const onBreak = () => {
    previousId = -1;
  };
  for (d = 0; d < n; d++) {
    previousId = -1;
    forEachWordId(texts2[d], words, onWord, onBreak);
    start[d + 1] = ids.length;
  }
  const renumber = new Int32Array(rawTerms.length).fill(-1);
  const vocabulary = [];
  const termNumber = /* @__PURE__ */ new Map();
  const dfKept = [];
  for (let r = 0; r < rawTerms.length; r++) {
    if (rawDf[r] < MIN_DF) continue;
    renumber[r] = vocabulary.length;
    termNumber.set(rawTerms[r], vocabulary.length);
    vocabulary.push(rawTerms[r]);
    dfKept.push(rawDf[r]);
  }
  const idf = new Float64Array(vocabulary.length);
  for (let t = 0; t < vocabulary.length; t++) idf[t] = Math.log((1 + n) / (1 + dfKept[t])) + 1;
  let kept = 0;
  for (let k = 0; k < ids.length; k++) if (renumber[ids.data[k]] >= 0) kept++;
  const docStart = new Int32Array(n + 1);
  const docTerms = new Int32Array(kept);
  const docWeights = new Float32Array(kept);
  let at = 0;
  for (let d2 = 0; d2 < n; d2++) {
    const from = at;
    let norm = 0;
    for (let k = start[d2]; k < start[d2 + 1]; k++) {
      const t = renumber[ids.data[k]];
      if (t < 0) continue;
      const tf = counts.data[k];
      const w = (tf < TF_WEIGHT.length ? TF_WEIGHT[tf] : 1 + Math.log(tf)) * idf[t];
      docTerms[at] = t;
      docWeights[at] = w;
      norm += w * w;
      at++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = from; k < at; k++) docWeights[k] *= scale;
    docStart[d2 + 1] = at;
  }
  return { size: n, vocabulary, termNumber, idf, docStart, docTerms, docWeights };
}

// src/core/rank/interest.ts
function paperText(paper) {
  return `${paper.title}.
${paper.abstract}`;
}

// ../../tmp/rank/prof5.mts
var texts = syntheticPapers(1e4).map(paperText);
for (let r = 0; r < 6; r++) buildTfidf(texts);
