import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Engine } from '../../src/engine/engine';
import { createIndicatorBatcher } from '../../src/indicators/indicator-batcher';
import { DIMENSIONS, type IndicatorDefinition } from '../../src/indicators/indicator-definition';
import { type PreparedState, prepareIndicators } from '../../src/indicators/prepare-indicators';
import { FAMILIES, getIndicator, INDICATORS } from '../../src/indicators/registry';
import {
  dimensionValues,
  type Filters,
  type IndicatorQuery,
  type IndicatorResult,
  indicatorBatchSql,
  runIndicator,
  runIndicators,
} from '../../src/indicators/run-indicator';
import { CP_ANNEX_A_FILES, CP_VISITS } from '../support/child-protection-fixtures';
import { createTestSession } from '../support/load-csv';

// A page asks for all its indicators at once (runIndicators, gathered by the batcher): one statement per
// area instead of one per indicator. Every result must be exactly what the indicator gives alone.

let engine: Engine;
let prepared: PreparedState;
const statements: string[] = [];

beforeAll(async () => {
  const t = await createTestSession();
  const samples = readdirSync('sample-data').filter((name) => name.endsWith('.csv'));
  // The child protection lists' hand-made fixtures, for each list the sample data does not have yet.
  const fixtures = Object.entries({ ...CP_ANNEX_A_FILES, 'cp_visits.csv': CP_VISITS })
    .filter(([name]) => !samples.includes(name))
    .map(([name, lines]) => ({ name, blob: new Blob([lines.join('\n')]) }));
  await t.loadFiles([
    ...samples.map((name) => ({ name, blob: new Blob([readFileSync(`sample-data/${name}`)]) })),
    ...fixtures,
  ]);
  prepared = await prepareIndicators(t.engine);
  // The same engine, counting the queries asked of it.
  engine = {
    ...t.engine,
    query: (sql, params, schema, options) => {
      statements.push(sql);
      return t.engine.query(sql, params, schema, options);
    },
  };
}, 120_000);

const ok = (result: IndicatorResult | Error | undefined) => {
  if (!result || result instanceof Error || result.status !== 'ok') throw new Error(`not computed: ${result}`);
  return result;
};

async function filtersToTry(): Promise<Filters[]> {
  const values = await dimensionValues(engine, 'early_help', ['agency', 'locality', 'gender']);
  const agencies = values.agency ?? [];
  const localities = values.locality ?? [];
  const genders = values.gender ?? [];
  return [
    {},
    { agency: agencies.slice(0, 2) },
    { locality: [localities[0] ?? ''], gender: [genders[0] ?? ''] },
    { agency: [agencies[1] ?? ''], locality: localities.slice(1, 3), gender: [genders[1] ?? ''] },
  ];
}

describe('indicators run together', () => {
  it('give every indicator exactly its own result, for every area, period and filter', async () => {
    let compared = 0;
    for (const filters of await filtersToTry()) {
      for (const granularity of ['month', 'quarter', 'year'] as const) {
        const query: IndicatorQuery = { granularity, filters };
        const together = await runIndicators(engine, prepared, INDICATORS, query);
        for (const [i, indicator] of INDICATORS.entries()) {
          const alone = await runIndicator(engine, prepared, indicator, query);
          expect(together[i], `${indicator.id} ${granularity} ${JSON.stringify(filters)}`).toEqual(alone);
          if (alone.status === 'ok') compared += alone.points.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
  }, 240_000);

  it('ask one statement per area, however many indicators', async () => {
    statements.length = 0;
    const results = await runIndicators(engine, prepared, INDICATORS, { granularity: 'quarter' });
    const computed = new Set(results.map((r) => ok(r).indicator.family));
    expect(computed.size).toBe(FAMILIES.length);
    expect(statements.filter((s) => s.includes('UNION ALL')).length).toBe(FAMILIES.length);
    expect(statements.length).toBe(FAMILIES.length);
  });

  it('filtered on several dimensions, scan each summary table once for all of them', async () => {
    const early = INDICATORS.filter((i) => i.family === 'early_help');
    const sql = indicatorBatchSql(early, null);
    const params = [
      'month|2024-01-01|2024-03-31',
      '2024-03-31',
      'LA_EARLY_HELP',
      'North',
      ...DIMENSIONS.slice(2).map(() => ''),
    ];
    const [plan] = await engine.query(`EXPLAIN (FORMAT json) ${sql}`, params, z.object({ explain_value: z.string() }));
    const scans = (plan?.explain_value.match(/"Table": "(memory\.main\.)?pi_eh_flow"/g) ?? []).length;
    const readers = early.filter((i) => i.reads.includes('pi_eh_flow')).length;
    expect(readers).toBeGreaterThan(2);
    expect(scans).toBe(1);
  });

  it('keep a failing indicator’s error to itself', async () => {
    const broken: IndicatorDefinition = { ...getIndicator('EH1'), id: 'EH_BROKEN', sql: 'SELECT no_such_column' };
    const family = INDICATORS.filter((i) => i.family === 'early_help');
    const results = await runIndicators(engine, prepared, [broken, ...family], { granularity: 'quarter' });
    expect(results[0]).toBeInstanceOf(Error);
    expect(String(results[0])).toMatch(/no_such_column/);
    for (const [i, indicator] of family.entries()) {
      expect(results[i + 1], indicator.id).toEqual(
        await runIndicator(engine, prepared, indicator, { granularity: 'quarter' }),
      );
    }
    await expect(runIndicator(engine, prepared, broken, { granularity: 'quarter' })).rejects.toThrow(/no_such_column/);
  });
});

describe('the batcher', () => {
  it('gathers what is asked at the same moment, per query, and answers each caller', async () => {
    const batched = createIndicatorBatcher();
    const early = INDICATORS.filter((i) => i.family === 'early_help');
    // Every early help indicator can be filtered by locality (EH8 has no agency), so two queries: two statements.
    const byLocality: IndicatorQuery = { granularity: 'month', filters: { locality: ['Westmoor'] } };
    expect(early.every((i) => i.breakdowns.includes('locality'))).toBe(true);
    statements.length = 0;
    const [plain, filtered] = await Promise.all([
      Promise.all(early.map((i) => batched(engine, prepared, i, { granularity: 'month' }))),
      Promise.all(early.map((i) => batched(engine, prepared, i, byLocality))),
    ]);
    expect(statements.length).toBe(2);
    for (const [i, indicator] of early.entries()) {
      expect(plain[i]).toEqual(await runIndicator(engine, prepared, indicator, { granularity: 'month' }));
      expect(filtered[i]).toEqual(await runIndicator(engine, prepared, indicator, byLocality));
    }
    expect(ok(filtered[0]).points).not.toEqual(ok(plain[0]).points);
  });

  it('rejects only the caller whose indicator failed', async () => {
    const batched = createIndicatorBatcher();
    const broken: IndicatorDefinition = { ...getIndicator('EH2'), id: 'EH_BROKEN', sql: 'SELECT no_such_column' };
    const [bad, good] = await Promise.allSettled([
      batched(engine, prepared, broken, { granularity: 'year' }),
      batched(engine, prepared, getIndicator('EH1'), { granularity: 'year' }),
    ]);
    expect(bad.status).toBe('rejected');
    expect(good.status === 'fulfilled' && good.value.status).toBe('ok');
  });
});
