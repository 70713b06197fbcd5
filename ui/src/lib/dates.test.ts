import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import PrintMonth from '../features/wins/PrintMonth.svelte';
import { FakeBackend } from './api/testing';
import {
  dayLabel,
  lastDayOf,
  locales,
  localMinute,
  momentLabel,
  monthLabel,
  savedLabel,
  soonLabel,
  weekLabel,
  whenLabel,
} from './dates';

/** Pretends the system's locale is the one given, as the window reports it. */
function systemLocale(...languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

afterEach(() => vi.restoreAllMocks());

describe('dates follow the system locale', () => {
  it('writes day before month in British English', () => {
    systemLocale('en-GB');
    expect(dayLabel('2026-12-03')).toBe('Thursday, 3 December 2026');
    expect(weekLabel('2026-11-30')).toBe('Week of 30 November');
    expect(monthLabel('2026-12')).toBe('December 2026');
    expect(whenLabel('2026-12-03T19:30')).toBe('Thu, 3 Dec 2026, 19:30');
  });

  it('writes month before day, and a 12-hour clock, in American English', () => {
    systemLocale('en-US');
    expect(dayLabel('2026-12-03')).toBe('Thursday, December 3, 2026');
    expect(weekLabel('2026-11-30')).toBe('Week of November 30');
    expect(whenLabel('2026-12-03T19:30')).toBe('Thu, Dec 3, 2026, 7:30 PM');
  });

  it('uses the first language the system prefers, in its own words', () => {
    systemLocale('de-DE', 'en-GB');
    expect(dayLabel('2026-12-03')).toBe('Donnerstag, 3. Dezember 2026');
  });

  it('still writes dates on a system with no locale set, which reports "C"', () => {
    systemLocale('C');
    expect(locales()).toBeUndefined();
    expect(dayLabel('2026-12-03')).toMatch(/2026/);
    systemLocale('C', 'en-GB');
    expect(locales()).toEqual(['en-GB']);
    expect(dayLabel('2026-12-03')).toBe('Thursday, 3 December 2026');
  });

  it('reads moments in the caregiver’s time zone and locale', () => {
    systemLocale('en-GB');
    const at = new Date(2026, 11, 3, 19, 30).toISOString();
    expect(savedLabel(at)).toBe('3 December 2026');
    expect(soonLabel(at)).toBe('Thu 3 Dec, 19:30');
    expect(momentLabel(at)).toBe('3 Dec 2026, 19:30');
  });

  it('keeps stored days and minutes in one fixed form, whatever the locale', () => {
    systemLocale('en-US');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(localMinute(new Date(2026, 11, 3, 7, 5))).toBe('2026-12-03T07:05');
  });

  it('shows a printed month in the system’s order', async () => {
    const backend = new FakeBackend().onboarded().install();
    backend.wins.push({
      id: 1, personId: backend.people[0].id, personName: 'Sam', happenedOn: '2026-12-03',
      text: 'Made tea', note: null, tags: [], textMarked: null, noteMarked: null,
    });
    systemLocale('en-US');
    const us = render(PrintMonth, { month: '2026-12', names: 'Sam' });
    expect(await screen.findByText('Thursday, December 3, 2026')).toBeInTheDocument();
    us.unmount();
    systemLocale('en-GB');
    render(PrintMonth, { month: '2026-12', names: 'Sam' });
    expect(await screen.findByText('Thursday, 3 December 2026')).toBeInTheDocument();
  });
});

describe('one door for dates', () => {
  // Every source file of the app, as text.
  const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.svelte', '!../**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });

  it('formats dates and times only in lib/dates.ts', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const stray = Object.entries(sources)
      .filter(([path]) => path !== './dates.ts')
      .filter(([, text]) => /toLocale(Date|Time)?String|new Intl\.DateTimeFormat\(|'en-(GB|US)'/.test(text))
      .map(([path]) => path);
    expect(stray).toEqual([]);
  });
});
