import type { Engine, SqlParam } from './engine';

/** Values per INSERT: a statement short enough to plan quickly, few enough statements for thousands of rows. */
export const VALUES_PER_INSERT = 1000;

/**
 * Inserts rows into a table the app names (scratch maps, line maps, calendars), every value a bound
 * parameter, up to VALUES_PER_INSERT values to a statement (500 rows of two columns). `placeholders` is one row's, e.g. `(?::DATE, ?)`;
 * by default one plain `?` per value.
 */
export async function insertRows(
  engine: Engine,
  table: string,
  rows: readonly (readonly SqlParam[])[],
  placeholders?: string,
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Internal error: unsafe table name ${JSON.stringify(table)}`);
  const perInsert = Math.max(1, Math.floor(VALUES_PER_INSERT / Math.max(1, rows[0]?.length ?? 1)));
  for (let start = 0; start < rows.length; start += perInsert) {
    const batch = rows.slice(start, start + perInsert);
    const row = placeholders ?? `(${(batch[0] ?? []).map(() => '?').join(', ')})`;
    await engine.run(
      `INSERT INTO ${table} VALUES ${batch.map(() => row).join(', ')}`,
      batch.flatMap((r) => [...r]),
    );
  }
}
