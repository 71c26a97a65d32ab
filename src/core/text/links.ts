// URLs found in free text (abstracts, cards), cleaned of the sentence around them and classified.
import type { Link, LinkKind } from '../model.js';

// Hosts recognised without a scheme when a path follows (`github.com/owner/repo`).
const BARE_HOSTS = [
  'github\\.com', 'gitlab\\.com', 'bitbucket\\.org', 'codeberg\\.org', 'huggingface\\.co', 'hf\\.co',
  'zenodo\\.org', 'kaggle\\.com', 'figshare\\.com', 'osf\\.io', 'sourceforge\\.net', 'arxiv\\.org', 'doi\\.org',
  'sites\\.google\\.com', 'colab\\.research\\.google\\.com', 'openreview\\.net', 'paperswithcode\\.com',
  'anonymous\\.4open\\.science',
].join('|');
// Static-site hosts recognised without a scheme even with no path (`name.github.io`).
const BARE_SITES = ['github\\.io', 'gitlab\\.io', 'pages\\.dev', 'hf\\.space'].join('|');

// One alternation; each branch starts on a literal or at a token boundary (the lookbehind), and its
// classes are greedy with nothing after them to give characters back to: linear over the text.
// A URL stops at white space, quotes, angle brackets, braces (`URL{here}`), backslashes and `|`.
const BODY = '[^\\s<>"{}|\\\\^`\\u201c\\u201d\\u2018\\u2019]';
const LABEL = '[a-z0-9-]+';
const URL_PATTERN = new RegExp(
  [
    `https?://${BODY}+`,
    `(?<![\\w.@/-])www\\.${LABEL}(?:\\.${LABEL})+(?![\\w-])(?:/${BODY}*)?`,
    `(?<![\\w.@/-])(?:${LABEL}\\.)*(?:${BARE_HOSTS})/${BODY}+`,
    `(?<![\\w.@/-])(?:${LABEL}\\.)+(?:${BARE_SITES})(?![\\w-])(?:/${BODY}*)?`,
  ].join('|'),
  'gi',
);

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '*', '>']);

/** Drops the sentence's punctuation after a URL: `repo.`, `repo),` (but keeps `wiki/Foo_(bar)`). */
export function trimUrl(raw: string): string {
  let parens = 0;
  let brackets = 0;
  for (const c of raw) {
    if (c === '(') parens++;
    else if (c === ')') parens--;
    else if (c === '[') brackets++;
    else if (c === ']') brackets--;
  }
  let end = raw.length;
  while (end > 0) {
    const last = raw[end - 1]!;
    if (TRAILING.has(last)) end--;
    else if (last === ')' && parens < 0) {
      parens++;
      end--;
    } else if (last === ']' && brackets < 0) {
      brackets++;
      end--;
    } else break;
  }
  return raw.slice(0, end);
}

function hostAndPath(url: string): { host: string; path: string } {
  const noScheme = url.replace(/^https?:\/\//i, '');
  const slash = noScheme.indexOf('/');
  const hostPart = (slash === -1 ? noScheme : noScheme.slice(0, slash)).toLowerCase();
  const host = hostPart.replace(/:\d+$/, '').replace(/^www\./, '');
  const path = slash === -1 ? '' : noScheme.slice(slash);
  return { host, path };
}

const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'sourceforge.net', 'anonymous.4open.science', 'colab.research.google.com', 'gist.github.com', 'git.io']);
const DATA_HOSTS = new Set(['zenodo.org', 'figshare.com', 'osf.io', 'dataverse.harvard.edu', 'physionet.org', 'data.mendeley.com', 'archive.ics.uci.edu', 'kaggle.com']);
const PAPER_HOSTS = new Set(['arxiv.org', 'doi.org', 'dx.doi.org', 'openreview.net', 'aclanthology.org', 'proceedings.neurips.cc', 'proceedings.mlr.press', 'papers.nips.cc', 'ieeexplore.ieee.org', 'dl.acm.org', 'link.springer.com', 'paperswithcode.com', 'semanticscholar.org', 'www.semanticscholar.org', 'scholar.google.com', 'twitter.com', 'x.com', 'youtube.com', 'youtu.be']);

/**
 * What a link is for, from its host and path:
 * - code: source repositories (GitHub, GitLab, Bitbucket, Codeberg, SourceForge, anonymous.4open.science, Colab);
 * - dataset: Hugging Face datasets, Zenodo, Figshare, OSF, Kaggle datasets and competitions, other data archives;
 * - project: project pages and demos: `*.github.io` and other static pages, Hugging Face Spaces, any other website;
 * - other: papers and references (arXiv, DOI, OpenReview, ACL Anthology, Hugging Face paper pages), Hugging Face
 *   model pages, videos and social media, PDFs.
 */
export function classifyUrl(url: string): LinkKind {
  const { host, path } = hostAndPath(url);
  const p = path.toLowerCase();
  if (CODE_HOSTS.has(host)) return 'code';
  if (host === 'huggingface.co' || host === 'hf.co') {
    if (p.startsWith('/datasets/')) return 'dataset';
    if (p.startsWith('/spaces/')) return 'project';
    return 'other';
  }
  if (host.endsWith('.hf.space')) return 'project';
  if (host === 'kaggle.com') return p.startsWith('/code') || p.startsWith('/models') ? 'other' : 'dataset';
  if (DATA_HOSTS.has(host)) return 'dataset';
  if (PAPER_HOSTS.has(host) || host.endsWith('.arxiv.org')) return 'other';
  if (/\.pdf$/.test(p)) return 'other';
  return 'project';
}

/** Adds `https://` to a URL written without a scheme. */
function withScheme(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

/**
 * Every URL in the text, in order, once each: with or without a scheme (`github.com/a/b`,
 * `www.example.org`), without the sentence's trailing punctuation, with `https://` added where the text
 * had none, classified by `classifyUrl`. Never throws; linear time.
 */
export function extractLinks(text: string): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  // Every link has a dot in its host: look only at the white-space-separated tokens that hold one.
  let from = 0;
  const n = text.length;
  for (;;) {
    const dot = text.indexOf('.', from);
    if (dot === -1) break;
    // a host's dot has a letter or digit after it; a sentence's dot has a space or the end
    const after = text.charCodeAt(dot + 1);
    if (!(after >= 48 && after <= 57) && !(after >= 65 && after <= 90) && !(after >= 97 && after <= 122) && after !== 45) {
      from = dot + 1;
      continue;
    }
    let start = dot;
    while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < n && !isSpace(text.charCodeAt(end))) end++;
    from = end + 1;
    const token = text.slice(start, end);
    if (token.length < 4) continue;
    URL_PATTERN.lastIndex = 0;
    for (const match of token.matchAll(URL_PATTERN)) addLink(links, seen, match[0]);
  }
  return links;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0xfeff || code === 0x1680;
}

function addLink(links: Link[], seen: Set<string>, raw: string): void {
  const trimmed = trimUrl(raw);
  const { host } = hostAndPath(trimmed);
  // `http://` alone, or a host without a dot, is not a link
  if (!host.includes('.') || host.endsWith('.') || host.startsWith('.')) return;
  const url = withScheme(trimmed);
  const key = url.replace(/\/$/, '').toLowerCase();
  if (seen.has(key)) return;
  seen.add(key);
  links.push({ url, kind: classifyUrl(url) });
}
