// One line of a Hugging Face page capture, classified: page chrome, a date, a card's upvotes, author
// count or links, a markdown title, link-wrapper brackets of text-browser dumps, or plain text.
// Every check is on one line, with anchored patterns, and long lines go straight to text: linear time.
import { parseDateLine, type CardDate } from './hf-dates.js';

type LineToken =
  | { kind: 'blank' }
  | { kind: 'skip' }
  | { kind: 'chrome' }
  /** "Submitted by": the next short lines (avatar, user name) are not a title. */
  | { kind: 'submitter' }
  | { kind: 'refdef'; ref: string; url: string }
  | { kind: 'date'; date: CardDate }
  | { kind: 'middot' }
  | { kind: 'authors'; date: CardDate | null }
  /** An upvote count (0 for "-"), or a bare number that may be one. */
  | { kind: 'number'; value: number; target: Target | null; bare: boolean }
  | { kind: 'title'; text: string; target: Target | null; open: boolean }
  | { kind: 'links'; links: CardLink[] }
  | { kind: 'org' }
  /** `[` opening a link wrapper around the following lines; `text` is any text after it. */
  | { kind: 'open'; text: string }
  /** `][12]` or `](url)` closing a wrapper; `text` is any text before it. */
  | { kind: 'close'; text: string; target: Target | null }
  | { kind: 'text'; text: string };

/** Where a markdown link points: a URL, or a reference `[n]` resolved once the definitions are read. */
export type Target = { url: string } | { ref: string };

export interface CardLink {
  label: string;
  target: Target;
}

const MAX_SHORT = 160;

