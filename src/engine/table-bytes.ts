// A table's rows as bytes and back: what keeping the data on this computer stores. duckdb-wasm has no
// Parquet without downloading an extension (which the app never does), so a table travels as an Arrow
// IPC stream — what duckdb-wasm's queries produce and its Arrow reader takes back.
//
// Both engines open DuckDB with castBigIntToDouble and castDecimalToDouble, which would round such
// columns on the way out: every column whose type Arrow cannot carry exactly under those settings leaves
// as text, and comes back cast to the type its table declares. So a table restored has exactly its
// columns' types and values, whatever they are. The app's tables have only types Arrow carries exactly:
// theirs leave as DuckDB writes them and go back in as they are, as fast as DuckDB can read them.
import type { RecordBatch, RecordBatchReader } from 'apache-arrow';
import { z } from 'zod';
import type { SqlParam, TableImport } from './engine';
import { SUMMARY_STORE } from './session-settings';

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
  arrow: Pick<typeof import('apache-arrow'), 'MessageReader' | 'RecordBatchReader' | 'RecordBatchStreamWriter'>;
  /** Rows of a query with bound parameters, as plain objects. */
  rows(sql: string, params: readonly SqlParam[]): Promise<Record<string, unknown>[]>;
  run(sql: string): Promise<void>;
  /**
   * A query's result as DuckDB writes it, streamed: the Arrow IPC messages (the schema's, then one per
   * record batch) as they come out of the engine, never read into record batches here.
   */
  resultMessages(sql: string): AsyncIterable<Uint8Array>;
  /**
   * Puts one complete Arrow IPC stream into `table`: a new table (`create`) or appended to an existing
   * one, column by column in order. The bytes stay the caller's (DuckDB's Node build copies them into
   * its memory; the browser's engine copies them before handing them over to its worker).
   */
  insertStream(table: string, bytes: Uint8Array, create: boolean): Promise<void>;
}

/** What both builds of duckdb-wasm offer to read a result message by message (blocking or not). */
interface PendingQueries {
  startPendingQuery(
    conn: number,
    sql: string,
    allowStreamResult: boolean,
  ): Uint8Array | null | Promise<Uint8Array | null>;
  pollPendingQuery(conn: number): Uint8Array | null | Promise<Uint8Array | null>;
  fetchQueryResults(conn: number): Uint8Array | null | Promise<Uint8Array | null>;
}

/**
 * A query's result streamed, as the IPC messages DuckDB writes (its `send` reads them into record
 * batches, which would only be written again): the schema's first, until an empty one ends it.
 */
export async function* resultMessages(db: PendingQueries, conn: number, sql: string): AsyncGenerator<Uint8Array> {
  let header = await db.startPendingQuery(conn, sql, true);
  while (header === null) header = await db.pollPendingQuery(conn);
  yield header;
  for (;;) {
    const message = await db.fetchQueryResults(conn);
    if (message === null) continue;
    if (message.length === 0) return;
    yield message;
  }
}

/**
 * The types that cross Arrow unchanged with the engines' settings (any other leaves as text), and the
 * Arrow type DuckDB writes for each (apache-arrow's names for them).
 */
const ARROW_TYPE = new Map([
  ['BOOLEAN', 'Bool'],
  ['TINYINT', 'Int8'],
  ['SMALLINT', 'Int16'],
  ['INTEGER', 'Int32'],
  ['FLOAT', 'Float32'],
  ['DOUBLE', 'Float64'],
  ['VARCHAR', 'Utf8'],
  ['DATE', 'Date32<DAY>'],
]);

const columnRow = z.object({ name: z.string(), type: z.string() });
export type ColumnType = z.infer<typeof columnRow>;

/**
 * A table's columns in order, the table found as `main.<table>` finds it: in the session's own database,
 * else in the summary store (where large prepared tables move, compress-summaries.ts).
 */
