// The mail containers: a saved message (.eml) and a mailbox (mbox). Each message's readable part is
// parsed by the leaf format that claims it (see ../mail/read-message.ts). Built with the leaf
// detector passed in, so that this module need not import the registry that lists it.
import type { Diagnostic, Paper, ParseOptions, ParseResult } from '../model.js';
import { readMessage, type DetectLeaf } from '../mail/read-message.js';
import { looksLikeMbox, splitMbox } from '../mail/mbox.js';
import type { FormatProbe } from './detect.js';
import type { DigestFormat } from './index.js';
import { splitLines } from './line-index.js';

const MAIL_HEADERS = /^(?:from|to|received|return-path|message-id|mime-version|content-type|delivered-to|x-[a-z-]+):/im;

function detectEml(text: string): number {
  if (looksLikeMbox(text)) return 0;
  const head = text.slice(0, 16_384);
  const blank = head.search(/\r?\n\r?\n/);
  const block = blank === -1 ? head : head.slice(0, blank);
  // an RFC 822 header block: the first line a header, and at least one header only mail carries
  if (!/^[!-9;-~]{1,80}:/.test(block)) return 0;
  if (!MAIL_HEADERS.test(block)) return 0;
  const names = block.match(/^[!-9;-~]{1,80}:/gm)?.length ?? 0;
  return names >= 2 ? 0.97 : 0.7;
}

export const emlProbe: FormatProbe = { name: 'eml', description: 'A saved mail (.eml) holding any of the digests above (MIME, quoted-printable, base64)', detect: detectEml };

export const mboxProbe: FormatProbe = { name: 'mbox', description: 'A mailbox file (mbox) of such mails, one digest per message', detect: (text) => (looksLikeMbox(text) ? 0.99 : 0) };

export function emlFormat(detect: DetectLeaf): DigestFormat {
  return {
    ...emlProbe,
    parse(text: string, options: ParseOptions): ParseResult {
      let lines = splitLines(text);
      let base = 1;
      // a message saved from a mailbox may keep its From_ line
      if (lines[0]?.startsWith('From ')) {
        lines = lines.slice(1);
        base = 2;
      }
      const read = readMessage(lines, base, '', options, detect);
      const diagnostics = [...read.diagnostics];
      if (read.papers.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
        diagnostics.push({ line: 0, severity: 'error', message: `no digest found in the mail${read.subject ? ` "${read.subject}"` : ''}` });
      }
      return { format: 'eml', papers: read.papers, diagnostics };
    },
  };
}

export function mboxFormat(detect: DetectLeaf): DigestFormat {
  return {
    ...mboxProbe,
    parse(text: string, options: ParseOptions): ParseResult {
      const messages = splitMbox(splitLines(text));
      const papers: Paper[] = [];
      const diagnostics: Diagnostic[] = [];
      messages.forEach((m, k) => {
        const read = readMessage(m.lines, m.baseLine, `message ${k + 1}`, options, detect);
        options.onProgress?.(k + 1, messages.length);
        papers.push(...read.papers);
        // one message's failure is not the mailbox's: errors become warnings
        for (const d of read.diagnostics) diagnostics.push(d.severity === 'error' ? { ...d, severity: 'warning' } : d);
        if (read.papers.length > 0) {
          diagnostics.push({ line: m.baseLine, severity: 'info', message: `message ${k + 1}${read.subject ? ` ("${read.subject.slice(0, 60)}")` : ''}: ${read.formats.join(', ')}, ${read.papers.length} paper${read.papers.length === 1 ? '' : 's'}` });
        }
      });
      if (messages.length === 0) diagnostics.push({ line: 0, severity: 'error', message: 'no messages found (an mbox starts each message with a "From " line)' });
      else if (papers.length === 0) diagnostics.push({ line: 0, severity: 'error', message: `none of the ${messages.length} messages holds a digest this program reads` });
      return { format: 'mbox', papers, diagnostics };
    },
  };
}
