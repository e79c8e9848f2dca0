import type { IndicatorDefinition, IndicatorFamily } from './indicator-definition';

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
  /** Statements that build the prepared tables. $1 is the report date; settings come from pi_settings. */
  prepare: readonly string[];
  indicators: readonly IndicatorDefinition[];
}

/** Dimension columns for a prepared table whose data has only some of them. */
export function dimensionColumns(present: Partial<Record<string, string>>): string {
  const all = ['agency', 'locality', 'age_band', 'gender', 'ethnicity', 'domain'];
  return all.map((d) => `${present[d] ?? 'NULL::VARCHAR'} AS ${d}`).join(', ');
}
