// At most one request per gap to a host: a run that asks arXiv for two feeds waits between them.
// The gap is counted from the end of the previous request to the host (its answer read, or its
// failure), retries included: counted from its start, a slow first connection would shorten the gap
// the server sees.

export type Sleep = (ms: number) => Promise<void>;

export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Pacer {
  /** Resolves when a request to `host` may start. */
  wait(host: string, gapMs: number): Promise<void>;
  /** Records that a request to `host` has ended: the next one waits a gap from now. */
  ended(host: string): void;
}

export function createPacer(now: () => number = Date.now, pause: Sleep = sleep): Pacer {
  const last = new Map<string, number>();
  return {
    async wait(host, gapMs) {
      const previous = last.get(host);
      if (previous !== undefined) {
        const wait = previous + gapMs - now();
        if (wait > 0) await pause(wait);
      }
      last.set(host, now());
    },
    ended(host) {
      last.set(host, now());
    },
  };
}
