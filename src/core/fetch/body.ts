// Whether a response body is what the source serves before it is parsed: an error page from a
// proxy or a login wall must be reported as such, not as a digest without papers.

export type Expected = 'json' | 'feed';

type BodyVerdict = { kind: 'ok' } | { kind: 'empty' } | { kind: 'wrong'; message: string };

const WHAT: Record<Expected, string> = { json: 'the JSON list of papers', feed: 'an RSS or Atom feed' };

/** `bytes` is the whole body; only its head is looked at, except to tell an empty JSON list. */
export function bodyVerdict(expected: Expected, bytes: Uint8Array, contentType: string | null): BodyVerdict {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  const head = text.slice(0, 512).toLowerCase();
  const type = contentType ? ` (${quoted(contentType.split(';')[0]!, 40)})` : '';
  const html = head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|title)[\s>]/.test(head);
  if (html) return { kind: 'wrong', message: `the server answered with an HTML page${type}, not ${WHAT[expected]}` };
  if (text === '') return { kind: 'wrong', message: `the server answered with an empty body, not ${WHAT[expected]}` };
  if (expected === 'json') {
    if (!text.startsWith('[') && !text.startsWith('{')) return { kind: 'wrong', message: `the server answered with something other than JSON${type}: "${quoted(text)}"` };
    if (bytes.length < 4096 && /^\[\s*\]\s*$/.test(text)) return { kind: 'empty' };
    return { kind: 'ok' };
  }
  if (!text.startsWith('<') || !/<(rss|feed)[\s>]/.test(head)) return { kind: 'wrong', message: `the server answered with something other than a feed${type}: "${quoted(text)}"` };
  const whole = new TextDecoder('utf-8').decode(bytes);
  return /<(item|entry)[\s>]/.test(whole) ? { kind: 'ok' } : { kind: 'empty' };
}

/** A stranger's text quoted in a message: one line, no control characters (no terminal escapes), at most `max` characters. */
export function quoted(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
