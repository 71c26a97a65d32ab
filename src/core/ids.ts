// Paper ids: the arXiv id when the digest shows one, else a short hash of the normalised title.
// Both are the same for the same paper on every run and machine.

const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case, accents stripped, punctuation and runs of space folded: the key for "same title". */
export function normaliseTitle(title: string): string {
  // ASCII the same way, without the Unicode tables (costly to set up on a short run's first title)
  if (ASCII.test(title)) return title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ARXIV_NEW = /^(\d{4})\.(\d{4,5})(?:v(\d+))?$/;
const ARXIV_OLD = /^([a-z-]+(?:\.[A-Z]{2})?)\/(\d{7})(?:v(\d+))?$/i;

/** Splits "2503.01234v2" into id and version; null when the string is not an arXiv id. */
export function parseArxivId(raw: string): { id: string; version: number | null } | null {
  const s = raw.trim().replace(/^arxiv:/i, '');
  const modern = ARXIV_NEW.exec(s);
  if (modern) return { id: `${modern[1]}.${modern[2]}`, version: modern[3] ? Number(modern[3]) : null };
  const old = ARXIV_OLD.exec(s);
  if (old) return { id: `${old[1]}/${old[2]}`, version: old[3] ? Number(old[3]) : null };
  return null;
}

// Crockford base32 without i, l, o, u: unambiguous to read and type.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 64-bit FNV-1a over UTF-16 code units, as a BigInt. */
function fnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h;
}

/** 8 base32 characters (40 bits): collisions stay unlikely (~0.5%) even at 100,000 titles. */
export function titleHash(title: string): string {
  let h = fnv1a64(normaliseTitle(title)) >> 24n;
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(h & 31n)] + out;
    h >>= 5n;
  }
  return out;
}

/** The id a paper gets: its arXiv id when known, else "t" + the title hash. */
export function paperId(arxivId: string | null, title: string): string {
  return arxivId ?? `t${titleHash(title)}`;
}
