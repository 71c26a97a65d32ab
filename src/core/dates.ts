// The one date grammar of papers: --since/--until, the query fields since:/until:, the UI filter,
// rules and export all read dates here. Relative dates count back from `today`, the user's local
// date (YYYY-MM-DD), which the caller works out once per command (src/io/clock.ts).

type Bound = 'since' | 'until';

/** What the grammar accepts, for error messages. */
export const DATE_FORMS = 'YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, 7d (days ago), 2w (weeks ago) or 3m (months ago)';

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && !leap ? 28 : DAYS[month - 1]!;
}

/**
 * A date as an inclusive YYYY-MM-DD bound, or null when the value is not one. YYYY and YYYY-MM
 * stand for their first day as `since` and their last as `until`; relative dates are one day.
 */
export function parseDate(value: string, bound: Bound, today: string): string | null {
  const v = value.trim().toLowerCase();
  return absoluteDate(v, bound) ?? relativeDate(v, today);
}

function absoluteDate(v: string, bound: Bound): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month !== null && day !== null && (day < 1 || day > daysIn(year, month))) return null;
  const mo = month ?? (bound === 'since' ? 1 : 12);
  const d = day ?? (bound === 'since' ? 1 : daysIn(year, mo));
  return `${m[1]}-${pad(mo)}-${pad(d)}`;
}

function relativeDate(v: string, today: string): string | null {
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!t) return null;
  const m = /^(\d{1,5})([dwm])$/.exec(v);
  if (v !== 'today' && v !== 'yesterday' && !m) return null;
  const [year, month, day] = [Number(t[1]), Number(t[2]), Number(t[3])];
  if (m?.[2] === 'm') {
    // Months ago: the same day of the month, or the month's last day when it is shorter.
    const total = year * 12 + (month - 1) - Number(m[1]);
    const y = Math.floor(total / 12);
    const mo = (total % 12) + 1;
    if (y < 0) return null;
    return `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(Math.min(day, daysIn(y, mo)))}`;
  }
  const back = v === 'today' ? 0 : v === 'yesterday' ? 1 : Number(m![1]) * (m![2] === 'w' ? 7 : 1);
  const ms = Date.UTC(year, month - 1, day) - back * 86_400_000;
  const date = new Date(ms);
  if (Number.isNaN(ms) || date.getUTCFullYear() < 0) return null;
  return date.toISOString().slice(0, 10);
}
