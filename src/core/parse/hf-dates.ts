// Dates as Hugging Face pages print them: "Mar 12", "March 12, 2025", "2025-03-12", "12 March 2025",
// with the card forms around them ("· Published on Sep 12, 2023", "Mar 8, 2024 [ 6][39]").

export interface DateParts {
  year: number | null;
  month: number;
  day: number;
}

const MONTHS = new Map<string, number>([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9],
  ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const MONTH_DAY = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/;
const DAY_MONTH = /^(\d{1,2}) ([A-Za-z]{3,9})\.?(?:,? (\d{4}))?$/;

function valid(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const y = year ?? 2000; // a leap year: "Feb 29" without a year is possible
  return day <= new Date(Date.UTC(y, month, 0)).getUTCDate();
}

/** The date a short text is, or null. Only whole-text matches: "Mar 12" is a date, "Mar 12 results" is not. */
export function parseDate(text: string): DateParts | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (s.length < 5 || s.length > 20) return null;
  let m = ISO.exec(s);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(year, month, day) ? { year, month, day } : null;
  }
  m = MONTH_DAY.exec(s);
  let monthName: string | undefined;
  let day: number;
  let year: number | null;
  if (m) {
    monthName = m[1];
    day = Number(m[2]);
    year = m[3] ? Number(m[3]) : null;
  } else {
    m = DAY_MONTH.exec(s);
    if (!m) return null;
    monthName = m[2];
    day = Number(m[1]);
    year = m[3] ? Number(m[3]) : null;
  }
  const month = MONTHS.get(monthName!.toLowerCase());
  if (month === undefined || !valid(year, month, day)) return null;
  return { year, month, day };
}

// A trailing comment count: " [ 6][39]", "[6](https://…#community)", " 3".
const COMMENT_TAIL = /\s*(?:\[\s*\d+\s*\](?:\[\d+\]|\([^()\s]*\))?|\d+)\s*$/;

export interface CardDate {
  date: DateParts;
  /** The date as printed, for diagnostics. */
  text: string;
  /** Printed the way a card prints its own date (after "·", "Published on", with a comment count). */
  card: boolean;
}

/** A line that is a date, as a page header ("Mar 12") or a card footer ("· Published on Mar 8, 2024 [ 6][39]"). */
export function parseDateLine(line: string): CardDate | null {
  let s = line.trim();
  if (s.length < 5 || s.length > 120) return null;
  let card = false;
  if (s.startsWith('·') || s.startsWith('•')) {
    card = true;
    s = s.slice(1).trim();
  }
  // markdown emphasis or heading around a header date: "**Mar 12**", "## March 12, 2025"
  s = s.replace(/^#{1,6} /, '').replace(/^\*\*(.*)\*\*$/, '$1').trim();
  const published = /^published on /i.exec(s);
  if (published) {
    card = true;
    s = s.slice(published[0].length);
  }
  let date = parseDate(s);
  if (!date) {
    const tail = COMMENT_TAIL.exec(s);
    if (tail && tail.index > 0) {
      date = parseDate(s.slice(0, tail.index));
      if (date) {
        card = true;
        s = s.slice(0, tail.index);
      }
    }
  }
  return date ? { date, text: s.trim(), card } : null;
}

/** YYYY-MM-DD. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
