import { getContext, setContext, untrack } from 'svelte';

/**
 * The screens in the main navigation are built once and kept (hidden) while another is shown:
 * WebKit keeps a little memory for every element a page builds and drops, so rebuilding a
 * screen with forms and long lists on every visit made the app grow all day in the tray.
 *
 * A kept screen reloads its data each time it is shown again (a loading effect reads
 * `visit.count`, which goes up on every return), and when it is left, what should not wait
 * behind another screen is cleared (`onLeave`): typed passphrases, one-off notes, open dialogs.
 * Drafts stay, as they would in a tab.
 */
export class Visit {
  count = $state(0);
  shown = $state(true);
}

const KEY = Symbol('screen visit');

/** Used by a kept screen's frame: the visits its content reads. */
export function keepVisits(): Visit {
  const visit = new Visit();
  setContext(KEY, visit);
  return visit;
}

const ALWAYS_SHOWN: { readonly count: number; readonly shown: boolean } = { count: 0, shown: true };

/**
 * The visits of the screen this component is on. Outside a kept screen (a screen built anew
 * each time, a component test) it is always shown and the count never changes, so a load runs
 * once.
 */
export function screenVisit(): { readonly count: number; readonly shown: boolean } {
  return getContext<Visit | undefined>(KEY) ?? ALWAYS_SHOWN;
}

/**
 * Runs `clear` each time the screen this component is on is left. Call while the component is
 * set up. Outside a kept screen it never runs: the component is simply dropped.
 */
export function onLeave(clear: () => void) {
  const visit = screenVisit();
  $effect(() => {
    if (!visit.shown) untrack(clear);
  });
}
