// The pure pieces of `papers fetch`: URLs, the days asked for, Retry-After, proxies, body checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyVerdict, quoted } from '../../src/core/fetch/body.js';
import { daysBetween, isWeekend, planDays, MAX_DAYS } from '../../src/core/fetch/days.js';
import { planArxiv, planHf } from '../../src/core/fetch/plan.js';
import { proxyFor } from '../../src/core/fetch/proxy.js';
import { parseRetryAfter, retryDecision } from '../../src/core/fetch/retry.js';
import { arxivFeedUrl, baseUrlProblem, categoryProblem, hfDailyUrl } from '../../src/core/fetch/urls.js';

const CORPORA = join(import.meta.dirname, '..', 'fixtures', 'corpora');

describe('urls', () => {
  it('builds the two sources’ URLs from a base with or without a trailing slash', () => {
    expect(hfDailyUrl('https://huggingface.co', '2024-10-25')).toBe('https://huggingface.co/api/daily_papers?date=2024-10-25');
    expect(hfDailyUrl('http://127.0.0.1:8080/mirror/', '2024-10-25')).toBe('http://127.0.0.1:8080/mirror/api/daily_papers?date=2024-10-25');
    expect(arxivFeedUrl('https://rss.arxiv.org/', ['cs.CL', 'cs.LG'])).toBe('https://rss.arxiv.org/rss/cs.CL+cs.LG');
  });

  it('accepts only http and https base URLs', () => {
    expect(baseUrlProblem('https://huggingface.co')).toBeNull();
    expect(baseUrlProblem('http://127.0.0.1:9')).toBeNull();
    expect(baseUrlProblem('file:///etc/passwd')).toMatch(/only http:\/\/ and https:\/\//);
    expect(baseUrlProblem('ftp://mirror')).toMatch(/only http/);
    expect(baseUrlProblem('huggingface.co')).toMatch(/not a URL/);
    expect(baseUrlProblem('https://x.org/?a=1')).toMatch(/no \?query/);
  });

  it('knows arXiv category names', () => {
    for (const c of ['cs', 'cs.CL', 'astro-ph', 'astro-ph.GA', 'q-fin.ST', 'physics.acc-ph', 'math.OA']) expect(categoryProblem(c)).toBeNull();
    for (const c of ['', 'CS.CL', 'cs/CL', '../x', 'cs.CL?x=1', 'cs CL']) expect(categoryProblem(c)).toMatch(/not an arXiv category/);
  });
});

describe('days', () => {
  it('lists days inclusively across a month end and tells weekends', () => {
    expect(daysBetween('2025-02-27', '2025-03-02')).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
    expect(daysBetween('2025-03-02', '2025-03-01')).toEqual([]);
    expect([isWeekend('2025-03-14'), isWeekend('2025-03-15'), isWeekend('2025-03-16'), isWeekend('2025-03-17')]).toEqual([false, true, true, false]);
  });

  it('plans one day, a --since range, and a catch-up from the last day fetched (that day again)', () => {
    const today = '2025-03-18'; // a Tuesday
    expect(planDays({ kind: 'date', day: '2025-03-12' }, today)).toEqual({ ok: true, plan: { days: ['2025-03-12'], weekends: [] } });
    expect(planDays({ kind: 'date', day: '2025-03-15' }, today)).toEqual({ ok: true, plan: { days: [], weekends: ['2025-03-15'] } });
    expect(planDays({ kind: 'since', day: '2025-03-14' }, today)).toEqual({ ok: true, plan: { days: ['2025-03-14', '2025-03-17', '2025-03-18'], weekends: ['2025-03-15', '2025-03-16'] } });
    expect(planDays({ kind: 'catch-up', lastFetched: '2025-03-17' }, today)).toEqual({ ok: true, plan: { days: ['2025-03-17', '2025-03-18'], weekends: [] } });
    expect(planDays({ kind: 'catch-up', lastFetched: null }, today)).toEqual({ ok: true, plan: { days: ['2025-03-18'], weekends: [] } });
    expect(planDays({ kind: 'catch-up', lastFetched: '2025-04-01' }, today)).toEqual({ ok: true, plan: { days: ['2025-03-18'], weekends: [] } });
  });

  it('refuses the future and more than a month at once', () => {
    expect(planDays({ kind: 'date', day: '2025-03-19' }, '2025-03-18')).toEqual({ ok: false, message: '2025-03-19 is in the future (today is 2025-03-18); there is no list yet' });
    const long = planDays({ kind: 'since', day: '2025-01-01' }, '2025-03-18');
    expect(long.ok).toBe(false);
    expect(!long.ok && long.message).toBe(`2025-01-01 to 2025-03-18 is 77 days; fetch at most ${MAX_DAYS} at once (give a later --since)`);
  });

  it('says which weekend days were left out', () => {
    const planned = planHf('https://huggingface.co', { kind: 'since', day: '2025-03-14' }, '2025-03-17');
    expect(planned.ok && planned.plan.notes).toEqual(['hf: 2025-03-15 (Saturday), 2025-03-16 (Sunday): Hugging Face has no list on weekends; not fetched']);
    expect(planned.ok && planned.plan.requests.map((r) => r.label)).toEqual(['hf 2025-03-14', 'hf 2025-03-17']);
  });

  it('makes one arXiv request per feed, a+b being one feed', () => {
    const planned = planArxiv('https://rss.arxiv.org', ['cs.CL', 'cs.LG+stat.ML']);
    expect(planned.ok && planned.plan.requests.map((r) => [r.label, r.url])).toEqual([
      ['arxiv cs.CL', 'https://rss.arxiv.org/rss/cs.CL'],
      ['arxiv cs.LG+stat.ML', 'https://rss.arxiv.org/rss/cs.LG+stat.ML'],
    ]);
    expect(planArxiv('https://rss.arxiv.org', ['cs.CL+../x'])).toEqual({ ok: false, source: 'arxiv', message: '"../x" is not an arXiv category; expected a name such as cs.CL, math.OA or astro-ph' });
    expect(planArxiv('https://rss.arxiv.org', []).ok).toBe(false);
  });
});

describe('retry', () => {
  const now = new Date('2025-03-12T08:00:00Z');
  const policy = { retries: 3, baseMs: 1000, capMs: 30_000 };

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 12 Mar 2025 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 12 Mar 2025 07:00:00 GMT', now)).toBe(0);
    for (const bad of [undefined, '', '1.5', '-3', 'soon']) expect(parseRetryAfter(bad, now)).toBeNull();
  });

  it('backs off exponentially, obeys Retry-After, and gives up past the cap or the retries', () => {
    expect([0, 1, 2].map((a) => retryDecision(a, null, policy))).toEqual([1000, 2000, 4000].map((waitMs) => ({ retry: true, waitMs })));
    expect(retryDecision(0, 5000, policy)).toEqual({ retry: true, waitMs: 5000 });
    expect(retryDecision(0, 3_600_000, policy)).toEqual({ retry: false, reason: 'the server asks to wait 3600 s before asking again' });
    expect(retryDecision(3, null, policy)).toEqual({ retry: false, reason: 'gave up after 4 attempts' });
    expect(retryDecision(9, null, { ...policy, retries: 20 })).toEqual({ retry: true, waitMs: 30_000 });
  });
});

