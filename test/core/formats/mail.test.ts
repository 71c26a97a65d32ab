import { describe, expect, it } from 'vitest';
import { detectFormat, formatByName } from '../../../src/core/parse/index.js';
import { decodeBase64, decodeHeaderWords, decodeQuotedPrintable, decodeCharset } from '../../../src/core/mail/decode.js';
import { splitMbox } from '../../../src/core/mail/mbox.js';
import { sample } from './fixtures.js';
import { mail, toQuotedPrintable } from './mail-build.js';
import { NEWSLETTER_HTML } from './newsletter-fixtures.js';

const eml = formatByName('eml')!;
const mbox = formatByName('mbox')!;

const SCHOLAR_HEADERS = { From: 'Google Scholar Alerts <scholaralerts-noreply@google.com>', To: 'me@example.org', Subject: 'M Monperrus - new related research', Date: 'Fri, 6 Dec 2019 09:14:03 -0800' };
const ARXIV_HEADERS = { From: 'no-reply@arxiv.org', To: 'me@example.org', Subject: 'math.OA daily Subj-class mailing', Date: 'Fri, 09 Jun 2023 00:44:20 +0000' };
const HF_HEADERS = { From: 'Hugging Face <website@huggingface.co>', To: 'me@example.org', Subject: '=?UTF-8?Q?Daily_papers_of_6_Jul_2026?=', Date: 'Mon, 6 Jul 2026 07:00:00 +0000' };

describe('mail decoding', () => {
  it('decodes quoted-printable with soft breaks, in UTF-8 and Latin-1', () => {
    expect(decodeCharset(decodeQuotedPrintable('caf=C3=A9 2607.0=\n0001 a=3Db'), 'utf-8')).toBe('café 2607.00001 a=b');
    expect(decodeCharset(decodeQuotedPrintable('caf=E9', 'iso-8859-1'), 'iso-8859-1')).toBe('café');
    expect(decodeCharset(decodeQuotedPrintable('=ZZ stays ='), 'utf-8')).toBe('=ZZ stays ');
  });

  it('decodes base64 across line breaks and keeps a cut tail', () => {
    expect(decodeCharset(decodeBase64('aGVs\nbG8g\r\nd29y bGQ='), 'utf-8')).toBe('hello world');
    expect(decodeCharset(decodeBase64('aGVsbG8gd29y'), 'utf-8')).toBe('hello wor');
    // two encoded runs one after the other, the first padded
    expect(decodeCharset(decodeBase64('aGk=aGk='), 'utf-8')).toBe('hihi');
  });

  it('decodes RFC 2047 encoded words and survives an unknown charset', () => {
    expect(decodeHeaderWords('=?UTF-8?Q?Daily_papers_of_6_Jul_2026?=')).toBe('Daily papers of 6 Jul 2026');
    expect(decodeHeaderWords('=?iso-8859-1?B?Q2Fm6Q==?= =?utf-8?Q?_ok?=')).toBe('Café ok');
    expect(decodeHeaderWords('=?x-nonsense?Q?abc?=')).toBe('abc');
  });
});

