// One mail message to papers: its readable part chosen (text, else HTML; within an alternative the
// one a digest format claims most strongly), that part parsed by detecting its format, and the
// papers' source lines mapped back into the file the message was read from.
import type { Diagnostic, Paper, ParseOptions } from '../model.js';
import { htmlToText } from '../markup/html-text.js';
import { toIsoDate } from '../parse/common.js';
import type { DigestFormat } from '../parse/index.js';
import { header } from './headers.js';
import { readEntity, type TextPart } from './mime.js';

/** The leaf digest format that claims a text most strongly, and how strongly (0..1). */
export type DetectLeaf = (text: string) => { format: DigestFormat; score: number };

/** Below this a part is not taken for a digest (a personal mail in a mailbox, say). */
const MIN_SCORE = 0.3;

interface MessageRead {
  papers: Paper[];
  diagnostics: Diagnostic[];
  subject: string | null;
  date: string | null;
  /** Formats the message's parts were read as. */
  formats: string[];
}

interface Candidate {
  part: TextPart;
  text: string;
  /** Whether the text is the part's own (so its lines are the file's lines when the part is identity-encoded). */
  own: boolean;
  format: DigestFormat;
  score: number;
}

function candidate(part: TextPart, detect: DetectLeaf): Candidate {
  const first = detect(part.text);
  if (part.type !== 'text/html' || first.score >= 0.5) return { part, text: part.text, own: true, ...first };
  const text = htmlToText(part.text);
  const second = detect(text);
  return second.score > first.score ? { part, text, own: false, ...second } : { part, text: part.text, own: true, ...first };
}

/**
 * Reads the message in `lines` (whose first line is line `baseLine` of the file); `label` names it
 * in diagnostics (`message 3`), or is empty for a lone .eml.
 */
export function readMessage(lines: readonly string[], baseLine: number, label: string, options: ParseOptions, detect: DetectLeaf): MessageRead {
  const diagnostics: Diagnostic[] = [];
  const read = readEntity(lines, 0, lines.length);
  const subject = header(read.headers, 'subject') ?? null;
  const date = toIsoDate(header(read.headers, 'date'));
  const where = label === '' ? '' : `${label}${subject ? ` ("${subject.slice(0, 60)}")` : ''}: `;
  for (const p of read.problems) diagnostics.push({ line: baseLine + p.line, severity: 'warning', message: `${where}${p.message}` });

  // one part per alternative group: the one claimed most strongly, plain text on a tie
  const best = new Map<number, Candidate>();
  for (const part of read.parts) {
    const c = candidate(part, detect);
    const held = best.get(part.group);
    if (!held || c.score > held.score || (c.score === held.score && part.type === 'text/plain' && held.part.type !== 'text/plain')) best.set(part.group, c);
  }
  const papers: Paper[] = [];
  const formats: string[] = [];
  if (read.parts.length === 0) {
    diagnostics.push({ line: baseLine, severity: 'info', message: `${where}no text or HTML part; skipped` });
  }
  const year = date ? Number(date.slice(0, 4)) : options.year;
  for (const c of best.values()) {
    const partLine = baseLine + c.part.firstLine;
    if (c.score < MIN_SCORE) {
      diagnostics.push({ line: partLine, severity: 'info', message: `${where}not a digest this program reads; skipped` });
      continue;
    }
    const mapLine = (line: number) => (c.own && c.part.identity && line > 0 ? partLine + line - 1 : partLine);
    const result = c.format.parse(c.text, { ...options, ...(year !== undefined ? { year } : {}) });
    formats.push(result.format);
    for (const p of result.papers) {
      papers.push({ ...p, source: { file: options.file, line: mapLine(p.source.line) }, date: p.date ?? date });
    }
    for (const d of result.diagnostics) diagnostics.push({ ...d, line: d.line > 0 ? mapLine(d.line) : partLine, message: `${where}${d.message}` });
  }
  return { papers, diagnostics, subject, date, formats };
}
