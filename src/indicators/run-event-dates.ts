import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { IndicatorDefinition } from './indicator-definition';
import type { PreparedState } from './prepare-indicators';
import { BOUND, type IndicatorQuery, planRun } from './run-indicator';

const row = z.object({ event_date: z.string() });

/**
 * The statement the runner executes for an indicator's dated events: its rareEvents SQL, with dates as
 * text, every bound parameter selected once (DuckDB wants each used; the SQL need not use them all).
 */
export function eventDatesQuerySql(indicator: IndicatorDefinition): string {
  if (!indicator.rareEvents) throw new Error(`${indicator.id} lists no events`);
  return `SELECT strftime(event_date, '%Y-%m-%d') AS event_date
FROM (${indicator.rareEvents.sql}) AS events
${BOUND}
ORDER BY event_date`;
}

/**
 * The dates (ISO, in order, one per event) of the events an indicator counts, over the periods and
 * filters of a query, as runIndicator would place them: the same periods, report date and bound filters.
 * No dates when the data it needs is not loaded.
 */
export async function runEventDates(
  engine: Engine,
  prepared: PreparedState,
  indicator: IndicatorDefinition,
  query: IndicatorQuery,
): Promise<string[]> {
  const sql = eventDatesQuerySql(indicator);
  const run = await planRun(engine, prepared, indicator, query);
  if (run.status === 'missing_data') return [];
  const rows = await engine.query(sql, [run.key, run.reportDate, ...run.filterParams], row);
  return rows.map((r) => r.event_date);
}
