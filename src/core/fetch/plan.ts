// What one `papers fetch` run asks for: the requests of each source, in order, with the
// format their answers are read as and the gap the source's host wants between requests.
import { planDays, type DayRequest } from './days.js';
import { arxivFeedUrl, categoryProblem, hfDailyUrl } from './urls.js';
import type { Expected } from './body.js';

export const SOURCE_NAMES = ['hf', 'arxiv'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** arXiv asks robots for at most one request every 3 seconds. */
export const ARXIV_GAP_MS = 3000;

export interface FetchRequest {
  source: SourceName;
  /** For messages: "hf 2025-03-12", "arxiv cs.CL+cs.LG". */
  label: string;
  url: string;
  format: 'hf-api' | 'arxiv-feed';
  expected: Expected;
  /** The day asked for (hf only). */
  day: string | null;
}

export interface SourcePlan {
  source: SourceName;
  requests: FetchRequest[];
  /** Said before fetching, e.g. the weekend days left out. */
  notes: string[];
}

export type Planned = { ok: true; plan: SourcePlan } | { ok: false; source: SourceName; message: string };

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const weekdayOf = (day: string) => WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()]!;

export function planHf(base: string, request: DayRequest, today: string): Planned {
  const planned = planDays(request, today);
  if (!planned.ok) return { ok: false, source: 'hf', message: planned.message };
  const { days, weekends } = planned.plan;
  const notes = weekends.length === 0 ? [] : [`hf: ${weekends.map((d) => `${d} (${weekdayOf(d)})`).join(', ')}: Hugging Face has no list on weekends; not fetched`];
  const requests = days.map((day): FetchRequest => ({ source: 'hf', label: `hf ${day}`, url: hfDailyUrl(base, day), format: 'hf-api', expected: 'json', day }));
  return { ok: true, plan: { source: 'hf', requests, notes } };
}

/**
 * One request per feed: `cs.CL cs.LG` are two feeds (two requests, paced), `cs.CL+cs.LG` one
 * feed of both (arXiv joins them). Every name is checked first.
 */
export function planArxiv(base: string, feeds: readonly string[]): Planned {
  if (feeds.length === 0) return { ok: false, source: 'arxiv', message: 'no categories; name them (papers fetch arxiv cs.CL cs.LG) or set sources.arxiv.categories' };
  const requests: FetchRequest[] = [];
  for (const feed of feeds) {
    const categories = feed.split('+');
    const problem = categories.map(categoryProblem).find((p) => p !== null);
    if (problem) return { ok: false, source: 'arxiv', message: problem };
    requests.push({ source: 'arxiv', label: `arxiv ${feed}`, url: arxivFeedUrl(base, categories), format: 'arxiv-feed', expected: 'feed', day: null });
  }
  return { ok: true, plan: { source: 'arxiv', requests, notes: [] } };
}
