// The registry of every reader, in the order of detection (detect.ts), and dispatch. Each format
// lives in its own module.
import type { ParseOptions, ParseResult } from '../model.js';
import { jsonRecords } from './data/json-records.js';
import { jsonLines } from './data/jsonl.js';
import { yamlRecords } from './data/yaml-records.js';
import { DIGEST_PROBES, strongest, type FormatProbe } from './detect.js';
import { emlFormat, mboxFormat } from './mail-formats.js';
import { htmlDigest, markdownDigest } from './markup-digest.js';
import { PLAIN_READERS } from './plain.js';

export { PARSER_VERSION } from './version.js';

export interface DigestFormat extends FormatProbe {
  parse(text: string, options: ParseOptions): ParseResult;
}

const READERS = new Map<string, DigestFormat>([...PLAIN_READERS, ...[markdownDigest, htmlDigest, jsonRecords, jsonLines, yamlRecords].map((f) => [f.name, f] as const)]);

function readerOf(probe: FormatProbe): DigestFormat {
  const reader = READERS.get(probe.name);
  if (!reader) throw new Error(`the format ${probe.name} is detected but has no reader`);
  return reader;
}

/** Formats of a digest itself, as opposed to the mail containers that hold one. */
const DIGEST_FORMATS: readonly DigestFormat[] = DIGEST_PROBES.map(readerOf);

/** The digest format (never a container) that claims a text most strongly: for the parts of a mail. */
const detectDigest = (text: string) => strongest(DIGEST_FORMATS, text);

export const FORMATS: readonly DigestFormat[] = [...DIGEST_FORMATS, emlFormat(detectDigest), mboxFormat(detectDigest)];

export function formatByName(name: string): DigestFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}

/** The format that claims the text most strongly; hf-page (the most forgiving) when none does. */
export function detectFormat(text: string): DigestFormat {
  return strongest(FORMATS, text).format;
}

/** Parses a digest, detecting its format unless one is named. Never throws. */
export function parseDigest(text: string, options: ParseOptions, format?: DigestFormat): ParseResult {
  return (format ?? detectFormat(text)).parse(text, options);
}
