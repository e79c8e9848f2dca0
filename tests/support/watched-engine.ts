import type { Engine, RunOptions } from '../../src/engine/engine';

/**
 * The engine with a watcher told of each statement (run or query) before it runs, with its options: to
 * count or record statements, or to act at a given one. An async watcher is awaited first.
 */
export function watchStatements(
  engine: Engine,
  watch: (sql: string, options?: RunOptions) => void | Promise<void>,
): Engine {
  return {
    ...engine,
    run: async (sql, params, options) => {
      await watch(sql, options);
      return engine.run(sql, params, options);
    },
    query: async (sql, params, schema, options) => {
      await watch(sql, options);
      return engine.query(sql, params, schema, options);
    },
  };
}
