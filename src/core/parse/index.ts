// Format detection and dispatch. Each format lives in its own module and registers here.
import type { ParseOptions, ParseResult } from '../model.js';
import { hfPage } from './hf-page.js';
import { hfApi } from './hf-api.js';
import { arxivMail } from './arxiv-mail.js';
import { arxivFeed } from './arxiv-feed.js';
import { scholarAlert } from './scholar-alert.js';
import { hfNewsletter } from './hf-newsletter.js';
import { emlFormat, mboxFormat } from './mail-formats.js';
import { jsonRecords } from './data/json-records.js';
import { jsonLines } from './data/jsonl.js';
import { csvRecords } from './data/csv.js';
import { yamlRecords } from './data/yaml-records.js';
import { htmlDigest, markdownDigest } from './markup-digest.js';

export { PARSER_VERSION } from './version.js';

export interface DigestFormat {
  name: string;
  /** One line for `papers parse --help` and error messages. */
  description: string;
  /** 0 when the text is surely not this format, up to 1 when it surely is. Must be cheap. */
  detect(text: string): number;
  parse(text: string, options: ParseOptions): ParseResult;
}

/** Formats of a digest itself, as opposed to the mail containers that hold one. */
const DIGEST_FORMATS: readonly DigestFormat[] = [
  hfPage,
  hfApi,
  arxivMail,
  arxivFeed,
  scholarAlert,
  hfNewsletter,
  markdownDigest,
  htmlDigest,
  jsonRecords,
  jsonLines,
  csvRecords,
  yamlRecords,
];

/** The format of `formats` that claims the text most strongly; hf-page (the most forgiving) when none does. */
function strongest(formats: readonly DigestFormat[], text: string): { format: DigestFormat; score: number } {
  let format: DigestFormat = hfPage;
  let score = 0;
  for (const f of formats) {
    const s = f.detect(text);
    if (s > score) {
      format = f;
      score = s;
    }
  }
  return { format, score };
}

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
