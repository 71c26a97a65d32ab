// The Hugging Face Daily Papers page as text: a browser copy (the bundled seed), a markdown capture
// (`### [Title](https://huggingface.co/papers/2503.01234)`) or a text-browser dump with `[n]` links.
//
// Two passes, both linear: lines become elements (paragraphs of text, titles, dates, upvote counts,
// author counts, card links), then a small state machine walks the elements and builds papers:
// a title opens a card, the next text is its abstract, author count / "·" / card date close it.
import type { Diagnostic, Link, ParseOptions, ParseResult, Paper } from '../model.js';
import { emptyPaper } from '../model.js';
import { paperId, parseArxivId } from '../ids.js';
import { cleanAbstract, classifyUrl, extractLinks, normaliseSpaces } from '../text/index.js';
import type { DigestFormat } from './index.js';
import { isoDate, type CardDate, type DateParts } from './hf-dates.js';
import { classifyLine, isChrome, type CardLink, type Target } from './hf-lines.js';

type Element =
  | { kind: 'text'; lines: string[]; line: number; target: Target | null; inWrapper: boolean }
  | { kind: 'title'; text: string; line: number; target: Target | null }
  | { kind: 'date'; date: CardDate; line: number; card: boolean }
  | { kind: 'footer'; line: number }
  | { kind: 'number'; value: number; line: number; target: Target | null }
  | { kind: 'links'; links: CardLink[]; line: number }
  | { kind: 'org'; line: number };

interface Scan {
  elements: Element[];
  refs: Map<string, string>;
  /** A text before the first card that only the page chrome can be: counted to report once. */
  chromeLines: number;
  /** The capture is of a search page (`/papers?q=`): its date header is the day of the capture, not of the papers. */
  searchPage: boolean;
}

const MAX_DIAGNOSTICS = 500;
const MAX_TITLE_LINES = 6;
const MAX_TITLE = 1000;

