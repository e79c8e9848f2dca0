import type { IndicatorSettings } from './settings';

export type PeriodRule = 'event_in_period' | 'stock_at_period_end' | 'lagged_cohort';
export type Direction = 'up' | 'down' | 'neutral';
export type Unit = 'count' | 'percent' | 'days' | 'score';
export type IndicatorFamily = 'early_help' | 'training' | 'obligations' | 'audits' | 'reviews' | 'child_protection';

export const FAMILY_TITLES: Record<IndicatorFamily, string> = {
  early_help: 'Early help',
  training: 'Training',
  obligations: 'Statutory obligations (Section 11 and Section 175/157)',
  audits: 'Case-file audits',
  reviews: 'Practice reviews',
  child_protection: 'Child protection',
};

/**
 * What an indicator can be filtered or broken down by. Every prepared (summary) table carries all of
 * these columns, NULL where its data has no such thing, so one filter clause fits every indicator.
 * New dimensions go last: each is a bound parameter ($3 …) in this order.
 */
export const DIMENSIONS = ['agency', 'locality', 'age_band', 'gender', 'ethnicity', 'domain', 'disability'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  agency: 'Agency',
  locality: 'Locality',
  age_band: 'Age band',
  gender: 'Gender',
  ethnicity: 'Ethnicity',
  domain: 'Audit domain',
  disability: 'Disability',
};

/** The value a dimension takes when the data does not say. */
export const NOT_RECORDED = 'Not recorded';

/** The value a coded dimension takes when the data says something not (yet) mapped to the standard list. */
export const NOT_MAPPED = 'Not mapped yet';

/**
 * One indicator, as data. Its SQL reads only the prepared tables (see prepare-indicators.ts) and
 * returns one row per period: period_start (DATE), numerator, denominator (NULL for counts, medians
 * and means) and value (NULL when it cannot be computed, e.g. a rate over nothing).
 *
 * Bound parameters, in this order: $1 the period key (rows of table pi_periods), $2 the report date,
 * then one per dimension in DIMENSIONS order ($3 agency … $9 disability): '' for no filter, or the values
 * to keep joined with chr(31).
 */
export interface IndicatorDefinition {
  id: string;
  family: IndicatorFamily;
  title: string;
  /** Plain-English definition a board member can read. */
  definition: string;
  numerator: string;
  denominator: string | null;
  unit: Unit;
  periodRule: PeriodRule;
  direction: Direction;
  /** Why the direction is what it is, or why it is contextual. */
  directionNote: string;
  /**
   * The prepared tables (and pi_settings, pi_calendar) its SQL reads; pi_periods and pi_period_months
   * are always there. Declared, never found by searching the SQL: a test checks each against DuckDB's
   * own plan. The runner uses it to wait for the stage that builds them and to read a roll-up instead.
   */
  reads: readonly string[];
  /** Datasets that must be loaded for the indicator to be computed. */
  datasets: readonly string[];
  /** Datasets used when present (e.g. to break training evaluations down by agency). */
  optionalDatasets?: readonly string[];
  /** Dimensions the indicator can be filtered and broken down by. */
  breakdowns: readonly Dimension[];
  /** Settings the indicator depends on. */
  settings?: readonly (keyof IndicatorSettings)[];
  /** For financial-year reporting, use the academic year instead (Section 175 runs September–August). */
  academicYear?: boolean;
  /** Shown on the overview scorecard. */
  headline: boolean;
  /** Known limits of the measure with typical extracts. */
  caveat?: string;
  /**
   * Fewest cases a period needs (its denominator) for process limits and comparisons; below it the chart
   * is a run chart and a change is "too few to compare". Default 10 for indicators with a denominator.
   */
  minDenominator?: number;
  /**
   * A figure still filling from the start of the data: a window reaching back before the first record
   * (TR4's 36 months of training), or a stock built only from records that start within the data (EH2's
   * open episodes). Periods ending before it has filled are drawn but not judged.
   */
  warmUp?: WarmUp;
  /** The DfE published measure it can sit beside (children in need and child protection statistics). */
  published?: PublishedPair;
  /**
   * For a count of rare events: the dated events themselves, so the time between them can be charted
   * (rare-events.ts) when the count is too low to show change.
   */
  rareEvents?: RareEvents;
  sql: string;
}

/**
 * The events an indicator counts, one row each. `sql` returns event_date (DATE), in date order, for the
 * dates covered by the periods of key $1 (the first period's start to the last one's effective end),
 * through the dimension filters $3 … $9: the same bound parameters as the indicator's own SQL.
 */
export interface RareEvents {
  /** The events, plural, as a sentence names them ("serious incident notifications"). */
  noun: string;
  /** The prepared tables its SQL reads, declared as IndicatorDefinition.reads (and checked the same way). */
  reads: readonly string[];
  sql: string;
}

/**
 * Which column of a DfE published-statistics file (explore-education-statistics) measures the same
 * thing, found by name among the files loaded: every pattern must match the column's name (compared in
 * lower case), so a name that varies between releases is still found. `note` says where the local
 * figure and the published one differ (the year, the count, the source).
 */
export interface PublishedPair {
  patterns: readonly string[];
  /** What the published figure is, as a board member reads it ("Re-referrals within 12 months, %"). */
  label: string;
  note: string;
}

export interface WarmUp {
  /** Months from the first date of the area's data until a period's figure is whole, or the setting that says. */
  months: number | 'trCoverageMonths';
  /** Why the early periods are incomplete, in words a board member reads beside the chart. */
  reason: string;
}

