import { z } from 'zod';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { SUMMARY_STORE } from '../engine/session-settings';
import { ContentHash } from '../shared/content-hash';
import { BANK_HOLIDAYS_ENGLAND_WALES } from './bank-holidays';
import { AGE_BANDS } from './dimension-values';
import {
  type IndicatorFamilyDefinition,
  type PrepareStage,
  type PrepareStep,
  REPORT_DATE_MACRO,
  rolledUpTables,
  rollupGrainsBuilt,
  rollupName,
  rollupSql,
  setReportDateSql,
  stageSteps,
  stepSql,
  tablesBuilt,
  tablesReadAt,
} from './family-definition';
import { DIMENSIONS, type IndicatorFamily, NOT_MAPPED, NOT_RECORDED } from './indicator-definition';
import { FAMILIES, getFamily } from './registry';
import { DEFAULT_SETTINGS, type IndicatorSettings, indicatorSettingsSchema } from './settings';
import { buildCalendar } from './working-days';

/** What the indicators were prepared for: per area, the span of its data and the report date in use. */
export interface PreparedState {
  settings: IndicatorSettings;
  families: Record<IndicatorFamily, { first: string | null; last: string | null; reportDate: string | null }>;
  /** Rows loaded per dataset id. */
  datasetRows: Record<string, number>;
  /**
   * The last stage built (see prepareIndicators): 'first' (a page with no filter), 'full' (the full
   * summary tables: filters, filter lists, breakdowns), 'later' (every table: the state is complete).
   */
  stage: PrepareStage;
  /**
   * Tables of a preparation restored from kept data that are still to be put back (the full summaries,
   * which no page without filters reads): what reads none of them can be computed already.
   */
  deferred?: readonly string[];
}

const MACROS = [
  // A dimension value for breakdowns: blank becomes "Not recorded" so it can be chosen like any other.
  // (Loaded values are already trimmed by the ingest.)
  `CREATE OR REPLACE MACRO pi_dim(x) AS coalesce(nullif(x, ''), '${NOT_RECORDED}')`,
  // The same for a coded column (its canonical value x, its text as written raw): a value written but not
  // (yet) mapped to the standard list is "Not mapped yet", never "Not recorded".
  `CREATE OR REPLACE MACRO pi_dim_code(x, raw) AS
     CASE WHEN x IS NOT NULL THEN x WHEN nullif(raw, '') IS NOT NULL THEN '${NOT_MAPPED}' ELSE '${NOT_RECORDED}' END`,
  // Children in need census age groups.
  `CREATE OR REPLACE MACRO pi_age_band(age) AS CASE
     WHEN age IS NULL THEN '${NOT_RECORDED}'
     WHEN age < 1 THEN '${AGE_BANDS[0]}'
     WHEN age <= 4 THEN '${AGE_BANDS[1]}'
     WHEN age <= 9 THEN '${AGE_BANDS[2]}'
     WHEN age <= 15 THEN '${AGE_BANDS[3]}'
     ELSE '${AGE_BANDS[4]}' END`,
  // An area's report date in its prepared tables (reportDateSql).
  REPORT_DATE_MACRO,
  `CREATE TABLE IF NOT EXISTS pi_periods (
     period_key VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL, effective_end DATE NOT NULL)`,
  // Each period's months (12 for a rolling year), so events find their periods by an equality join.
  // Written with the periods (run-indicator.ts); a table, not a view over pi_periods, because an
  // indicator reads it once or twice per statement, and a view would redo its unnest on every read.
  `CREATE TABLE IF NOT EXISTS pi_period_months (
     period_key VARCHAR NOT NULL, month DATE NOT NULL, period_start DATE NOT NULL, effective_end DATE NOT NULL)`,
];

const rangeRow = z.object({ first: z.string().nullable(), last: z.string().nullable() });

/** A date before any data: prepared tables built with it are empty. */
const NO_DATA_DATE = '1900-01-01';

