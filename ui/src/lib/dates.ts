/** Calendar days as the caregiver sees them: local YYYY-MM-DD strings and their English labels. */

/** Today as YYYY-MM-DD in the caregiver's own time zone. */
export function localDay(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function yesterday(d: Date = new Date()): string {
  const y = new Date(d);
  y.setDate(d.getDate() - 1);
  return localDay(y);
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2026-11" → "November 2026". */
export function monthLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return `${MONTHS[m - 1] ?? ''} ${y}`;
}

/** "2026-11-16" (a Monday) → "Week of 16 November". */
export function weekLabel(monday: string): string {
  const [, m, d] = monday.split('-').map(Number);
  return `Week of ${d} ${MONTHS[m - 1] ?? ''}`;
}

/** "2026-11-20" → "Friday 20 November 2026". */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  const weekday = date.toLocaleDateString('en-GB', { weekday: 'long' });
  return `${weekday} ${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

/** The Monday of the week a day falls in, as YYYY-MM-DD. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  const back = (date.getDay() + 6) % 7;
  date.setDate(date.getDate() - back);
  return localDay(date);
}
