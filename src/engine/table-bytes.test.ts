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

// Only the types that cross Arrow exactly (those of the app's tables): these go back without a cast.
const EXACT = `CREATE TABLE e (
  id INTEGER NOT NULL, name VARCHAR, day DATE, flag BOOLEAN, tiny TINYINT, small SMALLINT, real FLOAT, ratio DOUBLE)`;
const EXACT_ROWS = `SELECT i::INTEGER AS id,
  CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN 'Ann "Jo", ' || i ELSE '€ ' || i || chr(10) END AS name,
  CASE WHEN i % 5 = 0 THEN NULL ELSE DATE '1900-01-01' + (i * 37)::INTEGER END AS day,
  CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END AS flag,
  (i % 200 - 100)::TINYINT AS tiny, (i % 300)::SMALLINT AS small,
  CASE WHEN i % 11 = 0 THEN NULL ELSE (i / 8)::FLOAT END AS real, i / 2 AS ratio
  FROM range(50000) r(i)`;
const EXACT_FILL = `INSERT INTO e ${EXACT_ROWS}`;
const EXACT_TEXT = 'SELECT string_agg(e::VARCHAR, chr(30) ORDER BY id) AS all_rows FROM e';
const allRows = z.object({ all_rows: z.string() });

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
    // BIGINT, DECIMAL and TIMESTAMP leave as text: the rows go back by name, each column cast.
    expect(await to.importTable?.('t', bytes as Uint8Array)).toBe('by-name');
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

  it('puts rows of the table’s own columns and types back at once, exactly, and appends', async () => {
    const from = await createNodeEngine();
    await from.run(EXACT);
    await from.run(EXACT_FILL);
    const bytes = (await from.exportTable?.('e')) as Uint8Array;
    const to = await createNodeEngine();
    await to.run(EXACT);
    expect(await to.importTable?.('e', bytes)).toBe('direct');
    expect(await to.query('DESCRIBE e', [], describeRow)).toEqual(await from.query('DESCRIBE e', [], describeRow));
    const [before] = await from.query(EXACT_TEXT, [], allRows);
    const [after] = await to.query(EXACT_TEXT, [], allRows);
    expect(after?.all_rows).toBe(before?.all_rows);
    expect(after?.all_rows).toContain('Ann "Jo", 1');
    expect(after?.all_rows).toContain('1.5'); // the DOUBLE i / 2 of i = 3, and FLOAT values, kept
    // The caller's bytes are still whole: a second import appends the same rows again.
    expect(await to.importTable?.('e', bytes)).toBe('direct');
    expect(await to.query('SELECT count(*)::INTEGER AS n FROM e', [], countRow)).toEqual([{ n: 100_000 }]);
  });

  it('writes the columns in the order asked, so rows of a table stored in place go back at once', async () => {
    const engine = await createNodeEngine();
    // The same columns as e, in another order (as ALTER TABLE leaves a table stored in place).
    await engine.run(`CREATE TABLE moved AS SELECT flag, name, id, day, tiny, small, real, ratio FROM (${EXACT_ROWS})`);
    const order = ['id', 'name', 'day', 'flag', 'tiny', 'small', 'real', 'ratio'];
    const ordered = (await engine.exportTable?.('moved', order)) as Uint8Array;
    const asItIs = (await engine.exportTable?.('moved')) as Uint8Array;
    await engine.run(EXACT);
    expect(await engine.importTable?.('e', ordered)).toBe('direct');
    // In the table's own order they do not match e's: they go by name, to the same rows.
    expect(await engine.importTable?.('e', asItIs)).toBe('by-name');
    const twice = z.object({ n: z.number() });
    expect(
      await engine.query(
        `SELECT count(*)::INTEGER AS n FROM (SELECT * FROM e EXCEPT ALL (SELECT ${order.join(', ')} FROM moved UNION ALL SELECT ${order.join(', ')} FROM moved))`,
        [],
        twice,
      ),
    ).toEqual([{ n: 0 }]);
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM e', [], countRow)).toEqual([{ n: 100_000 }]);
    await expect(engine.exportTable?.('moved', ['id', 'name'])).rejects.toThrow(/are not the columns of moved/);
    await expect(engine.exportTable?.('moved', [...order.slice(1), 'id; --'])).rejects.toThrow(/not the columns/);
  });

  it('refuses at once what the table cannot hold, and a stream cut short, appending nothing', async () => {
    const engine = await createNodeEngine();
    // The same columns and types, but NULLs where e requires a value: one statement, refused whole.
    await engine.run(EXACT.replace('CREATE TABLE e', 'CREATE TABLE loose').replace(' NOT NULL', ''));
    await engine.run(
      `INSERT INTO loose SELECT * FROM (${EXACT_ROWS}) UNION ALL SELECT NULL, 'x', NULL, NULL, NULL, NULL, NULL, NULL`,
    );
    await engine.run(EXACT);
    const loose = (await engine.exportTable?.('loose')) as Uint8Array;
    await expect(engine.importTable?.('e', loose)).rejects.toThrow(/NOT NULL/);
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM e', [], countRow)).toEqual([{ n: 0 }]);
    await engine.run('DELETE FROM loose WHERE id IS NULL');
    const whole = (await engine.exportTable?.('loose')) as Uint8Array;
    for (const cut of [whole.length - 4, Math.floor(whole.length / 2), 200]) {
      await expect(engine.importTable?.('e', whole.slice(0, cut))).rejects.toThrow(/rows of e are cut short/);
    }
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM e', [], countRow)).toEqual([{ n: 0 }]);
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

  it('puts a stream arriving in pieces of any size in, group by group, exactly as at once', async () => {
    const from = await createNodeEngine();
    await from.run(EXACT);
    await from.run(EXACT_FILL.replace('range(50000)', 'range(1000000)'));
    const bytes = (await from.exportTable?.('e')) as Uint8Array;
    expect(bytes.length, 'more than two groups of 16 MB').toBeGreaterThan(2 * 16 * 2 ** 20);
    const to = await createNodeEngine();
    await to.run(EXACT);
    expect(await to.importTableStream?.('e', piecesOf(bytes, [1, 3, 7, 8, 9, 1000, 65_536]))).toBe('direct');
    const [before] = await from.query(EXACT_TEXT, [], allRows);
    const [after] = await to.query(EXACT_TEXT, [], allRows);
    expect(after?.all_rows).toBe(before?.all_rows);
    // Another order of columns, or types that left as text: by name, once every piece is there.
    await to.run(
      'CREATE TABLE r (ratio DOUBLE, real FLOAT, small SMALLINT, tiny TINYINT, flag BOOLEAN, day DATE, name VARCHAR, id INTEGER NOT NULL)',
    );
    expect(await to.importTableStream?.('r', piecesOf(bytes, [4096]))).toBe('by-name');
    const [reordered] = await to.query(
      'SELECT string_agg((id, name, day, flag, tiny, small, real, ratio)::VARCHAR, chr(30) ORDER BY id) AS all_rows FROM r',
      [],
      allRows,
    );
    const [plain] = await to.query(
      'SELECT string_agg((id, name, day, flag, tiny, small, real, ratio)::VARCHAR, chr(30) ORDER BY id) AS all_rows FROM e',
      [],
      allRows,
    );
    expect(reordered?.all_rows).toBe(plain?.all_rows);
  });

  it('throws at the end of a stream cut short, or going on after its end, or that is not one', async () => {
    const engine = await createNodeEngine();
    await engine.run(EXACT);
    await engine.run(EXACT_FILL);
    const bytes = (await engine.exportTable?.('e')) as Uint8Array;
    await engine.run(EXACT.replace('CREATE TABLE e', 'CREATE TABLE f'));
    for (const cut of [bytes.length - 4, bytes.length - 9, Math.floor(bytes.length / 2), 5]) {
      await expect(engine.importTableStream?.('f', piecesOf(bytes.slice(0, cut), [977]))).rejects.toThrow(
        /rows of f are cut short/,
      );
    }
    const longer = new Uint8Array([...bytes, 1, 2, 3]);
    await expect(engine.importTableStream?.('f', piecesOf(longer, [977]))).rejects.toThrow(/go on after their end/);
    await expect(engine.importTableStream?.('f', piecesOf(new Uint8Array(64).fill(7), [10]))).rejects.toThrow(
      /not an Arrow stream/,
    );
  });
});

/** The bytes in pieces of the sizes given, in turn, then the last size again until the end. */
async function* piecesOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[Math.min(i, sizes.length - 1)] ?? 1;
    yield bytes.slice(at, at + size);
    at += size;
  }
}
