import { untrack } from 'svelte';
import { api, type ProtectionStatus } from '../../lib/api';
import { router } from '../../lib/router.svelte';
import { wins } from '../wins/wins.svelte';
import { dueNow } from '../reminders/due.svelte';
import { watchIdle } from './idle';

/** What protects the data, shared by the app, the lock screen and Settings. */
class Protection {
  status = $state<ProtectionStatus | null>(null);
  /** Set after the first run: Today offers the app lock once, gently. */
  offerLock = $state(false);

  get locked() {
    return this.status?.state === 'locked';
  }

  /** Lock after this many idle minutes, while the data is open and the app lock is on. */
  get idleMinutes(): number | null {
    const s = this.status;
    return s?.state === 'open' && s.appLock ? s.idleMinutes : null;
  }

  get canLockNow() {
    return this.status?.state === 'open' && this.status.appLock;
  }

  async lockNow() {
    this.status = await api.lockNow();
  }
}

export const protection = new Protection();

/**
 * Calls `reload` when Alongside locks somewhere else: the tray's "Lock now", or a command refused
 * because the data is locked. Returns a function that stops listening.
 */
export function followLocks(reload: () => void): () => void {
  const stopErrors = api.onLockedError(reload);
  let stopEvents: (() => void) | null = null;
  let stopped = false;
  void api.onLocked(reload).then((stop) => (stopped ? stop() : (stopEvents = stop)));
  return () => {
    stopped = true;
    stopErrors();
    stopEvents?.();
  };
}

/**
 * For the app's root component, while it starts: reloads the app status when Alongside locks
 * elsewhere; when locked, closes the dialogs of the data (never Crisis help), forgets what was
 * read from it (`forget` drops the root's own copy) and goes back to Today; and locks after the
 * chosen idle time.
 */
export function guardWhileLocked(reload: () => Promise<void>, forget: () => void) {
  let reloading = false;
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    void reload().finally(() => (reloading = false));
  };
  $effect(() => followLocks(reloadOnce));

  const locked = $derived(protection.locked);
  const minutes = $derived(protection.idleMinutes);

  $effect(() => {
    if (!locked) return;
    untrack(() => {
      wins.dialogOpen = false;
      wins.editing = null;
      dueNow.items = [];
      forget();
      router.go({ name: 'today' });
    });
  });

  $effect(() => {
    if (minutes === null) return;
    return watchIdle(minutes, () => void protection.lockNow().catch(reloadOnce));
  });
}

/** The idle times the core accepts, in minutes. */
export const IDLE_CHOICES = [1, 5, 15, 60] as const;

/** "1 minute", "15 minutes", "1 hour". */
export function idleLabel(minutes: number): string {
  if (minutes === 60) return '1 hour';
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
