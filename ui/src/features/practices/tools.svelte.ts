import { api, toAlongsideError, type AlongsideError, type EntryKind, type PracticeLog } from '../../lib/api';

/** The practice pages' shared data, loaded in one call, with remove-and-Undo for any entry. */
export class PracticeTools {
  log = $state<PracticeLog | null>(null);
  error = $state<AlongsideError | null>(null);
  removed = $state<{ kind: EntryKind; id: number; label: string } | null>(null);

  async load() {
    try {
      this.log = await api.practiceLog();
      this.error = null;
    } catch (e) {
      this.error = toAlongsideError(e);
    }
  }

  async remove(kind: EntryKind, id: number, label: string) {
    try {
      await api.removeEntry(kind, id);
      this.removed = { kind, id, label };
      await this.load();
    } catch (e) {
      this.error = toAlongsideError(e);
    }
  }

  /** "Removed the check-in." while an entry of one of these kinds can still be brought back. */
  removedMessage(kinds: EntryKind[]): string | null {
    const r = this.removed;
    return r && kinds.includes(r.kind) ? `Removed ${r.label}.` : null;
  }

  async undo() {
    const r = this.removed;
    this.removed = null;
    if (!r) return;
    try {
      await api.restoreEntry(r.kind, r.id);
      await this.load();
    } catch (e) {
      this.error = toAlongsideError(e);
    }
  }
}

export const LISTENED = { yes: 'Yes', partly: 'Partly', no: 'Not this time' } as const;
export const WAYS = { message: 'A message', call: 'A call', in_person: 'In person', other: 'Another way' } as const;
export const CARE_KINDS = {
  clinician: 'Clinician',
  service: 'Service',
  pharmacy: 'Pharmacy',
  other: 'Other',
} as const;

export { whenLabel } from '../../lib/dates';
