// Detection of a digest's format, apart from the readers that need markdown-it or htmlparser2: every
// format's claim on a text (each reads the head of it, cheaply), so that a command reading one digest
// loads the reader chosen and no other. The registry of readers (index.ts) detects with these.
import { arxivFeed } from './arxiv-feed.js';
import { arxivMail } from './arxiv-mail.js';
import { csvRecords } from './data/csv.js';
import { jsonLinesProbe, jsonRecordsProbe, yamlProbe } from './data/data-detect.js';
import { hfApi } from './hf-api.js';
import { hfNewsletter } from './hf-newsletter.js';
import { hfPage } from './hf-page.js';
import { emlProbe, mboxProbe } from './mail-formats.js';
import { htmlProbe, markdownProbe } from './markup-detect.js';
import { scholarAlert } from './scholar-alert.js';

export interface FormatProbe {
  name: string;
  /** One line for `papers parse --help` and error messages. */
  description: string;
  /** 0 when the text is surely not this format, up to 1 when it surely is. Must be cheap. */
  detect(text: string): number;
}

/** Formats of a digest itself, as opposed to the mail containers that hold one. Ties go to the earlier. */
export const DIGEST_PROBES: readonly FormatProbe[] = [
  hfPage,
  hfApi,
  arxivMail,
  arxivFeed,
  scholarAlert,
  hfNewsletter,
  markdownProbe,
  htmlProbe,
  jsonRecordsProbe,
  jsonLinesProbe,
  csvRecords,
  yamlProbe,
];

export const PROBES: readonly FormatProbe[] = [...DIGEST_PROBES, emlProbe, mboxProbe];

/** The format of `formats` that claims the text most strongly; the first (hf-page, the most forgiving) when none does. */
export function strongest<F extends FormatProbe>(formats: readonly F[], text: string): { format: F; score: number } {
  let format = formats[0]!;
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
