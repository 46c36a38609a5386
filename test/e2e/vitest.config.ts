import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: the built app (dist/web, `npm run build:web`) served by the real server,
// driven in Debian Chromium through playwright-core. Run with `npm run test:e2e`.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // The machine is shared and slow at times: conditions get time to come true.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    // One server and one browser per file; files one after the other on a shared 2-core machine.
    fileParallelism: false,
  },
});
