import { api, type DueItem } from '../../lib/api';

/** The Due now list, shared by Today and Reminders, refreshed when the scheduler says so. */
class DueNow {
  items = $state<DueItem[]>([]);
  private started = false;

  async refresh() {
    try {
      this.items = await api.dueNow();
    } catch {
      // Keep what is shown; the next refresh tries again.
    }
  }

  /** Loads the list, and from the first call on, follows the scheduler's news. */
  start() {
    void this.refresh();
    if (this.started) return;
    this.started = true;
    void api.onRemindersDue(() => void this.refresh());
  }
}

export const dueNow = new DueNow();
