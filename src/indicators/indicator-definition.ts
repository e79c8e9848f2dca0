import type { Granularity } from './periods';

export type PeriodRule = 'event_in_period' | 'stock_at_period_end' | 'lagged_cohort';
export type Direction = 'up' | 'down' | 'neutral';
export type Unit = 'count' | 'percent' | 'days';

/**
 * One indicator, as data. Its SQL returns one row per period with columns
 * period_start (DATE), period_end (DATE), numerator, denominator (NULL for counts) and value.
 * Bound parameters, in this order: $1 first date (DATE), $2 report date (DATE), $3 months per period (1, 3 or 12).
 */
export interface IndicatorDefinition {
  id: string;
  title: string;
  definition: string;
  numerator: string;
  denominator: string | null;
  unit: Unit;
  periodRule: PeriodRule;
  direction: Direction;
  /** Why the direction is what it is, or why it is contextual. */
  directionNote: string;
  datasets: readonly string[];
  sql: string;
}

export interface IndicatorQuery {
  granularity: Granularity;
  /** ISO date: periods start with the one containing it. */
  from: string;
  /** ISO date: the report date; the last period is cut here (and marked partial). */
  reportDate: string;
}

/**
 * The periods between $1 and $2 for $3 months per period, each with its end and the end actually
 * used (the report date for the last, partial, period). Shared by every indicator's SQL.
 */
export const PERIODS_CTE = `periods AS (
  SELECT p::DATE AS period_start,
         (p + to_months($3::INTEGER) - INTERVAL 1 DAY)::DATE AS period_end,
         least((p + to_months($3::INTEGER) - INTERVAL 1 DAY)::DATE, $2::DATE) AS effective_end
  FROM range(pi_period_start($1::DATE, $3::INTEGER), $2::DATE + INTERVAL 1 DAY, to_months($3::INTEGER)) t(p)
)`;
