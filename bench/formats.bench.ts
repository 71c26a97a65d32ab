// Every digest format on 1 MB and 10 MB of input built from the real samples (ids made
// unique): throughput in MB/s at both sizes. Linear time shows as the same MB/s at 1 and 10 MB.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { formatByName } from '../src/core/parse/index.js';

const CORPORA = fileURLToPath(new URL('../test/fixtures/corpora/', import.meta.url));
const sample = (name: string) => readFileSync(CORPORA + name, 'utf8');
const MB = 1024 * 1024;

/** Repeats `unit(i)` until the text reaches `bytes`, between a head and a tail. */
function grow(bytes: number, head: string, unit: (i: number) => string, tail: string, sep = ''): string {
  const parts: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length + sep.length;
  }
  return head + parts.join(sep) + tail;
}

const uniqueId = (i: number) => `${2300 + Math.floor(i / 90000)}.${String(10000 + (i % 90000)).padStart(5, '0')}`;

const mailing = sample('arxiv-mailing-2.txt');
const entries = mailing.split(/^-{78}\n/m).filter((e) => e.startsWith('\\\\\narXiv:2303.') && !e.includes('cross-listing'));
const listingHead = mailing.slice(0, mailing.indexOf('\\\\\narXiv:'));
const arxivMail = (bytes: number) => grow(bytes, listingHead, (i) => `${entries[i % entries.length]!.replace(/2303\.\d{5}/g, uniqueId(i))}${'-'.repeat(78)}\n`, '%%%---%%%---%%%---\n');

const apiItems = JSON.parse(sample('hf-api-1.json')) as Array<{ paper: { id: string } }>;
const hfApi = (bytes: number) => grow(bytes, '[', (i) => JSON.stringify({ ...apiItems[i % apiItems.length]!, paper: { ...apiItems[i % apiItems.length]!.paper, id: uniqueId(i) } }), ']', ',');

const abstracts = entries.map((e) => e.split('\\\\\n')[2] ?? '');
const rssItem = (i: number) =>
  `<item><title>Paper ${i} on things &amp; more</title><link>https://arxiv.org/abs/${uniqueId(i)}</link><description>arXiv:${uniqueId(i)}v1 Announce Type: new \nAbstract: ${abstracts[i % abstracts.length]!.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description><guid isPermaLink="false">oai:arXiv.org:${uniqueId(i)}v1</guid><category>cs.AI</category><pubDate>Thu, 18 Sep 2025 00:00:00 -0400</pubDate><arxiv:announce_type>new</arxiv:announce_type><dc:creator>A. One, B. Two, C. Three</dc:creator></item>\n`;
const arxivFeed = (bytes: number) => grow(bytes, '<?xml version="1.0"?>\n<rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"><channel><title>cs.AI updates on arXiv.org</title>\n', rssItem, '</channel></rss>\n');

const alert = sample('google-scholar-alert-1.txt');
const cardsStart = alert.indexOf('<h3');
const cardsEnd = alert.indexOf('<div style="line-height:16px');
const cards = alert.slice(cardsStart, cardsEnd);
const scholar = (bytes: number) => grow(bytes, alert.slice(0, cardsStart), () => cards, alert.slice(cardsEnd));

const newsletter = (bytes: number) =>
  grow(bytes, 'Daily Papers\nby AK and the AI research community\n\nHere is the selection of papers for today (6 Jul):\n\n', (i) => `A Paper Title Number ${i} About Things (${i % 500} ▲) <https://huggingface.co/papers/${uniqueId(i)}?utm_source=digest-papers&utm_medium=email>\n`, '\nOnwards and upwards,\nAK and the research community\n');

function qp(text: string): string {
  return text.replace(/=/g, '=3D').replace(/^(.{70})(?=.)/gm, '$1=\n');
}
const eml = (bytes: number) => `From: no-reply@arxiv.org\nSubject: astro-ph daily\nDate: Fri, 03 Mar 2023 01:29:12 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${qp(arxivMail(bytes))}\n`;

const mboxMessage = (i: number) =>
  `From sender@example.org Fri Mar  3 01:29:12 2023\nFrom: sender@example.org\nSubject: digest ${i}\nDate: Fri, 03 Mar 2023 01:29:12 +0000\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${Buffer.from(alert).toString('base64').replace(/.{76}/g, '$&\n')}\n\n`;
const mbox = (bytes: number) => grow(bytes, '', mboxMessage, '');

const CASES: Array<[string, (bytes: number) => string]> = [
  ['arxiv-mail', arxivMail],
  ['hf-api', hfApi],
  ['arxiv-feed', arxivFeed],
  ['scholar-alert', scholar],
  ['hf-newsletter', newsletter],
  ['eml', eml],
  ['mbox', mbox],
];

function time(fn: () => void, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** MB/s at 2, 4, 8 and 16 MB, one format after another: flat figures mean linear time. */
function scaling(): void {
  console.log('\nscaling (MB/s at 2, 4, 8, 16 MB; best of 3):');
  for (const [name, build] of CASES) {
    const format = formatByName(name)!;
    const figures = [2, 4, 8, 16].map((mb) => {
      const text = build(mb * MB);
      const ms = time(() => format.parse(text, { file: 'bench', year: 2026 }), 3);
      return (text.length / MB / (ms / 1000)).toFixed(1).padStart(7);
    });
    console.log(`${name.padEnd(14)} ${figures.join(' ')}`);
  }
}

export async function run(): Promise<void> {
  console.log('format          papers(10MB)   1 MB: ms    MB/s   10 MB: ms    MB/s   10MB/1MB time');
  for (const [name, build] of CASES) {
    const format = formatByName(name)!;
    const small = build(MB);
    const large = build(10 * MB);
    // warm up (JIT) on the small input, then best of several runs
    for (let k = 0; k < 3; k++) format.parse(small, { file: 'bench', year: 2026 });
    const count = format.parse(large, { file: 'bench', year: 2026 }).papers.length;
    const t1 = time(() => format.parse(small, { file: 'bench', year: 2026 }), 7);
    const t10 = time(() => format.parse(large, { file: 'bench', year: 2026 }), 3);
    const mbps = (bytes: number, ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
    console.log(
      `${name.padEnd(14)} ${String(count).padStart(12)} ${t1.toFixed(0).padStart(11)} ${mbps(small.length, t1).padStart(7)} ${t10.toFixed(0).padStart(11)} ${mbps(large.length, t10).padStart(7)} ${(t10 / t1).toFixed(1).padStart(14)}`,
    );
  }
  // the 1 MB figure runs warm and inside the young generation; the scaling shows the trend beyond
  if (process.env.BENCH_SCALING !== '0') scaling();
}
