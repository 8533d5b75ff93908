import { defineConfig } from 'vitest/config';

// `npm run test:firefox` (scripts/firefox-e2e.mjs): the Firefox build in a real Firefox ESR.
// One file at a time: the files share /usr/lib/firefox-esr/distribution/policies.json.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
