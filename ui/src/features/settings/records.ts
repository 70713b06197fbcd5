import type { RecordCounts } from '../../lib/api';

/** The first line of every file protected with a passphrase (age's armor). */
export const PROTECTED_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

export function isProtected(text: string): boolean {
  return text.trimStart().startsWith(PROTECTED_BEGIN);
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a file or this computer holds, in plain words. */
export function describe(c: RecordCounts): string {
  return (
    [
      plural(c.people, 'person', 'people'),
      plural(c.wins, 'win', 'wins'),
      plural(c.safetyPlans, 'safety plan version', 'safety plan versions'),
      plural(c.reminders, 'reminder', 'reminders'),
    ].join(', ') + ` (${plural(c.records, 'record', 'records')} in all)`
  );
}
