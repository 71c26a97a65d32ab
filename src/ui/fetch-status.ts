// Fetching from the UI: the effect the CLI passes in (the UI touches no network or disk), the
// slice of state it drives, and the status line: when each source was last fetched, or the
// progress of a fetch under way. A fetch runs beside the keys, never in their queue. Pure.

/** A configured source and when it last answered (ISO), null when never. */
export interface SourceAge {
  /** "hf", "arxiv cs.CL cs.LG" */
  label: string;
  lastFetched: string | null;
}

export interface FetchOutcome {
  /** One line for the status bar: what came in, and what failed first. */
  line: string;
  ok: boolean;
}

/** The fetch effect: `papers fetch` over the sources the config sets, into the library the UI shows. */
export interface UiFetcher {
  /** The configured sources ([] when none) and when each last answered; cheap, read again after every fetch. */
  sources(): SourceAge[];
  /** The clock the ages are counted on (the CLI's, so that PAPERS_NOW holds here too). */
  now(): Date;
  /** Fetches every configured source; `progress` hears one line per request; never rejects for a source that fails. */
  fetch(progress: (line: string) => void): Promise<FetchOutcome>;
}

export interface FetchSlice {
  /** Whether a fetcher was passed in (the library on disk is shown). */
  available: boolean;
  sources: readonly SourceAge[];
  /** When the ages were read (ISO). */
  at: string;
  running: boolean;
  /** The last progress line of the fetch under way. */
  progress: string | null;
}

export const NO_FETCH: FetchSlice = { available: false, sources: [], at: '', running: false, progress: null };

export const NO_SOURCES = 'no sources to fetch; set one: papers config sources.arxiv.categories cs.CL';
export const FETCH_UNAVAILABLE = 'fetching goes into the library; this view shows no library';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5m ago", "2h ago", "3d ago"; "never" for null; a time in the future (another clock) is "just now". */
export function age(iso: string | null, now: Date): string {
  if (iso === null) return 'never';
  const ms = now.getTime() - new Date(iso).getTime();
  if (!Number.isFinite(ms)) return 'never';
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ago`;
  return `${Math.floor(ms / DAY)}d ago`;
}

/** "fetched hf 2h ago · arxiv cs.CL never · F fetches now"; null when there is nothing to say. */
export function agesLine(slice: FetchSlice): string | null {
  if (!slice.available || slice.sources.length === 0) return null;
  const now = new Date(slice.at);
  return `fetched ${slice.sources.map((s) => `${s.label} ${age(s.lastFetched, now)}`).join(' · ')} · F fetches now`;
}

/** The status line of a fetch under way. */
export function progressLine(slice: FetchSlice): string | null {
  return slice.running ? `fetching ${slice.progress ?? '…'} (keys keep working)` : null;
}
