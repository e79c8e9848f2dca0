import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createNodeEngine } from './node-engine';

// Every type the app's tables use, and those the engines' result settings would round (BIGINT and
// DECIMAL become DOUBLE in a query's Arrow result), with NULLs, NOT NULL and awkward text.
const CREATE = `CREATE TABLE t (
  id INTEGER NOT NULL, name VARCHAR, day DATE, flag BOOLEAN, big BIGINT, ratio DOUBLE,
  money DECIMAL(18,3), stamp TIMESTAMP, small SMALLINT)`;
const FILL = `INSERT INTO t SELECT i::INTEGER,
  CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN 'Ann "Jo", ' || i ELSE '€ ' || i || chr(10) END,
  CASE WHEN i % 5 = 0 THEN NULL ELSE DATE '1900-01-01' + (i * 37)::INTEGER END,
  CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END,
  9007199254740993 + i, i / 7, (i * 1.001)::DECIMAL(18,3),
  TIMESTAMP '2024-01-01 10:00:00.123456' + to_seconds(i), (i % 300)::SMALLINT
  FROM range(120000) r(i)`;

const describeRow = z.object({ column_name: z.string(), column_type: z.string(), null: z.string() });
const countRow = z.object({ n: z.number() });

describe('exportTable / importTable on duckdb-wasm', () => {
  it('gives a table back with the same declared types and every value, whatever the result settings round', async () => {
    const from = await createNodeEngine();
    await from.run(CREATE);
    await from.run(FILL);
    const bytes = await from.exportTable?.('t');
    expect(bytes?.length).toBeGreaterThan(0);
    const to = await createNodeEngine();
    await to.run(CREATE);
    await to.importTable?.('t', bytes as Uint8Array);
    expect(await to.query('DESCRIBE t', [], describeRow)).toEqual(await from.query('DESCRIBE t', [], describeRow));
    // The values compared as DuckDB's own text, so nothing is rounded on the way to the test.
    const text = 'SELECT string_agg(t::VARCHAR, chr(30) ORDER BY id) AS all_rows FROM t';
    const all = z.object({ all_rows: z.string() });
    const [before] = await from.query(text, [], all);
    const [after] = await to.query(text, [], all);
    expect(after?.all_rows).toBe(before?.all_rows);
    expect(after?.all_rows).toContain('9007199254740993');
    const [rows] = await to.query('SELECT count(*)::INTEGER AS n FROM t', [], countRow);
    expect(rows?.n).toBe(120_000);
    // The staging table is gone; the bytes the caller holds are still its own, and import again appends.
    expect(
      await to.query(
        "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'pi_kept_stage'",
        [],
        countRow,
      ),
    ).toEqual([{ n: 0 }]);
    await to.importTable?.('t', bytes as Uint8Array);
    expect(await to.query('SELECT count(*)::INTEGER AS n FROM t', [], countRow)).toEqual([{ n: 240_000 }]);
  });

  it('refuses rows whose columns are not the table’s, and names no table it does not hold', async () => {
    const engine = await createNodeEngine();
    await engine.run('CREATE TABLE a (x INTEGER, y VARCHAR); INSERT INTO a VALUES (1, 2)');
    await engine.run('CREATE TABLE b (x INTEGER, z VARCHAR)');
    const bytes = (await engine.exportTable?.('a')) as Uint8Array;
    await expect(engine.importTable?.('b', bytes)).rejects.toThrow(/columns x, y, not the table's x, z/);
    // The same columns in another order are matched by name.
    await engine.run('CREATE TABLE c (y INTEGER, x VARCHAR)');
    await engine.importTable?.('c', bytes);
    expect(await engine.query('SELECT x, y FROM c', [], z.object({ x: z.string(), y: z.number() }))).toEqual([
      { x: '1', y: 2 },
    ]);
    await expect(engine.importTable?.('nope', bytes)).rejects.toThrow(/no table nope/);
    await expect(engine.exportTable?.('a; DROP TABLE a')).rejects.toThrow(/unsafe table name/);
    await expect(engine.importTable?.('b', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).rejects.toThrow();
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM b', [], countRow)).toEqual([{ n: 0 }]);
  });
});
