import {
  DIMENSIONS,
  type Dimension,
  FILTERS,
  type IndicatorDefinition,
  type IndicatorFamily,
} from './indicator-definition';
import type { Granularity } from './periods';

/**
 * A family of indicators (one statutory area) and the small tables its indicators read. The prepared
 * tables are built once after each load or settings change (prepare-indicators.ts); a filter change then
 * recomputes every indicator from them, never from the raw rows.
 */
export interface IndicatorFamilyDefinition {
  id: IndicatorFamily;
  title: string;
  /** One sentence on what the area is about, for the page and the definitions. */
  summary: string;
  /**
   * SELECT returning one row: first and last (DATE) — the span of the family's event dates (not due
   * dates, which may lie in the future). The last is the default report date.
   */
  dateRangeSql: string;
  /** The period a page opens with: monthly where there is enough data for SPC, yearly for annual cycles. */
  defaultGranularity: Granularity;
  /** The comparison at the top of the area's page: which indicator, across which dimension. */
  comparison: { indicator: string; dimension: Dimension };
  /** For an area that runs in yearly cycles: the overview always compares years. */
  yearlyCycle?: boolean;
  /** The prepared table that lists the values of each dimension, for filter lists and breakdowns. */
  dimensionTable: string;
  /** The steps that build the prepared tables, in order. */
  prepare: readonly PrepareStep[];
  /**
   * Full summary tables (every dimension at full grain) whose roll-up with no dimension is built straight
   * from the data in the first stage (`Rollup.early`): a page with no filter is drawn from that, and these
   * are built right after, with their other roll-ups. Filters, filter lists and breakdowns wait for them.
   */
  prepareFull?: readonly PrepareStep[];
  /** Slower steps, built after the first charts are drawn (same rules as `prepare`). */
  prepareLater?: readonly PrepareStep[];
  indicators: readonly IndicatorDefinition[];
  /**
   * Summary tables that also get a roll-up per single dimension (and one with no dimension): a filter
   * on one dimension, or none, then reads a table of a few thousand rows instead of the full cube.
   * Every column of the table is a key, a measure (summed) or a dimension.
   */
  rollups?: readonly Rollup[];
}

/**
 * One prepared table, as data: what it is called, what it reads (loaded datasets, other prepared
 * tables, pi_settings, pi_calendar), whether it reads its area's report date (`reportDateSql`), and the
 * SELECT that fills it. Or a scratch table dropped once the tables built from it are done.
 */
export type PrepareStep =
  | { table: string; reads: readonly string[]; reportDate: boolean; select: string }
  | { drop: string };

/**
 * An area's report date in a prepared table's SELECT: a session variable set (from a bound value) before
 * the area's steps run (`setReportDateSql`), so that a step is a statement without parameters — one the
 * browser's engine can stop for a user's query and run again later. DuckDB reads it once, as it plans the
 * statement, so the plan is the one a bound value would give.
 */
export function reportDateSql(area: IndicatorFamily): string {
  return `pi_report_date('${areaName(area)}')`;
}

/** The statement that sets an area's report date (`reportDateSql`), with the date as its one parameter. */
export function setReportDateSql(area: IndicatorFamily): string {
  return `SET VARIABLE pi_report_date_${areaName(area)} = ?::DATE`;
}

/** The macro `reportDateSql` calls (created with the other macros before any step runs). */
export const REPORT_DATE_MACRO = `CREATE OR REPLACE MACRO pi_report_date(area) AS getvariable('pi_report_date_' || area)::DATE`;

function areaName(area: IndicatorFamily): string {
  if (!/^[a-z_]+$/.test(area)) throw new Error(`Not an area id: ${area}`);
  return area;
}

/** The statement a step runs. */
export function stepSql(step: PrepareStep): string {
  return 'drop' in step
    ? `DROP TABLE IF EXISTS ${step.drop}`
    : `CREATE OR REPLACE TABLE ${step.table} AS\n${step.select}`;
}

/** The tables some steps leave behind (created and not dropped). */
export function tablesBuilt(steps: readonly PrepareStep[]): string[] {
  const dropped = new Set(steps.flatMap((s) => ('drop' in s ? [s.drop] : [])));
  return steps.flatMap((s) => ('table' in s && !dropped.has(s.table) ? [s.table] : []));
}

export interface Rollup {
  table: string;
  keys: readonly string[];
  measures: readonly string[];
  /**
   * The roll-up with no dimension ('all') built straight from the data, in the first stage, by a SELECT
   * returning the keys and the measures (dimension columns, if any, are ignored): far faster than
   * the full table when the full table has hundreds of thousands of groups. Its table must give the
   * same rows as the full table summed (tests compare them).
   */
  early?: { reads: readonly string[]; reportDate: boolean; select: string };
}

/**
 * The stages of preparation, in order: 'first' (`prepare`, and the `early` roll-ups: what a page with no
 * filter reads), 'full' (`prepareFull`), 'later' (`prepareLater`).
 */
export type PrepareStage = 'first' | 'full' | 'later';

/** The name of a roll-up of `table`: by one dimension, or 'all' for none. */
export const rollupName = (table: string, grain: string) => `${table}__${grain}`;

/** Dimension columns for a prepared table whose data has only some of them. */
export function dimensionColumns(present: Partial<Record<string, string>>): string {
  return DIMENSIONS.map((d) => `${present[d] ?? 'NULL::VARCHAR'} AS ${d}`).join(', ');
}

/** The summary tables of a family that have roll-ups (the full cubes, every dimension at full grain). */
export function rolledUpTables(family: IndicatorFamilyDefinition): string[] {
  return (family.rollups ?? []).map((rollup) => rollup.table);
}

