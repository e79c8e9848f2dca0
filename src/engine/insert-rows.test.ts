import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { watchStatements } from '../../tests/support/watched-engine';
import { insertRows, VALUES_PER_INSERT } from './insert-rows';
import { createNodeEngine } from './node-engine';

describe('insertRows', () => {
  it('inserts every row, values bound as they are, in statements of up to VALUES_PER_INSERT values', async () => {
    const inner = await createNodeEngine();
    const statements: string[] = [];
    const engine = watchStatements(inner, (sql) => {
      statements.push(sql);
    });
    await inner.run('CREATE TEMP TABLE t (i INTEGER, s VARCHAR, d DATE)');
    const perInsert = Math.floor(VALUES_PER_INSERT / 3);
    const rows = Array.from({ length: 2 * perInsert + 1 }, (_, i) => [
      i,
      i % 2 === 0 ? `it's "${i}"; DROP TABLE t` : null,
      `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    ]);
    await insertRows(engine, 't', rows, '(?, ?, ?::DATE)');
    expect(statements).toHaveLength(3);
    const back = await inner.query(
      "SELECT i, s, strftime(d, '%Y-%m-%d') AS d FROM t ORDER BY i",
      [],
      z.object({ i: z.number(), s: z.string().nullable(), d: z.string() }),
    );
    expect(back.map((r) => [r.i, r.s, r.d])).toEqual(rows);
  });

  it('writes nothing for no rows, and refuses a table name that is not a plain identifier', async () => {
    const engine = await createNodeEngine();
    await expect(insertRows(engine, 'missing_table', [])).resolves.toBeUndefined();
    await expect(insertRows(engine, 't; DROP TABLE x', [[1]])).rejects.toThrow(/unsafe table name/);
  });
});
