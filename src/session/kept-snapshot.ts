import { z } from 'zod';
import type { Engine, ImportOptions } from '../engine/engine';
import { SUMMARY_STORE } from '../engine/session-settings';
import { keptFilesSchema } from '../ingest/kept-files';
import { loadReportSchema } from '../ingest/load-report-schema';
import { joinBytes } from '../shared/join-bytes';

// Everything loaded, as bytes and a state, to keep on this computer (the vault seals them) and to put
// back into a fresh engine: the loaded tables (one part each) and what the session knew of them. What
// the indicators build from the tables is not kept: it is built again, as after a load.

/** What the load report says of a file that came back from kept data (DataSession.isKeptFile). */
export const KEPT_FILE_NOTE =
  'Kept on this computer: its rows are here, but the file itself was not kept, so it cannot be changed or loaded again. To change it, remove it and load the file again.';

/** Changes whenever a kept state written before could no longer be read as it is. */
export const KEPT_FORMAT = 1 as const;

/** One kept table: its name as part name, its bytes from `Engine.exportTable`. */
export interface KeptPart {
  name: string;
  bytes: Uint8Array;
}

const count = z.number().int().nonnegative();

const keptTableSchema = z.object({
  name: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: count,
});

/** What the session knew of the data loaded, as JSON: checked field by field when it comes back. */
export const keptSessionStateSchema = z.object({
  format: z.literal(KEPT_FORMAT),
  /** When the snapshot was taken (ISO date and time). */
  takenAt: z.string(),
  lastReport: loadReportSchema.nullable(),
  loadCount: count,
  loadedAt: z.string().nullable(),
  rowsInDatabase: count,
  /** The files holding rows, as the tab lists them. */
  held: z.array(z.object({ fileId: z.number().int(), name: z.string(), rows: count })),
  files: keptFilesSchema,
  /** Every loaded table, with its columns as declared and its rows: a part for each with rows. */
  tables: z.array(keptTableSchema),
  /**
   * The tables of a complete preparation of the indicators over these tables, when one was kept (a part
   * for each with rows; see kept-preparation.ts); absent in what earlier versions kept.
   */
  prepared: z
    .object({ fingerprint: z.string(), state: z.unknown(), tables: z.array(keptTableSchema) })
    .nullable()
    .default(null),
});

export type KeptSessionState = z.infer<typeof keptSessionStateSchema>;
export type KeptTable = z.infer<typeof keptTableSchema>;
export type KeptPrepared = NonNullable<KeptSessionState['prepared']>;

export interface SessionSnapshot {
  state: KeptSessionState;
  parts: KeptPart[];
}

/**
 * A kept table's rows on the way back: its bytes, or its pieces as they open (the vault's loadStream)
 * with its length when known.
 */
export type RestorePart = KeptPart | { name: string; length?: number; pieces(): AsyncIterable<Uint8Array> };

/** Below this length a part's pieces are gathered and put in at once: streaming only pays for a large one. */
const STREAM_FROM_BYTES = 32 << 20;

/** A part that may be unchanged since the last snapshot (`bytes: null`): the kept copy still holds it. */
export interface SnapshotPart {
  name: string;
  bytes: Uint8Array | null;
}

/** A snapshot of what changed: every table listed, the bytes only of those that changed. */
export interface ChangedSnapshot {
  state: KeptSessionState;
  parts: SnapshotPart[];
}

/** A snapshot that cannot be restored, and why, in words. Nothing was changed when it is thrown. */
export class KeptSnapshotError extends Error {}

const columnRow = z.object({ table: z.string(), own: z.boolean(), name: z.string(), type: z.string() });
const countRow = z.object({ table: z.string(), n: z.number() });

/**
 * The tables' columns as declared and their rows, asked in two statements whatever their number. A
 * name is looked up as queries look it up: in the session's own database, else in the summary store
 * (where the large prepared tables move, compress-summaries.ts).
 */
