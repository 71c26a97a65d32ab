// Builds mails for tests: RFC 822 headers, MIME parts, quoted-printable and base64 bodies.

/** Quoted-printable as mail software writes it: `=XX` for non-ASCII and `=`, soft breaks at 76 columns. */
export function toQuotedPrintable(text: string, charset: 'utf-8' | 'latin1' = 'utf-8'): string {
  const bytes = charset === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.from(text, 'latin1');
  const lines: string[] = [];
  let line = '';
  for (const b of bytes) {
    if (b === 10) {
      lines.push(line);
      line = '';
      continue;
    }
    const piece = b === 61 || b > 126 || (b < 32 && b !== 9) ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\n');
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\n');
}

export interface MailPart {
  type: 'text/plain' | 'text/html';
  body: string;
  encoding?: '7bit' | 'quoted-printable' | 'base64';
  charset?: 'utf-8' | 'latin1';
}

function encodeBody(part: MailPart): string {
  if (part.encoding === 'quoted-printable') return toQuotedPrintable(part.body, part.charset);
  if (part.encoding === 'base64') return toBase64(part.body);
  return part.body;
}

function partText(part: MailPart): string {
  const charset = part.charset === 'latin1' ? 'iso-8859-1' : 'utf-8';
  return [`Content-Type: ${part.type}; charset="${charset}"`, `Content-Transfer-Encoding: ${part.encoding ?? '7bit'}`, '', encodeBody(part)].join('\n');
}

/** A whole message: one part as the body, or several as multipart/alternative. */
export function mail(headers: Record<string, string>, parts: MailPart[]): string {
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  if (parts.length === 1) return [...head, 'MIME-Version: 1.0', partText(parts[0]!)].join('\n');
  const boundary = '000000000000b0undary';
  return [
    ...head,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    ...parts.flatMap((p) => [`--${boundary}`, partText(p)]),
    `--${boundary}--`,
    '',
  ].join('\n');
}
