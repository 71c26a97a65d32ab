// Whether a response body is what the source serves before it is parsed: an error page from a
// proxy or a login wall must be reported as such, not as a digest without papers.

export type Expected = 'json' | 'feed';

export type BodyVerdict = { kind: 'ok' } | { kind: 'empty' } | { kind: 'wrong'; message: string };

const WHAT: Record<Expected, string> = { json: 'the JSON list of papers', feed: 'an RSS or Atom feed' };

/** `bytes` is the whole body; only its head is looked at, except to tell an empty JSON list. */
export function bodyVerdict(expected: Expected, bytes: Uint8Array, contentType: string | null): BodyVerdict {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  const head = text.slice(0, 512).toLowerCase();
  const type = contentType ? ` (${contentType.split(';')[0]!.trim()})` : '';
  const html = head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|title)[\s>]/.test(head);
  if (html) return { kind: 'wrong', message: `the server answered with an HTML page${type}, not ${WHAT[expected]}` };
  if (text === '') return { kind: 'wrong', message: `the server answered with an empty body, not ${WHAT[expected]}` };
  if (expected === 'json') {
    if (!text.startsWith('[') && !text.startsWith('{')) return { kind: 'wrong', message: `the server answered with something other than JSON${type}: "${oneLine(text).slice(0, 60)}"` };
    if (bytes.length < 4096 && /^\[\s*\]\s*$/.test(text)) return { kind: 'empty' };
    return { kind: 'ok' };
  }
  if (!text.startsWith('<') || !/<(rss|feed)[\s>]/.test(head)) return { kind: 'wrong', message: `the server answered with something other than a feed${type}: "${oneLine(text).slice(0, 60)}"` };
  const whole = new TextDecoder('utf-8').decode(bytes);
  return /<(item|entry)[\s>]/.test(whole) ? { kind: 'ok' } : { kind: 'empty' };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
