/** Ctrl+Shift+H (Cmd+Shift+H on macOS) opens Crisis help from anywhere. */
export const CRISIS_SHORTCUT_LABEL = 'Ctrl+Shift+H';
export const CRISIS_SHORTCUT_ARIA = 'Control+Shift+H';

export function isCrisisShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'h';
}

/** Ctrl+Shift+W (Cmd+Shift+W on macOS) adds a small win from anywhere. */
export const WIN_SHORTCUT_LABEL = 'Ctrl+Shift+W';
export const WIN_SHORTCUT_ARIA = 'Control+Shift+W';

export function isWinShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'w';
}

/** Ctrl+Shift+L (Cmd+Shift+L on macOS) locks Alongside now, when the app lock is on. */
export const LOCK_SHORTCUT_LABEL = 'Ctrl+Shift+L';
export const LOCK_SHORTCUT_ARIA = 'Control+Shift+L';

export function isLockShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l';
}
