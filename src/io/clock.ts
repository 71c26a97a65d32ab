// "Today" for the whole program: the user's local date, worked out once per command and handed to
// the pure code (core/dates.ts) that needs it.

/** The local calendar date of `now` as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
