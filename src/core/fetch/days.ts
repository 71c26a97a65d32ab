// Which days `papers fetch hf` asks for: one day, a range up to today, or from the last day
// fetched to today; Hugging Face publishes no list on weekends, so those are left out (and said).

const DAY_MS = 86_400_000;
/** More days than this in one run is a mistake (or a crawl), not a catch-up. */
export const MAX_DAYS = 31;

interface DayPlan {
  /** Weekdays to fetch, oldest first. */
  days: string[];
  /** Saturdays and Sundays in the range, not fetched. */
  weekends: string[];
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isWeekend(day: string): boolean {
  const weekday = new Date(dayMs(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Every day from `from` to `to`, both included; none when from is after to. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = dayMs(from); ms <= dayMs(to); ms += DAY_MS) out.push(dayOf(ms));
  return out;
}

export type DayRequest = { kind: 'date'; day: string } | { kind: 'since'; day: string } | { kind: 'catch-up'; lastFetched: string | null };

type PlannedDays = { ok: true; plan: DayPlan } | { ok: false; message: string };

/**
 * The days to fetch: --date one day; --since that day to today; else from the last day fetched
 * (again: its list grows during the day) to today, or just today the first time.
 */
export function planDays(request: DayRequest, today: string): PlannedDays {
  // A last day after today (the clock was set back) catches up from today.
  const from = request.kind === 'catch-up' ? (request.lastFetched !== null && request.lastFetched < today ? request.lastFetched : today) : request.day;
  const to = request.kind === 'date' ? request.day : today;
  if (from > today) return { ok: false, message: `${from} is in the future (today is ${today}); there is no list yet` };
  const all = daysBetween(from < to ? from : to, to);
  if (all.length > MAX_DAYS) {
    return { ok: false, message: `${from} to ${to} is ${all.length} days; fetch at most ${MAX_DAYS} at once (give a later --since)` };
  }
  return { ok: true, plan: { days: all.filter((d) => !isWeekend(d)), weekends: all.filter(isWeekend) } };
}
