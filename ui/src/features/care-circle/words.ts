import type { SharedKind } from '../../lib/api';

/** Shared from the start when a circle begins: the least personal kinds. The caregiver adds more. */
export const STARTING_SHARES: SharedKind[] = ['wins', 'tasks'];

/** Every kind a circle can share, in the order offered, with the words shown beside it. */
export const SHARE_LABELS: Record<SharedKind, string> = {
  safety_plan: 'Safety plan, with its earlier versions',
  warning_signs: 'Warning signs',
  appointments: 'Appointments, with questions and notes',
  care_contacts: 'Care contacts',
  boundaries: 'Boundaries',
  checkins: 'Check-ins (who reached out, and when)',
  wins: 'Small wins',
  tasks: 'Who is doing what',
};

export const ALL_SHARES = Object.keys(SHARE_LABELS) as SharedKind[];

/** "3 new records and 1 change" for what an import brought. */
export function broughtWords(added: number, changed: number, refused: number): string {
  const parts: string[] = [];
  if (added) parts.push(`${added} new ${added === 1 ? 'record' : 'records'}`);
  if (changed) parts.push(`${changed} ${changed === 1 ? 'change' : 'changes'}`);
  let out = parts.length ? `Brought in ${parts.join(' and ')}.` : 'Everything in the file was already here.';
  if (refused)
    out += ` ${refused} ${refused === 1 ? 'record was' : 'records were'} left out because ${refused === 1 ? 'it' : 'they'} did not arrive as Alongside expects.`;
  return out;
}