describe('proxy', () => {
  const hf = new URL('https://huggingface.co/api/daily_papers');
  const plain = new URL('http://rss.arxiv.org/rss/cs.CL');

  it('takes the proxy of the URL’s scheme, lower case first', () => {
    const env = { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128', HTTP_PROXY: 'proxy.local:8080' };
    expect(proxyFor(hf, env)).toEqual({ ok: true, proxy: new URL('http://lower:3128') });
    expect(proxyFor(plain, env)).toEqual({ ok: true, proxy: new URL('http://proxy.local:8080') });
    expect(proxyFor(hf, {})).toEqual({ ok: true, proxy: null });
  });

  it('skips hosts NO_PROXY names: exactly, as a domain, with a port, or all', () => {
    const env = { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1' };
    for (const no of ['huggingface.co', '.huggingface.co', '*.huggingface.co', 'example.org, huggingface.co', 'huggingface.co:443', '*']) expect(proxyFor(hf, { ...env, NO_PROXY: no })).toEqual({ ok: true, proxy: null });
    for (const no of ['face.co', 'huggingface.co:8080', 'example.org']) expect(proxyFor(hf, { ...env, no_proxy: no })).toEqual({ ok: true, proxy: new URL('http://p:1') });
    expect(proxyFor(new URL('http://127.0.0.1:8080/x'), { ...env, NO_PROXY: '127.0.0.1' })).toEqual({ ok: true, proxy: null });
  });

  it('refuses a proxy it cannot use', () => {
    expect(proxyFor(hf, { HTTPS_PROXY: 'socks5://p:1080' })).toEqual({ ok: false, message: 'the proxy socks5://p:1080: only http:// proxies are supported' });
    expect(proxyFor(hf, { HTTPS_PROXY: 'http://[bad' }).ok).toBe(false);
  });
});

describe('body', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('takes the recorded responses as what they are', () => {
    expect(bodyVerdict('json', readFileSync(join(CORPORA, 'hf-api-1.json')), 'application/json; charset=utf-8')).toEqual({ kind: 'ok' });
    expect(bodyVerdict('feed', readFileSync(join(CORPORA, 'arxiv-rss-1.xml')), 'application/rss+xml')).toEqual({ kind: 'ok' });
  });

  it('tells an empty list or feed from a wrong answer', () => {
    expect(bodyVerdict('json', bytes(' [ ]\n'), 'application/json')).toEqual({ kind: 'empty' });
    expect(bodyVerdict('feed', bytes('<?xml version="1.0"?><rss version="2.0"><channel><title>cs.CL updates</title></channel></rss>'), null)).toEqual({ kind: 'empty' });
    expect(bodyVerdict('json', bytes('<!DOCTYPE html><html><body>Rate limited</body></html>'), 'text/html; charset=utf-8')).toEqual({ kind: 'wrong', message: 'the server answered with an HTML page (text/html), not the JSON list of papers' });
    expect(bodyVerdict('feed', bytes('\uFEFF<html><head><title>Sign in</title>'), null)).toEqual({ kind: 'wrong', message: 'the server answered with an HTML page, not an RSS or Atom feed' });
    expect(bodyVerdict('json', bytes('Service   Unavailable'), 'text/plain')).toEqual({ kind: 'wrong', message: 'the server answered with something other than JSON (text/plain): "Service Unavailable"' });
    expect(bodyVerdict('feed', bytes(''), null)).toEqual({ kind: 'wrong', message: 'the server answered with an empty body, not an RSS or Atom feed' });
  });

  it('quotes a server’s text without its terminal escapes, on one line, cut short', () => {
    expect(quoted('\u001b]0;pwned\u0007\u001b[2J  Bad\n\ngateway')).toBe('?]0;pwned??[2J Bad gateway');
    expect(quoted('x'.repeat(100), 10)).toBe('xxxxxxxxxx…');
    expect(bodyVerdict('json', bytes('nope'), 'text/\u001b[31mplain')).toEqual({ kind: 'wrong', message: 'the server answered with something other than JSON (text/?[31mplain): "nope"' });
  });
});
