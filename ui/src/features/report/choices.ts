import type { MySection, PersonSection, ReportPeriod, SavedReport } from '../../lib/api';

/** The dates a report can cover, in the order they are offered. */
export const PERIODS: [ReportPeriod['kind'], string][] = [
  ['lastTwoWeeks', 'Last 2 weeks'],
  ['lastMonth', 'Last month'],
  ['lastThreeMonths', 'Last 3 months'],
  ['custom', 'Choose dates'],
];

/** The parts of the report about the person, in report order. */
export const PERSON_PARTS: [PersonSection, string][] = [
  ['warningSigns', 'Warning signs noticed'],
  ['checkins', 'Check-ins'],
  ['appointments', 'Appointments and questions to ask'],
  ['wins', 'Small wins'],
];

/** The parts of the report about the caregiver, in report order. */
export const MY_PARTS: [MySection, string][] = [
  ['strain', 'How stretched I have felt'],
  ['selfChecks', 'My self-check results'],
  ['load', 'What I have been handling'],
];

/** The day a month before `day` (YYYY-MM-DD), the start of the dates first offered. */
export function monthBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const back = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  back.setUTCDate(Math.min(d, last) + 1);
  return back.toISOString().slice(0, 10);
}

/** "Saved in Downloads as …", naming the folder in full when it is not Downloads. */
export function savedWords(saved: SavedReport): string {
  const folder = saved.folder.replace(/[/\\]+$/, '');
  const last = folder.split(/[/\\]/).pop() ?? folder;
  const where = last === 'Downloads' ? 'Downloads' : folder;
  return `Saved in ${where} as “${saved.fileName}”.`;
}