/** The roll-ups a family has: none ('all') and each dimension its indicators can be broken down by. */
export function rollupGrains(family: IndicatorFamilyDefinition): string[] {
  if (!family.rollups?.length) return [];
  return ['all', ...new Set(family.indicators.flatMap((i) => i.breakdowns))];
}

/** The step that builds a roll-up with no dimension straight from the data (see `Rollup.early`). */
export function earlyRollupStep(rollup: Rollup): PrepareStep | null {
  if (!rollup.early) return null;
  const { reads, reportDate, select } = rollup.early;
  const dims = DIMENSIONS.map((d) => `NULL::VARCHAR AS ${d}`);
  return {
    table: rollupName(rollup.table, 'all'),
    reads,
    reportDate,
    select: `SELECT ${[...rollup.keys, ...dims, ...rollup.measures.map((m) => `${m}::INTEGER AS ${m}`)].join(', ')}
FROM (${select}) AS early`,
  };
}

/**
 * The grain an item is read at for some filters: 'all' with no filter (on a dimension it can be broken
 * down by), the dimension with a filter on one, null with filters on several (the full tables).
 */
export function grainFor(
  filters: Partial<Record<Dimension, readonly string[]>> | undefined,
  breakdowns: readonly Dimension[],
): string | null {
  const active = DIMENSIONS.filter((d) => breakdowns.includes(d) && (filters?.[d]?.length ?? 0) > 0);
  return active.length === 0 ? 'all' : active.length === 1 ? (active[0] as string) : null;
}

/**
 * The roll-up that answers `table` at `grain` (see grainFor), or null when the table itself is read: it
 * has no roll-ups, or the grain is several dimensions (null) or one it is not rolled up by.
 */
export function rollupFor(family: IndicatorFamilyDefinition, table: string, grain: string | null): string | null {
  if (grain === null || !rolledUpTables(family).includes(table) || !rollupGrains(family).includes(grain)) return null;
  return rollupName(table, grain);
}

/** The tables an item reads at `grain`, as `withRollups` rewrites them. */
export function tablesReadAt(
  item: { reads: readonly string[] },
  family: IndicatorFamilyDefinition,
  grain: string | null,
): string[] {
  return item.reads.map((t) => rollupFor(family, t, grain) ?? t);
}

/**
 * Where an area's values of one dimension are listed: the roll-up of its dimension table by that
 * dimension when there is one (a few thousand rows, the same values), else the dimension table.
 */
export function dimensionSource(family: IndicatorFamilyDefinition, dimension: Dimension): string {
  return rollupFor(family, family.dimensionTable, dimension) ?? family.dimensionTable;
}

/** The grains a rolled-up table's roll-ups are built for from the table itself (its early one is not). */
export function rollupGrainsBuilt(family: IndicatorFamilyDefinition, rollup: Rollup): string[] {
  return rollupGrains(family).filter((grain) => !(grain === 'all' && rollup.early));
}

/** Each stage's steps, in order: the first stage's include the early roll-ups. */
export function stageSteps(family: IndicatorFamilyDefinition): Record<PrepareStage, readonly PrepareStep[]> {
  const early = (family.rollups ?? []).flatMap((rollup) => earlyRollupStep(rollup) ?? []);
  return { first: [...family.prepare, ...early], full: family.prepareFull ?? [], later: family.prepareLater ?? [] };
}

/** The SQL of a roll-up table: the summary summed over every dimension but `grain`. */
export function rollupSql(rollup: Rollup, grain: string, dimensions: readonly string[]): string {
  const dims = dimensions.map((d) => (d === grain ? d : `NULL::VARCHAR AS ${d}`));
  const groupBy = [...rollup.keys, ...(grain === 'all' ? [] : [grain])];
  return `CREATE OR REPLACE TABLE ${rollupName(rollup.table, grain)} AS
SELECT ${rollup.keys.join(', ')}, ${dims.join(', ')}, ${rollup.measures.map((m) => `sum(${m})::INTEGER AS ${m}`).join(', ')}
FROM ${rollup.table} GROUP BY ${groupBy.join(', ')}`;
}

/**
 * The CTEs that shadow the summary tables some items read, each by a CTE of the same name, so their
 * SQL is left exactly as written. A filter on one dimension, or none (`grain`): every summary table with
 * a roll-up is read from the roll-up. Filters on several dimensions (`grain` null): a summary table that
 * two or more of the items read is filtered once for all of them (materialised) instead of scanned by
 * each; the items' own filters then run over those few rows again, unchanged.
 */
export function shadowCtes(
  reads: readonly (readonly string[])[],
  family: IndicatorFamilyDefinition,
  grain: string | null,
): string[] {
  const readers = (table: string) => reads.filter((r) => r.includes(table)).length;
  const tables = rolledUpTables(family);
  if (grain !== null) {
    return tables.flatMap((t) => {
      const rollup = rollupFor(family, t, grain);
      return rollup && readers(t) > 0 ? [`${t} AS (FROM ${rollup})`] : [];
    });
  }
  return tables.filter((t) => readers(t) > 1).map((t) => `${t} AS MATERIALIZED (FROM main.${t} WHERE ${FILTERS})`);
}

/**
 * An indicator's (or profile's) SQL reading the roll-ups for `grain` instead of the full summary
 * tables: each summary table it declares it reads, and that has a roll-up, is shadowed by a CTE of the
 * same name over the roll-up. The definition's SQL is left exactly as written.
 */
export function withRollups(
  item: { sql: string; reads: readonly string[] },
  family: IndicatorFamilyDefinition,
  grain: string | null,
): string {
  const ctes = shadowCtes([item.reads], family, grain);
  if (ctes.length === 0) return item.sql;
  return `WITH ${ctes.join(', ')}\nSELECT * FROM (${item.sql}) AS rolled_up`;
}
