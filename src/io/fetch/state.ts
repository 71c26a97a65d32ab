// What fetching remembers between runs, in the library's state/ folder (cheap to lose: losing it
// costs one unconditional request, or a digest that starts from yesterday):
//   state/fetch.json   per URL its ETag / Last-Modified; per source when it was last fetched
//                      and (hf) the last day fetched
//   state/digest.json  when `papers digest` last ran
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_NAMES, type SourceName } from '../../core/fetch/plan.js';
import { writeFileAtomic } from '../atomic.js';

export interface Validators {
  etag?: string;
  lastModified?: string;
  /** When they were stored (ISO), to forget the oldest. */
  at: string;
}

interface SourceState {
  /** ISO time of the last run in which the source answered. */
  lastFetched: string;
  /** YYYY-MM-DD: the latest day whose list was fetched (hf). */
  lastDay?: string;
}

interface FetchState {
  validators: Record<string, Validators>;
  sources: Partial<Record<SourceName, SourceState>>;
}

/** One URL per day adds up; the validators of old days are no use. */
const MAX_VALIDATORS = 400;

const statePath = (dir: string, name: string) => join(dir, 'state', name);

function readJson(dir: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(statePath(dir, name), 'utf8'));
  } catch {
    return null; // missing or damaged: start afresh
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length < 1000 ? v : undefined);

/** The state as written, with anything damaged left out (the file is cheap to lose, never trusted). */
export function readFetchState(dir: string): FetchState {
  const raw = readJson(dir, 'fetch.json');
  const state: FetchState = { validators: {}, sources: {} };
  if (!isObject(raw)) return state;
  for (const [url, v] of Object.entries(isObject(raw.validators) ? raw.validators : {})) {
    if (!isObject(v) || text(v.at) === undefined) continue;
    const etag = text(v.etag);
    const lastModified = text(v.lastModified);
    state.validators[url] = { at: text(v.at)!, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  }
  const sources = isObject(raw.sources) ? raw.sources : {};
  for (const name of SOURCE_NAMES) {
    const s = sources[name];
    if (!isObject(s) || text(s.lastFetched) === undefined) continue;
    const lastDay = text(s.lastDay);
    state.sources[name] = { lastFetched: text(s.lastFetched)!, ...(lastDay && /^\d{4}-\d{2}-\d{2}$/.test(lastDay) ? { lastDay } : {}) };
  }
  return state;
}

/** Re-reads the state, applies `edit`, writes it back (atomically; what another run wrote meanwhile is kept). */
export function updateFetchState(dir: string, edit: (state: FetchState) => void): void {
  const state = readFetchState(dir);
  edit(state);
  const urls = Object.keys(state.validators);
  if (urls.length > MAX_VALIDATORS) {
    const oldest = urls.sort((a, b) => (state.validators[a]!.at < state.validators[b]!.at ? -1 : 1)).slice(0, urls.length - MAX_VALIDATORS);
    for (const url of oldest) delete state.validators[url];
  }
  writeFileAtomic(statePath(dir, 'fetch.json'), `${JSON.stringify(state, null, 2)}\n`, { durable: false });
}

/** ISO time of the last `papers digest`, or null before the first. */
export function readLastDigestRun(dir: string): string | null {
  const raw = readJson(dir, 'digest.json');
  return isObject(raw) && typeof raw.lastRun === 'string' ? raw.lastRun : null;
}

export function writeLastDigestRun(dir: string, at: string): void {
  writeFileAtomic(statePath(dir, 'digest.json'), `${JSON.stringify({ lastRun: at })}\n`, { durable: false });
}