/** The words of a line with markdown, link targets and references taken out: "## by[AK][30] and ..." -> "by ak and ...". */
function chromeKey(line: string): string {
  return line
    .replace(/\]\[\d+\]/g, ']')
    .replace(/\]\([^()\s]*\)/g, ']')
    .replace(/[[\]*#>_|]/g, ' ')
    .replace(/^\s*-\s/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const CHROME_WORDS = new Set([
  'new', 'subscribe', 'daily papers', 'trending papers', 'daily', 'weekly', 'monthly', 'models', 'datasets', 'spaces',
  'buckets new', 'docs', 'pricing', 'enterprise', 'log in', 'login', 'sign up', 'posts', 'blog', 'learn', 'discord',
  'forum', 'github', 'tasks', 'huggingchat', 'collections', 'languages', 'organizations', 'community', 'solutions',
  'website', 'company', 'tos', 'privacy', 'about', 'jobs', 'system theme', 'previous', 'next', 'load more',
  'hugging face', "hugging face's logo hugging face", 'team & enterprise', 'hugging face pro', 'enterprise support',
  'inference providers', 'inference endpoints', 'storage buckets', 'by', 'ak', 'by ak', 'byak', 'papers',
  'view all', 'upvote', 'paper page', 'search', 'web source', 'extracted text', 'ai-generated summary',
  'show more', 'show less', 'see all', 'more', 'img', 'trending', 'text', '```text', '```', '---', 'contact',
]);

/** Page chrome: navigation, the subscription box, the "by AK and the research community" banner, capture front matter. */
export function isChrome(line: string): boolean {
  if (line.length > MAX_SHORT) return false;
  const key = chromeKey(line);
  if (key === '') return true;
  if (CHROME_WORDS.has(key)) return true;
  if (key.includes('trending papers in your email') || key.includes('and the research community')) return true;
  if (/^by ?ak\b/.test(key) && key.length < 60) return true;
  // capture front matter: "- URL: ...", "- Title: ...", "- Captured (UTC): ..."
  if (/^(?:url|title|captured(?: \(utc\))?|source|date):\s/.test(key) && /^\s*-\s/.test(line)) return true;
  if (/^<\/?[a-z][^<>]{0,200}>$/i.test(line)) return true;
  if (line.startsWith('```')) return true;
  return false;
}

const REFDEF = /^\[(\d+)\]:\s*(\S+)/;
const AUTHORS = /^(?:[*-]\s*)?(\d{1,5})\s+authors?\b\s*(.*)$/i;
const PLAIN_UPVOTES = /^\[-\]\s*(\d{1,7}|-)$/;
const LINK_UPVOTES = /^\[\s*(\d{1,7})\s*\](?:\(([^()\s]*)\)|\[(\d+)\])$/;
const NUMBER = /^\d{1,7}$/;
// `[label](url)` or `[label][n]`, several on a line: labels without brackets (card buttons).
const CARD_LINKS = /^(?:\s*\[(?:LINK: )?([^[\]]{1,80})\](?:\(([^()\s]+)\)|\[(\d+)\]))+\s*$/;
const CARD_LINK = /\[(?:LINK: )?([^[\]]{1,80})\](?:\(([^()\s]+)\)|\[(\d+)\])/g;
// Organisation shown instead of an author count: `[[microsoft] Microsoft][67]`, `[…]Carnegie Mellon University](https://huggingface.co/CarnegieMellonU)`.
const ORG = /^\[?\[[^[\]]{0,80}\][^[\]]{1,80}\](?:\[\d+\]|\(https?:\/\/huggingface\.co\/[^()\s/]+\))$/;
const CLOSE_ONLY = /^\](?:\[(\d+)\]|\(([^()\s]*)\))?$/;
const CLOSE_AFTER_TEXT = /\](?:\[(\d+)\]|\(([^()\s]*)\))$/;

function target(url: string | undefined, ref: string | undefined): Target | null {
  if (url) return { url };
  if (ref) return { ref };
  return null;
}

/**
 * A markdown heading that is a paper title: `### [Title](url)`, `### [Title][12]`, `### Title`.
 * `open` is true when the title's bracket is not closed on this line (a capture wrapped at 120 columns).
 */
function headingTitle(line: string): LineToken | null {
  const m = /^(#{1,6})\s+(.*)$/.exec(line);
  if (!m) return null;
  const level = m[1]!.length;
  const body = m[2]!.trim();
  if (body.startsWith('[')) {
    const close = Math.max(body.lastIndexOf(']('), body.lastIndexOf(']['));
    if (close === -1) return { kind: 'title', text: body.slice(1), target: null, open: true };
    const rest = body.slice(close + 1);
    const t = /^\(([^()\s]*)\)|^\[(\d+)\]/.exec(rest);
    return { kind: 'title', text: body.slice(1, close), target: t ? target(t[1], t[2]) : null, open: false };
  }
  // "# Daily Papers", "## Extracted Text": headings of the page, not titles
  if (level < 3) return { kind: 'chrome' };
  return { kind: 'title', text: body, target: null, open: false };
}

export function classifyLine(raw: string): LineToken {
  const line = raw.trim();
  if (line === '') return { kind: 'blank' };
  const first = line[0]!;
  const short = line.length <= MAX_SHORT;
  // link wrappers of text-browser dumps: `[` alone, `][12]` or `](url)` alone
  if (line === '[') return { kind: 'open', text: '' };
  if (first === ']') {
    const close = CLOSE_ONLY.exec(line);
    if (close) return { kind: 'close', text: '', target: target(close[2], close[1]) };
  }
  if (short && isChrome(line)) return { kind: 'chrome' };
  if (short && /^submitted by\b/i.test(line)) return { kind: 'submitter' };
  if (first === '#') {
    const title = headingTitle(line);
    if (title) return title;
  }
  if (first === '[') {
    const def = REFDEF.exec(line);
    if (def) return { kind: 'refdef', ref: def[1]!, url: def[2]! };
    if (short) {
      const up = LINK_UPVOTES.exec(line);
      if (up) {
        const url = up[2];
        // `[6](…#community)` is a comment count
        if (url && url.includes('#community')) return { kind: 'skip' };
        return { kind: 'number', value: Number(up[1]), target: target(url, up[3]), bare: false };
      }
      const plain = PLAIN_UPVOTES.exec(line);
      if (plain) return { kind: 'number', value: plain[1] === '-' ? 0 : Number(plain[1]), target: null, bare: false };
      if (ORG.test(line)) return { kind: 'org' };
      if (/^!?\[img\]$/i.test(line) || line.startsWith('![')) return { kind: 'skip' };
      if (CARD_LINKS.test(line)) {
        const links: CardLink[] = [];
        for (const m of line.matchAll(CARD_LINK)) {
          const t = target(m[2], m[3]);
          if (t) links.push({ label: m[1]!.trim(), target: t });
        }
        return { kind: 'links', links };
      }
    }
    // `[Upvote`, `[Long abstract text…`: a wrapper opening with text in it
    if (!line.includes(']')) return { kind: 'open', text: line.slice(1).trim() };
  }
  if (short) {
    if (first === '·' || first === '•') {
      if (line.length === 1) return { kind: 'middot' };
      const date = parseDateLine(line);
      return date ? { kind: 'date', date } : { kind: 'skip' };
    }
    if (line === '-' || line === '*') return { kind: 'number', value: 0, target: null, bare: true };
    if (NUMBER.test(line)) return { kind: 'number', value: Number(line), target: null, bare: true };
    const authors = AUTHORS.exec(line);
    if (authors) {
      const tail = authors[2]!.trim();
      const date = tail ? parseDateLine(tail.startsWith('·') ? tail : `· ${tail}`) : null;
      return { kind: 'authors', date };
    }
    if (line.length <= 60) {
      const date = parseDateLine(line);
      if (date) return { kind: 'date', date };
    }
    if (line.includes('#community')) return { kind: 'skip' };
  }
  // text ending a wrapper: `…last words.](https://huggingface.co/papers/2503.01234)`
  if (line.endsWith(')') || line.endsWith(']')) {
    const close = CLOSE_AFTER_TEXT.exec(line);
    if (close && !line.includes('[')) {
      const text = line.slice(0, close.index).trim();
      const t = target(close[2], close[1]);
      // `[Upvote\n\n117](…)`: the count closes the wrapper
      if (NUMBER.test(text)) return { kind: 'number', value: Number(text), target: t, bare: false };
      return { kind: 'close', text, target: t };
    }
  }
  return { kind: 'text', text: line };
}
