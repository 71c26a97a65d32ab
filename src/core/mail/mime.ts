// MIME entities to their readable text parts: multipart bodies split at their boundaries (nested up
// to MAX_DEPTH), message/rfc822 parts read as messages, text/plain and text/html decoded.
import { decodeBody } from './decode.js';
import { header, parseContentType, readHeaders, type Headers } from './headers.js';

export const MAX_DEPTH = 16;

export interface TextPart {
  /** `text/plain` or `text/html`. */
  type: string;
  text: string;
  /** Index (in the message's lines) of the part's first body line. */
  firstLine: number;
  /** Whether `text` is the body exactly as written (so its lines are the file's lines). */
  identity: boolean;
  /** Parts of one multipart/alternative share a group: only one of them is read. */
  group: number;
}

interface MimeRead {
  headers: Headers;
  parts: TextPart[];
  /** Problems met on the way (index of the line concerned, message). */
  problems: Array<{ line: number; message: string }>;
}

interface State {
  parts: TextPart[];
  problems: Array<{ line: number; message: string }>;
  nextGroup: number;
}

/** Reads the entity in lines [from, to): a whole message, or one part of a multipart. */
export function readEntity(lines: readonly string[], from: number, to: number): MimeRead {
  const state: State = { parts: [], problems: [], nextGroup: 0 };
  const { headers } = entity(lines, from, to, 0, null, state);
  return { headers, parts: state.parts, problems: state.problems };
}

function entity(lines: readonly string[], from: number, to: number, depth: number, group: number | null, state: State): { headers: Headers } {
  const { headers, bodyStart } = readHeaders(lines, from, to);
  const { type, params } = parseContentType(header(headers, 'content-type'));
  if (depth >= MAX_DEPTH && (type.startsWith('multipart/') || type === 'message/rfc822')) {
    state.problems.push({ line: from, message: `MIME parts nested more than ${MAX_DEPTH} deep; the deeper parts are skipped` });
    return { headers };
  }
  if (type.startsWith('multipart/')) {
    const boundary = params.boundary;
    if (!boundary) {
      state.problems.push({ line: from, message: `${type} without a boundary; its parts are skipped` });
      return { headers };
    }
    const alternative = type === 'multipart/alternative';
    const partGroup = alternative && group === null ? state.nextGroup++ : group;
    const open = `--${boundary}`;
    let partStart = -1;
    let closed = false;
    for (let i = bodyStart; i < to; i++) {
      const line = lines[i]!;
      if (!line.startsWith(open)) continue;
      const rest = line.slice(open.length).trimEnd();
      if (rest !== '' && rest !== '--') continue;
      if (partStart !== -1) entity(lines, partStart, i, depth + 1, partGroup, state);
      if (rest === '--') {
        closed = true;
        partStart = -1;
        break;
      }
      partStart = i + 1;
    }
    if (partStart !== -1) {
      entity(lines, partStart, to, depth + 1, partGroup, state);
    }
    if (!closed) state.problems.push({ line: from, message: `${type} is not closed by its final boundary: the mail may be cut short` });
    return { headers };
  }
  if (type === 'message/rfc822') {
    entity(lines, bodyStart, to, depth + 1, null, state);
    return { headers };
  }
  if (type !== 'text/plain' && type !== 'text/html') return { headers };
  const disposition = (header(headers, 'content-disposition') ?? '').toLowerCase();
  if (disposition.startsWith('attachment') && !/\.(?:txt|html?|eml)/.test(disposition)) return { headers };
  const raw = lines.slice(bodyStart, to).join('\n');
  const { text, identity } = decodeBody(raw, header(headers, 'content-transfer-encoding') ?? '', params.charset ?? 'utf-8');
  state.parts.push({ type, text, firstLine: bodyStart, identity, group: group ?? state.nextGroup++ });
  return { headers };
}
