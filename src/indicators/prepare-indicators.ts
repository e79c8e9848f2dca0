import { z } from 'zod';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { type PrepareStep, rollupGrains, rollupSql, stepSql, tablesBuilt } from './family-definition';
import { DIMENSIONS, type IndicatorFamily } from './indicator-definition';
import { FAMILIES } from './registry';
import { DEFAULT_SETTINGS, type IndicatorSettings } from './settings';
import { buildCalendar } from './working-days';

/** What the indicators were prepared for: per area, the span of its data and the report date in use. */
export interface PreparedState {
  settings: IndicatorSettings;
  families: Record<IndicatorFamily, { first: string | null; last: string | null; reportDate: string | null }>;
  /** Rows loaded per dataset id. */
  datasetRows: Record<string, number>;
  /** False until the second-stage tables are built (see prepareIndicators). */
  complete: boolean;
}

const MACROS = [
  // A dimension value for breakdowns: blank becomes "Not recorded" so it can be chosen like any other.
  // (Loaded values are already trimmed by the ingest.)
  `CREATE OR REPLACE MACRO pi_dim(x) AS coalesce(nullif(x, ''), 'Not recorded')`,
  // Children in need census age groups.
  `CREATE OR REPLACE MACRO pi_age_band(age) AS CASE
     WHEN age IS NULL THEN 'Not recorded'
     WHEN age < 1 THEN 'Under 1'
     WHEN age <= 4 THEN '1 to 4'
     WHEN age <= 9 THEN '5 to 9'
     WHEN age <= 15 THEN '10 to 15'
     ELSE '16 and over' END`,
  `CREATE TABLE IF NOT EXISTS pi_periods (
     period_key VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL, effective_end DATE NOT NULL)`,
  // Each period's months (12 for a rolling year), so events find their periods by an equality join.
  // Written with the periods (run-indicator.ts); a table, not a view over pi_periods, because an
  // indicator reads it once or twice per statement: the view's unnest cost 0.7 ms a read (EH1 alone
  // 4.5 → 3.8 ms, the nine early help indicators 36 → 34 ms, duckdb-wasm, medians of 21).
  `CREATE TABLE IF NOT EXISTS pi_period_months (
     period_key VARCHAR NOT NULL, month DATE NOT NULL, period_start DATE NOT NULL, effective_end DATE NOT NULL)`,
];

const rangeRow = z.object({ first: z.string().nullable(), last: z.string().nullable() });

/** A date before any data: prepared tables built with it are empty. */
const NO_DATA_DATE = '1900-01-01';

/** The tables each family builds in its second stage. */
const SECOND_STAGE = new Set(FAMILIES.flatMap((f) => tablesBuilt(f.prepareLater ?? [])));

/** Whether an indicator (or profile) reads a table built in the second, slower stage (as it declares). */
export function needsSecondStage(item: { reads: readonly string[] }): boolean {
  return item.reads.some((table) => SECOND_STAGE.has(table));
}

async function runSteps(engine: Engine, steps: readonly PrepareStep[], reportDate: string | null, background = false) {
  for (const step of steps) {
    // Background work lets the queries a user is waiting for go first.
    const params = 'reportDate' in step && step.reportDate ? [reportDate ?? NO_DATA_DATE] : [];
    await engine.run(stepSql(step), params, { background });
  }
}

async function buildRollups(engine: Engine, family: (typeof FAMILIES)[number], tables: readonly string[]) {
  for (const rollup of family.rollups ?? []) {
    if (!tables.includes(rollup.table)) continue;
    // A table's roll-ups in one round trip (statements without parameters).
    await engine.run(
      rollupGrains(family)
        .map((grain) => rollupSql(rollup, grain, DIMENSIONS))
        .join(';\n'),
    );
  }
}

/** Every dataset's row count, in one statement. */
async function countRows(engine: Engine): Promise<Record<string, number>> {
  const [row] = await engine.query(
    `SELECT ${DATASETS.map((d) => `(SELECT count(*) FROM ${d.id})::INTEGER AS ${d.id}`).join(', ')}`,
    [],
    z.record(z.string(), z.number()),
  );
  return Object.fromEntries(DATASETS.map((d) => [d.id, row?.[d.id] ?? 0]));
}

/** Each area's first and last event date (family order), in one statement. */
async function familyDateRanges(engine: Engine) {
  const ranges = FAMILIES.map(
    (family, i) =>
      `SELECT ${i} AS i, strftime(first, '%Y-%m-%d') AS first, strftime(last, '%Y-%m-%d') AS last FROM (${family.dateRangeSql})`,
  );
  const rows = await engine.query(
    `${ranges.join('\nUNION ALL\n')}\nORDER BY i`,
    [],
    rangeRow.extend({ i: z.number() }),
  );
  return FAMILIES.map((_, i) => rows.find((r) => r.i === i) ?? { first: null, last: null });
}

/**
 * Builds the calendar, the settings row and every area's prepared tables. Run after each load and each
 * settings change; indicators then read only the prepared tables. With `stage: 'first'` the slower
 * tables (e.g. the early help re-referral cohort) are left for `prepareSecondStage`, so the first
 * charts can be drawn sooner.
 */
export async function prepareIndicators(
  engine: Engine,
  settings: IndicatorSettings = DEFAULT_SETTINGS,
  options: { stage: 'first' | 'all' } = { stage: 'all' },
): Promise<PreparedState> {
  await engine.run(MACROS.join(';\n'));
  await buildCalendar(engine, settings.closureDays);
  await engine.run(
    `CREATE OR REPLACE TABLE pi_settings AS SELECT
       ?::INTEGER AS eh_start_standard_working_days, ?::INTEGER AS eh_rereferral_days,
       ?::INTEGER AS tr_coverage_months, ?::INTEGER AS tr_follow_up_min_days, ?::INTEGER AS tr_follow_up_event_age_days,
       ?::INTEGER AS pr_notification_working_days, ?::INTEGER AS pr_rapid_review_working_days, ?::INTEGER AS pr_lcspr_months`,
    [
      settings.ehStartStandardWorkingDays,
      settings.ehReReferralDays,
      settings.trCoverageMonths,
      settings.trFollowUpMinDays,
      settings.trFollowUpEventAgeDays,
      settings.prNotificationWorkingDays,
      settings.prRapidReviewWorkingDays,
      settings.prLcsprMonths,
    ],
  );
  const datasetRows = await countRows(engine);
  const ranges = await familyDateRanges(engine);
  const families = {} as PreparedState['families'];
  for (const [i, family] of FAMILIES.entries()) {
    const { first, last } = ranges[i] ?? { first: null, last: null };
    const reportDate = last === null ? null : (settings.reportDate ?? last);
    await runSteps(engine, family.prepare, reportDate);
    await buildRollups(engine, family, tablesBuilt(family.prepare));
    families[family.id] = { first, last, reportDate };
  }
  const state: PreparedState = { settings, families, datasetRows, complete: false };
  return options.stage === 'all' ? prepareSecondStage(engine, state) : state;
}

/** Builds the tables left by `prepareIndicators(…, { stage: 'first' })`. */
export async function prepareSecondStage(engine: Engine, state: PreparedState): Promise<PreparedState> {
  for (const family of FAMILIES) {
    const later = family.prepareLater ?? [];
    await runSteps(engine, later, state.families[family.id].reportDate, true);
    await buildRollups(engine, family, tablesBuilt(later));
  }
  return { ...state, complete: true };
}
