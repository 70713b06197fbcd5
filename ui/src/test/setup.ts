import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { resetBackendMock } from '../lib/api/testing';
import { crisisHelp } from '../lib/crisis.svelte';
import { router } from '../lib/router.svelte';

afterEach(() => {
  cleanup();
  resetBackendMock();
  localStorage.clear();
  // App-wide state lives in modules; each test starts from a closed dialog on Today.
  crisisHelp.open = false;
  router.go({ name: 'today' });
});
