import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Engine } from '../../src/engine/engine';
import { type PreparedState, prepareIndicators } from '../../src/indicators/prepare-indicators';
import { getIndicator } from '../../src/indicators/registry';
import { type IndicatorResult, runIndicator } from '../../src/indicators/run-indicator';
import { createTestSession } from '../support/load-csv';
import { watchStatements } from '../support/watched-engine';

// Each run writes its periods to pi_periods once per period key, and their months to pi_period_months
// right after. Keys asked for at the same moment (a page's cards, the Overview's areas) are
// written in one statement whatever the number of keys and periods. A key names its periods exactly, so
// a key that is already there (written through another engine object on the same database, as the
// warm-up does) is left as it is: never written twice.

let engine: Engine;
let prepared: PreparedState;

beforeAll(async () => {
  const t = await createTestSession();
  await t.loadFiles([
    { name: 'early_help_episodes.csv', blob: new Blob([readFileSync('sample-data/early_help_episodes.csv')]) },
  ]);
  engine = t.engine;
  prepared = await prepareIndicators(engine);
}, 120_000);

const count = z.object({ key: z.string(), periods: z.number(), months: z.number(), distinct_months: z.number() });

async function periodTables() {
  return engine.query(
    `SELECT p.period_key AS key, count(*)::INTEGER AS periods,
       (SELECT count(*) FROM pi_period_months m WHERE m.period_key = p.period_key)::INTEGER AS months,
       (SELECT count(DISTINCT (m.period_key, m.month)) FROM pi_period_months m WHERE m.period_key = p.period_key)::INTEGER
         AS distinct_months
     FROM pi_periods p GROUP BY p.period_key ORDER BY p.period_key`,
    [],
    count,
  );
}

const points = (result: IndicatorResult) => (result.status === 'ok' ? result.points : []);

describe('period tables', () => {
  it('hold each period once, with one row per month of it, however often and through whichever engine object they are asked for', async () => {
    const eh1 = getIndicator('EH1');
    if (!eh1) throw new Error('EH1 missing');
    const query = { granularity: 'quarter' as const, from: '2023-04-01', to: '2024-03-31' };
    const first = await runIndicator(engine, prepared, eh1, query);
    // A new engine object on the same database: its own memory of written keys is empty.
    const other: Engine = { ...engine };
    const again = await runIndicator(other, prepared, eh1, query);
    expect(points(again)).toEqual(points(first));
    const tables = await periodTables();
    const key = tables.find((t) => t.key === 'quarter|2023-04-01|2024-03-31');
    // Four quarters of three months, written once.
    expect(key).toEqual({ key: 'quarter|2023-04-01|2024-03-31', periods: 4, months: 12, distinct_months: 12 });
    expect(points(first).map((p) => p.periodStart)).toEqual(['2023-04-01', '2023-07-01', '2023-10-01', '2024-01-01']);
    for (const t of tables) expect(t.months).toBe(t.distinct_months);
  });

  it('writes a run of months as long as a long report asks for (no limit on the number of periods)', async () => {
    const eh1 = getIndicator('EH1');
    if (!eh1) throw new Error('EH1 missing');
    const result = await runIndicator(engine, prepared, eh1, {
      granularity: 'month',
      from: '2022-04-01',
      to: '2026-03-31',
    });
    expect(points(result)).toHaveLength(48);
    const key = (await periodTables()).find((t) => t.key === 'month|2022-04-01|2026-03-31');
    expect(key).toMatchObject({ periods: 48, months: 48 });
  });

  it('writes the keys asked for at the same moment in one statement, and their months in one more', async () => {
    const eh1 = getIndicator('EH1');
    if (!eh1) throw new Error('EH1 missing');
    const writes: string[] = [];
    const monthWrites: string[] = [];
    // A new engine object (its own memory of written keys) that counts the period and month writes.
    const counting = watchStatements(engine, (sql) => {
      if (sql.includes('INSERT INTO pi_periods')) writes.push(sql);
      if (sql.includes('INSERT INTO pi_period_months')) monthWrites.push(sql);
    });
    const asks = [
      { granularity: 'month' as const, from: '2023-01-01', to: '2023-06-30' },
      { granularity: 'quarter' as const, from: '2022-04-01', to: '2023-03-31' },
      { granularity: 'year' as const, from: '2022-04-01', to: '2024-03-31' },
    ];
    const results = await Promise.all(asks.map((query) => runIndicator(counting, prepared, eh1, query)));
    expect(writes).toHaveLength(1);
    expect(monthWrites).toHaveLength(1);
    expect(results.map((r) => points(r).length)).toEqual([6, 4, 2]);
    const tables = await periodTables();
    expect(tables.find((t) => t.key === 'month|2023-01-01|2023-06-30')).toMatchObject({ periods: 6, months: 6 });
    expect(tables.find((t) => t.key === 'quarter|2022-04-01|2023-03-31')).toMatchObject({ periods: 4, months: 12 });
    // Asked again: already written, so no statement at all.
    await runIndicator(counting, prepared, eh1, asks[0] as (typeof asks)[number]);
    expect(writes).toHaveLength(1);
    expect(monthWrites).toHaveLength(1);
  });
});
