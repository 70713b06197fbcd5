/** Ctrl+Shift+H (Cmd+Shift+H on macOS) opens Crisis help from anywhere. */
export const CRISIS_SHORTCUT_LABEL = 'Ctrl+Shift+H';
export const CRISIS_SHORTCUT_ARIA = 'Control+Shift+H';

export function isCrisisShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'h';
}
