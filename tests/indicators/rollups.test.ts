import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateEarlyHelpLines } from '../../sample-data/early-help-generator.mjs';
import { orderDimensionValues } from '../../src/indicators/dimension-values';
import { rollupName, rollupSql } from '../../src/indicators/family-definition';
import { DIMENSIONS, type Dimension } from '../../src/indicators/indicator-definition';
import { getFamily } from '../../src/indicators/registry';
import { dimensionValues, indicatorQuerySql } from '../../src/indicators/run-indicator';
import { createIndicatorSession } from '../support/indicator-session';
import { watchStatements } from '../support/watched-engine';

// The roll-up tables (one per dimension, and one with none) must give exactly what the full summary
// gives. Checked on a generated extract of about 20,000 episodes, for every early help indicator,
// with no filter and with two values of every dimension.
const row = z.object({
  period_start: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
});

describe('early help roll-ups', () => {
  let t: Awaited<ReturnType<typeof createIndicatorSession>>;
  beforeAll(async () => {
    t = await createIndicatorSession({ 'eh.csv': [...generateEarlyHelpLines({ seed: 11, startsPerMonth: 380 })] });
  }, 120_000);

  it('give the same figures as the full summary for every filter on one dimension', async () => {
    const family = getFamily('early_help');
    const filters: Partial<Record<Dimension, string[]>>[] = [{}];
    for (const dimension of ['agency', 'locality', 'age_band', 'gender', 'ethnicity'] as const) {
      const values = (await dimensionValues(t.engine, 'early_help', [dimension]))[dimension] ?? [];
      expect(values.length, dimension).toBeGreaterThan(1);
      filters.push({ [dimension]: [values[0]] }, { [dimension]: values.slice(1, 3) });
    }
    let compared = 0;
    for (const granularity of ['month', 'quarter', 'rolling_12'] as const) {
      for (const filter of filters) {
        for (const indicator of family.indicators) {
          const viaRollup = await t.run(indicator.id, { granularity, filters: filter });
          if (viaRollup.status !== 'ok') throw new Error('not computed');
          if (viaRollup.ignoredFilters.length > 0) continue;
          const key = `${viaRollup.granularity}|${t.prepared.families.early_help.first}|${viaRollup.reportDate}`;
          const params = DIMENSIONS.map((d) => (filter[d] ?? []).join('\u001f'));
          const full = await t.engine.query(
            indicatorQuerySql(indicator, null),
            [key, viaRollup.reportDate, ...params],
            row,
          );
          expect(
            viaRollup.points.map((p) => [p.numerator, p.denominator, p.value]),
            `${indicator.id} ${granularity} ${JSON.stringify(filter)}`,
          ).toEqual(full.map((r) => [r.numerator, r.denominator, r.value]));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(250);
  }, 300_000);

  it('the roll-up with no dimension, built from the episodes in the first stage, is the full summary summed', async () => {
    const rollup = getFamily('early_help').rollups?.find((r) => r.early);
    if (!rollup) throw new Error('no early roll-up');
    expect(rollup.table).toBe('pi_eh_flow');
    const summed = rollupSql(rollup, 'all', DIMENSIONS).replace(/^CREATE OR REPLACE TABLE \S+ AS\n/, '');
    const early = `FROM ${rollupName(rollup.table, 'all')}`;
    // Column by column, in order (EXCEPT ALL compares by position), and every row as often.
    const [counts] = await t.engine.query(
      `SELECT (SELECT count(*) FROM (${early})) AS n,
         (SELECT count(*) FROM (${summed} EXCEPT ALL ${early})) AS missing,
         (SELECT count(*) FROM (${early} EXCEPT ALL ${summed})) AS extra`,
      [],
      z.object({ n: z.number(), missing: z.number(), extra: z.number() }),
    );
    expect(counts).toEqual({ n: expect.any(Number), missing: 0, extra: 0 });
    expect(counts?.n).toBeGreaterThan(200);
    const columns = await t.engine.query(
      `SELECT column_name AS c, data_type AS t FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index`,
      [rollupName(rollup.table, 'all')],
      z.object({ c: z.string(), t: z.string() }),
    );
    expect(columns.map((c) => c.c)).toEqual([...rollup.keys, ...DIMENSIONS, ...rollup.measures]);
    expect(columns.filter((c) => rollup.measures.includes(c.c)).map((c) => c.t)).toEqual(
      rollup.measures.map(() => 'INTEGER'),
    );
  });

  it('list the values of each dimension from its roll-up, the same as the full summary, in one statement', async () => {
    const statements: string[] = [];
    const watched = watchStatements(t.engine, (sql) => {
      statements.push(sql);
    });
    const dimensions = ['agency', 'locality', 'age_band', 'gender', 'ethnicity'] as const;
    const values = await dimensionValues(watched, 'early_help', dimensions);
    expect(statements).toHaveLength(1);
    for (const d of dimensions) {
      expect(statements[0]).toContain(`FROM pi_eh_flow__${d} `);
      const full = await t.engine.query(
        `SELECT DISTINCT ${d} AS v FROM pi_eh_flow WHERE ${d} IS NOT NULL ORDER BY 1`,
        [],
        z.object({ v: z.string() }),
      );
      expect(full.length, d).toBeGreaterThan(1);
      // The same values, listed as people read them (age bands youngest first, agencies by their words).
      expect(values[d], d).toEqual(
        orderDimensionValues(
          d,
          full.map((r) => r.v),
        ),
      );
    }
  });

  it('a filter on two dimensions uses the full summary and agrees with the two filters in turn', async () => {
    const both = await t.run('EH1', { granularity: 'year', filters: { locality: ['Northfield'], gender: ['FEMALE'] } });
    const one = await t.run('EH1', { granularity: 'year', filters: { locality: ['Northfield'] } });
    expect(both.status === 'ok' && one.status === 'ok').toBe(true);
    if (both.status !== 'ok' || one.status !== 'ok') return;
    const total = both.points.reduce((a, p) => a + (p.value ?? 0), 0);
    const partial = one.points.reduce((a, p) => a + (p.value ?? 0), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(partial);
  });
});
