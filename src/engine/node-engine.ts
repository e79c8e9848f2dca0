// Node build of duckdb-wasm (the blocking API), used by the tests and the command-line tools so that
// they run exactly the same SQL as the browser. Never imported by browser code.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
import { withTimings } from './timed-engine';

export async function createNodeEngine(): Promise<Engine> {
  // Loaded when asked for: the command line starts on native DuckDB and need not pay to load this.
  const { createDuckDB, NODE_RUNTIME, VoidLogger } = await import('@duckdb/duckdb-wasm/blocking');
  const require = createRequire(import.meta.url);
  // The copy of apache-arrow the blocking build requires (see ArrowConnection.arrow).
  const arrow: ArrowConnection['arrow'] = require('apache-arrow');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  for (const statement of SESSION_SETTINGS) conn.query(statement);
  const statements = new StatementCache<ReturnType<typeof conn.prepare>>();
  const arrowConn: ArrowConnection = {
    arrow,
    async rows(sql, params) {
      const statement = conn.prepare(sql);
      try {
        return statement
          .query(...params)
          .toArray()
          .map((row) => row.toJSON() as Record<string, unknown>);
      } finally {
        statement.close();
      }
    },
    async run(sql) {
      conn.query(sql);
    },
    resultMessages: (sql) => conn.useUnsafe((bindings, id) => resultMessages(bindings, id, sql)),
    async insertStream(table, bytes, create) {
      conn.insertArrowFromIPCStream(bytes, { name: table, create });
    },
  };

  const engine: Engine = {
    async query<S extends z.ZodType>(sql: string, params: readonly SqlParam[], rowSchema: S) {
      let table: { toArray(): { toJSON(): Record<string, unknown> }[] };
      if (params.length === 0) {
        table = conn.query(sql);
      } else {
        table = await statements.run(
          sql,
          () => conn.prepare(sql),
          (statement) => statement.query(...params),
        );
      }
      return parseRows(
        table.toArray().map((row) => row.toJSON()),
        rowSchema,
        sql,
      );
    },
    async run(sql, params = []) {
      if (params.length === 0) {
        conn.query(sql);
        return;
      }
      const statement = conn.prepare(sql);
      try {
        statement.query(...params);
      } finally {
        statement.close();
      }
    },
    async registerFile(name, source) {
      assertSafeFileName(name);
      const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    exportTable: (table, columns) => exportTableBytes(arrowConn, table, columns),
    importTable: (table, bytes) => importTableBytes(arrowConn, table, bytes),
    importTableStream: (table, pieces) => importTableStream(arrowConn, table, pieces),
  };
  return withTimings(engine);
}