const STAGES: readonly PrepareStage[] = ['first', 'full', 'later'];

/** Each prepared table (roll-ups included) and the stage that builds it, from the stages' steps. */
const STAGE_OF = new Map<string, PrepareStage>(
  FAMILIES.flatMap((family) => {
    const steps = stageSteps(family);
    return STAGES.flatMap((stage) =>
      tablesBuilt(steps[stage]).flatMap((table): [string, PrepareStage][] => {
        const rollup = family.rollups?.find((r) => r.table === table);
        const grains = rollup ? rollupGrainsBuilt(family, rollup) : [];
        return [[table, stage], ...grains.map((grain): [string, PrepareStage] => [rollupName(table, grain), stage])];
      }),
    );
  }),
);

/** The stage after which every one of some tables exists ('first' for tables not prepared: the data). */
export function stageFor(tables: readonly string[]): PrepareStage {
  const index = Math.max(0, ...tables.map((t) => STAGES.indexOf(STAGE_OF.get(t) ?? 'first')));
  return STAGES[index] ?? 'first';
}

/**
 * The stage an indicator (or profile) needs, as it declares what it reads, at a grain (see grainFor):
 * with no filter most read the early roll-ups of the first stage.
 */
export function stageNeeded(item: { family: IndicatorFamily; reads: readonly string[] }, grain: string | null) {
  return stageFor(tablesReadAt(item, getFamily(item.family), grain));
}

/** Every table a complete preparation leaves (each stage's, roll-ups included): what kept data may hold of it. */
export const PREPARED_TABLES: readonly string[] = [...STAGE_OF.keys()];

/**
 * The full summary tables (those with roll-ups): read only under a filter on several dimensions or by a
 * profile, and the largest prepared tables, so a return to kept data puts them back after the rest.
 */
export const DEFERRABLE_TABLES: readonly string[] = FAMILIES.flatMap(rolledUpTables);

const familyPrepared = z.object({
  first: z.string().nullable(),
  last: z.string().nullable(),
  reportDate: z.string().nullable(),
});
const preparedStateSchema = z
  .object({
    settings: indicatorSettingsSchema,
    families: z.record(z.string(), familyPrepared),
    datasetRows: z.record(z.string(), z.number().int().nonnegative()),
    stage: z.enum(STAGES),
  })
  .strict();

/** A prepared state read back (from kept data): checked field by field, with every area; else null. */
export function parsePreparedState(json: unknown): PreparedState | null {
  const parsed = preparedStateSchema.safeParse(json);
  if (!parsed.success || !FAMILIES.every((family) => family.id in parsed.data.families)) return null;
  return parsed.data as PreparedState;
}

/**
 * Drops every prepared table, wherever it is (the session's database or the summary store): what the
 * indicators built from loaded data goes with the data (locking kept data, clearing it).
 */
export async function dropPreparedTables(engine: Engine): Promise<void> {
  const drops = PREPARED_TABLES.flatMap((table) => [
    `DROP TABLE IF EXISTS main.${table}`,
    `DROP TABLE IF EXISTS ${SUMMARY_STORE}.main.${table}`,
  ]);
  await engine.run(drops.join(';\n'));
}

let fingerprint: string | null = null;

/**
 * What the prepared tables are built by: every statement of every stage and roll-up, the macros and the
 * bank holidays, as the project's content hash. Kept prepared tables are used only under the same one,
 * so a version of the app that builds them differently builds them again rather than read old ones.
 */
export function preparationFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = new ContentHash();
  const text = (t: string) => hash.update(new TextEncoder().encode(`${t}\u0000`));
  for (const sql of MACROS) text(sql);
  text(JSON.stringify(BANK_HOLIDAYS_ENGLAND_WALES));
  for (const family of FAMILIES) {
    const steps = stageSteps(family);
    for (const stage of STAGES) for (const step of steps[stage]) text(`${family.id}/${stage}/${stepSql(step)}`);
    for (const rollup of family.rollups ?? []) {
      for (const grain of rollupGrainsBuilt(family, rollup)) text(rollupSql(rollup, grain, DIMENSIONS));
    }
  }
  fingerprint = hash.digest();
  return fingerprint;
}

