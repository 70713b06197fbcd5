import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Repeat } from '../../lib/api';
import { describeSchedule } from './describe';

function systemLocale(...languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

afterEach(() => vi.restoreAllMocks());

const at = (repeat: Repeat, endDate: string | null = null) => ({
  startDate: '2026-12-03',
  time: '19:30',
  repeat,
  endDate,
  timeZone: 'Europe/London',
});

describe('when a reminder comes, in words', () => {
  it('names days and times as a British system writes them', () => {
    systemLocale('en-GB');
    expect(describeSchedule(at({ kind: 'once' }))).toBe('Once, on Thu, 3 Dec 2026 at 19:30');
    expect(describeSchedule(at({ kind: 'daily' }, '2027-01-31'))).toBe('Every day at 19:30, until Sun, 31 Jan 2027');
    expect(describeSchedule(at({ kind: 'weekly', days: ['MO', 'WE', 'TH'] }))).toBe(
      'Every Monday, Wednesday and Thursday at 19:30',
    );
    expect(describeSchedule(at({ kind: 'every_n_days', n: 3 }))).toBe('Every 3 days at 19:30');
    expect(describeSchedule(at({ kind: 'monthly_on_day', day: 31 }))).toBe(
      "Monthly on day 31 (or the month's last day) at 19:30",
    );
    expect(describeSchedule(at({ kind: 'monthly_on_weekday', nth: -1, weekday: 'FR' }))).toBe(
      'Monthly on the last Friday at 19:30',
    );
  });

  it('uses month-first days and a 12-hour clock on an American system', () => {
    systemLocale('en-US');
    expect(describeSchedule(at({ kind: 'once' }))).toBe('Once, on Thu, Dec 3, 2026 at 7:30 PM');
    expect(describeSchedule(at({ kind: 'weekdays' }, '2027-01-31'))).toBe('Weekdays at 7:30 PM, until Sun, Jan 31, 2027');
  });
});
