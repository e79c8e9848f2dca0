import { defineConfig } from 'vitest/config';

// Tests over real public files beside the repository (../shared/external-samples): Node tests through
// the same ingest, and browser tests against the built app. Not part of `npm test`, which must pass in
// a clone with nothing beside it; `.ci/run` runs this suite after it.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/external/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
