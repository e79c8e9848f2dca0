import { defineConfig } from 'vitest/config';

// The indicator, board-pack, command-line and store-in-place tests again on native DuckDB (@duckdb/node-api): the
// same SQL must give the same figures on both engines. duckdb-wasm stays the reference (vitest.config.ts).
export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'tests/indicators/**/*.test.ts',
      'tests/board/**/*.test.ts',
      'tests/benchmarks/**/*.test.ts',
      'tests/sample-data.test.ts',
      // The ALTER TABLE steps that store a big file in place (the command line reads regions' extracts).
      'tests/ingest-store-in-place.test.ts',
    ],
    env: { PI_TEST_ENGINE: 'native' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
