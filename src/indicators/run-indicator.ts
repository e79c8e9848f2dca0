import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { gatherPerTask } from '../shared/same-task';
import { orderDimensionValues } from './dimension-values';
import { dimensionSource, grainFor, shadowCtes, withRollups } from './family-definition';
import {
  DIMENSIONS,
  type Dimension,
  type IndicatorDefinition,
  type IndicatorFamily,
  NOT_RECORDED,
} from './indicator-definition';
import { buildPeriods, type Granularity, type Period } from './periods';
import type { PreparedState } from './prepare-indicators';
import type { ProfileDefinition } from './profiles';
import { getFamily } from './registry';

export interface IndicatorPoint {
  periodStart: string;
  periodEnd: string;
  /** The date the value is measured to: the period end, or the report date for a partial period. */
  effectiveEnd: string;
  label: string;
  /** True when the report date falls before the end of the period. */
  partial: boolean;
  numerator: number | null;
  denominator: number | null;
  /** NULL when it cannot be computed (nothing to divide by, or a cohort not yet followed up). */
  value: number | null;
}

export type Filters = Partial<Record<Dimension, readonly string[]>>;

export interface IndicatorQuery {
  granularity: Granularity;
  /** ISO date: periods start with the one containing it. Default: the first date in the area's data. */
  from?: string;
  /** ISO date: the last period is the one containing it (whole, or to the report date). Default: the report date. */
  to?: string;
  filters?: Filters;
}

export type IndicatorResult =
  | {
      status: 'ok';
      indicator: IndicatorDefinition;
      reportDate: string;
      granularity: Granularity;
      points: IndicatorPoint[];
      /** Active filters this indicator cannot apply (its data has no such dimension). */
      ignoredFilters: Dimension[];
    }
  | { status: 'missing_data'; indicator: IndicatorDefinition; missingDatasets: string[] };

const row = z.object({
  period_start: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
});

interface PeriodWrite {
  key: string;
  periods: readonly Period[];
  done: { resolve: () => void; reject: (error: unknown) => void };
}

/** Per engine: the period keys written (or being written), and the write of those asked for in one task. */
const periodWriters = new WeakMap<Engine, { written: Map<string, Promise<void>>; ask: (write: PeriodWrite) => void }>();

/**
 * The periods of every key asked for at the same moment (the cards of a page, the areas of the
 * Overview), from four comma-separated lists zipped by unnest: one statement and four bound values
 * however many keys and periods. A key names its periods exactly (granularity, first and last day), so a
 * key already there — written through another engine object on the same database — is left as it is.
 */
const INSERT_PERIODS_SQL = `INSERT INTO pi_periods
SELECT * FROM (
  SELECT unnest(string_split($1, ',')) AS period_key, unnest(string_split($2, ',')::DATE[]),
    unnest(string_split($3, ',')::DATE[]), unnest(string_split($4, ',')::DATE[])
) WHERE period_key NOT IN (SELECT period_key FROM pi_periods)`;

/**
 * Then the months of every key that has none yet (those just written, and any whose months a failed
 * write left out): no bound values, so a second call (a prepared statement holds one statement).
 */
const INSERT_PERIOD_MONTHS_SQL = `INSERT INTO pi_period_months
SELECT period_key, unnest(range(period_start, effective_end + INTERVAL 1 DAY, INTERVAL 1 MONTH))::DATE AS month,
  period_start, effective_end
FROM pi_periods WHERE period_key NOT IN (SELECT period_key FROM pi_period_months)`;

async function writePeriods(engine: Engine, writes: readonly PeriodWrite[]): Promise<void> {
  const rows = writes.flatMap((w) => w.periods.map((p) => [w.key, p.start, p.end, p.effectiveEnd]));
  if (rows.length === 0) return;
  if (rows.some((row) => row.some((value) => value.includes(',')))) throw new Error('A period key has a comma');
  await engine.run(
    INSERT_PERIODS_SQL,
    [0, 1, 2, 3].map((column) => rows.map((row) => row[column]).join(',')),
  );
  await engine.run(INSERT_PERIOD_MONTHS_SQL);
}

/** Resolves once the key's periods are in pi_periods; keys asked for in the same task share one write. */
function ensurePeriods(engine: Engine, key: string, periods: readonly Period[]): Promise<void> {
  let writer = periodWriters.get(engine);
  if (!writer) {
    const ask = gatherPerTask<PeriodWrite>((writes) => {
      writePeriods(engine, writes).then(
        () => {
          for (const w of writes) w.done.resolve();
        },
        (error) => {
          for (const w of writes) w.done.reject(error);
        },
      );
    });
    writer = { written: new Map(), ask };
    periodWriters.set(engine, writer);
  }
  const { written, ask } = writer;
  let pending = written.get(key);
  if (!pending) {
    pending = new Promise<void>((resolve, reject) => ask({ key, periods, done: { resolve, reject } }));
    written.set(key, pending);
    pending.catch(() => written.delete(key));
  }
  return pending;
}

