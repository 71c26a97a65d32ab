// Google Scholar alert mails (the HTML body): per paper an <h3> with the title linked through
// scholar_url?url=<real URL> (the real link is URL-decoded from `url=`), a green authors/venue line
// (initials, `…`-truncated, a no-break space before ` - `), and a snippet cut with `…`.
import { parseArxivId } from '../ids.js';
import { emptyPaper, type Diagnostic, type Paper, type ParseOptions, type ParseResult } from '../model.js';
import { classifyUrl, cleanAbstract, normaliseSpaces } from '../text/index.js';
import { tokenizeMarkup } from '../markup/tokenize.js';
import type { DigestFormat } from './index.js';
import { cleanTitle, withId } from './common.js';
import { lineIndex } from './line-index.js';

const NAME = 'scholar-alert';

function detect(text: string): number {
  const head = text.slice(0, 200_000);
  if (head.includes('gse_alrt_title') || head.includes('gse_alrt_sni')) return 0.95;
  if (head.includes('scholar.google.com/scholar_url?url=') && head.includes('<h3')) return 0.8;
  return 0;
}

/** The real target of a Scholar redirect (`.../scholar_url?url=<URL>&hl=...`); other links as they are. */
export function realUrl(href: string): string {
  const q = href.indexOf('?');
  if (q === -1 || !/scholar_url|scholar\.google\./.test(href.slice(0, q))) return href;
  for (const pair of href.slice(q + 1).split('&')) {
    if (!pair.startsWith('url=')) continue;
    const raw = pair.slice(4);
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return href;
}

const ARXIV_IN_URL = /arxiv\.org\/(?:abs|pdf)\/([a-z-]+\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i;
const ARXIV_IN_VENUE = /\barXiv:(\d{4}\.\d{4,5})(v\d+)?/;

interface Card {
  offset: number;
  href: string;
  title: string;
  byline: string | null;
  snippet: string | null;
}

function parse(text: string, options: ParseOptions): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const cards: Card[] = [];
  let card: Card | null = null;
  // what the text being read belongs to
  let capture: 'title' | 'byline' | 'snippet' | null = null;
  let divDepth = 0;
  let captureDepth = 0;
  let buffer = '';
  const end = () => {
    if (!card || !capture) return;
    const value = buffer;
    if (capture === 'title') card.title = value;
    else if (capture === 'byline') card.byline = value;
    else card.snippet = value;
    capture = null;
    buffer = '';
  };
  tokenizeMarkup(text, (token) => {
    if (token.kind === 'open') {
      const cls = token.attrs.class ?? '';
      if (token.name === 'a' && cls.split(/\s+/).includes('gse_alrt_title')) {
        end();
        card = { offset: token.offset, href: token.attrs.href ?? '', title: '', byline: null, snippet: null };
        cards.push(card);
        capture = 'title';
        buffer = '';
        return;
      }
      if (token.name === 'br' && capture === 'snippet') buffer += ' ';
      if (token.name === 'div' && !token.selfClosing) {
        divDepth++;
        if (card && capture === null) {
          if (cls.split(/\s+/).includes('gse_alrt_sni')) {
            if (card.snippet === null) {
              capture = 'snippet';
              captureDepth = divDepth;
              buffer = '';
            }
          } else if (card.byline === null && card.snippet === null && !token.attrs.style?.includes('width')) {
            capture = 'byline';
            captureDepth = divDepth;
            buffer = '';
          }
        }
      }
      return;
    }
    if (token.kind === 'close') {
      if (token.name === 'a' && capture === 'title') end();
      if (token.name === 'div') {
        if (capture !== null && capture !== 'title' && divDepth === captureDepth) end();
        divDepth = Math.max(0, divDepth - 1);
      }
      return;
    }
    if (capture) buffer += token.text;
  });
  end();

  const lineAt = lineIndex(text);
  const papers: Paper[] = [];
  for (const c of cards) {
    const line = lineAt(c.offset);
    const title = cleanTitle(c.title);
    if (title === '') {
      diagnostics.push({ line, severity: 'warning', message: 'a Scholar result without a title; skipped' });
      continue;
    }
    const p = emptyPaper({ file: options.file, line });
    p.title = title;
    const url = realUrl(c.href.trim());
    // the result's link is the publication itself, not a project page: `other` unless it is a repository
    if (/^https?:\/\//i.test(url)) p.links = [{ url, kind: classifyUrl(url) === 'code' ? 'code' : 'other' }];
    if (c.byline !== null) {
      const { authors, venue } = splitByline(c.byline);
      p.authors = authors;
      p.venue = venue;
    }
    if (c.snippet !== null) {
      p.abstract = cleanAbstract(c.snippet);
      p.abstractKind = p.abstract === '' ? 'none' : 'snippet';
    }
    const arxiv = ARXIV_IN_URL.exec(url) ?? (p.venue ? ARXIV_IN_VENUE.exec(p.venue) : null);
    const parsed = arxiv ? parseArxivId(`${arxiv[1]}${arxiv[2] ?? ''}`) : null;
    if (parsed) {
      p.arxivId = parsed.id;
      p.version = parsed.version;
    }
    papers.push(withId(p));
  }
  if (papers.length === 0 && cards.length === 0) {
    diagnostics.push({ line: 0, severity: 'error', message: 'no Scholar results found (expected <a class="gse_alrt_title"> links)' });
  }
  return { format: NAME, papers, diagnostics };
}

/**
 * `Z Chen, S Kommrusch, M Monperrus\u00a0- arXiv preprint arXiv:1912.02015, 2019`: the authors
 * (initials, maybe cut with `…`) before the first ` - ` (NBSP or space before the dash), the venue after.
 */
export function splitByline(raw: string): { authors: string[]; venue: string | null } {
  const text = raw.replace(/\u00a0/g, ' ');
  const dash = text.indexOf(' - ');
  const authorPart = dash === -1 ? text : text.slice(0, dash);
  const venue = dash === -1 ? null : normaliseSpaces(text.slice(dash + 3)) || null;
  const authors = authorPart
    .split(',')
    .map((a) => normaliseSpaces(a).replace(/\s*…$/, ''))
    .filter((a) => a !== '' && a !== '…');
  return { authors, venue };
}

export const scholarAlert: DigestFormat = {
  name: NAME,
  description: 'Google Scholar alert mail (HTML body)',
  detect,
  parse,
};