/** Per engine: how many times prepared tables began or ended being built, and how many builds are under way. */
const builds = new WeakMap<Engine, { moves: number; running: number }>();

/**
 * Where this engine's prepared tables stand: a number that moves whenever a build of them starts or
 * ends, or null while one is under way. Tables read out between two equal numbers are those of one
 * preparation; a preparation for other data or settings (an effect preview, a settings change, one
 * still running from before a restore, whose statements may wait in the engine's queue) in between
 * makes them differ, or gives null.
 */
export function preparationCount(engine: Engine): number | null {
  const state = builds.get(engine);
  if (!state) return 0;
  return state.running > 0 ? null : state.moves;
}

async function building<T>(engine: Engine, build: () => Promise<T>): Promise<T> {
  const state = builds.get(engine) ?? { moves: 0, running: 0 };
  builds.set(engine, state);
  state.moves += 1;
  state.running += 1;
  try {
    return await build();
  } finally {
    state.running -= 1;
    state.moves += 1;
  }
}

async function runSteps(
  engine: Engine,
  family: IndicatorFamilyDefinition,
  steps: readonly PrepareStep[],
  reportDate: string | null,
  background = false,
) {
  const kept = tablesBuilt(steps);
  if (steps.some((step) => 'reportDate' in step && step.reportDate)) {
    await engine.run(setReportDateSql(family.id), [reportDate ?? NO_DATA_DATE], { background });
  }
  for (const step of steps) {
    // Background work lets the queries a user is waiting for go first — and, being one statement
    // without parameters, may be stopped for one and run again after it.
    await engine.run(stepSql(step), [], { background, preemptible: background });
    if ('table' in step && kept.includes(step.table)) await buildRollups(engine, family, step.table, background);
  }
}

/**
 * A table's roll-ups, in one round trip (statements without parameters). Not stoppable: a batch of
 * statements cannot be sent to be stopped, and sending them one at a time made the sample's first
 * page slower, while each roll-up is short enough, even on a large file, to wait for.
 */
async function buildRollups(engine: Engine, family: IndicatorFamilyDefinition, table: string, background: boolean) {
  const rollup = family.rollups?.find((r) => r.table === table);
  if (!rollup) return;
  const grains = rollupGrainsBuilt(family, rollup);
  if (grains.length === 0) return;
  await engine.run(grains.map((grain) => rollupSql(rollup, grain, DIMENSIONS)).join(';\n'), [], { background });
}

/**
 * Every dataset's row count, in one statement: a UNION ALL of counts, not a row of eleven scalar
 * subqueries, which DuckDB runs many times slower.
 */
