// A table's rows as bytes and back: what keeping the data on this computer stores. duckdb-wasm has no
// Parquet without downloading an extension (which the app never does), so a table travels as an Arrow
// IPC stream — what duckdb-wasm's queries produce and its Arrow reader takes back.
//
// Both engines open DuckDB with castBigIntToDouble and castDecimalToDouble, which would round such
// columns on the way out: every column whose type Arrow cannot carry exactly under those settings leaves
// as text, and every column comes back cast to the type its table declares. So a table restored has
// exactly its columns' types and values, whatever they are.
import type { RecordBatch } from 'apache-arrow';
import { z } from 'zod';
import type { SqlParam } from './engine';

/** The tables a snapshot may hold are the app's own (dataset ids, pi_…): checked anyway, as file names are. */
export function assertSafeTableName(name: string): void {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    throw new Error(`Internal error: unsafe table name ${JSON.stringify(name)}`);
  }
}

/** What the engines give this module: one connection, used by one task at a time. */
export interface ArrowConnection {
  /**
   * The Arrow library DuckDB's own batches come from. In Node the blocking build loads apache-arrow's
   * CommonJS copy, and batches of one copy are not record batches to the other's writer.
   */
  arrow: Pick<typeof import('apache-arrow'), 'RecordBatchReader' | 'RecordBatchStreamWriter'>;
  /** Rows of a query with bound parameters, as plain objects. */
  rows(sql: string, params: readonly SqlParam[]): Promise<Record<string, unknown>[]>;
  run(sql: string): Promise<void>;
  /** A query's result, one record batch at a time. */
  batches(sql: string): AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
  /** Creates `table` from one complete Arrow IPC stream (the bytes may be taken over). */
  createFromStream(table: string, bytes: Uint8Array): Promise<void>;
}

/** Types that cross Arrow unchanged with the engines' settings; any other leaves as text. */
const EXACT_IN_ARROW = new Set(['BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'FLOAT', 'DOUBLE', 'VARCHAR', 'DATE']);

const columnRow = z.object({ name: z.string(), type: z.string() });
export type ColumnType = z.infer<typeof columnRow>;

/** A table of the session's own database (not the summary store), its columns in order. */
export async function columnsOf(conn: ArrowConnection, table: string): Promise<ColumnType[]> {
  const rows = await conn.rows(
    `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index`,
    [table],
  );
  const columns = rows.map((row) => columnRow.parse(row));
  if (columns.length === 0) throw new Error(`Internal error: there is no table ${table}`);
  return columns;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every row of a table as one Arrow IPC stream, written a record batch at a time. */
export async function exportTableBytes(conn: ArrowConnection, table: string): Promise<Uint8Array> {
  assertSafeTableName(table);
  const columns = await columnsOf(conn, table);
  const select = columns
    .map((c) =>
      EXACT_IN_ARROW.has(c.type) ? quoted(c.name) : `CAST(${quoted(c.name)} AS VARCHAR) AS ${quoted(c.name)}`,
    )
    .join(', ');
  const writer = new conn.arrow.RecordBatchStreamWriter();
  for await (const batch of conn.batches(`SELECT ${select} FROM main.${table}`)) writer.write(batch);
  writer.finish();
  return writer.toUint8Array(true);
}

/** How many rows go into DuckDB at once on the way back: bounds what the wasm heap holds twice. */
const IMPORT_ROWS = 100_000;
const STAGE = 'pi_kept_stage';

/**
 * Appends the rows of `exportTableBytes` to an existing table, each column cast to the type the table
 * declares. The columns must be the table's, by name (in any order); anything else is refused. The
 * caller's bytes are read, never taken over.
 */
export async function importTableBytes(conn: ArrowConnection, table: string, bytes: Uint8Array): Promise<void> {
  assertSafeTableName(table);
  const columns = await columnsOf(conn, table);
  const reader = conn.arrow.RecordBatchReader.from(bytes).open();
  if (!reader.schema) throw new Error(`The kept rows of ${table} are not readable`);
  // By name: a table stored in place (store-in-place.ts) has its columns in another order than a new one.
  const names = reader.schema.fields.map((f) => f.name);
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const declared = names.map((name) => types.get(name));
  if (names.length !== columns.length || new Set(names).size !== names.length || declared.includes(undefined)) {
    throw new Error(
      `The kept rows of ${table} have the columns ${names.join(', ')}, not the table's ${columns.map((c) => c.name).join(', ')}`,
    );
  }
  const insert = `INSERT INTO main.${table} (${names.map(quoted).join(', ')}) SELECT ${names
    .map((name, i) => `CAST(${quoted(name)} AS ${declared[i]})`)
    .join(', ')} FROM main.${STAGE}`;
  let group: RecordBatch[] = [];
  let rows = 0;
  const flush = async () => {
    if (rows === 0) return;
    // A stream of its own: DuckDB may take the buffer over (the browser transfers it to its worker).
    const piece = conn.arrow.RecordBatchStreamWriter.writeAll(group).toUint8Array(true);
    group = [];
    rows = 0;
    await conn.run(`DROP TABLE IF EXISTS main.${STAGE}`);
    try {
      await conn.createFromStream(STAGE, piece);
      await conn.run(insert);
    } finally {
      await conn.run(`DROP TABLE IF EXISTS main.${STAGE}`);
    }
  };
  for (const batch of reader) {
    group.push(batch);
    rows += batch.numRows;
    if (rows >= IMPORT_ROWS) await flush();
  }
  await flush();
}
