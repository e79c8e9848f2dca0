// Browser build of duckdb-wasm: the wasm and its worker are bundled and served by our own origin
// (Vite `?url` imports), never fetched from a CDN.
//
// Only the "eh" (wasm exceptions) bundle is shipped: every browser a council laptop runs today
// (Chrome/Edge 95+, Firefox 100+, Safari 15.2+) supports wasm exceptions, it loads faster than the
// "mvp" bundle, and shipping one bundle halves what the offline cache must hold (≈34 MB, 7.8 MB gzip).
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import * as arrow from 'apache-arrow';
import type { z } from 'zod';
import { assertSafeFileName, type Engine, parseRows, type SqlParam } from './engine';
import { SESSION_SETTINGS } from './session-settings';
import { StatementCache } from './statement-cache';
import {
  type ArrowConnection,
  exportTableBytes,
  importTableBytes,
  importTableStream,
  resultMessages,
} from './table-bytes';
import { TaskQueue } from './task-queue';

export class UnsupportedBrowserError extends Error {}

/** How long DuckDB runs a stoppable statement before it looks for a cancel (see sendStoppable). */
const STOP_SLICE_MS = 50;

async function createBrowserEngine(): Promise<Engine> {
  const features = typeof WebAssembly === 'undefined' ? undefined : await duckdb.getPlatformFeatures();
  if (!features?.wasmExceptions) {
    throw new UnsupportedBrowserError(
      'This browser is too old to run Partnership Insight. Please use a current version of Microsoft Edge, Google Chrome, Firefox or Safari.',
    );
  }
  const worker = new Worker(new URL('./duckdb-worker.ts', import.meta.url), { type: 'module' });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasmUrl);
  // A statement sent to be stoppable (below) runs in slices of this many milliseconds, between which a
  // cancel can arrive: a user's query waits for at most one slice of background work.
  await db.open({
    query: { castBigIntToDouble: true, castDecimalToDouble: true, queryPollingInterval: STOP_SLICE_MS },
  });
  const conn = await db.connect();
  for (const statement of SESSION_SETTINGS) await conn.query(statement);

  // duckdb-wasm runs one query at a time per connection: calls wait their turn, the user's first.
  const queue = new TaskQueue();
  const serial = <T>(task: () => Promise<T>, background = false, stop?: () => Promise<unknown>) =>
    queue.add(task, { background, stop });

  // `localStorage.setItem('pi-debug', 'sql')` logs each statement's time, and when it ended, to the console.
  const debug = (() => {
    try {
      return globalThis.localStorage?.getItem('pi-debug') === 'sql';
    } catch {
      return false;
    }
  })();

  // Queries (asked again on every filter change) keep their prepared statements; statements that
  // change data are prepared each time.
  const statements = new StatementCache<Awaited<ReturnType<typeof conn.prepare>>>();

  async function logged<T>(sql: string, run: () => Promise<T>): Promise<T> {
    if (!debug) return run();
    const started = performance.now();
    try {
      return await run();
    } finally {
      console.debug(
        `[sql @${Math.round(performance.now())} ${Math.round(performance.now() - started)} ms] ${sql.replace(/\s+/g, ' ').slice(0, 100)}`,
      );
    }
  }

  async function execute(sql: string, params: readonly SqlParam[], cache = false) {
    return logged(sql, () => executeNow(sql, params, cache));
  }

  /**
   * One statement without parameters, sent so that it can be stopped (`conn.cancelSent()`): DuckDB runs
   * it in slices and reads a cancel between them. Its answer (a count) is read and dropped.
   */
  async function sendStoppable(sql: string) {
    await logged(sql, async () => {
      const reader = await conn.send(sql);
      await reader.readAll();
    });
  }

  async function executeNow(sql: string, params: readonly SqlParam[], cache: boolean) {
    if (params.length === 0) return conn.query(sql);
    if (cache) {
      return statements.run(
        sql,
        () => conn.prepare(sql),
        (statement) => statement.query(...params),
      );
    }
    const statement = await conn.prepare(sql);
    try {
      return await statement.query(...params);
    } finally {
      await statement.close();
    }
  }

  // For keeping tables: used inside one queued task, so no other statement runs between its steps.
  const arrowConn: ArrowConnection = {
    arrow,
    async rows(sql, params) {
      const table = await executeNow(sql, params, false);
      return table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
    },
    async run(sql) {
      await conn.query(sql);
    },
    resultMessages: (sql) => conn.useUnsafe((bindings, id) => resultMessages(bindings, id, sql)),
    async insertStream(table, bytes, create) {
      // A copy of its own: duckdb-wasm transfers the whole underlying buffer to its worker.
      await conn.insertArrowFromIPCStream(bytes.slice(), { name: table, create });
    },
  };

  return {
    query<S extends z.ZodType>(
      sql: string,
      params: readonly SqlParam[],
      rowSchema: S,
      options: { background?: boolean } = {},
    ) {
      return serial(async () => {
        const table = await execute(sql, params, true);
        return parseRows(
          table.toArray().map((row) => row.toJSON() as Record<string, unknown>),
          rowSchema,
          sql,
        );
      }, options.background);
    },
    run(sql, params = [], options = {}) {
      // Background work that may run again from the start is stopped when the user asks for something.
      if (options.background && options.preemptible && params.length === 0) {
        return serial(
          () => sendStoppable(sql),
          true,
          () => conn.cancelSent(),
        );
      }
      return serial(async () => {
        await execute(sql, params);
      }, options.background);
    },
    registerFile(name, source) {
      return serial(async () => {
        assertSafeFileName(name);
        if (source instanceof Uint8Array) {
          await db.registerFileBuffer(name, source);
        } else {
          // Zero-copy: the worker reads slices of the File on demand.
          await db.registerFileHandle(name, source, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
        }
      });
    },
    dropFile(name) {
      return serial(async () => {
        await db.dropFile(name);
      });
    },
    exportTable: (table, columns) => serial(() => exportTableBytes(arrowConn, table, columns)),
    importTable: (table, bytes, options) =>
      serial(() => importTableBytes(arrowConn, table, bytes), options?.background),
    importTableStream: (table, pieces, options) =>
      serial(() => importTableStream(arrowConn, table, pieces), options?.background),
  };
}

let shared: Promise<Engine> | undefined;

/** The single shared browser engine, started on first use. */
export function getBrowserEngine(): Promise<Engine> {
  if (!shared) {
    shared = createBrowserEngine();
    shared.catch(() => {
      shared = undefined;
    });
  }
  return shared;
}
