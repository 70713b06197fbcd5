import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/svelte';
import { resetBackendMock } from '../lib/api/testing';
import { crisisHelp } from '../features/crisis/crisis.svelte';
import { router } from '../lib/router.svelte';
import { dueNow } from '../features/reminders/due.svelte';
import { protection } from '../features/protection/protection.svelte';

// Screens other than Today are fetched when first opened; the first time, the test runner also
// compiles them, which can take more than the default second on a slow machine.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  resetBackendMock();
  localStorage.clear();
  // App-wide state lives in modules; each test starts from a closed dialog on Today.
  crisisHelp.open = false;
  crisisHelp.message = null;
  crisisHelp.forSelf = false;
  crisisHelp.flagged = null;
  router.go({ name: 'today' });
  dueNow.items = [];
  protection.status = null;
  protection.offerLock = false;
});

// jsdom has no canvas. Charts check for a context and leave the drawing to the real webview;
// their data is also in tables, which the tests read.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

// jsdom has no media queries. Width queries answer from window.innerWidth (a test sets it to try
// a narrow window); every other query (reduced motion, dark mode) answers no.
window.matchMedia = ((query: string) => {
  // In px, or in em of the default 16px font.
  const px = (m: RegExpExecArray | null) => (m ? Number(m[1]) * (m[2] === 'em' ? 16 : 1) : null);
  const max = px(/max-width:\s*([\d.]+)(px|em)/.exec(query));
  const min = px(/min-width:\s*([\d.]+)(px|em)/.exec(query));
  const matches = max !== null ? window.innerWidth <= max : min !== null ? window.innerWidth >= min : false;
  return {
    matches,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  };
}) as typeof window.matchMedia;