/** The periods being reported (bound as $1). */
export const PERIODS = '(SELECT period_start, period_end, effective_end FROM pi_periods WHERE period_key = $1)';

/** Keeps the rows of a prepared table that pass every active filter ($3 … $9). */
export const FILTERS = DIMENSIONS.map(
  (dimension, i) => `($${i + 3} = '' OR list_contains(string_split($${i + 3}, chr(31)), ${dimension}))`,
).join('\n    AND ');

export interface EventSource {
  /** Prepared table (or subquery) with the DIMENSIONS columns. */
  from: string;
  /** Date that places a row in a period. */
  date: string;
  /** Extra condition on the rows. */
  where?: string;
}

/** The months of each period being reported ($1): events join them on their month, not by a range. */
export const PERIOD_MONTHS = '(SELECT month, period_start, effective_end FROM pi_period_months WHERE period_key = $1)';

const filtered = (s: EventSource, select: string, groupBy: string) =>
  `SELECT ${s.date} AS d, ${select} FROM ${s.from} WHERE ${s.where ? `(${s.where}) AND ` : ''}${FILTERS} GROUP BY ${groupBy}`;

/**
 * Rows dated in each period: the filtered rows are first summed per date (a few hundred rows), then
 * placed in periods through their month; a partial period stops at its effective end.
 */
const inPeriods = (x: string, columns: string) => `SELECT pm.period_start, ${columns}
  FROM (${x}) x JOIN ${PERIOD_MONTHS} pm ON pm.month = date_trunc('month', x.d)::DATE AND x.d <= pm.effective_end
  GROUP BY pm.period_start`;

/** Count of rows (or sum of `expr`) dated in each period. */
export function eventCountSql(source: EventSource, expr = '1'): string {
  return `SELECT p.period_start, coalesce(t.n, 0)::DOUBLE AS numerator, NULL::DOUBLE AS denominator,
  coalesce(t.n, 0)::DOUBLE AS value
FROM ${PERIODS} p
LEFT JOIN (${inPeriods(filtered(source, `sum(${expr}) AS n`, '1'), 'sum(x.n) AS n')}) t USING (period_start)`;
}

/**
 * One row per event dated within the periods being reported ($1), from the first period's start to the
 * last one's effective end (the report date, for a partial last period), through the filters: the
 * events eventCountSql counts over the same source, one by one.
 */
export function eventDatesSql(source: EventSource): string {
  return `SELECT ${source.date} AS event_date
FROM ${source.from}
CROSS JOIN (SELECT min(period_start) AS first_day, max(effective_end) AS last_day FROM ${PERIODS}) span
WHERE ${source.date} BETWEEN span.first_day AND span.last_day${source.where ? ` AND (${source.where})` : ''}
  AND ${FILTERS}
ORDER BY event_date`;
}

/** Count of distinct `key` values dated in each period. */
export function eventDistinctSql(source: EventSource, key: string): string {
  return `SELECT p.period_start, coalesce(t.n, 0)::DOUBLE AS numerator, NULL::DOUBLE AS denominator,
  coalesce(t.n, 0)::DOUBLE AS value
FROM ${PERIODS} p
LEFT JOIN (${inPeriods(filtered(source, `${key} AS k`, 'ALL'), 'count(DISTINCT x.k) AS n')}) t USING (period_start)`;
}

/** Percentage: sum of `numerator` over sum of `denominator`, rows dated in each period (unknown counts as no). */
export function eventRateSql(source: EventSource, numerator: string, denominator = '1'): string {
  const sums = `sum(coalesce((${numerator})::INTEGER, 0)) AS num, sum(coalesce((${denominator})::INTEGER, 0)) AS den`;
  return `SELECT p.period_start, coalesce(t.num, 0)::DOUBLE AS numerator, coalesce(t.den, 0)::DOUBLE AS denominator,
  CASE WHEN t.den > 0 THEN 100.0 * t.num / t.den END AS value
FROM ${PERIODS} p
LEFT JOIN (${inPeriods(filtered(source, sums, '1'), 'sum(x.num) AS num, sum(x.den) AS den')}) t USING (period_start)`;
}

/** Percentage of distinct keys meeting a condition (a key meets it if any of its rows does). */
export function eventDistinctRateSql(source: EventSource, key: string, condition: string): string {
  return `SELECT p.period_start, coalesce(t.num, 0)::DOUBLE AS numerator, coalesce(t.den, 0)::DOUBLE AS denominator,
  CASE WHEN t.den > 0 THEN 100.0 * t.num / t.den END AS value
FROM ${PERIODS} p
LEFT JOIN (${inPeriods(
    filtered(source, `${key} AS k, bool_or(coalesce(${condition}, false)) AS ok`, '1, 2'),
    'count(DISTINCT x.k) FILTER (WHERE x.ok) AS num, count(DISTINCT x.k) AS den',
  )}) t USING (period_start)`;
}

/** Mean of `expr` over rows dated in each period; the numerator is the sum and the denominator the number of rows. */
export function eventMeanSql(source: EventSource, expr: string): string {
  return `SELECT p.period_start, t.total::DOUBLE AS numerator, coalesce(t.n, 0)::DOUBLE AS denominator,
  (t.total / t.n)::DOUBLE AS value
FROM ${PERIODS} p
LEFT JOIN (${inPeriods(filtered(source, `sum(${expr}) AS total, count(${expr}) AS n`, '1'), 'sum(x.total) AS total, sum(x.n) AS n')}) t
  USING (period_start)`;
}
