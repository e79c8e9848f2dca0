// Native DuckDB (@duckdb/node-api) for the command line: multi-threaded and out of core, so a region's
// extracts — tens of millions of rows — run on one machine in seconds. The same SQL as the browser's
// duckdb-wasm (the tests run the indicators on both); never imported by browser code. An optional
// dependency: where its binary is not installed, the command line says so and uses wasm.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { assertSafeFileName, type Engine, parseRows, type SqlParam } from './engine';
import { SESSION_SETTINGS } from './session-settings';
import { withTimings } from './timed-engine';

type NodeApi = typeof import('@duckdb/node-api');

/** Every engine's scratch folder, removed when the process ends (one hook, however many engines). */
const scratchFolders = new Set<string>();
process.once('exit', () => {
  for (const folder of scratchFolders) rmSync(folder, { recursive: true, force: true });
});

/** Why the native engine cannot run here, or null when it can. */
export async function nativeEngineProblem(): Promise<string | null> {
  try {
    await import('@duckdb/node-api');
    return null;
  } catch (error) {
    return `the native DuckDB engine (@duckdb/node-api) is not installed for this platform: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

/** A native engine with its own scratch folder (registered files and spill space), removed at exit. */
export async function createNativeEngine(options: { threads?: number } = {}): Promise<Engine & { close(): void }> {
  const api: NodeApi = await import('@duckdb/node-api');
  const scratch = mkdtempSync(join(tmpdir(), 'pi-native-'));
  const files = join(scratch, 'files');
  mkdirSync(files);
  const settings: Record<string, string> = { temp_directory: join(scratch, 'spill') };
  if (options.threads) settings.threads = String(options.threads);
  const instance = await api.DuckDBInstance.create(':memory:', settings);
  const conn = await instance.connect();
  for (const statement of SESSION_SETTINGS) await conn.run(statement);
  // Registered files are written here and found by name, as duckdb-wasm finds its registered files.
  await conn.run(`SET file_search_path = '${files.replace(/'/g, "''")}'`);
  const close = () => {
    conn.closeSync();
    instance.closeSync();
    rmSync(scratch, { recursive: true, force: true });
    scratchFolders.delete(scratch);
  };
  scratchFolders.add(scratch);

  let exports = 0;
  const values = (params: readonly SqlParam[]) => params.map((p) => p as string | number | boolean | null);
  return withTimings({
    async query<S extends z.ZodType>(sql: string, params: readonly SqlParam[], rowSchema: S) {
      const reader = await conn.runAndReadAll(sql, params.length ? values(params) : undefined);
      return parseRows(reader.getRowObjectsJS() as Record<string, unknown>[], rowSchema, sql);
    },
    async run(sql, params = []) {
      await conn.run(sql, params.length ? values(params) : undefined);
    },
    async registerFile(name, source) {
      assertSafeFileName(name);
      const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
      writeFileSync(join(files, name), bytes);
    },
    async dropFile(name) {
      assertSafeFileName(name);
      rmSync(join(files, name), { force: true });
    },
    async parquetOf(selectSql) {
      const target = join(scratch, `export-${++exports}.parquet`);
      await conn.run(`COPY (${selectSql}) TO '${target.replace(/'/g, "''")}' (FORMAT parquet)`);
      try {
        return new Uint8Array(readFileSync(target));
      } finally {
        rmSync(target, { force: true });
      }
    },
    close,
  });
}
