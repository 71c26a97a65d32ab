// When to ask again after a failed answer: 429 and 5xx are retried with exponential backoff,
// and a Retry-After header (seconds or an HTTP date) is obeyed, within a cap.

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** First backoff; doubled at each further attempt. */
  baseMs: number;
  /** The longest wait papers accepts; a server asking for more is not retried. */
  capMs: number;
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After in milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null; // "1.5", "-3": neither form
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

type RetryDecision = { retry: true; waitMs: number } | { retry: false; reason: string };

/** After failed attempt number `attempt` (0 for the first), whether and how long to wait before the next. */
export function retryDecision(attempt: number, retryAfterMs: number | null, policy: RetryPolicy): RetryDecision {
  if (attempt >= policy.retries) return { retry: false, reason: `gave up after ${attempt + 1} attempt${attempt === 0 ? '' : 's'}` };
  if (retryAfterMs !== null && retryAfterMs > policy.capMs) {
    return { retry: false, reason: `the server asks to wait ${Math.ceil(retryAfterMs / 1000)} s before asking again` };
  }
  const backoff = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return { retry: true, waitMs: retryAfterMs ?? backoff };
}
