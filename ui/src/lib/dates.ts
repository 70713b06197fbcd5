/** Calendar days and times as the caregiver sees them: local YYYY-MM-DD strings, and every label
 * made from a date or time, written in the order and words of the system's own locale. */

/** The caregiver's locales, most preferred first, as the system gives them to the window. A
 * system with no locale set reports "C", which is no language tag: it is left out, and Intl's
 * own default used instead. */
export function locales(): string[] | undefined {
  const list = typeof navigator !== 'undefined' ? navigator.languages : undefined;
  const valid = (list ?? []).filter((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length > 0;
    } catch {
      return false;
    }
  });
  return valid.length ? valid : undefined;
}

function format(date: Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locales(), options).format(date);
}

/** A local YYYY-MM-DD as a Date at local midnight (never read as UTC). */
function dateOf(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Today as YYYY-MM-DD in the caregiver's own time zone. */
export function localDay(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Now as a local YYYY-MM-DDTHH:MM, as a date-time field writes it. */
export function localMinute(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function yesterday(d: Date = new Date()): string {
  const y = new Date(d);
  y.setDate(d.getDate() - 1);
  return localDay(y);
}

/** The last day of a "2026-11" month, as YYYY-MM-DD. */
export function lastDayOf(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return localDay(new Date(y, m, 0));
}

/** "2026-11" → "November 2026". */
export function monthLabel(period: string): string {
  return format(dateOf(`${period}-01`), { month: 'long', year: 'numeric' });
}

/** "2026-11-16" (a Monday) → "Week of 16 November" (or "Week of November 16"). */
export function weekLabel(monday: string): string {
  return `Week of ${format(dateOf(monday), { day: 'numeric', month: 'long' })}`;
}

/** "2026-11-20" → "Friday, 20 November 2026" (or "Friday, November 20, 2026"). */
export function dayLabel(day: string): string {
  return format(dateOf(day), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** A UTC timestamp → "22 November 2026", on the caregiver's own calendar. */
export function savedLabel(savedAt: string): string {
  return format(new Date(savedAt), { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A local "2026-11-25T10:00" → "Tue, 25 Nov 2026, 10:00" (or "Tue, Nov 25, 2026, 10:00 AM"). */
export function whenLabel(startsAt: string): string {
  const [d, t] = startsAt.split('T');
  const [h, min] = (t ?? '00:00').split(':').map(Number);
  const date = dateOf(d);
  date.setHours(h, min);
  return format(date, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** "2026-12-03" → "Thu, 3 Dec 2026" (or "Thu, Dec 3, 2026"): a day named briefly. */
export function shortDayLabel(day: string): string {
  return format(dateOf(day), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** A moment (UTC timestamp) → "Thu 3 Dec, 19:30": soon enough that the year goes without saying. */
export function soonLabel(at: string): string {
  return format(new Date(at), { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}

/** A moment (UTC timestamp) → "3 Dec 2026, 19:30", for records such as backups. */
export function momentLabel(at: string): string {
  return format(new Date(at), { dateStyle: 'medium', timeStyle: 'short' });
}

/** "19:30" → "19:30" (or "7:30 PM"): a time of day in the caregiver's own clock. */
export function timeLabel(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const date = new Date(2000, 0, 1, h, m);
  return format(date, { hour: 'numeric', minute: '2-digit' });
}

/** The Monday of the week a day falls in, as YYYY-MM-DD. */
export function mondayOf(day: string): string {
  const date = dateOf(day);
  const back = (date.getDay() + 6) % 7;
  date.setDate(date.getDate() - back);
  return localDay(date);
}

/** What a caregiver types for a time of day → "HH:MM", or null when it is not a time.
 * Takes "1930", "19:30", "19.30", "0730", "730", "7", "7:30 pm", "7pm", "12 am". */
export function parseTime(typed: string): string | null {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(\d{1,2})(?:[:.h ]?(\d{2}))?\s*(?:([ap])\.?\s?m?\.?)?$/.exec(text);
  if (!m) return null;
  // "730" reads as 7:30 and "1930" as 19:30: the last two digits are always the minutes.
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3];
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(h)}:${pad(min)}`;
}
