import type { Dimension, IndicatorDefinition, IndicatorFamily } from './indicator-definition';
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
  /** Statements that build the prepared tables. $1 is the report date; settings come from pi_settings. */
  prepare: readonly string[];
  /** Slower statements, built after the first charts are drawn (same rules as `prepare`). */
  prepareLater?: readonly string[];
  indicators: readonly IndicatorDefinition[];
  /**
   * Summary tables that also get a roll-up per single dimension (and one with no dimension): a filter
   * on one dimension, or none, then reads a table of a few thousand rows instead of the full cube.
   * Every column of the table is a key, a measure (summed) or a dimension.
   */
  rollups?: readonly Rollup[];
}

export interface Rollup {
  table: string;
  keys: readonly string[];
  measures: readonly string[];
}

/** The name of a roll-up of `table`: by one dimension, or 'all' for none. */
export const rollupName = (table: string, grain: string) => `${table}__${grain}`;

/** Dimension columns for a prepared table whose data has only some of them. */
export function dimensionColumns(present: Partial<Record<string, string>>): string {
  const all = ['agency', 'locality', 'age_band', 'gender', 'ethnicity', 'domain'];
  return all.map((d) => `${present[d] ?? 'NULL::VARCHAR'} AS ${d}`).join(', ');
}

/** The roll-ups a family has: none ('all') and each dimension its indicators can be broken down by. */
export function rollupGrains(family: IndicatorFamilyDefinition): string[] {
  if (!family.rollups?.length) return [];
  return ['all', ...new Set(family.indicators.flatMap((i) => i.breakdowns))];
}

/** The SQL of a roll-up table: the summary summed over every dimension but `grain`. */
export function rollupSql(rollup: Rollup, grain: string, dimensions: readonly string[]): string {
  const dims = dimensions.map((d) => (d === grain ? d : `NULL::VARCHAR AS ${d}`));
  const groupBy = [...rollup.keys, ...(grain === 'all' ? [] : [grain])];
  return `CREATE OR REPLACE TABLE ${rollupName(rollup.table, grain)} AS
SELECT ${rollup.keys.join(', ')}, ${dims.join(', ')}, ${rollup.measures.map((m) => `sum(${m})::INTEGER AS ${m}`).join(', ')}
FROM ${rollup.table} GROUP BY ${groupBy.join(', ')}`;
}

/** Points an indicator's SQL at the roll-ups for `grain` (table names are the app's own, never input). */
export function withRollups(sql: string, family: IndicatorFamilyDefinition, grain: string | null): string {
  if (grain === null || !rollupGrains(family).includes(grain)) return sql;
  const key = `${grain}\u0000${sql}`;
  let cached = rewritten.get(key);
  if (cached === undefined) {
    cached = sql;
    for (const rollup of family.rollups ?? []) {
      cached = cached.replace(new RegExp(`\\b${rollup.table}\\b`, 'g'), rollupName(rollup.table, grain));
    }
    rewritten.set(key, cached);
  }
  return cached;
}
/** Rewritten SQL per grain: on the recompute path, so each text is made once (a few dozen in all). */
const rewritten = new Map<string, string>();