describe('eml: a saved mail holding a digest', () => {
  it('is detected before the digest inside it', () => {
    const text = mail(ARXIV_HEADERS, [{ type: 'text/plain', body: sample('arxiv-mailing-3.txt') }]);
    expect(detectFormat(text).name).toBe('eml');
  });

  it('reads an arXiv listing in a quoted-printable text part', () => {
    const text = mail(ARXIV_HEADERS, [{ type: 'text/plain', body: sample('arxiv-mailing-3.txt'), encoding: 'quoted-printable' }]);
    expect(text).toContain('=\n');
    const result = eml.parse(text, { file: 'm.eml' });
    expect(result.format).toBe('eml');
    expect(result.papers.map((p) => [p.id, p.announceType])).toEqual([['2306.04713', 'cross'], ['2204.01445', 'replace'], ['2206.02587', 'replace']]);
    expect(result.papers[2]!.authors).toEqual(['Ludwik Dąbrowski', 'Andrzej Sitarz', 'Paweł Zalecki']);
    // decoded text no longer lines up with the file: papers point at the part's first line
    const partLine = text.split('\n').indexOf('Content-Transfer-Encoding: quoted-printable') + 3;
    expect(result.papers.every((p) => p.source.line === partLine)).toBe(true);
  });

  it('points into the file when the part is not encoded', () => {
    const text = mail(ARXIV_HEADERS, [{ type: 'text/plain', body: sample('arxiv-mailing-1.txt') }]);
    const lines = text.split('\n');
    const result = eml.parse(text, { file: 'm.eml' });
    expect(result.papers).toHaveLength(16);
    for (const p of result.papers) expect(lines[p.source.line - 1]).toBe(`arXiv:${p.id}`);
  });

  it('reads the HTML part when there is no text part (Scholar, base64), dated by the mail', () => {
    const text = mail(SCHOLAR_HEADERS, [{ type: 'text/html', body: sample('google-scholar-alert-1.txt'), encoding: 'base64' }]);
    const result = eml.parse(text, { file: 'alert.eml' });
    expect(result.papers.map((p) => p.title)).toEqual([
      'Using Sequence-to-Sequence Learning for Repairing C Vulnerabilities',
      'Marking Mechanism in Sequence-to-sequence Model for Mapping Language to Logical Form',
      'Personalized Code Recommendation',
    ]);
    expect(result.papers.every((p) => p.date === '2019-12-06' && p.abstractKind === 'snippet')).toBe(true);
  });

  it('reads the HF newsletter from its HTML part, links split by soft breaks, year from the Date header', () => {
    const text = mail(HF_HEADERS, [{ type: 'text/html', body: NEWSLETTER_HTML, encoding: 'quoted-printable' }]);
    expect(text).toMatch(/=\n/);
    const result = eml.parse(text, { file: 'hf.eml', year: 1999 });
    expect(result.papers.map((p) => [p.id, p.upvotes, p.date])).toEqual([
      ['2607.00001', 140, '2026-07-06'],
      ['2607.00002', 1204, '2026-07-06'],
    ]);
  });

  it('prefers the text part of an alternative and decodes Latin-1', () => {
    const listing = sample('arxiv-mailing-3.txt');
    const latin = listing.replace('Title: Spectral Metric and Einstein Functionals', 'Title: Métrique spectrale (texte)');
    const text = mail(ARXIV_HEADERS, [
      { type: 'text/plain', body: latin, encoding: 'quoted-printable', charset: 'latin1' },
      { type: 'text/html', body: `<html><body><pre>${listing.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`, encoding: 'base64' },
    ]);
    expect(text).toContain('M=E9trique');
    const result = eml.parse(text, { file: 'arxiv.eml' });
    expect(result.papers.map((p) => p.title)).toEqual([
      'On sofic approximations of non amenable groups',
      'Shifted Substitution in Non-Commutative Multivariate Power Series with a View Toward Free Probability',
      'Métrique spectrale (texte)',
    ]);
  });

  it('survives a mail cut in the middle of a base64 part', () => {
    const whole = mail(SCHOLAR_HEADERS, [
      { type: 'text/plain', body: 'See the HTML version.' },
      { type: 'text/html', body: sample('google-scholar-alert-1.txt'), encoding: 'base64' },
    ]);
    const cut = whole.slice(0, Math.floor(whole.length * 0.6));
    const result = eml.parse(cut, { file: 'cut.eml' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('not closed') }));
    expect(result.papers.length).toBeLessThanOrEqual(3);
  });

  it('survives MIME nested thousands deep, and says it stopped', () => {
    const depth = 3000;
    const open = Array.from({ length: depth }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}`).join('\n');
    const text = `From: a@b.c\nSubject: deep\nMIME-Version: 1.0\n${open}\nContent-Type: text/plain\n\nhello\n`;
    const result = eml.parse(text, { file: 'deep.eml' });
    expect(result.papers).toEqual([]);
    expect(result.diagnostics.some((d) => d.message.includes('nested more than'))).toBe(true);
  });
});

describe('mbox: one mailbox, many digests (built from the real samples)', () => {
  const messages = [
    mail({ ...ARXIV_HEADERS, Subject: 'q-fin daily 13 new +  crosses received', Date: 'Fri, 17 Mar 2023 00:31:14 +0000' }, [{ type: 'text/plain', body: sample('arxiv-mailing-1.txt') }]),
    mail(SCHOLAR_HEADERS, [{ type: 'text/html', body: sample('google-scholar-alert-2.txt'), encoding: 'base64' }]),
    mail({ From: 'friend@example.org', Subject: 'lunch?', Date: 'Sat, 18 Mar 2023 12:00:00 +0000' }, [{ type: 'text/plain', body: 'From what I heard, lunch is at noon.\nSee you.' }]),
    mail(ARXIV_HEADERS, [{ type: 'text/plain', body: sample('arxiv-mailing-3.txt'), encoding: 'quoted-printable' }]),
    mail(HF_HEADERS, [{ type: 'text/html', body: NEWSLETTER_HTML, encoding: 'quoted-printable' }]),
  ];
  // mboxrd: body lines starting with "From " are written as ">From "
  const text = messages.map((m, i) => `From sender${i}@example.org Mon Jan  1 00:00:0${i} 2024\n${m.replace(/^(>*From )/gm, '>$1')}\n`).join('\n');
  const result = mbox.parse(text, { file: 'digests.mbox' });

  it('is detected as an mbox', () => {
    expect(detectFormat(text).name).toBe('mbox');
  });

  it('returns the papers of every digest message: 16 + 3 + 3 + 2', () => {
    expect(result.papers).toHaveLength(24);
    expect(result.papers.slice(0, 16).every((p) => p.date === '2023-03-17')).toBe(true);
    expect(result.papers.slice(16, 19).map((p) => p.title)).toEqual(['Establishing Benchmarks For Learning Program Representations', 'Automatic Unit Test Amplification For DevOps', 'Code Generation from Supervised Code Embeddings']);
    expect(result.papers.slice(19, 22).map((p) => p.id)).toEqual(['2306.04713', '2204.01445', '2206.02587']);
    expect(result.papers.slice(22).map((p) => p.id)).toEqual(['2607.00001', '2607.00002']);
  });

  it('points the plain-text digest papers at their lines in the mailbox', () => {
    const lines = text.split('\n');
    for (const p of result.papers.slice(0, 16)) expect(lines[p.source.line - 1]).toBe(`arXiv:${p.id}`);
  });

  it('skips the personal mail with an informational note, and reports no error', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('message 3 ("lunch?"): not a digest') }));
  });

  it('unescapes >From lines', () => {
    const split = splitMbox(text.split('\n'));
    expect(split).toHaveLength(5);
    expect(split[2]!.lines).toContain('From what I heard, lunch is at noon.');
  });
});
