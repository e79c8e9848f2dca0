import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { IndicatorDefinition, IndicatorQuery } from './indicator-definition';
import { GRANULARITY_MONTHS, periodLabel } from './periods';

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
  value: number | null;
}

const row = z.object({
  period_start: z.string(),
  period_end: z.string(),
  effective_end: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
});

/** Runs one indicator's SQL with bound parameters and returns plain, labelled points. */
export async function runIndicator(
  engine: Engine,
  indicator: IndicatorDefinition,
  query: IndicatorQuery,
): Promise<IndicatorPoint[]> {
  const sql = `SELECT strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end,
    strftime(effective_end, '%Y-%m-%d') AS effective_end, numerator, denominator, value
    FROM (${indicator.sql})`;
  const rows = await engine.query(sql, [query.from, query.reportDate, GRANULARITY_MONTHS[query.granularity]], row);
  return rows.map((r) => ({
    periodStart: r.period_start,
    periodEnd: r.period_end,
    effectiveEnd: r.effective_end,
    label: periodLabel(query.granularity, r.period_start),
    partial: r.effective_end < r.period_end,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
  }));
}

const rangeRow = z.object({ first: z.string().nullable(), last: z.string().nullable(), n: z.number() });

/** The span of the early help data: first assessment start and the latest date of any kind (the default report date). */
export async function earlyHelpDateRange(
  engine: Engine,
): Promise<{ first: string; last: string; rows: number } | null> {
  const [r] = await engine.query(
    `SELECT strftime(min(assessment_start_date), '%Y-%m-%d') AS first,
            strftime(greatest(max(assessment_start_date), max(episode_end_date), max(assessment_completion_date)), '%Y-%m-%d') AS last,
            count(*) AS n
     FROM early_help_episodes`,
    [],
    rangeRow,
  );
  if (!r || r.first === null || r.last === null) return null;
  return { first: r.first, last: r.last, rows: r.n };
}