/** The granularity an indicator is actually reported in (Section 175 years are academic years). */
export function effectiveGranularity(indicator: IndicatorDefinition, granularity: Granularity): Granularity {
  return indicator.academicYear && granularity === 'year' ? 'academic_year' : granularity;
}

/**
 * The statement the runner executes for an indicator: its SQL, with dates as text. DuckDB wants every
 * bound parameter used, and an indicator need not use them all, so they are also selected once here.
 */
export function indicatorQuerySql(indicator: IndicatorDefinition, grain: string | null = null): string {
  return `SELECT strftime(period_start, '%Y-%m-%d') AS period_start, numerator::DOUBLE AS numerator,
  denominator::DOUBLE AS denominator, value::DOUBLE AS value
FROM (${withRollups(indicator, getFamily(indicator.family), grain)}) AS indicator
${BOUND}
ORDER BY period_start`;
}

/**
 * The statement for several indicators of one family that share their bound parameters: one branch
 * each of a UNION ALL, numbered by `item`, over the tables shadowed for `grain` (see shadowCtes).
 */
export function indicatorBatchSql(indicators: readonly IndicatorDefinition[], grain: string | null): string {
  const first = indicators[0];
  if (!first || indicators.some((i) => i.family !== first.family)) throw new Error('One family per batch');
  const ctes = shadowCtes(
    indicators.map((i) => i.reads),
    getFamily(first.family),
    grain,
  );
  const branches = indicators.map(
    (indicator, i) => `SELECT ${i} AS item, period_start, numerator::DOUBLE AS numerator,
  denominator::DOUBLE AS denominator, value::DOUBLE AS value
FROM (${indicator.sql}) AS item_${i}`,
  );
  return `SELECT item, strftime(period_start, '%Y-%m-%d') AS period_start, numerator, denominator, value
FROM (${ctes.length > 0 ? `WITH ${ctes.join(', ')}\n` : ''}${branches.join('\nUNION ALL\n')}) AS batch
${BOUND}
ORDER BY item, period_start`;
}

/** Runs one indicator's SQL with bound parameters over the prepared tables and returns labelled points. */
export async function runIndicator(
  engine: Engine,
  prepared: PreparedState,
  indicator: IndicatorDefinition,
  query: IndicatorQuery,
): Promise<IndicatorResult> {
  const [result] = await runIndicators(engine, prepared, [indicator], query);
  if (result instanceof Error) throw result;
  return result as IndicatorResult;
}

/**
 * Runs several indicators for one query: those of a family that share their parameters (periods, report
 * date, filters applied) in one statement, so a filter change costs one round trip per area and each
 * summary table is filtered once. Each indicator gets its result, or its own error.
 */
