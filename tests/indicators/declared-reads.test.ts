import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  rollupGrains,
  rollupName,
  setReportDateSql,
  stageSteps,
  stepSql,
} from '../../src/indicators/family-definition';
import { DIMENSIONS } from '../../src/indicators/indicator-definition';
import { prepareIndicators } from '../../src/indicators/prepare-indicators';
import { ALL_PROFILES } from '../../src/indicators/profiles';
import { FAMILIES, getFamily, INDICATORS } from '../../src/indicators/registry';
import { eventDatesQuerySql } from '../../src/indicators/run-event-dates';
import { indicatorQuerySql, profileQuerySql } from '../../src/indicators/run-indicator';
import { CP_ANNEX_A_FILES, CP_VISITS } from '../support/child-protection-fixtures';
import { createTestSession } from '../support/load-csv';

// Definitions declare what they read (issue 12): the runner trusts `reads` to know which stage an
// indicator waits for and which roll-up answers a filter. Here DuckDB's own plan (EXPLAIN, as JSON)
// says which tables each statement really scans, and it must be exactly what the definition declares.

/** Always there, never declared: the periods being reported. */
const ALWAYS = new Set(['pi_periods', 'pi_period_months']);
const explainRow = z.object({ explain_key: z.string(), explain_value: z.string() });

interface PlanNode {
  extra_info?: Record<string, unknown>;
  children?: PlanNode[];
}

function scanned(nodes: PlanNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    // duckdb-wasm names the table; native DuckDB 1.5 qualifies it (memory.main.pi_eh_flow).
    const qualified = node.extra_info?.Table;
    const table = typeof qualified === 'string' ? qualified.split('.').at(-1) : undefined;
    if (table !== undefined && !ALWAYS.has(table)) into.add(table);
    scanned(node.children ?? [], into);
  }
  return into;
}

let t: Awaited<ReturnType<typeof createTestSession>>;
async function tablesRead(sql: string, params: readonly (string | null)[]): Promise<string[]> {
  const [row] = await t.engine.query(`EXPLAIN (FORMAT json) ${sql}`, params, explainRow);
  return [...scanned(JSON.parse(row?.explain_value ?? '[]') as PlanNode[])].sort();
}

const QUERY_PARAMS = ['month|2024-01-01|2024-03-31', '2024-03-31', ...DIMENSIONS.map(() => '')];
const sorted = (list: readonly string[]) => [...list].sort();

beforeAll(async () => {
  // The sample data, so no table is empty (DuckDB plans no scan of a table it knows to be empty).
  t = await createTestSession();
  const samples = readdirSync('sample-data').filter((name) => name.endsWith('.csv'));
  // The child protection lists' hand-made fixtures, for each list the sample data does not have yet.
  const fixtures = Object.entries({ ...CP_ANNEX_A_FILES, 'cp_visits.csv': CP_VISITS })
    .filter(([name]) => !samples.includes(name))
    .map(([name, lines]) => ({ name, blob: new Blob([lines.join('\n')]) }));
  await t.loadFiles([
    ...samples.map((name) => ({ name, blob: new Blob([readFileSync(`sample-data/${name}`)]) })),
    ...fixtures,
  ]);
  await prepareIndicators(t.engine);
}, 120_000);

describe('what each definition declares it reads is what DuckDB scans', () => {
  for (const indicator of INDICATORS) {
    it(`${indicator.id}`, async () => {
      expect(await tablesRead(indicatorQuerySql(indicator), QUERY_PARAMS)).toEqual(sorted(indicator.reads));
    });
  }
  for (const indicator of INDICATORS.filter((i) => i.rareEvents)) {
    it(`${indicator.id}'s dated events`, async () => {
      expect(await tablesRead(eventDatesQuerySql(indicator), QUERY_PARAMS)).toEqual(
        sorted(indicator.rareEvents?.reads ?? []),
      );
    });
  }
  for (const profile of ALL_PROFILES) {
    it(`profile ${profile.id}`, async () => {
      expect(await tablesRead(profileQuerySql(profile), QUERY_PARAMS)).toEqual(sorted(profile.reads));
    });
  }

  it('filtered by one dimension, an indicator reads the roll-ups of its summary tables instead', async () => {
    let checked = 0;
    for (const family of FAMILIES) {
      for (const grain of rollupGrains(family)) {
        for (const indicator of family.indicators.filter(
          (i) => grain === 'all' || i.breakdowns.includes(grain as never),
        )) {
          const rolled = new Set((family.rollups ?? []).map((r) => r.table));
          const expected = indicator.reads.map((table) => (rolled.has(table) ? rollupName(table, grain) : table));
          expect(
            await tablesRead(indicatorQuerySql(indicator, grain), QUERY_PARAMS),
            `${indicator.id} ${grain}`,
          ).toEqual(sorted(expected));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  for (const family of FAMILIES) {
    it(`the prepared tables of ${getFamily(family.id).title}: what they read, and whether they read the report date`, async () => {
      /** DuckDB's plan of a step's SELECT with the area's report date set to `date`. */
      const planWith = async (select: string, date: string) => {
        await t.engine.run(setReportDateSql(family.id), [date]);
        const [row] = await t.engine.query(`EXPLAIN (FORMAT json) ${select}`, [], explainRow);
        return row?.explain_value ?? '';
      };
      // Built again in order, each step planned just before it runs (a scratch table exists only
      // between the step that makes it and the one that drops it).
      const steps = stageSteps(family);
      for (const step of [...steps.first, ...steps.full, ...steps.later]) {
        if ('drop' in step) {
          await t.engine.run(stepSql(step));
          continue;
        }
        // DuckDB reads the report date as it plans a statement, so a step that reads it is planned
        // differently for two dates and one that does not is not: the declaration is right both ways.
        const differs = (await planWith(step.select, '2023-01-31')) !== (await planWith(step.select, '2024-03-31'));
        expect(differs, `${step.table} reads the report date`).toBe(step.reportDate);
        expect(await tablesRead(step.select, []), step.table).toEqual(sorted(step.reads));
        await t.engine.run(stepSql(step));
      }
    });
  }
});
