import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { SUMMARY_STORE } from '../engine/session-settings';
import { type IndicatorFamilyDefinition, rolledUpTables } from './family-definition';
import { FAMILIES } from './registry';

/**
 * Rows in one of DuckDB's row groups. A smaller table is left where it is: a filter reads it quickly
 * uncompressed anyway (even the early help cohort of a million-row extract), and a move makes DuckDB
 * bind again every statement prepared over it.
 */
export const ROW_GROUP_ROWS = 122_880;

const sizeRow = z.object({ database_name: z.string(), table_name: z.string(), rows: z.number() });

/**
 * Moves the full summary tables (those with roll-ups: every dimension at full grain, read whole by a
 * filter on several dimensions) into the compressed in-memory database attached to every session
 * (SUMMARY_STORE), where DuckDB keeps text columns dictionary-encoded once it checkpoints the store (it
 * compresses a large table as it writes it, the rest at the checkpoint): a filter on several dimensions
 * of a large summary runs several times quicker there than over the session's own in-memory tables,
 * which DuckDB does not compress. The queries need no change: names are looked up in the session's
 * own database first, then in the store, so a table rebuilt after a load (in the session's database)
 * hides the old copy until it is moved in turn, and a statement prepared before the move is bound again
 * by DuckDB. Background work, run once every stage is built; the command line never filters, so it does not
 * move anything. Returns the tables moved.
 */
export async function compressSummaries(
  engine: Engine,
  options: { families?: readonly IndicatorFamilyDefinition[]; minRows?: number } = {},
): Promise<string[]> {
  const { families = FAMILIES, minRows = ROW_GROUP_ROWS } = options;
  const tables = families.flatMap(rolledUpTables);
  if (tables.length === 0) return [];
  const sizes = await engine.query(
    `SELECT database_name, table_name, estimated_size::DOUBLE AS rows FROM duckdb_tables()
     WHERE schema_name = 'main' AND list_contains(string_split($1, ','), table_name)`,
    [tables.join(',')],
    sizeRow,
    { background: true },
  );
  const moved: string[] = [];
  for (const table of tables) {
    const fresh = sizes.find((s) => s.table_name === table && s.database_name !== SUMMARY_STORE);
    if (!fresh) continue; // already moved, or not built
    // One call, so no other statement runs between the copy and the drop (each its own transaction:
    // DuckDB writes to one database per transaction). A table too small to compress leaves no old copy.
    const store = `${SUMMARY_STORE}.main.${table}`;
    const sql =
      fresh.rows >= minRows
        ? `CREATE OR REPLACE TABLE ${store} AS FROM ${fresh.database_name}.main.${table};
           DROP TABLE ${fresh.database_name}.main.${table}`
        : `DROP TABLE IF EXISTS ${store}`;
    await engine.run(sql, [], { background: true });
    if (fresh.rows >= minRows) moved.push(table);
  }
  if (moved.length > 0) await engine.run(`CHECKPOINT ${SUMMARY_STORE}`, [], { background: true });
  return moved;
}
