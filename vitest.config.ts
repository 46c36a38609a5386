import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Every test has a timeout so a deadlock (e.g. the outer db used inside a SQLite
    // transaction) fails fast instead of hanging CI.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