export async function runIndicators(
  engine: Engine,
  prepared: PreparedState,
  indicators: readonly IndicatorDefinition[],
  query: IndicatorQuery,
): Promise<(IndicatorResult | Error)[]> {
  const results: (IndicatorResult | Error)[] = [];
  const groups = new Map<string, { at: number[]; runs: PlannedRun[] }>();
  // Planned together: their periods are written once, and the statement is asked as soon as they are.
  const planned = await Promise.allSettled(indicators.map((i) => planRun(engine, prepared, i, query)));
  for (const [i, indicator] of indicators.entries()) {
    const outcome = planned[i];
    if (!outcome || outcome.status === 'rejected') {
      results[i] = asError(outcome?.reason);
      continue;
    }
    const run = outcome.value;
    if (run.status === 'missing_data') {
      results[i] = run;
      continue;
    }
    const key = JSON.stringify([indicator.family, run.key, run.reportDate, run.filterParams, run.grain]);
    const group = groups.get(key) ?? { at: [], runs: [] };
    group.at.push(i);
    group.runs.push(run);
    groups.set(key, group);
  }
  for (const { at, runs } of groups.values()) {
    const settled = await runGroup(engine, runs);
    settled.forEach((result, j) => {
      results[at[j] as number] = result;
    });
  }
  return results;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export type PlannedRun = Awaited<ReturnType<typeof setUp>> & {
  status: 'planned';
  indicator: IndicatorDefinition;
  reportDate: string;
  granularity: Granularity;
};

/** What one indicator needs to run: its periods (written to pi_periods), parameters and roll-up grain. */
export async function planRun(
  engine: Engine,
  prepared: PreparedState,
  indicator: IndicatorDefinition,
  query: IndicatorQuery,
): Promise<PlannedRun | Extract<IndicatorResult, { status: 'missing_data' }>> {
  const missingDatasets = indicator.datasets.filter((id) => !prepared.datasetRows[id]);
  const family = prepared.families[indicator.family];
  if (missingDatasets.length > 0 || !family.reportDate || !family.first) {
    return {
      status: 'missing_data',
      indicator,
      missingDatasets: missingDatasets.length ? missingDatasets : [...indicator.datasets],
    };
  }
  const reportDate = family.reportDate;
  const granularity = effectiveGranularity(indicator, query.granularity);
  const setup = await setUp(engine, {
    granularity,
    from: query.from ?? family.first,
    to: query.to,
    reportDate,
    filters: query.filters,
    breakdowns: indicator.breakdowns,
  });
  return { ...setup, status: 'planned', indicator, reportDate, granularity };
}

/** One statement for runs that share their parameters; if it fails, each is run alone for its own error. */
async function runGroup(engine: Engine, runs: readonly PlannedRun[]): Promise<(IndicatorResult | Error)[]> {
  const [first] = runs;
  if (!first) return [];
  const params = [first.key, first.reportDate, ...first.filterParams];
  if (runs.length > 1) {
    try {
      const sql = indicatorBatchSql(
        runs.map((r) => r.indicator),
        first.grain,
      );
      const rows = await engine.query(sql, params, batchRow);
      return runs.map((run, i) =>
        labelled(
          run,
          rows.filter((r) => r.item === i),
        ),
      );
    } catch {
      // Fall through: each indicator alone, so a failure belongs to the indicator that caused it.
    }
  }
  const results: (IndicatorResult | Error)[] = [];
  for (const run of runs) {
    try {
      results.push(labelled(run, await engine.query(indicatorQuerySql(run.indicator, run.grain), params, row)));
    } catch (error) {
      results.push(asError(error));
    }
  }
  return results;
}

const batchRow = row.extend({ item: z.number() });

/** An indicator's rows placed in its periods (a period with no row has no value). */
function labelled(run: PlannedRun, rows: readonly z.infer<typeof row>[]): IndicatorResult {
  const byStart = new Map(rows.map((r) => [r.period_start, r]));
  const points = run.periods.map((p): IndicatorPoint => {
    const r = byStart.get(p.start);
    return {
      periodStart: p.start,
      periodEnd: p.end,
      effectiveEnd: p.effectiveEnd,
      label: p.label,
      partial: p.partial,
      numerator: r?.numerator ?? null,
      denominator: r?.denominator ?? null,
      value: r?.value ?? null,
    };
  });
  const { indicator, reportDate, granularity, ignoredFilters } = run;
  return { status: 'ok', indicator, reportDate, granularity, points, ignoredFilters };
}

/** The periods (written to pi_periods), the bound filter values and the roll-up grain for one run. */
async function setUp(
  engine: Engine,
  options: {
    granularity: Granularity;
    from: string;
    to: string | undefined;
    reportDate: string;
    filters: Filters | undefined;
    breakdowns: readonly Dimension[];
  },
) {
  const { granularity, from, reportDate } = options;
  // Whole periods: the last is the one containing `to`, measured to its end or the report date.
  const toEnd = options.to ? (buildPeriods(granularity, options.to, options.to)[0]?.end ?? options.to) : reportDate;
  const to = toEnd.localeCompare(reportDate) < 0 ? toEnd : reportDate;
  const periods = buildPeriods(granularity, from, to);
  const key = `${granularity}|${from}|${to}`;
  await ensurePeriods(engine, key, periods);
  const ignoredFilters: Dimension[] = [];
  const filterParams = DIMENSIONS.map((dimension) => {
    const values = options.filters?.[dimension] ?? [];
    if (values.length === 0) return '';
    if (!options.breakdowns.includes(dimension)) {
      ignoredFilters.push(dimension);
      return '';
    }
    return values.join('\u001f');
  });
  // No filter, or a filter on one dimension: the small roll-up tables answer it.
  const grain = grainFor(options.filters, options.breakdowns);
  return { key, periods, filterParams, ignoredFilters, grain };
}

/** Every bound parameter selected once, so a statement may use only some of them. */
export const BOUND = `CROSS JOIN (SELECT ${[
  '$1::VARCHAR',
  '$2::DATE',
  ...DIMENSIONS.map((_, i) => `$${i + 3}::VARCHAR`),
]
  .map((p, i) => `${p} AS p${i + 1}`)
  .join(', ')}) AS bound`;

export interface ProfileCell {
  row: string;
  column: string;
  n: number;
  /** For a share: the number it is out of. */
  total: number | null;
}

export type ProfileResult =
  | { status: 'ok'; profile: ProfileDefinition; periods: Period[]; cells: ProfileCell[]; ignoredFilters: Dimension[] }
  | { status: 'missing_data'; profile: ProfileDefinition; missingDatasets: string[] };

const profileRow = z.object({
  row_key: z.string().nullable(),
  col_key: z.string().nullable(),
  n: z.number(),
  total: z.number().nullable(),
});

export function profileQuerySql(profile: ProfileDefinition, grain: string | null = null): string {
  return `SELECT row_key, col_key, n, total FROM (${withRollups(profile, getFamily(profile.family), grain)}) AS profile
${BOUND}
ORDER BY row_key, col_key`;
}

/** Runs a profile (counts across two categories) over the periods and filters of a query. */
export async function runProfile(
  engine: Engine,
  prepared: PreparedState,
  profile: ProfileDefinition,
  query: IndicatorQuery,
): Promise<ProfileResult> {
  const missingDatasets = profile.datasets.filter((id) => !prepared.datasetRows[id]);
  const family = prepared.families[profile.family];
  if (missingDatasets.length > 0 || !family.reportDate || !family.first) {
    return {
      status: 'missing_data',
      profile,
      missingDatasets: missingDatasets.length ? missingDatasets : [...profile.datasets],
    };
  }
  const { key, periods, filterParams, ignoredFilters, grain } = await setUp(engine, {
    granularity: query.granularity,
    from: query.from ?? family.first,
    to: query.to,
    reportDate: family.reportDate,
    filters: query.filters,
    breakdowns: profile.breakdowns,
  });
  const rows = await engine.query(
    profileQuerySql(profile, grain),
    [key, family.reportDate, ...filterParams],
    profileRow,
  );
  const cells = rows.map((r) => ({
    row: r.row_key ?? NOT_RECORDED,
    column: r.col_key ?? NOT_RECORDED,
    n: r.n,
    total: r.total,
  }));
  return { status: 'ok', profile, periods, cells, ignoredFilters };
}

/** The values each dimension takes in an area's data, in one statement, in the order people list them (orderDimensionValues). */
export async function dimensionValues(
  engine: Engine,
  familyId: IndicatorFamily,
  dimensions: readonly Dimension[],
): Promise<Partial<Record<Dimension, string[]>>> {
  const family = getFamily(familyId);
  const unknown = dimensions.find((d) => !DIMENSIONS.includes(d));
  if (unknown !== undefined) throw new Error(`Not a dimension: ${unknown}`);
  const out: Partial<Record<Dimension, string[]>> = {};
  if (dimensions.length === 0) return out;
  const parts = dimensions.map(
    (d, i) => `SELECT ${i} AS i, ${d} AS v FROM ${dimensionSource(family, d)} WHERE ${d} IS NOT NULL GROUP BY ${d}`,
  );
  const rows = await engine.query(
    `${parts.join('\nUNION ALL\n')}\nORDER BY i, v`,
    [],
    z.object({ i: z.number(), v: z.string() }),
  );
  dimensions.forEach((d, i) => {
    out[d] = orderDimensionValues(
      d,
      rows.filter((r) => r.i === i).map((r) => r.v),
    );
  });
  return out;
}

export interface BreakdownRow {
  value: string;
  result: IndicatorResult;
}

/**
 * An indicator for each value of one dimension (e.g. per agency), within the query's other filters.
 * The values are those in the area's data; the indicator must support the dimension.
 */
export async function runBreakdown(
  engine: Engine,
  prepared: PreparedState,
  indicator: IndicatorDefinition,
  query: IndicatorQuery,
  dimension: Dimension,
): Promise<BreakdownRow[]> {
  if (!indicator.breakdowns.includes(dimension)) {
    throw new Error(`${indicator.id} cannot be broken down by ${dimension}`);
  }
  if (indicator.datasets.some((id) => !prepared.datasetRows[id])) return [];
  const values = (await dimensionValues(engine, indicator.family, [dimension]))[dimension] ?? [];
  const rows: BreakdownRow[] = [];
  for (const value of values) {
    const filters = { ...query.filters, [dimension]: [value] };
    rows.push({ value, result: await runIndicator(engine, prepared, indicator, { ...query, filters }) });
  }
  return rows;
}
