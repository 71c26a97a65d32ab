// arXiv RSS 2.0 and Atom feeds (rss.arxiv.org) and arXiv API Atom responses (export.arxiv.org/api).
// RSS descriptions read `arXiv:<id>v<N> Announce Type: new \nAbstract: …`; API titles wrap with
// `\n  `. Read with the forgiving tokenizer in ../markup: no dependency, linear time.
import { parseArxivId } from '../ids.js';
import { emptyPaper, type AnnounceType, type Diagnostic, type Paper, type ParseOptions, type ParseResult } from '../model.js';
import { cleanAbstract, extractLinks, normaliseSpaces } from '../text/index.js';
import { childNamed, childrenNamed, descendantsNamed, parseXml, textOf, type XmlElement } from '../markup/xml-tree.js';
import { lineIndex } from './line-index.js';
import type { DigestFormat } from './index.js';
import { cleanTitle, splitAuthors, toIsoDate, withId } from './common.js';

const NAME = 'arxiv-feed';

function detect(text: string): number {
  const head = text.slice(0, 8192).trimStart().toLowerCase();
  const xml = head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<feed');
  if (!xml || !/<(rss|feed)[\s>]/.test(head)) return 0;
  return head.includes('arxiv') ? 0.95 : 0.5;
}

const ANNOUNCE: Record<string, AnnounceType> = { new: 'new', cross: 'cross', replace: 'replace', 'replace-cross': 'replace' };

/** `arXiv:2509.12345v1 Announce Type: new \nAbstract: ...` (the RSS description, the Atom summary). */
function splitDescription(raw: string): { id: string | null; announce: string | null; abstract: string } {
  const m = /^\s*arXiv:(\S+)\s+Announce Type:\s*(\S+)\s*/.exec(raw.slice(0, 300));
  if (!m) return { id: null, announce: null, abstract: raw };
  const rest = raw.slice(m[0].length);
  return { id: m[1]!, announce: m[2]!, abstract: rest.replace(/^Abstract:\s*/, '') };
}

function idFrom(...candidates: Array<string | null | undefined>): { id: string; version: number | null } | null {
  for (const c of candidates) {
    if (!c) continue;
    const t = c.trim();
    const stripped = t
      .replace(/^oai:arXiv\.org:/i, '')
      .replace(/^https?:\/\/(?:export\.)?arxiv\.org\/(?:abs|pdf)\//i, '')
      .replace(/\.pdf$/i, '');
    const parsed = parseArxivId(stripped);
    if (parsed) return parsed;
  }
  return null;
}

function parse(text: string, options: ParseOptions): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const doc = parseXml(text);
  if (doc.flattened) diagnostics.push({ line: 0, severity: 'warning', message: 'elements nested unusually deep were flattened' });
  const lineAt = lineIndex(text);
  const rss = descendantsNamed(doc.root, 'rss')[0];
  const feed = rss ? undefined : descendantsNamed(doc.root, 'feed')[0];
  const papers: Paper[] = [];
  if (rss) {
    const channel = childNamed(rss, 'channel') ?? rss;
    const channelDate = toIsoDate(textOf(childNamed(channel, 'pubdate')) || textOf(childNamed(channel, 'lastbuilddate')));
    for (const item of childrenNamed(channel, 'item')) {
      const p = rssItem(item, channelDate, options.file, lineAt(item.offset), diagnostics);
      if (p) papers.push(p);
    }
  } else if (feed) {
    const feedDate = toIsoDate(textOf(childNamed(feed, 'updated')));
    for (const entry of childrenNamed(feed, 'entry')) {
      const p = atomEntry(entry, feedDate, options.file, lineAt(entry.offset), diagnostics);
      if (p) papers.push(p);
    }
  } else {
    diagnostics.push({ line: 0, severity: 'error', message: 'neither an RSS <rss> nor an Atom <feed> document' });
    return { format: NAME, papers, diagnostics };
  }
  if (papers.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({ line: 0, severity: 'error', message: 'the feed has no entries (arXiv feeds are empty on weekends and holidays)' });
  }
  return { format: NAME, papers, diagnostics };
}

