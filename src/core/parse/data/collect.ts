// Records to a parse result: each record becomes a paper or a one-line diagnostic saying why not.
import { normaliseTitle } from '../../ids.js';
import type { Diagnostic, Paper, ParseOptions, ParseResult } from '../../model.js';
import type { DigestFormat } from '../index.js';
import { recordToPaper, type Evidence, type FoundRecord, type RecordOutcome } from './record.js';

/** Enough skipped-record lines to see what was skipped; the rest are counted. */
const MAX_SKIP_LINES = 20;

/** JSON.parse and the yaml package hold all of it in memory: no digest comes near this. */
export const MAX_DATA_BYTES = 200 * 1024 * 1024;

/** The refusal of more text than any digest of its kind, or null. */
function tooLarge(text: string, limit: number, what: string, advice = 'split the file'): string | null {
  return text.length > limit ? `${Math.round(text.length / 1024 / 1024)} MB is more ${what} than any digest; ${advice}` : null;
}

export interface Collector {
  /** The record as a paper, or a line saying why it is skipped. */
  add(found: FoundRecord, line: number, evidence: Evidence): void;
  /** The record as a paper; a skip is left to the caller to report (or not). */
  tryAdd(found: FoundRecord, line: number, evidence: Evidence): RecordOutcome;
  /** A diagnostic about the input itself (a line that is not JSON, a CSV without a title column). */
  warn(line: number, message: string): void;
  /** The input cannot be read at all. */
  fail(line: number, message: string): void;
  /** A skip decided by the caller (a titled container none of whose parts is a paper). */
  skip(line: number, reason: string): void;
  readonly paperCount: number;
  result(): ParseResult;
}

/** Fills what the first record of a paper lacks from a later one (a map by topic lists a paper under each of its topics). */
function fillFrom(first: Paper, later: Paper): void {
  if (first.abstractKind === 'none' && later.abstractKind !== 'none') {
    first.abstract = later.abstract;
    first.abstractKind = later.abstractKind;
  }
  if (first.authors.length === 0) first.authors = later.authors;
  first.date ??= later.date;
  const urls = new Set(first.links.map((l) => l.url));
  for (const l of later.links) if (!urls.has(l.url)) first.links.push(l);
}

function collector(format: string, options: ParseOptions, expected: string): Collector {
  const papers: Paper[] = [];
  const diagnostics: Diagnostic[] = [];
  // one paper per arXiv id, else per normalised title, in the order first seen
  const byKey = new Map<string, Paper>();
  let repeats = 0;
  let skipped = 0;
  const skip = (line: number, reason: string) => {
    skipped++;
    if (skipped <= MAX_SKIP_LINES) diagnostics.push({ line, severity: 'info', message: `skipped ${reason}` });
  };
  const tryAdd = (found: FoundRecord, line: number, evidence: Evidence): RecordOutcome => {
    const outcome = recordToPaper(found, { file: options.file, line }, evidence);
    if ('paper' in outcome) {
      const p = outcome.paper;
      const key = p.arxivId ?? `title:${normaliseTitle(p.title)}`;
      const first = byKey.get(key);
      if (first) {
        fillFrom(first, p);
        repeats++;
      } else {
        byKey.set(key, p);
        papers.push(p);
      }
    }
    return outcome;
  };
  return {
    add(found, line, evidence) {
      const outcome = tryAdd(found, line, evidence);
      if ('skipped' in outcome) skip(line, outcome.skipped);
    },
    tryAdd,
    warn(line, message) {
      diagnostics.push({ line, severity: 'warning', message });
    },
    fail(line, message) {
      diagnostics.push({ line, severity: 'error', message });
    },
    skip,
    get paperCount() {
      return papers.length;
    },
    result() {
      if (repeats > 0) diagnostics.push({ line: 0, severity: 'info', message: `${repeats} record${repeats === 1 ? ' repeats a paper' : 's repeat papers'} listed before (same arXiv id or title); each paper is listed once` });
      if (skipped > MAX_SKIP_LINES) diagnostics.push({ line: 0, severity: 'info', message: `skipped ${skipped - MAX_SKIP_LINES} more records like these` });
      if (papers.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
        diagnostics.push({ line: 0, severity: 'error', message: `no paper records: expected ${expected}` });
      }
      return { format, papers, diagnostics };
    },
  };
}

/** What a data format is made of: its detection, its size limit and the reading of records into `out`. */
interface DataFormatSpec {
  name: string;
  description: string;
  detect(text: string): number;
  /** What the result's error says was expected when no record is a paper. */
  expected: string;
  /** The most text it reads, what to call it, and what to advise for more (see tooLarge). */
  limit: { bytes: number; what: string; advice?: string };
  read(text: string, out: Collector, options: ParseOptions): void;
}

/** A digest format that reads records: the collector, the size refusal and the result are the same for all. */
export function dataFormat(spec: DataFormatSpec): DigestFormat {
  return {
    name: spec.name,
    description: spec.description,
    detect: spec.detect,
    parse(text, options) {
      const out = collector(spec.name, options, spec.expected);
      const big = tooLarge(text, spec.limit.bytes, spec.limit.what, spec.limit.advice);
      if (big) out.fail(0, big);
      else spec.read(text, out, options);
      return out.result();
    },
  };
}
