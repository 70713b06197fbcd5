import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  build: {
    target: 'safari15',
    // Everything ships inside the app; no source maps to leak paths.
    sourcemap: false,
    cssCodeSplit: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    // Screens other than Today are fetched when first opened, so a test that opens one also
    // waits for the runner to compile it: more than the default 5 s on a slow, shared machine.
    testTimeout: 20000,
    include: ['src/**/*.test.ts'],
    // The app's style sheet is read as text by the tests of its colours; others stay empty.
    css: { include: [/app\.css/] },
  },
});
