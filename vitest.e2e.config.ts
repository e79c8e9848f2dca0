import { defineConfig } from 'vitest/config';

// Browser tests: drive the BUILT app (npm run build first) in Debian's headless Chromium.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
