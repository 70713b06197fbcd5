import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { resetBackendMock } from '../lib/api/testing';

afterEach(() => {
  cleanup();
  resetBackendMock();
  localStorage.clear();
});
