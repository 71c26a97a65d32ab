// A GET the way papers asks strangers' servers: its User-Agent, conditional on what it already
// has (If-None-Match / If-Modified-Since: an unchanged feed costs a 304), paced per host,
// retried on 429 and 5xx with backoff and Retry-After, redirects followed (http and https only).
import { quoted } from '../../core/fetch/body.js';
import { proxyFor, type ProxyEnv } from '../../core/fetch/proxy.js';
import { isRetryableStatus, parseRetryAfter, retryDecision, type RetryPolicy } from '../../core/fetch/retry.js';
import { httpGet, type GetLimits, type GetResponse, type NetFailureKind } from './http-get.js';
import type { Pacer, Sleep } from './pacer.js';
import type { Validators } from './state.js';

export interface ClientOptions {
  userAgent: string;
  limits: GetLimits;
  retry: RetryPolicy;
  pacer: Pacer;
  gapMs: number;
  proxyEnv: ProxyEnv;
  sleep: Sleep;
  /** Told before each wait for a retry ("HTTP 503; again in 2 s"). */
  onRetry?: (message: string) => void;
}

type FailureKind = NetFailureKind | 'http';

type Fetched =
  | { kind: 'body'; body: Buffer; contentType: string | null; validators: Omit<Validators, 'at'> }
  | { kind: 'unchanged' }
  | {
      kind: 'failed';
      failure: FailureKind;
      message: string;
      /** False when the host could not be reached at all: its other requests need not be tried. */
      reached: boolean;
    };

const MAX_REDIRECTS = 5;
const UNREACHED: ReadonlySet<FailureKind> = new Set(['dns', 'refused', 'connect-timeout', 'proxy']);

const header = (r: GetResponse, name: string): string | undefined => {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function conditional(previous: Validators | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (previous?.etag) out['if-none-match'] = previous.etag;
  if (previous?.lastModified) out['if-modified-since'] = previous.lastModified;
  return out;
}

export async function fetchUrl(start: string, previous: Validators | undefined, options: ClientOptions): Promise<Fetched> {
  let url = new URL(start);
  const failed = (failure: FailureKind, message: string): Fetched => ({ kind: 'failed', failure, message, reached: !UNREACHED.has(failure) });
  const headers = { 'user-agent': options.userAgent, accept: '*/*', ...conditional(previous) };
  let redirects = 0;
  for (let attempt = 0; ; ) {
    const proxy = proxyFor(url, options.proxyEnv);
    if (!proxy.ok) return failed('proxy', proxy.message);
    await options.pacer.wait(url.host, options.gapMs);
    const got = await httpGet({ url, headers, proxy: proxy.proxy, limits: options.limits });
    options.pacer.ended(url.host);
    if (!got.ok) return failed(got.failure.kind, got.failure.message);
    const r = got.response;
    const location = header(r, 'location');
    if (r.status >= 300 && r.status < 400 && r.status !== 304 && location !== undefined) {
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return failed('http', `redirected to ${next.protocol} URL ${next.href}; only http and https are followed`);
      if (++redirects > MAX_REDIRECTS) return failed('http', `more than ${MAX_REDIRECTS} redirects (last to ${next.href})`);
      url = next;
      continue;
    }
    if (r.status === 304) return { kind: 'unchanged' };
    if (r.status >= 200 && r.status < 300) {
      const etag = header(r, 'etag');
      const lastModified = header(r, 'last-modified');
      return { kind: 'body', body: r.body, contentType: header(r, 'content-type') ?? null, validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } };
    }
    const status = `HTTP ${r.status}${r.statusMessage ? ` ${quoted(r.statusMessage, 40)}` : ''}`;
    if (!isRetryableStatus(r.status)) return failed('http', `${url.host} answered ${status}`);
    const decision = retryDecision(attempt, parseRetryAfter(header(r, 'retry-after'), new Date()), options.retry);
    if (!decision.retry) return failed('http', `${url.host} answered ${status}; ${decision.reason}`);
    options.onRetry?.(`${status}; asking again in ${Math.ceil(decision.waitMs / 1000)} s`);
    await options.sleep(decision.waitMs);
    attempt++;
  }
}
