// Author strings as digests print them ("Ashish Vaswani", "Vaswani, Ashish", "Ludwig van Beethoven",
// "Martin Luther King Jr.", "DeepSeek-AI") split into the parts citation formats want.

type PersonName =
  | { kind: 'person'; family: string; given: string; particle: string; suffix: string }
  /** An organisation or a single name: printed as is, never inverted. */
  | { kind: 'literal'; literal: string };

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'zu', 'af', 'av', 'bin', 'al', 'el']);
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|v)$/i;
const ORGANISATION = /\b(team|lab|labs|inc|corp|consortium|collaboration|university|institute|openai|deepmind)\b/i;
/** "DeepSeek-AI", "Qwen Team", "Meta AI": capitals only, so a given name such as "Ai" stays a person. */
const ORGANISATION_CAPS = /\bAI\b/;

/** Names a digest uses for "and more": dropped. */
export function isPlaceholderName(name: string): boolean {
  return /^(…|\.\.\.|et al\.?|others|and others)$/i.test(name.trim());
}

export function parseName(raw: string): PersonName {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.includes(',')) {
    // "Family, Given" or "Family, Jr., Given"
    const parts = name.split(',').map((p) => p.trim());
    const family = parts[0] ?? '';
    const suffix = parts.length > 2 && SUFFIX.test(parts[1] ?? '') ? parts[1]! : '';
    const given = parts.slice(suffix ? 2 : 1).join(', ');
    if (SUFFIX.test(parts[1] ?? '') && parts.length === 2) return person(family, '', '', parts[1]!);
    return splitParticle(family, given, suffix);
  }
  const words = name.split(' ');
  if (words.length === 1 || ORGANISATION.test(name) || ORGANISATION_CAPS.test(name)) return { kind: 'literal', literal: name };
  let suffix = '';
  if (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop()!;
  // The family name starts at the first lower-case particle after the first word, else is the last word.
  let start = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) {
    if (PARTICLES.has(words[i]!)) {
      start = i;
      break;
    }
  }
  const given = words.slice(0, start).join(' ');
  const rest = words.slice(start);
  let particle = '';
  while (rest.length > 1 && PARTICLES.has(rest[0]!)) particle = particle ? `${particle} ${rest.shift()!}` : rest.shift()!;
  return person(rest.join(' '), given, particle, suffix);
}

function splitParticle(family: string, given: string, suffix: string): PersonName {
  const words = family.split(' ');
  let particle = '';
  while (words.length > 1 && PARTICLES.has(words[0]!)) particle = particle ? `${particle} ${words.shift()!}` : words.shift()!;
  return person(words.join(' '), given, particle, suffix);
}

function person(family: string, given: string, particle: string, suffix: string): PersonName {
  return { kind: 'person', family, given, particle, suffix };
}

/** The family name with its particle, for keys and sorting ("van Beethoven"). */
export function familyName(name: PersonName): string {
  if (name.kind === 'literal') return name.literal;
  return name.particle ? `${name.particle} ${name.family}` : name.family;
}