/** What RSS items and Atom entries share: the title, the id and version, the announce type and the abstract. */
function feedPaper(el: XmlElement, title: string, text: ReturnType<typeof splitDescription>, ids: Array<string | undefined>, file: string, line: number): Paper {
  const p = emptyPaper({ file, line });
  p.title = title;
  const id = idFrom(text.id, ...ids);
  p.arxivId = id?.id ?? null;
  p.version = id?.version ?? null;
  const announce = textOf(childNamed(el, 'arxiv:announce_type')).trim() || text.announce;
  p.announceType = announce ? ANNOUNCE[announce.toLowerCase()] ?? null : null;
  p.abstract = cleanAbstract(text.abstract);
  p.abstractKind = p.abstract === '' ? 'none' : 'abstract';
  return p;
}

function rssItem(item: XmlElement, channelDate: string | null, file: string, line: number, diagnostics: Diagnostic[]): Paper | null {
  const title = cleanTitle(textOf(childNamed(item, 'title')));
  if (title === '') {
    diagnostics.push({ line, severity: 'warning', message: 'an <item> without a title; skipped' });
    return null;
  }
  const description = splitDescription(textOf(childNamed(item, 'description')));
  const p = feedPaper(item, title, description, [textOf(childNamed(item, 'guid')), textOf(childNamed(item, 'link'))], file, line);
  p.links = extractLinks(description.abstract);
  p.authors = splitAuthors(textOf(childNamed(item, 'dc:creator')) || textOf(childNamed(item, 'author')));
  p.categories = childrenNamed(item, 'category').map((c) => normaliseSpaces(textOf(c))).filter(Boolean);
  p.doi = normaliseSpaces(textOf(childNamed(item, 'arxiv:doi'))) || null;
  p.journalRef = normaliseSpaces(textOf(childNamed(item, 'arxiv:journal_reference'))) || null;
  p.date = toIsoDate(textOf(childNamed(item, 'pubdate'))) ?? channelDate;
  return withId(p);
}

function atomEntry(entry: XmlElement, feedDate: string | null, file: string, line: number, diagnostics: Diagnostic[]): Paper | null {
  const rawId = textOf(childNamed(entry, 'id')).trim();
  const title = cleanTitle(textOf(childNamed(entry, 'title')));
  if (/\/api\/errors/.test(rawId) || (title === 'Error' && !rawId.includes('/abs/'))) {
    diagnostics.push({ line, severity: 'error', message: `the arXiv API answered with an error: ${normaliseSpaces(textOf(childNamed(entry, 'summary'))).slice(0, 200)}` });
    return null;
  }
  if (title === '') {
    diagnostics.push({ line, severity: 'warning', message: 'an <entry> without a title; skipped' });
    return null;
  }
  const summary = splitDescription(textOf(childNamed(entry, 'summary')));
  const links = childrenNamed(entry, 'link');
  const alternate = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate')?.attrs.href;
  const p = feedPaper(entry, title, summary, [rawId, alternate], file, line);
  const comment = normaliseSpaces(textOf(childNamed(entry, 'arxiv:comment'))) || null;
  p.comments = comment;
  p.links = extractLinks(`${summary.abstract} ${comment ?? ''}`);
  const names = childrenNamed(entry, 'author').map((a) => normaliseSpaces(textOf(childNamed(a, 'name'))));
  p.authors = names.some(Boolean) ? names.filter(Boolean).map((n) => cleanTitle(n)) : splitAuthors(textOf(childNamed(entry, 'dc:creator')));
  const primary = childNamed(entry, 'arxiv:primary_category')?.attrs.term;
  const categories = childrenNamed(entry, 'category').map((c) => (c.attrs.term ?? '').trim()).filter(Boolean);
  p.categories = [...new Set(primary ? [primary, ...categories] : categories)];
  const doiLink = links.find((l) => l.attrs.title === 'doi')?.attrs.href;
  p.doi = normaliseSpaces(textOf(childNamed(entry, 'arxiv:doi'))) || (doiLink ? doiLink.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '') : null);
  p.journalRef = normaliseSpaces(textOf(childNamed(entry, 'arxiv:journal_ref')) || textOf(childNamed(entry, 'arxiv:journal_reference'))) || null;
  p.date = toIsoDate(textOf(childNamed(entry, 'published'))) ?? toIsoDate(textOf(childNamed(entry, 'updated'))) ?? feedDate;
  return withId(p);
}

export const arxivFeed: DigestFormat = { name: NAME, description: 'arXiv RSS or Atom feed (rss.arxiv.org), or an arXiv API Atom response', detect, parse };
