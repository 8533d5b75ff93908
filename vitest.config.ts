import { defineConfig } from 'vitest/config';

// Unit and component tests only; tests/e2e is Playwright's (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