export async function describeTables(engine: Engine, names: readonly string[]): Promise<KeptTable[]> {
  if (names.length === 0) return [];
  const columns = await engine.query(
    `SELECT table_name AS "table", database_name = current_database() AS own, column_name AS name, data_type AS type
     FROM duckdb_columns()
     WHERE (database_name = current_database() OR database_name = ?) AND schema_name = 'main'
       AND list_contains(string_split(?, ','), table_name)
     ORDER BY table_name, column_index`,
    [SUMMARY_STORE, names.join(',')],
    columnRow,
  );
  const rows = await countRows(engine, names);
  return names.map((name) => {
    const found = columns.filter((c) => c.table === name);
    const own = found.some((c) => c.own);
    return {
      name,
      columns: found.filter((c) => c.own === own).map(({ name: column, type }) => ({ name: column, type })),
      rows: rows.get(name) ?? 0,
    };
  });
}

/** Each table's rows. The names are the app's own tables (loadedTables), never text a user wrote. */
export async function countRows(engine: Engine, names: readonly string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const odd = names.find((name) => !/^[a-z][a-z0-9_]*$/.test(name));
  if (odd !== undefined) throw new KeptSnapshotError(`Not a table this app keeps: ${odd}.`);
  const sql = names.map((name) => `SELECT '${name}' AS "table", count(*)::BIGINT AS n FROM main.${name}`);
  const rows = await engine.query(sql.join(' UNION ALL '), [], countRow);
  return new Map(rows.map((r) => [r.table, r.n]));
}

export function tableBytes(engine: Engine) {
  const { exportTable, importTable } = engine;
  if (!exportTable || !importTable)
    throw new KeptSnapshotError('This engine cannot keep data (only the browser’s can).');
  return { exportTable, importTable };
}

/** Puts a part's rows into its table: its pieces as they open where the engine can, else its bytes. */
export async function importPart(
  engine: Engine,
  table: string,
  part: RestorePart,
  options: ImportOptions = {},
): Promise<void> {
  const { importTable } = tableBytes(engine);
  if ('bytes' in part && part.bytes instanceof Uint8Array) {
    await importTable.call(engine, table, part.bytes, options);
  } else if (!('pieces' in part)) {
    throw new KeptSnapshotError(`The kept rows of ${table} are missing.`);
  } else if (engine.importTableStream && (part.length ?? Number.POSITIVE_INFINITY) >= STREAM_FROM_BYTES) {
    await engine.importTableStream(table, part.pieces(), options);
  } else {
    const pieces: Uint8Array[] = [];
    for await (const piece of part.pieces()) pieces.push(piece);
    await importTable.call(engine, table, joinBytes(pieces), options);
  }
}

/**
 * The loaded tables' parts (one per table with rows) and their descriptions. Given `changed`, only those
 * tables are exported; the others' parts are listed with `bytes: null`. `columnOrder`: the order to write
 * a table's columns in, where it is not the table's own (newTableColumnOrder).
 */
export async function snapshotTables(
  engine: Engine,
  names: readonly string[],
  columnOrder: ReadonlyMap<string, readonly string[]>,
): Promise<{ tables: KeptTable[]; parts: KeptPart[] }>;
export async function snapshotTables(
  engine: Engine,
  names: readonly string[],
  columnOrder: ReadonlyMap<string, readonly string[]>,
  changed: ReadonlySet<string>,
): Promise<{ tables: KeptTable[]; parts: SnapshotPart[] }>;
export async function snapshotTables(
  engine: Engine,
  names: readonly string[],
  columnOrder: ReadonlyMap<string, readonly string[]>,
  changed?: ReadonlySet<string>,
): Promise<{ tables: KeptTable[]; parts: SnapshotPart[] }> {
  const { exportTable } = tableBytes(engine);
  const tables = await describeTables(engine, names);
  const parts: SnapshotPart[] = [];
  for (const table of tables) {
    const { name } = table;
    if (table.rows === 0) continue;
    const unchanged = changed !== undefined && !changed.has(name);
    parts.push({ name, bytes: unchanged ? null : await exportTable.call(engine, name, columnOrder.get(name)) });
  }
  return { tables, parts };
}

