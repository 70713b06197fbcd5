import type { Win } from '../../lib/api';

/** The "Add a win" dialog, reachable from every screen, and a signal that wins changed. */
class WinsState {
  dialogOpen = $state(false);
  editing = $state<Win | null>(null);
  /** Bumped after any add, edit, delete or undo, so lists reload. */
  version = $state(0);

  add() {
    this.editing = null;
    this.dialogOpen = true;
  }

  edit(win: Win) {
    this.editing = win;
    this.dialogOpen = true;
  }

  changed() {
    this.version += 1;
  }
}

export const wins = new WinsState();
