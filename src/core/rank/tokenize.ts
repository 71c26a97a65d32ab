// Text to terms for tf-idf: lower-cased, accents folded, stop words and bare numbers dropped;
// unigrams plus bigrams of adjacent kept words (a word: a run of letters, marks and digits). A bigram never spans a stop word, a number or
// sentence punctuation, so "quantization of large models" gives "large models" but not
// "quantization large". Hyphens join nothing: "low-bit" yields "low", "bit" and "low bit".

/** English function words plus a few words every abstract uses ("paper", "propose", "results"). */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also although am among an and any are aren as at be because been before being below ' +
    'between both but by can cannot could did do does doing done down during each either else etc even ever every few for from ' +
    'further had has have having he her here hers herself him himself his how however i if in into is isn it its itself just ' +
    'less let many may me might more most much must my myself neither no nor not now of off often on once one only onto or other ' +
    'others otherwise our ours ourselves out over own per rather same several she should since so some such than that the their ' +
    'theirs them themselves then there thereby therefore these they this those though through thus to too toward towards under ' +
    'unless until up upon us use used uses using very via was we well were what whatever when where whereas whether which while ' +
    'who whom whose why will with within without would yet you your yours yourself yourselves ' +
    // words of the genre: they say nothing about a paper's topic
    'paper papers propose proposed proposes present presents presented show shows shown demonstrate demonstrates introduce ' +
    'introduces introduced result results work works approach approaches method methods novel new based existing recent ' +
    'furthermore moreover additionally specifically particular particularly respectively achieve achieves achieved ' +
    'significantly significant extensive experiments experimental available code https http www com github org'
  ).split(' '),
);

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;
/** Sentence punctuation: it ends a phrase. Other non-word characters (spaces, hyphens, slashes) only separate words. */
const BREAKS = new Set('.,;:!?()[]{}"“”«»'.split('').map((c) => c.charCodeAt(0)));

/** Lower case with accents folded ("Schrödinger" -> "schrodinger"). */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS, '').normalize('NFC') : lower;
}

// 0: separator, 1: digit, 2: letter, 3: phrase break; for ASCII. Others are looked up.
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_CLASS[c] = /[a-z]/.test(ch) ? 2 : /[0-9]/.test(ch) ? 1 : BREAKS.has(c) ? 3 : 0;
}
const classOf = (code: number): number => {
  if (BREAKS.has(code)) return 3;
  const ch = String.fromCharCode(code);
  return LETTER.test(ch) ? 2 : WORD_CHAR.test(ch) ? 1 : 0; // marks count as non-letters, like digits
};

/**
 * Words seen so far, numbered, stop words included (flagged): the tf-idf builder looks a word up
 * by its characters in place, so a word already known costs no new string.
 */
export class WordTable {
  readonly words: string[] = [];
  private stop = new Uint8Array(1024);
  private hashes = new Int32Array(1024);
  private mask = 1023;
  private slots = new Int32Array(1024).fill(-1);

  constructor() {
    for (const w of STOP_WORDS) this.add(w, hashOf(w, 0, w.length), true);
  }

  isStop(id: number): boolean {
    return this.stop[id] === 1;
  }

  /** The number of s[from, to), whose hash is `hash`; a new word gets the next number. */
  intern(s: string, from: number, to: number, hash: number): number {
    const len = to - from;
    for (let h = spread(hash) & this.mask; ; h = (h + 1) & this.mask) {
      const id = this.slots[h]!;
      if (id === -1) return this.add(s.slice(from, to), hash, false);
      if (this.hashes[id] === hash) {
        const w = this.words[id]!;
        if (w.length === len) {
          let i = 0;
          while (i < len && w.charCodeAt(i) === s.charCodeAt(from + i)) i++;
          if (i === len) return id;
        }
      }
    }
  }

  private add(word: string, hash: number, stop: boolean): number {
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

  private place(id: number): void {
    let h = spread(this.hashes[id]!) & this.mask;
    while (this.slots[h] !== -1) h = (h + 1) & this.mask;
    this.slots[h] = id;
  }
}

/** FNV's low bits are poor for short words: mix the high bits in before taking a slot. */
function spread(hash: number): number {
  const h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The kept words of the text in order, as numbers of the table (no stop words, bare numbers or
 * single letters), with `phraseBreak` called wherever a bigram must not span: at a dropped word
 * or sentence punctuation.
 */
export function forEachWordId(text: string, table: WordTable, word: (id: number) => void, phraseBreak: () => void): void {
  const s = foldText(text);
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    let k = c < 128 ? ASCII_CLASS[c]! : classOf(c);
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
    let h = 0x811c9dc5;
    while (k === 1 || k === 2) {
      if (k === 2) letter = true;
      h = Math.imul(h ^ c, 0x01000193);
      if (++i === n) break;
      c = s.charCodeAt(i);
      k = c < 128 ? ASCII_CLASS[c]! : classOf(c);
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

/** The kept words of the text, in order, with `phraseBreak` where a bigram must not span. */
export function forEachWord(text: string, word: (w: string) => void, phraseBreak: () => void): void {
  const table = new WordTable();
  forEachWordId(text, table, (id) => word(table.words[id]!), phraseBreak);
}

/** Calls `emit` with every term of the text, repeats included: unigrams, and bigrams as "a b". */
function forEachTerm(text: string, emit: (term: string) => void): void {
  let previous: string | null = null;
  forEachWord(
    text,
    (w) => {
      emit(w);
      if (previous !== null) emit(`${previous} ${w}`);
      previous = w;
    },
    () => {
      previous = null;
    },
  );
}

/** Every term of the text, repeats included. */
export function terms(text: string): string[] {
  const out: string[] = [];
  forEachTerm(text, (t) => out.push(t));
  return out;
}
