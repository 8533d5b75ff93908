import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension in Debian Chromium against local fixture pages served
 * at the real sites' URLs (tests/e2e/harness.ts). Run through `npm run test:e2e`, which builds
 * first. One worker: the machine is shared and the extension context is per worker.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  // Generous: the machine running these is shared, and the first check waits for the engine import.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off' },
});
