// At most one request per gap to a host: a run that asks arXiv for two feeds waits between them.
// The gap is counted from the start of the previous request to the host, retries included.

export type Sleep = (ms: number) => Promise<void>;

export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Pacer {
  /** Resolves when a request to `host` may start, and records that it does. */
  wait(host: string, gapMs: number): Promise<void>;
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
  };
}
