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
import { joinBytes } from '../shared/join-bytes';
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
  if (sameColumns(reader.schema.fields, columns)) {
    await conn.insertStream(table, bytes, false);
    return 'direct';
  }
  await importByName(conn, table, columns, reader);
  return 'by-name';
}

/**
 * Rows go in a group of record batches at a time: as many as fill one of DuckDB's row groups. Groups
 * that end part-way through a row group made some appends many times slower (docs/performance.md).
 */
const GROUP_ROWS = 122_880;

/**
 * `importTableBytes` for a stream that arrives a piece at a time (kept data being decrypted): each
 * group of record batches goes into DuckDB as soon as it is whole, while the next pieces are opened.
 * Rows go in before the end is reached: a stream that does not end whole throws at its end, and the
 * caller takes out what went in (a restore leaves nothing loaded when it fails). A stream whose columns
 * are not the table's in its order goes in by name, once it is all there.
 */
export async function importTableStream(
  conn: ArrowConnection,
  table: string,
  pieces: AsyncIterable<Uint8Array>,
): Promise<TableImport> {
  assertSafeTableName(table);
  const columns = await columnsOf(conn, table);
  const messages = new MessageSplitter(conn.arrow);
  let schema: Uint8Array | null = null;
  let group: Uint8Array[] = [];
  let groupRows = 0;
  let held: Uint8Array[] | null = null; // every message, when the stream cannot go in as it is
  const flush = async () => {
    if (!schema || group.length === 0) return;
    const stream = joinBytes([schema, ...group, END_OF_STREAM]);
    group = [];
    groupRows = 0;
    await conn.insertStream(table, stream, false);
  };
  for await (const piece of pieces) {
    for (const { bytes, rows, batch } of messages.push(piece)) {
      if (!schema) {
        schema = bytes;
        if (!directSchema(conn.arrow, joinBytes([schema, END_OF_STREAM]), columns)) held = [schema];
      } else if (held) held.push(bytes);
      else if (!batch) {
        // A dictionary (the direct types have none) would have to go with every group: refused.
        throw new Error(`The kept rows of ${table} hold a message other than rows`);
      } else {
        group.push(bytes);
        groupRows += rows;
        if (groupRows >= GROUP_ROWS) await flush();
      }
    }
  }
  if (!messages.ended()) throw new Error(`The kept rows of ${table} are cut short`);
  if (held) return importTableBytes(conn, table, joinBytes([...held, END_OF_STREAM]));
  await flush();
  return 'direct';
}

/**
 * Cuts an Arrow IPC stream arriving in pieces into its messages (each: the continuation marker, the
 * metadata's length, the metadata, the body), reading each message's length from its metadata with
 * Arrow's own reader; the end-of-stream marker ends it.
 */
/** One IPC message: its bytes, and for a record batch its rows. */
interface Message {
  bytes: Uint8Array;
  rows: number;
  batch: boolean;
}

class MessageSplitter {
  /** Pieces not yet cut into messages (joined only once a whole message is there: messages can be large). */
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #ended = false;

  constructor(private readonly arrow: ArrowConnection['arrow']) {}

  /** The messages the pieces so far complete, each with its rows (none for the schema). */
  push(piece: Uint8Array): Message[] {
    if (this.#ended && piece.length > 0) throw new Error('The kept rows go on after their end');
    if (piece.length > 0) {
      this.#pending.push(piece);
      this.#pendingBytes += piece.length;
    }
    const out: Message[] = [];
    for (let message = this.#next(); message; message = this.#next()) out.push(message);
    return out;
  }

  /** The next whole message, if it is all there (and marks the end when the end marker is). */
  #next(): Message | null {
    if (this.#ended || this.#pendingBytes < 8) return null;
    const prefix = this.#peek(8);
    const view = new DataView(prefix.buffer, prefix.byteOffset, 8);
    if (view.getUint32(0, true) !== 0xffffffff) throw new Error('The kept rows are not an Arrow stream');
    const metadata = view.getInt32(4, true);
    if (metadata === 0) {
      this.#take(8);
      this.#ended = true;
      if (this.#pendingBytes > 0) throw new Error('The kept rows go on after their end');
      return null;
    }
    if (metadata < 0 || this.#pendingBytes < 8 + metadata) return null;
    const header = new this.arrow.MessageReader(this.#peek(8 + metadata)).readMessage();
    const length = 8 + metadata + Number(header?.bodyLength ?? Number.NaN);
    if (!header || !Number.isFinite(length)) throw new Error('The kept rows are not an Arrow stream');
    if (this.#pendingBytes < length) return null;
    const batch = header.isRecordBatch();
    return { bytes: this.#take(length), rows: batch ? header.header().length : 0, batch };
  }

  /** The first `length` pending bytes, as one array (copied only when they span pieces). */
  #peek(length: number): Uint8Array {
    const first = this.#pending[0];
    if (first && first.length >= length) return first.subarray(0, length);
    const out = new Uint8Array(length);
    let at = 0;
    for (const piece of this.#pending) {
      const part = piece.subarray(0, length - at);
      out.set(part, at);
      at += part.length;
      if (at === length) break;
    }
    return out;
  }

  /** Removes the first `length` pending bytes and gives them as one array. */
  #take(length: number): Uint8Array {
    const first = this.#pending[0];
    // One copy: of the first piece's bytes, or the array #peek built across pieces.
    const out = first && first.length >= length ? first.slice(0, length) : this.#peek(length);
    let left = length;
    while (left > 0) {
      const piece = this.#pending[0] as Uint8Array;
      if (piece.length <= left) {
        this.#pending.shift();
        left -= piece.length;
      } else {
        this.#pending[0] = piece.subarray(left);
        left = 0;
      }
    }
    this.#pendingBytes -= length;
    return out;
  }

  ended(): boolean {
    return this.#ended && this.#pendingBytes === 0;
  }
}

/** Whether a stream's schema is the table's columns in order, each of the Arrow type DuckDB writes for it. */
function directSchema(arrow: ArrowConnection['arrow'], schemaOnly: Uint8Array, columns: readonly ColumnType[]) {
  return sameColumns(arrow.RecordBatchReader.from(schemaOnly).open().schema?.fields ?? [], columns);
}

/** Fields that are the table's columns in order, each of the Arrow type DuckDB writes for its declared type. */
function sameColumns(fields: readonly { name: string; type: unknown }[], columns: readonly ColumnType[]): boolean {
  return (
    fields.length === columns.length &&
    fields.every((f, i) => f.name === columns[i]?.name && String(f.type) === ARROW_TYPE.get(columns[i]?.type ?? ''))
  );
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