async function countRows(engine: Engine): Promise<Record<string, number>> {
  const rows = await engine.query(
    DATASETS.map((d, i) => `SELECT ${i} AS i, count(*)::INTEGER AS n FROM ${d.id}`).join('\nUNION ALL\n'),
    [],
    z.object({ i: z.number(), n: z.number() }),
  );
  return Object.fromEntries(DATASETS.map((d, i) => [d.id, rows.find((r) => r.i === i)?.n ?? 0]));
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
 * settings change; indicators then read only the prepared tables. With `stage: 'first'` only what a
 * page with no filter reads is built (the early roll-ups instead of the full tables they sum): the full
 * tables are left for `prepareFull`, the slower ones (e.g. the early help re-referral cohort) for
 * `prepareLater`, so the first charts are drawn sooner.
 */
export async function prepareIndicators(
  engine: Engine,
  settings: IndicatorSettings = DEFAULT_SETTINGS,
  options: { stage: 'first' | 'all' } = { stage: 'all' },
): Promise<PreparedState> {
  return building(engine, () => prepareFirst(engine, settings, options));
}

async function prepareFirst(
  engine: Engine,
  settings: IndicatorSettings,
  options: { stage: 'first' | 'all' },
): Promise<PreparedState> {
  await prepareBasics(engine, settings);
  const datasetRows = await countRows(engine);
  const ranges = await familyDateRanges(engine);
  const families = {} as PreparedState['families'];
  for (const [i, family] of FAMILIES.entries()) {
    const { first, last } = ranges[i] ?? { first: null, last: null };
    const reportDate = last === null ? null : (settings.reportDate ?? last);
    await runSteps(engine, family, stageSteps(family).first, reportDate);
    families[family.id] = { first, last, reportDate };
  }
  const state: PreparedState = { settings, families, datasetRows, stage: 'first' };
  return options.stage === 'all' ? prepareLater(engine, await prepareFull(engine, state)) : state;
}

/**
 * What a preparation sets besides its tables: the macros, the calendar, the settings row and each
 * area's report date. Restoring every prepared table of a complete preparation (kept data) and then
 * this gives what `prepareIndicators` with every stage gave, without building a table again.
 */
export async function resumePreparation(engine: Engine, state: PreparedState): Promise<PreparedState> {
  await prepareBasics(engine, state.settings);
  for (const family of FAMILIES) {
    await engine.run(setReportDateSql(family.id), [state.families[family.id].reportDate ?? NO_DATA_DATE]);
  }
  return state;
}

async function prepareBasics(engine: Engine, settings: IndicatorSettings): Promise<void> {
  await engine.run(MACROS.join(';\n'));
  await buildCalendar(engine, settings.closureDays);
  await engine.run(
    `CREATE OR REPLACE TABLE pi_settings AS SELECT
       ?::INTEGER AS eh_start_standard_working_days, ?::INTEGER AS eh_rereferral_days,
       ?::INTEGER AS tr_coverage_months, ?::INTEGER AS tr_follow_up_min_days, ?::INTEGER AS tr_follow_up_event_age_days,
       ?::INTEGER AS pr_notification_working_days, ?::INTEGER AS pr_rapid_review_working_days, ?::INTEGER AS pr_lcspr_months,
       ?::INTEGER AS cp_contact_referral_days, ?::INTEGER AS cp_visit_standard_working_days,
       ?::INTEGER AS cp_step_from_early_help_days`,
    [
      settings.ehStartStandardWorkingDays,
      settings.ehReReferralDays,
      settings.trCoverageMonths,
      settings.trFollowUpMinDays,
      settings.trFollowUpEventAgeDays,
      settings.prNotificationWorkingDays,
      settings.prRapidReviewWorkingDays,
      settings.prLcsprMonths,
      settings.cpContactReferralDays,
      settings.cpVisitStandardWorkingDays,
      settings.cpStepFromEarlyHelpDays,
    ],
  );
}

/** Builds the full summary tables left by `prepareIndicators(…, { stage: 'first' })`, in the background. */
export async function prepareFull(engine: Engine, state: PreparedState): Promise<PreparedState> {
  if (state.stage !== 'first') return state; // built already (or restored from kept data)
  return building(engine, async () => {
    for (const family of FAMILIES) {
      await runSteps(engine, family, stageSteps(family).full, state.families[family.id].reportDate, true);
    }
    return { ...state, stage: 'full' };
  });
}

/** Builds the slower tables, after `prepareFull`, in the background: the state is then complete. */
export async function prepareLater(engine: Engine, state: PreparedState): Promise<PreparedState> {
  if (state.stage === 'later') return state;
  return building(engine, async () => {
    for (const family of FAMILIES) {
      await runSteps(engine, family, stageSteps(family).later, state.families[family.id].reportDate, true);
    }
    return { ...state, stage: 'later' };
  });
}
