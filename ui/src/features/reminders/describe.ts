import type { Day, ScheduleInput } from '../../lib/api';
import { shortDayLabel, timeLabel } from '../../lib/dates';

const DAY_NAMES: Record<Day, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const NTH: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth' };

/** A plain description of when a reminder comes, e.g. "Every Monday and Thursday at 19:30",
 * with its days and times in the caregiver's own locale. */
export function describeSchedule(s: ScheduleInput): string {
  const at = timeLabel(s.time);
  const r = s.repeat;
  let text: string;
  switch (r.kind) {
    case 'once':
      return `Once, on ${shortDayLabel(s.startDate)} at ${at}`;
    case 'daily':
      text = `Every day at ${at}`;
      break;
    case 'weekdays':
      text = `Weekdays at ${at}`;
      break;
    case 'weekly': {
      const names = r.days.map((d) => DAY_NAMES[d]);
      const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
      text = `Every ${list} at ${at}`;
      break;
    }
    case 'every_n_days':
      text = r.n === 1 ? `Every day at ${at}` : `Every ${r.n} days at ${at}`;
      break;
    case 'monthly_on_day':
      text =
        r.day > 28
          ? `Monthly on day ${r.day} (or the month's last day) at ${at}`
          : `Monthly on day ${r.day} at ${at}`;
      break;
    case 'monthly_on_weekday':
      text = `Monthly on the ${NTH[r.nth] ?? 'last'} ${DAY_NAMES[r.weekday]} at ${at}`;
      break;
  }
  return s.endDate ? `${text}, until ${shortDayLabel(s.endDate)}` : text;
}
