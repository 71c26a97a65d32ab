// The limits of fetching, with defaults for the real sources; each can be changed in the
// environment (tests use short ones; a slow link may want longer timeouts):
//   PAPERS_FETCH_CONNECT_TIMEOUT_MS  PAPERS_FETCH_TIMEOUT_MS  PAPERS_FETCH_MAX_BYTES
//   PAPERS_FETCH_RETRIES  PAPERS_FETCH_BACKOFF_MS  PAPERS_FETCH_RETRY_CAP_MS  PAPERS_FETCH_ARXIV_GAP_MS
import { usageError } from '../../core/errors.js';
import { ARXIV_GAP_MS, type SourceName } from '../../core/fetch/plan.js';
import type { ProxyEnv } from '../../core/fetch/proxy.js';
import type { RetryPolicy } from '../../core/fetch/retry.js';
import type { GetLimits } from './http-get.js';

export interface FetchTuning {
  limits: GetLimits;
  retry: RetryPolicy;
  /** Least time between two requests to a source's host. */
  gapMs: Record<SourceName, number>;
  /** HTTP_PROXY, HTTPS_PROXY, NO_PROXY (either case). */
  proxyEnv: ProxyEnv;
}

function number(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return dflt;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw usageError(`${name}=${text}: expected a whole number of at least ${min}`);
  return value;
}

export function fetchTuning(env: NodeJS.ProcessEnv = process.env): FetchTuning {
  return {
    limits: {
      connectTimeoutMs: number(env, 'PAPERS_FETCH_CONNECT_TIMEOUT_MS', 10_000, 1),
      totalTimeoutMs: number(env, 'PAPERS_FETCH_TIMEOUT_MS', 60_000, 1),
      // A day of Hugging Face is ~100 kB, a busy arXiv feed a few MB.
      maxBytes: number(env, 'PAPERS_FETCH_MAX_BYTES', 32 << 20, 1),
    },
    retry: { retries: number(env, 'PAPERS_FETCH_RETRIES', 3, 0), baseMs: number(env, 'PAPERS_FETCH_BACKOFF_MS', 2000, 0), capMs: number(env, 'PAPERS_FETCH_RETRY_CAP_MS', 60_000, 0) },
    gapMs: { arxiv: number(env, 'PAPERS_FETCH_ARXIV_GAP_MS', ARXIV_GAP_MS, 0), hf: 0 },
    proxyEnv: Object.fromEntries(['http_proxy', 'https_proxy', 'no_proxy'].flatMap((n) => [n, n.toUpperCase()]).map((n) => [n, env[n]])),
  };
}