/** Lines to elements. Paragraphs are runs of text lines; blank lines and any other element end them. */
function scan(lines: readonly string[]): Scan {
  const elements: Element[] = [];
  const refs = new Map<string, string>();
  let chromeLines = 0;
  let searchPage = false;
  let para: Extract<Element, { kind: 'text' }> | null = null;
  let inWrapper = false;
  /** Index into `elements` where the open wrapper started. */
  let wrapperStart = 0;
  let title: { parts: string[]; line: number } | null = null;
  let afterSubmitter = 0;
  let previous: string | null = null;

  const endPara = () => {
    para = null;
  };
  const push = (e: Element) => {
    para = null;
    elements.push(e);
    previous = e.kind;
  };
  const addText = (text: string, line: number) => {
    if (text === '') return;
    if (para) para.lines.push(text);
    else {
      para = { kind: 'text', lines: [text], line, target: null, inWrapper };
      elements.push(para);
      previous = 'text';
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (i < 40 && raw.includes('papers?q=')) searchPage = true;

    // a title whose bracket did not close: the following lines (often `### ...`) continue it
    if (title) {
      const cont = raw.trim().replace(/^#{1,6}\s+/, '');
      const close = Math.max(cont.lastIndexOf(']('), cont.lastIndexOf(']['));
      if (close !== -1) {
        title.parts.push(cont.slice(0, close));
        const t = /^\(([^()\s]*)\)|^\[(\d+)\]/.exec(cont.slice(close + 1));
        push({ kind: 'title', text: title.parts.join(' '), line: title.line, target: t ? (t[1] ? { url: t[1] } : { ref: t[2]! }) : null });
        title = null;
        continue;
      }
      if (cont !== '' && title.parts.length < MAX_TITLE_LINES) {
        title.parts.push(cont);
        continue;
      }
      // never closed: take what there is
      push({ kind: 'title', text: title.parts.join(' '), line: title.line, target: null });
      title = null;
    }

    const token = classifyLine(raw);
    if (afterSubmitter > 0) {
      // "Submitted by", an avatar, a user name: short single words, not a title
      if (token.kind === 'blank') continue;
      afterSubmitter--;
      if (token.kind === 'text' && token.text.length <= 40 && !token.text.includes(' ')) continue;
      if (token.kind === 'skip') continue;
    }
    switch (token.kind) {
      case 'blank':
        endPara();
        break;
      case 'skip':
        break;
      case 'chrome':
        if (elements.length === 0) chromeLines++;
        endPara();
        break;
      case 'submitter':
        afterSubmitter = 2;
        endPara();
        break;
      case 'refdef':
        refs.set(token.ref, token.url);
        endPara();
        break;
      case 'date': {
        // a date right after an author count or "·" belongs to the card; one standing alone heads the papers below
        const card = token.date.card || previous === 'footer';
        push({ kind: 'date', date: token.date, line: lineNo, card });
        break;
      }
      case 'middot':
        push({ kind: 'footer', line: lineNo });
        break;
      case 'authors':
        push({ kind: 'footer', line: lineNo });
        if (token.date) push({ kind: 'date', date: token.date, line: lineNo, card: true });
        break;
      case 'number':
        // a bare "-" outside a wrapper is a stray bullet, not "no upvotes"
        if (token.bare && raw.trim() !== '-' && raw.trim() !== '*') push({ kind: 'number', value: token.value, line: lineNo, target: token.target });
        else if (!token.bare || inWrapper) push({ kind: 'number', value: token.value, line: lineNo, target: token.target });
        break;
      case 'title':
        if (token.open) {
          endPara();
          title = { parts: [token.text], line: lineNo };
        } else push({ kind: 'title', text: token.text, line: lineNo, target: token.target });
        break;
      case 'links':
        push({ kind: 'links', links: token.links, line: lineNo });
        break;
      case 'org':
        push({ kind: 'org', line: lineNo });
        break;
      case 'open':
        endPara();
        inWrapper = true;
        wrapperStart = elements.length;
        addText(token.text, lineNo);
        break;
      case 'close': {
        addText(token.text, lineNo);
        if (inWrapper && token.target) {
          for (let k = wrapperStart; k < elements.length; k++) {
            const e = elements[k]!;
            if ((e.kind === 'text' || e.kind === 'number') && e.target === null) e.target = token.target;
          }
        }
        inWrapper = false;
        endPara();
        break;
      }
      case 'text':
        if (elements.length === 0 && token.text.length <= 80 && /^[*-]\s/.test(token.text)) {
          // navigation bullets before anything else
          chromeLines++;
          break;
        }
        addText(token.text, lineNo);
        break;
    }
  }
  if (title) elements.push({ kind: 'title', text: title.parts.join(' '), line: title.line, target: null });
  return { elements, refs, chromeLines, searchPage };
}

const ARXIV_IN_URL = /(?:huggingface\.co\/papers\/|%2Fpapers%2F|\/papers\/|arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i;

function arxivFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = ARXIV_IN_URL.exec(url);
  return m ? (parseArxivId(m[1]!)?.id ?? null) : null;
}

interface Draft {
  title: string;
  line: number;
  abstract: string[];
  urls: string[];
  links: Link[];
  upvotes: number | null;
  cardDate: CardDate | null;
  headerDate: CardDate | null;
  /** From a card's `[arXiv Page](…)` or the title's `/papers/<id>` link. */
  arxivId: string | null;
  /** Something besides a line of text says this is a paper card: a `###` title, a link, upvotes, a footer. */
  card: boolean;
}

function looksLikeAbstract(text: string): boolean {
  return text.length >= 200 || (/[.!]$/.test(text) && text.split(' ').length >= 8);
}

function looksLikeTitle(text: string): boolean {
  return text.length <= 300 && !/[.!]$/.test(text);
}

/** Title case or a colon: "Efficient Memory Management for LLM Serving", "LiT: Delving into…". */
function headingLike(line: string): boolean {
  if (/^\S+: /.test(line)) return true;
  const words = line.split(' ').filter((w) => w.length > 3);
  const capitalised = words.filter((w) => /^[A-Z0-9]/.test(w)).length;
  return words.length > 0 && capitalised / words.length >= 0.6;
}

/** A paragraph whose first line is a title and whose other lines are an abstract; null when it is not that. */
function splitTitleLine(lines: readonly string[]): { title: string; abstract: string } | null {
  if (lines.length < 2) return null;
  const title = lines[0]!;
  const rest = lines.slice(1);
  const abstract = rest.join(' ');
  if (!looksLikeTitle(title) || title.length > 250 || !/^[A-Z0-9]/.test(rest[0]!)) return null;
  return abstract.length >= 200 && /[.!?)]$/.test(abstract) ? { title, abstract: rest.join('\n') } : null;
}

/** Markdown escapes in a captured title (`Search\ Results`, `\_`) read as the characters they escape. */
function unescapeMarkdown(text: string): string {
  return text.includes('\\') ? text.replace(/\\([\\`*_{}[\]()#+\-.!| ])/g, '$1') : text;
}

const YEAR_FROM: Record<NonNullable<ParseOptions['yearSource']>, string> = {
  flag: 'from --year',
  mtime: "from the file's modification time",
  today: "from today's date",
};

class Diagnostics {
  readonly list: Diagnostic[] = [];
  private dropped = 0;
  add(line: number, severity: Diagnostic['severity'], message: string): void {
    if (this.list.length < MAX_DIAGNOSTICS) this.list.push({ line, severity, message });
    else this.dropped++;
  }
  done(): Diagnostic[] {
    if (this.dropped > 0) this.list.push({ line: 0, severity: 'info', message: `${this.dropped} more diagnostics not shown` });
    return this.list;
  }
}

function assemble(scanned: Scan, options: ParseOptions, diags: Diagnostics): Paper[] {
  const { elements, refs, searchPage } = scanned;
  const papers: Paper[] = [];
  const byId = new Map<string, Paper>();
  const yearNoted = new Set<string>();

  const resolve = (t: Target | null): string | null => (t === null ? null : 'url' in t ? t.url : (refs.get(t.ref) ?? null));

  const toIso = (d: CardDate, line: number): string | null => {
    const parts: DateParts = d.date;
    if (parts.year !== null) return isoDate(parts.year, parts.month, parts.day);
    if (options.year === undefined) {
      if (!yearNoted.has(d.text)) {
        yearNoted.add(d.text);
        diags.add(line, 'warning', `"${d.text}" has no year and none was given; the date is left empty (pass --year)`);
      }
      return null;
    }
    const leapless = parts.month === 2 && parts.day === 29 && new Date(Date.UTC(options.year, 1, 29)).getUTCMonth() !== 1;
    if (leapless) {
      diags.add(line, 'warning', `"${d.text}" does not exist in ${options.year}; the date is left empty`);
      return null;
    }
    if (!yearNoted.has(d.text)) {
      yearNoted.add(d.text);
      const from = options.yearSource ? YEAR_FROM[options.yearSource] : 'given by the caller';
      diags.add(line, 'info', `"${d.text}" has no year: assumed ${options.year} (${from})`);
    }
    return isoDate(options.year, parts.month, parts.day);
  };

  // Upvote counts come before their card's title on the daily and search pages, after the summary on
  // trending: whichever the first count does decides for the file.
  let upvotesBefore = true;
  {
    const firstNumber = elements.findIndex((e) => e.kind === 'number');
    const firstTitle = elements.findIndex((e) => e.kind === 'title' || e.kind === 'text');
    if (firstNumber !== -1 && firstTitle !== -1 && firstNumber > firstTitle) upvotesBefore = false;
  }

  // (cast so that the closures' assignments are not narrowed away)
  let cur = null as Draft | null;
  let state = 'title' as 'title' | 'abstract' | 'body' | 'footer';
  let headerDate: CardDate | null = null;
  let headerLine = 0;
  let pending = null as { value: number; url: string | null } | null;
  const headerSkipped: string[] = [];
  let skippedCount = 0;
  let seenCard = false;

  const finish = () => {
    if (!cur) return;
    const d = cur;
    cur = null;
    const title = normaliseSpaces(d.title);
    if (title === '') {
      diags.add(d.line, 'warning', 'a paper card without a title was skipped');
      return;
    }
    if (title.length > MAX_TITLE) {
      diags.add(d.line, 'warning', `a ${title.length}-character "title" was skipped: no paper title is that long`);
      return;
    }
    const abstract = cleanAbstract(d.abstract.join('\n\n'));
    if (abstract === '' && !d.card) {
      // a lone line of text with no abstract and nothing of a card around it: page furniture, not a paper
      diags.add(d.line, 'warning', `"${truncate(title)}" skipped: a line with no abstract after it and nothing of a paper card around it`);
      return;
    }
    let arxivId = d.arxivId;
    for (const url of d.urls) arxivId ??= arxivFromUrl(url);
    const links: Link[] = [];
    const seen = new Set<string>();
    for (const l of [...extractLinks(abstract), ...d.links]) {
      const key = l.url.replace(/\/$/, '').toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        links.push(l);
      }
    }
    const dateSource = d.cardDate ?? (searchPage ? null : d.headerDate);
    const date = dateSource ? toIso(dateSource, dateSource === d.cardDate ? d.line : headerLine) : null;
    const paper: Paper = {
      ...emptyPaper({ file: options.file, line: d.line }),
      id: paperId(arxivId, title),
      title,
      abstract,
      abstractKind: abstract === '' ? 'none' : 'abstract',
      links,
      arxivId,
      upvotes: d.upvotes,
      date,
    };
    const earlier = byId.get(paper.id);
    if (earlier) {
      // the same card twice (trending pages render each card in two layouts): one paper, gaps filled
      if (earlier.abstract === '' && paper.abstract !== '') {
        earlier.abstract = paper.abstract;
        earlier.abstractKind = paper.abstractKind;
      }
      earlier.upvotes ??= paper.upvotes;
      earlier.date ??= paper.date;
      for (const l of paper.links) if (!earlier.links.some((e) => e.url === l.url)) earlier.links.push(l);
      diags.add(d.line, 'info', `"${truncate(title)}" is listed again (first at line ${earlier.source.line}); merged`);
      return;
    }
    byId.set(paper.id, paper);
    papers.push(paper);
  };

  const open = (title: string, line: number, url: string | null, heading: boolean) => {
    finish();
    seenCard = true;
    cur = { title, line, abstract: [], urls: url ? [url] : [], links: [], upvotes: null, cardDate: null, headerDate, arxivId: null, card: heading || url !== null };
    if (upvotesBefore && pending) {
      cur.card = true;
      cur.upvotes = pending.value;
      if (pending.url) cur.urls.push(pending.url);
    }
    pending = null;
    state = 'abstract';
  };

  /** The next element that is not a number or link: to tell an organisation line or a title-only card. */
  const nextText = (from: number): Element | undefined => {
    for (let k = from; k < elements.length; k++) {
      const e = elements[k]!;
      if (e.kind === 'text' || e.kind === 'title' || e.kind === 'date' || e.kind === 'footer' || e.kind === 'org') return e;
    }
    return undefined;
  };

  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    switch (e.kind) {
      case 'date': {
        if (e.card && cur) {
          cur.cardDate ??= e.date;
          cur.card = true;
          state = 'footer';
        } else {
          finish();
          headerDate = e.date;
          headerLine = e.line;
          state = 'title';
          if (searchPage) diags.add(e.line, 'info', `"${e.date.text}" is the date of the search page, not of its papers: each paper takes the date on its card`);
        }
        break;
      }
      case 'footer':
      case 'org':
        if (cur) {
          state = 'footer';
          cur.card = true;
        }
        break;
      case 'number': {
        const url = resolve(e.target);
        if (upvotesBefore || !cur) pending = { value: e.value, url };
        else if (cur.upvotes === null) {
          cur.upvotes = e.value;
          cur.card = true;
        }
        break;
      }
      case 'links':
        if (!cur) break;
        for (const l of e.links) addCardLink(cur, l.label, resolve(l.target));
        cur.card = true;
        break;
      case 'title': {
        const url = resolve(e.target);
        open(unescapeMarkdown(e.text), e.line, url, true);
        break;
      }
      case 'text': {
        const text = e.lines.join(' ');
        const url = resolve(e.target);
        const next = nextText(i + 1);
        const beforeFooter = next !== undefined && (next.kind === 'footer' || (next.kind === 'date' && next.card));
        // an organisation printed instead of the author count (" Google"), right before "·" and the date
        if (cur && beforeFooter && state === 'body' && e.lines.length === 1 && text.length <= 80 && !/[.!]$/.test(text)) {
          state = 'footer';
          cur.card = true;
          break;
        }
        if (!seenCard && scanned.chromeLines > 0 && !beforeFooter && !looksLikeAbstract(text)) {
          // before the first card of a page with chrome, a short text not followed by an abstract is chrome too
          const following = next?.kind === 'text' ? next.lines.join(' ') : '';
          if (!looksLikeAbstract(following)) {
            if (headerSkipped.length < 3) headerSkipped.push(`"${truncate(text)}" (line ${e.line})`);
            skippedCount++;
            break;
          }
        }
        if (cur && (state === 'abstract' || state === 'body')) {
          // a second paragraph of the abstract, unless an abstract follows it (then it is the next title)
          const followedByAbstract = next?.kind === 'text' && looksLikeAbstract(next.lines.join(' '));
          const startsCard = state === 'body' && e.lines.length > 1 && headingLike(e.lines[0]!) && splitTitleLine(e.lines) !== null;
          const continues = state === 'body' && !startsCard && (text.length >= 300 || (looksLikeAbstract(text) && !followedByAbstract));
          const isAbstract =
            state === 'abstract' && !(looksLikeTitle(text) && next?.kind === 'text' && looksLikeAbstract(next.lines.join(' ')) && !looksLikeAbstract(text));
          if (isAbstract || continues || (e.inWrapper && state === 'abstract')) {
            cur.abstract.push(e.lines.join('\n'));
            if (url) cur.urls.push(url);
            state = 'body';
            break;
          }
        }
        // a copy without a blank line between title and abstract: a title line, then the abstract's lines
        const split = splitTitleLine(e.lines);
        if (split) {
          open(split.title, e.line, url, false);
          cur!.abstract.push(split.abstract);
          state = 'body';
          break;
        }
        if (text.length > 600 && looksLikeAbstract(text)) {
          diags.add(e.line, 'warning', `a ${text.length}-character paragraph where a paper title was expected was skipped (an abstract without its title?)`);
          break;
        }
        open(e.lines.join('\n'), e.line, url, false);
        break;
      }
    }
  }
  finish();
  if (skippedCount > 0) {
    const more = skippedCount > headerSkipped.length ? ` and ${skippedCount - headerSkipped.length} more` : '';
    diags.add(0, 'info', `skipped as page header, before the first paper: ${headerSkipped.join(', ')}${more}`);
  }
  return papers;
}

function addCardLink(cur: Draft, label: string, url: string | null): void {
  if (!url) return;
  const arxiv = arxivFromUrl(url);
  if (arxiv && /arxiv\.org/i.test(url)) {
    cur.arxivId ??= arxiv;
    return;
  }
  // the card's own page (`/papers/<id>`) is not a link of the paper's
  if (arxiv) {
    cur.urls.push(url);
    return;
  }
  const lower = label.toLowerCase();
  const kind = lower.startsWith('github') || lower.includes('code') ? 'code' : lower.includes('project') ? 'project' : classifyUrl(url);
  cur.links.push({ url: /^https?:\/\//i.test(url) ? url : `https://${url.replace(/^\/+/, '')}`, kind });
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Splits on LF, CRLF and CR; a BOM and no-break spaces become nothing and plain spaces. */
function lines(text: string): string[] {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const spaced = /[\u00a0\u2007\u202f]/.test(t) ? t.replace(/[\u00a0\u2007\u202f]/g, ' ') : t;
  return spaced.includes('\r') ? spaced.split(/\r\n|\r|\n/) : spaced.split('\n');
}

function parseHfPage(text: string, options: ParseOptions): ParseResult {
  const diags = new Diagnostics();
  let papers: Paper[] = [];
  try {
    const scanned = scan(lines(text));
    papers = assemble(scanned, options, diags);
    if (papers.length === 0) {
      diags.add(0, 'error', 'nothing here reads as a paper: expected titles each followed by an abstract, or Hugging Face paper cards');
    }
  } catch (e) {
    // a bug, not the input's fault: report it rather than lose the papers read so far
    diags.add(0, 'error', `internal error while reading the page: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { format: 'hf-page', papers, diagnostics: diags.done() };
}

/** How surely the text is a Hugging Face page: its chrome lines and `huggingface.co/papers/` links. */
function detectHfPage(text: string): number {
  const head = text.slice(0, 20_000);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[{')) return 0.05;
  let chrome = 0;
  let n = 0;
  for (const line of head.split(/\r\n|\r|\n/, 300)) {
    const t = line.trim();
    if (t === '') continue;
    if (++n > 150) break;
    if (t.length <= 160 && /trending papers|research community|daily papers|^subscribe$|\bbyak\b/i.test(t) && isChrome(t)) chrome++;
  }
  const paperLinks = head.includes('huggingface.co/papers/') || head.includes('%2Fpapers%2F');
  if (chrome >= 2 || (chrome >= 1 && paperLinks)) return 0.9;
  if (chrome === 1 || paperLinks) return 0.6;
  if (/^#{2,4} \[[^\]\n]{3,300}\]\[\d+\]$/m.test(head)) return 0.4;
  return 0.1;
}

export const hfPage: DigestFormat = {
  name: 'hf-page',
  description: 'Hugging Face Daily Papers page copied as text (browser copy, markdown or text-browser capture)',
  detect: detectHfPage,
  parse: parseHfPage,
};
