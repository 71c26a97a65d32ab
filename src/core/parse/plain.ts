// The readers that need neither markdown-it nor htmlparser2, by format name: a digest detected as
// one of them is read without loading those (the other readers and the mail containers need them).
import { arxivFeed } from './arxiv-feed.js';
import { arxivMail } from './arxiv-mail.js';
import { csvRecords } from './data/csv.js';
import { hfApi } from './hf-api.js';
import { hfNewsletter } from './hf-newsletter.js';
import { hfPage } from './hf-page.js';
import type { DigestFormat } from './index.js';
import { scholarAlert } from './scholar-alert.js';

export const PLAIN_READERS: ReadonlyMap<string, DigestFormat> = new Map([hfPage, hfApi, arxivMail, arxivFeed, scholarAlert, hfNewsletter, csvRecords].map((f) => [f.name, f]));
