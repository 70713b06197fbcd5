import { localDay } from '../../lib/dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The caregiver's local day (YYYY-MM-DD) of a UTC timestamp. */
export function takenDay(takenAt: string): string {
  return localDay(new Date(takenAt));
}

/** "22 Nov" for a chart axis. */
export function shortDay(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1] ?? ''}`;
}
