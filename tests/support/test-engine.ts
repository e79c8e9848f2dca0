import type { Engine } from '../../src/engine/engine';
import { createNativeEngine } from '../../src/engine/native-engine';
import { createNodeEngine } from '../../src/engine/node-engine';

/**
 * The engine the tests run on: duckdb-wasm (the browser's engine, the reference) unless
 * PI_TEST_ENGINE=native (vitest.native.config.ts), so the same SQL is checked on both.
 */
export function createTestEngine(): Promise<Engine> {
  return process.env.PI_TEST_ENGINE === 'native' ? createNativeEngine({ threads: 2 }) : createNodeEngine();
}
