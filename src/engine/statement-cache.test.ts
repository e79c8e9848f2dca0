import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createNodeEngine } from './node-engine';

describe('prepared statements kept between queries', () => {
  it('see tables rebuilt after they were first prepared', async () => {
    const engine = await createNodeEngine();
    const row = z.object({ n: z.number() });
    await engine.run('CREATE TABLE t AS SELECT 1 AS x');
    expect(await engine.query('SELECT sum(x)::INTEGER AS n FROM t WHERE x > ?', [0], row)).toEqual([{ n: 1 }]);
    await engine.run('CREATE OR REPLACE TABLE t AS SELECT range AS x FROM range(5)');
    expect(await engine.query('SELECT sum(x)::INTEGER AS n FROM t WHERE x > ?', [0], row)).toEqual([{ n: 10 }]);
    await engine.run('CREATE OR REPLACE TABLE t AS SELECT range::VARCHAR AS x, 1 AS y FROM range(3)');
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM t WHERE x > ?', ['0'], row)).toEqual([{ n: 2 }]);
    expect(await engine.query('SELECT sum(x::INTEGER)::INTEGER AS n FROM t WHERE x > ?', ['0'], row)).toEqual([
      { n: 3 },
    ]);
  });

  it('with new values bound each time', async () => {
    const engine = await createNodeEngine();
    const row = z.object({ v: z.string() });
    for (const value of ['a', 'b', 'c']) {
      expect(await engine.query('SELECT ?::VARCHAR AS v', [value], row)).toEqual([{ v: value }]);
    }
  });
});