export async function columnsOf(conn: ArrowConnection, table: string): Promise<ColumnType[]> {
  const rows = await conn.rows(
    `WITH found AS (
       SELECT database_name, column_name, data_type, column_index FROM duckdb_columns()
       WHERE (database_name = current_database() OR database_name = ?) AND schema_name = 'main' AND table_name = ?
     )
     SELECT column_name AS name, data_type AS type FROM found
     WHERE database_name = (SELECT database_name FROM found ORDER BY database_name <> current_database() LIMIT 1)
     ORDER BY column_index`,
    [SUMMARY_STORE, table],
  );
  const columns = rows.map((row) => columnRow.parse(row));
  if (columns.length === 0) throw new Error(`Internal error: there is no table ${table}`);
  return columns;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Where an Arrow IPC stream ends (a continuation marker and an empty message). */
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/**
 * Every row of a table as one Arrow IPC stream: DuckDB's own messages, copied once into one buffer. Its
 * columns come in the order `columns` gives (every one of the table's, by name; by default the table's
 * own), so that rows taken from a table stored in place (store-in-place.ts) match a new table's order
 * and go back in at once (importTableBytes).
 */
export async function exportTableBytes(
  conn: ArrowConnection,
  table: string,
  columns?: readonly string[],
): Promise<Uint8Array> {
  assertSafeTableName(table);
  const declared = await columnsOf(conn, table);
  const types = new Map(declared.map((c) => [c.name, c.type]));
  const order = columns ?? declared.map((c) => c.name);
  if (order.length !== declared.length || new Set(order).size !== order.length || order.some((n) => !types.has(n))) {
    throw new Error(`Internal error: ${order.join(', ')} are not the columns of ${table}`);
  }
  const select = order
    .map((name) =>
      ARROW_TYPE.has(types.get(name) ?? '') ? quoted(name) : `CAST(${quoted(name)} AS VARCHAR) AS ${quoted(name)}`,
    )
    .join(', ');
  const messages: Uint8Array[] = [];
  let size = END_OF_STREAM.length;
  for await (const message of conn.resultMessages(`SELECT ${select} FROM main.${table}`)) {
    messages.push(message);
    size += message.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const message of messages) {
    bytes.set(message, at);
    at += message.length;
  }
  bytes.set(END_OF_STREAM, at);
  return bytes;
}

/** How many rows go into DuckDB at once on the way back: bounds what the wasm heap holds twice. */
const IMPORT_ROWS = 100_000;
const STAGE = 'pi_kept_stage';

/**
 * Appends the rows of `exportTableBytes` to an existing table, each column as the type the table
 * declares. The columns must be the table's, by name (in any order); anything else is refused. The
 * caller's bytes are read, never taken over.
 *
 * When the stream's columns are the table's in its order, each of the Arrow type DuckDB itself writes
 * for its declared type, DuckDB takes the stream as it is, in one statement: nothing can be converted
 * on the way. Otherwise (a table stored in place, or a type that left as text) each column is cast by
 * name from a staging table, a piece at a time.
 */
export async function importTableBytes(conn: ArrowConnection, table: string, bytes: Uint8Array): Promise<TableImport> {
  assertSafeTableName(table);
  const columns = await columnsOf(conn, table);
  // DuckDB's reader, and Arrow's, stop quietly where a stream is cut short: such rows are refused.
  if (!wholeStream(conn.arrow, bytes)) throw new Error(`The kept rows of ${table} are cut short`);
  const reader = conn.arrow.RecordBatchReader.from(bytes).open();
  if (!reader.schema) throw new Error(`The kept rows of ${table} are not readable`);
  const fields = reader.schema.fields;
  const direct =
    fields.length === columns.length &&
    fields.every((f, i) => f.name === columns[i]?.name && String(f.type) === ARROW_TYPE.get(columns[i]?.type ?? ''));
  if (direct) {
    await conn.insertStream(table, bytes, false);
    return 'direct';
  }
  await importByName(conn, table, columns, reader);
  return 'by-name';
}

/** Whether every message of a stream is there in full, to its end marker (reads each message's header only). */
function wholeStream(arrow: ArrowConnection['arrow'], bytes: Uint8Array): boolean {
  if (bytes.length < END_OF_STREAM.length || !END_OF_STREAM.every((b, i) => bytes[bytes.length - 8 + i] === b)) {
    return false;
  }
  try {
    const messages = new arrow.MessageReader(bytes);
    for (const message of messages) {
      if (messages.readMessageBody(message.bodyLength).byteLength !== message.bodyLength) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Each column cast by name to its declared type, from a staging table, IMPORT_ROWS rows at a time. */
async function importByName(
  conn: ArrowConnection,
  table: string,
  columns: readonly ColumnType[],
  reader: RecordBatchReader,
): Promise<void> {
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
    const piece = conn.arrow.RecordBatchStreamWriter.writeAll(group).toUint8Array(true);
    group = [];
    rows = 0;
    await conn.run(`DROP TABLE IF EXISTS main.${STAGE}`);
    try {
      await conn.insertStream(STAGE, piece, true);
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