/** The same columns and types, in any order: a table stored in place has its columns in another order. */
function sameColumns(a: KeptTable['columns'], b: KeptTable['columns']): boolean {
  const types = new Map(a.map((c) => [c.name, c.type]));
  return types.size === a.length && a.length === b.length && b.every((c) => types.get(c.name) === c.type);
}

/**
 * The state of a snapshot, checked before anything is changed: its format, every field, and that its
 * tables are the ones this app loads, with the columns they have here, and a part for each with rows.
 */
export async function checkSnapshot(
  engine: Engine,
  snapshot: { state: unknown; parts: readonly { name: string }[] },
  names: readonly string[],
): Promise<KeptSessionState> {
  tableBytes(engine);
  const format = (snapshot.state as { format?: unknown } | null)?.format;
  if (format !== KEPT_FORMAT && typeof format === 'number') {
    throw new KeptSnapshotError(
      `The kept data was written in format ${format}; this version of the app reads format ${KEPT_FORMAT}.`,
    );
  }
  const parsed = keptSessionStateSchema.safeParse(snapshot.state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KeptSnapshotError(
      `The kept data’s description is damaged (${issue ? `${issue.path.join('.') || 'the whole'}: ${issue.message}` : 'unreadable'}).`,
    );
  }
  const state = parsed.data;
  const kept = new Map(state.tables.map((t) => [t.name, t]));
  const unknown = state.tables.find((table) => !names.includes(table.name));
  if (unknown) throw new KeptSnapshotError(`The kept data holds a table this app does not load: ${unknown.name}.`);
  const here = new Map((await describeTables(engine, [...kept.keys()])).map((t) => [t.name, t]));
  for (const table of state.tables) {
    if (!sameColumns(here.get(table.name)?.columns ?? [], table.columns)) {
      throw new KeptSnapshotError(`The kept table ${table.name} has other columns than this version of the app’s.`);
    }
  }
  const prepared = new Set(state.prepared?.tables.map((t) => t.name));
  const seen = new Set<string>();
  for (const part of snapshot.parts) {
    // A prepared table's part is checked when it is used (kept-preparation.ts): it can always be built again.
    if (!kept.has(part.name) && !prepared.has(part.name))
      throw new KeptSnapshotError(`The kept data has a part that belongs to no table: ${part.name}.`);
    if (seen.has(part.name)) throw new KeptSnapshotError(`The kept data has the part ${part.name} twice.`);
    seen.add(part.name);
  }
  const missing = state.tables.find((t) => t.rows > 0 && !seen.has(t.name));
  if (missing) throw new KeptSnapshotError(`The kept rows of ${missing.name} are missing.`);
  return state;
}

/**
 * Puts every part of `state.tables` back into its (empty) table, and checks each table then has the rows
 * it had. Other parts (the prepared tables') are left to their own restore.
 */
export async function restoreTables(engine: Engine, state: KeptSessionState, parts: readonly RestorePart[]) {
  tableBytes(engine);
  const names = new Set(state.tables.map((t) => t.name));
  for (const part of parts) {
    if (!names.has(part.name)) continue;
    try {
      await importPart(engine, part.name, part);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new KeptSnapshotError(`The kept rows of ${part.name} are damaged (${why}).`);
    }
  }
  const rows = await countRows(
    engine,
    state.tables.map((t) => t.name),
  );
  for (const table of state.tables) {
    const n = rows.get(table.name) ?? 0;
    if (n !== table.rows) {
      throw new KeptSnapshotError(`The kept table ${table.name} came back with ${n} rows instead of ${table.rows}.`);
    }
  }
}
