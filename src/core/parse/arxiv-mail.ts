// arXiv's daily listing mailing (the same text as its listing files): new submissions, cross-lists
// and replacements, each entry between 78-dash rules; `%-%-`, `%%--%%--` and `%%%---%%%---` lines
// start the cross-lists and the replacements and end the listing. Fields wrap with a 2-space indent.
import { parseArxivId } from '../ids.js';
import { emptyPaper, type AnnounceType, type Diagnostic, type Paper, type ParseOptions, type ParseResult } from '../model.js';
import { cleanAbstract, extractLinks, joinLines, normaliseSpaces } from '../text/index.js';
import type { DigestFormat } from './index.js';
import { cleanTitle, splitAuthors, toIsoDate, withId } from './common.js';
import { splitLines } from './line-index.js';

const NAME = 'arxiv-mail';

const ID_LINE = /^(?:arXiv:|Paper:\s*)(\S+)(\s+\(\*cross-listing\*\))?/;
const LINK_LINE = /^\\\\ \(\s*https?:\/\/arxiv\.org\/abs\//;
const FIELD = /^([A-Za-z][A-Za-z-]{1,20}):\s?(.*)$/;

type Section = Exclude<AnnounceType, null>;

function marker(line: string): Section | 'end' | null {
  if (line.startsWith('%%%---%%%---')) return 'end';
  if (line.startsWith('%%--%%--')) return 'replace';
  if (line.startsWith('%-%-%-')) return 'cross';
  return null;
}

const isRule = (line: string) => line.length >= 20 && /^-+$/.test(line);

interface Entry {
  line: number;
  idText: string;
  crossMark: boolean;
  replaced: boolean;
  fields: Map<string, string>;
  abstractLines: string[];
}

function detect(text: string): number {
  const head = text.slice(0, 30_000);
  const ids = head.match(/^arXiv:\d{4}\.\d{4,5}|^arXiv:[a-z-]+\/\d{7}/gm)?.length ?? 0;
  const links = head.includes('\\\\ ( https://arxiv.org/abs/') || head.includes('\\\\ ( http://arxiv.org/abs/');
  const chrome = /^ ?received from .* GMT/m.test(head) || /^%-%-%-%-|^%%--%%--|^%%%---%%%---/m.test(head) || /Subject: \S+ daily /.test(head);
  if (ids > 0 && links && chrome) return 0.95;
  if (ids > 0 && (links || chrome)) return 0.85;
  if (chrome && /^Title: /m.test(head) && /^Authors: /m.test(head)) return 0.6;
  return 0;
}

function parse(text: string, options: ParseOptions): ParseResult {
  const lines = splitLines(text);
  const diagnostics: Diagnostic[] = [];
  const entries: Array<{ entry: Entry; section: Section }> = [];
  let section: Section = 'new';
  let listingDate: string | null = null;
  let subject: string | null = null;
  let ended = false;
  let sawEntry = false;
  let current: Entry | null = null;
  let inAbstract = false;
  let lastField: string | null = null;

  const finish = () => {
    if (current) entries.push({ entry: current, section });
    current = null;
    inAbstract = false;
    lastField = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const mark = marker(line);
    if (mark) {
      finish();
      if (mark === 'end') {
        ended = true;
        break;
      }
      section = mark;
      continue;
    }
    if (!sawEntry && current === null) {
      if (listingDate === null && line.startsWith('Date: ')) listingDate = toIsoDate(line.slice(6));
      if (subject === null && line.startsWith('Subject: ')) subject = line.slice(9);
    }
    const idMatch = ID_LINE.exec(line);
    // an id line inside an abstract is text, unless a `\\` rule opens it
    if (idMatch && (!inAbstract || lines[i - 1] === '\\\\')) {
      finish();
      sawEntry = true;
      const next = lines[i + 1] ?? '';
      current = { line: i + 1, idText: idMatch[1]!, crossMark: idMatch[2] !== undefined, replaced: next.startsWith('replaced with revised version'), fields: new Map(), abstractLines: [] };
      continue;
    }
    if (current === null) continue;
    if (isRule(line)) {
      finish();
      continue;
    }
    if (LINK_LINE.test(line)) {
      finish();
      continue;
    }
    if (line === '\\\\') {
      // the rule between metadata and abstract
      if (current.fields.has('title')) inAbstract = true;
      continue;
    }
    if (inAbstract) {
      current.abstractLines.push(line);
      continue;
    }
    const field = FIELD.exec(line);
    if (field && !/^\s/.test(line)) {
      lastField = field[1]!.toLowerCase();
      if (!current.fields.has(lastField)) current.fields.set(lastField, field[2]!);
      else lastField = null;
      continue;
    }
    if (/^\s/.test(line) && line.trim() !== '' && lastField !== null) {
      current.fields.set(lastField, `${current.fields.get(lastField)!}\n${line}`);
      continue;
    }
    if (line.trim() === '') lastField = null;
  }
  finish();

  const papers: Paper[] = [];
  for (const { entry, section: sec } of entries) {
    const paper = toPaper(entry, sec, listingDate, options, diagnostics);
    if (paper) papers.push(paper);
  }

  if (papers.length === 0) {
    diagnostics.push({ line: 0, severity: 'error', message: 'no arXiv listing entries found (expected lines such as "arXiv:2303.08867" followed by Title: and Authors:)' });
  } else {
    // in a mail the Date: line is a mail header, and the container dates the papers from it
    if (listingDate === null) diagnostics.push({ line: 1, severity: 'info', message: 'no "Date:" line before the first entry: the listing date is unknown' });
    if (!ended) diagnostics.push({ line: lines.length, severity: 'warning', message: 'the listing ends without its end marker (%%%---%%%---): it may be cut short' });
    const counts = subject ? /daily (\d+) new \+ +(\d*) ?crosses/.exec(subject) : null;
    if (counts && ended) {
      const found = papers.filter((p) => p.announceType === 'new').length;
      if (Number(counts[1]) !== found) diagnostics.push({ line: 2, severity: 'warning', message: `the subject announces ${counts[1]} new papers but ${found} were found` });
    }
  }
  return { format: NAME, papers, diagnostics };
}

function toPaper(entry: Entry, section: Section, date: string | null, options: ParseOptions, diagnostics: Diagnostic[]): Paper | null {
  const parsed = parseArxivId(entry.idText);
  if (!parsed) {
    diagnostics.push({ line: entry.line, severity: 'warning', message: `"${entry.idText.slice(0, 60)}" is not an arXiv id; entry skipped` });
    return null;
  }
  const field = (name: string) => {
    const v = entry.fields.get(name);
    return v === undefined ? null : normaliseSpaces(v);
  };
  const title = field('title');
  if (!title) {
    diagnostics.push({ line: entry.line, severity: 'warning', message: `arXiv:${parsed.id} has no Title: line; entry skipped` });
    return null;
  }
  const announceType: Section = entry.replaced || section === 'replace' ? 'replace' : section === 'cross' || entry.crossMark ? 'cross' : 'new';
  const rawAbstract = joinLines(entry.abstractLines.join('\n'));
  const abstract = announceType === 'replace' ? '' : cleanAbstract(entry.abstractLines.join('\n'));
  const comments = field('comments');
  const p = emptyPaper({ file: options.file, line: entry.line });
  p.title = cleanTitle(title);
  p.abstract = abstract;
  p.abstractKind = abstract === '' ? 'none' : 'abstract';
  p.arxivId = parsed.id;
  // a new submission (or its cross-list) is version 1; a replacement's version is not shown
  p.version = parsed.version ?? (announceType === 'replace' ? null : 1);
  p.announceType = announceType;
  p.authors = splitAuthors(field('authors') ?? '');
  p.categories = (field('categories') ?? '').split(' ').filter(Boolean);
  p.comments = comments;
  p.journalRef = field('journal-ref');
  p.doi = field('doi');
  p.date = date;
  p.links = extractLinks(`${rawAbstract} ${comments ?? ''}`);
  if (entry.abstractLines.length === 0 && announceType !== 'replace') {
    diagnostics.push({ line: entry.line, severity: 'info', message: `arXiv:${parsed.id} has no abstract` });
  }
  return withId(p);
}

export const arxivMail: DigestFormat = { name: NAME, description: 'arXiv daily listing mailing or listing file (new submissions, cross-lists, replacements)', detect, parse };
