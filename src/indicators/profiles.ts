import { AUDIT_GRADE_LABELS } from '../datasets/audits';
import { END_REASON_LABELS } from '../datasets/early-help';
import { DURATION_BANDS } from './child-protection-prepare';
import {
  FILTERS,
  type IndicatorDefinition,
  NOT_MAPPED,
  NOT_RECORDED,
  PERIOD_MONTHS,
  PERIODS,
} from './indicator-definition';

/**
 * A profile: counts of one thing across two categories — closure reasons per period, ratings per
 * standard and agency, grades per audit domain, recommendations per owner and status. Data like the
 * indicators: the SQL returns row_key, col_key, n (and total where a cell is a share), with the same
 * bound parameters ($1 periods, $2 report date, $3… filters), over the periods being reported.
 */
export interface ProfileDefinition {
  id: string;
  family: IndicatorDefinition['family'];
  title: string;
  /** One line on how to read it. */
  description: string;
  rowLabel: string;
  columnLabel: string;
  /** The column order, and labels; categories not listed come after, as written. */
  columns: readonly { key: string; label: string }[];
  /** Rows are periods (drawn as stacked bars over time), or categories (a heatmap or bars). */
  rows: 'periods' | 'categories';
  /** The dimension a click on a row filters the page by, if any. */
  rowDimension?: IndicatorDefinition['breakdowns'][number];
  /** The dimension a click on a column filters the page by, if any. */
  columnDimension?: IndicatorDefinition['breakdowns'][number];
  /** The prepared tables its SQL reads (as IndicatorDefinition.reads). */
  reads: readonly string[];
  datasets: readonly string[];
  breakdowns: IndicatorDefinition['breakdowns'];
  /**
   * Indicator counts this profile's cells add up to, over the same dates: a row of a profile by period
   * (or the whole table of a profile by category) summed over `columns` (all when absent) but
   * `excludeColumns`, leaving out `excludeRows`, of its counts (`n`) or of what they are out of (`total`). Publishing both, a reader can
   * add them up, so the pack protects them together; tests check that each holds.
   */
  composes?: readonly Composition[];
  /**
   * Whether a row's cells add up to something a reader can use (closures by reason make up the
   * period's closures); false when the columns count different things, as the review steps do.
   * Default: true.
   */
  rowsAddUp?: boolean;
  /** Columns whose counts are part of another's in the same row ("of which on time" of the notifications). */
  within?: readonly { part: string; whole: string }[];
  sql: string;
}

export interface Composition {
  indicator: string;
  measure: 'numerator' | 'denominator';
  columns?: readonly string[];
  excludeColumns?: readonly string[];
  excludeRows?: readonly string[];
  of?: 'n' | 'total';
}

/** A coded field's values, in its order, with its labels in words. */
const labelledColumns = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([key, label]) => ({ key, label }));

/** First and last day of the periods being reported. */
const RANGE = `(SELECT min(period_start) FROM ${PERIODS}) AND (SELECT max(effective_end) FROM ${PERIODS})`;

export const CLOSURE_REASONS: ProfileDefinition = {
  id: 'EHP1',
  family: 'early_help',
  reads: ['pi_eh_flow'],
  title: 'Why early help episodes closed',
  description: 'Closures in each period by end reason, stacked. The same closures EH3, EH4 and EH5 count.',
  rowLabel: 'Period',
  columnLabel: 'End reason',
  // The end reasons in words (the dataset's labels), then closures whose reason is not mapped yet or blank.
  columns: [
    ...labelledColumns(END_REASON_LABELS),
    { key: 'NOT_MAPPED', label: NOT_MAPPED },
    { key: 'NOT_RECORDED', label: NOT_RECORDED },
  ],
  rows: 'periods',
  datasets: ['early_help_episodes'],
  composes: [
    { indicator: 'EH3', measure: 'numerator', columns: ['NEEDS_MET'] },
    { indicator: 'EH3', measure: 'denominator', excludeColumns: ['MOVED_AWAY', 'TRANSFER_OTHER_SERVICE'] },
    { indicator: 'EH4', measure: 'numerator', columns: ['STEP_UP_CSC', 'STEP_UP_CP'] },
    { indicator: 'EH4', measure: 'denominator' },
    { indicator: 'EH5', measure: 'numerator', columns: ['DISENGAGED', 'CONSENT_WITHDRAWN'] },
    { indicator: 'EH5', measure: 'denominator' },
  ],
  breakdowns: ['agency', 'locality', 'age_band', 'gender', 'ethnicity'],
  sql: `SELECT strftime(pm.period_start, '%Y-%m-%d') AS row_key, x.end_reason AS col_key, sum(x.n)::DOUBLE AS n,
  NULL::DOUBLE AS total
FROM (SELECT month, end_reason, sum(ends) AS n FROM pi_eh_flow WHERE ends > 0 AND ${FILTERS} GROUP BY 1, 2) x
JOIN ${PERIOD_MONTHS} pm ON pm.month = x.month
GROUP BY 1, 2`,
};

export const STANDARD_RATINGS: ProfileDefinition = {
  id: 'OBP1',
  family: 'obligations',
  reads: ['pi_ob_ratings'],
  title: 'Section 11 and Section 175/157 standards met, by agency',
  description:
    'Each cell: the percentage of ratings of that standard by that kind of agency that were “met”, with the number of ratings. Self-assessed.',
  rowLabel: 'Standard',
  columnLabel: 'Agency',
  columns: [],
  rows: 'categories',
  columnDimension: 'agency',
  datasets: ['compliance_returns'],
  composes: [
    { indicator: 'OB3', measure: 'numerator' },
    { indicator: 'OB3', measure: 'denominator', of: 'total' },
  ],
  breakdowns: ['agency'],
  sql: `SELECT coalesce(standard_id, 'Not recorded') || coalesce(' — ' || standard_name, '') AS row_key, agency AS col_key,
  count(*) FILTER (WHERE rating = 'MET')::DOUBLE AS n, count(*)::DOUBLE AS total
FROM pi_ob_ratings
WHERE period_date BETWEEN ${RANGE} AND ${FILTERS}
GROUP BY 1, 2`,
};

export const GRADE_PROFILE: ProfileDefinition = {
  id: 'AQP1',
  family: 'audits',
  reads: ['pi_aq_grades'],
  title: 'Audit grades by practice domain',
  description: 'Each cell: how many grades of each kind a domain received in the audits in these periods.',
  rowLabel: 'Domain',
  columnLabel: 'Grade',
  columns: labelledColumns(AUDIT_GRADE_LABELS),
  rows: 'categories',
  rowDimension: 'domain',
  datasets: ['audit_grades'],
  composes: [
    { indicator: 'AQ4', measure: 'numerator', columns: ['OUTSTANDING', 'GOOD'], excludeRows: ['OVERALL'] },
    { indicator: 'AQ4', measure: 'denominator', excludeRows: ['OVERALL'] },
  ],
  breakdowns: ['agency', 'domain'],
  sql: `SELECT domain AS row_key, grade AS col_key, count(*)::DOUBLE AS n, NULL::DOUBLE AS total
FROM pi_aq_grades
WHERE grade IS NOT NULL AND audit_date BETWEEN ${RANGE} AND ${FILTERS}
GROUP BY 1, 2`,
};

export const RECOMMENDATION_STATUS: ProfileDefinition = {
  id: 'PRP1',
  family: 'reviews',
  reads: ['pi_pr_recommendations'],
  title: 'Review recommendations by owner agency and status',
  description:
    'Recommendations due from the start of these periods on (including those not yet due), by the agency that owns them and where they stand at the report date.',
  rowLabel: 'Owner agency',
  columnLabel: 'Status at the report date',
  columns: [
    { key: 'COMPLETE_ON_TIME', label: 'Completed on time' },
    { key: 'COMPLETE_LATE', label: 'Completed late or undated' },
    { key: 'OVERDUE', label: 'Overdue' },
    { key: 'OPEN', label: 'Open, not yet due' },
  ],
  rows: 'categories',
  rowDimension: 'agency',
  datasets: ['review_recommendations'],
  breakdowns: ['agency'],
  sql: `SELECT agency AS row_key,
  CASE
    WHEN completed_date IS NOT NULL AND completed_date <= due_date THEN 'COMPLETE_ON_TIME'
    WHEN completed_date IS NOT NULL OR status = 'COMPLETE' THEN 'COMPLETE_LATE'
    WHEN due_date < $2::DATE THEN 'OVERDUE'
    ELSE 'OPEN'
  END AS col_key,
  count(*)::DOUBLE AS n, NULL::DOUBLE AS total
FROM pi_pr_recommendations
WHERE coalesce(due_date, $2::DATE) >= (SELECT min(period_start) FROM ${PERIODS}) AND ${FILTERS}
GROUP BY 1, 2`,
};

/** A dated step of a practice review, counted once, in its period (the same rows PR1, PR2, PR3 and PR5 count). */
const reviewStep = (step: string, date: string, where: string) =>
  `SELECT '${step}' AS step, ${date} AS d FROM pi_pr_reviews WHERE ${date} IS NOT NULL AND (${where}) AND ${FILTERS}`;

/**
 * The practice reviews' steps counted by period: how many notifications, rapid reviews and local
 * reviews' final reports, and how many of each met its standard. What the review timeline shows when
 * small numbers are hidden: each review drawn as a mark could be counted in a period whose count is `c`.
 */
export const REVIEW_STEPS: ProfileDefinition = {
  id: 'PRT1',
  family: 'reviews',
  reads: ['pi_pr_reviews', 'pi_settings'],
  title: 'Practice reviews by period: each step, and how many were on time',
  description:
    'The number of serious incident notifications, rapid reviews sent and local reviews’ final reports in each period, and how many of each met its standard.',
  rowLabel: 'Period',
  columnLabel: 'Step',
  columns: [
    { key: 'NOTIFIED', label: 'Notifications' },
    { key: 'NOTIFIED_ON_TIME', label: 'Notifications on time' },
    { key: 'RAPID_REVIEW', label: 'Rapid reviews sent' },
    { key: 'RAPID_REVIEW_ON_TIME', label: 'Rapid reviews on time' },
    { key: 'LOCAL_REVIEW', label: 'Local review final reports' },
    { key: 'LOCAL_REVIEW_ON_TIME', label: 'Final reports on time' },
  ],
  rows: 'periods',
  rowsAddUp: false,
  within: [
    { part: 'NOTIFIED_ON_TIME', whole: 'NOTIFIED' },
    { part: 'RAPID_REVIEW_ON_TIME', whole: 'RAPID_REVIEW' },
    { part: 'LOCAL_REVIEW_ON_TIME', whole: 'LOCAL_REVIEW' },
  ],
  datasets: ['practice_reviews'],
  composes: [
    { indicator: 'PR1', measure: 'numerator', columns: ['NOTIFIED'] },
    { indicator: 'PR2', measure: 'numerator', columns: ['NOTIFIED_ON_TIME'] },
    { indicator: 'PR2', measure: 'denominator', columns: ['NOTIFIED'] },
    { indicator: 'PR3', measure: 'numerator', columns: ['RAPID_REVIEW_ON_TIME'] },
    { indicator: 'PR3', measure: 'denominator', columns: ['RAPID_REVIEW'] },
    { indicator: 'PR4', measure: 'denominator', columns: ['RAPID_REVIEW'] },
    { indicator: 'PR5', measure: 'numerator', columns: ['LOCAL_REVIEW_ON_TIME'] },
    { indicator: 'PR5', measure: 'denominator', columns: ['LOCAL_REVIEW'] },
  ],
  breakdowns: [],
  sql: `SELECT strftime(pm.period_start, '%Y-%m-%d') AS row_key, s.step AS col_key, count(*)::DOUBLE AS n,
  NULL::DOUBLE AS total
FROM (
  ${reviewStep('NOTIFIED', 'notification_date', 'true')}
  UNION ALL ${reviewStep('NOTIFIED_ON_TIME', 'notification_date', 'notification_working_days <= (SELECT pr_notification_working_days FROM pi_settings)')}
  UNION ALL ${reviewStep('RAPID_REVIEW', 'rapid_review_sent_date', 'true')}
  UNION ALL ${reviewStep('RAPID_REVIEW_ON_TIME', 'rapid_review_sent_date', 'rapid_review_working_days <= (SELECT pr_rapid_review_working_days FROM pi_settings)')}
  UNION ALL ${reviewStep('LOCAL_REVIEW', 'lcspr_report_final_date', 'true')}
  UNION ALL ${reviewStep('LOCAL_REVIEW_ON_TIME', 'lcspr_report_final_date', 'lcspr_on_time')}
) s
JOIN ${PERIOD_MONTHS} pm ON pm.month = date_trunc('month', s.d)::DATE AND s.d <= pm.effective_end
GROUP BY 1, 2`,
};

/** CP10's bands: the plans ended in each period by how long they lasted (CP10 is the first band's share). */
export const PLAN_DURATIONS: ProfileDefinition = {
  id: 'CPP1',
  family: 'child_protection',
  reads: ['pi_cp_plans'],
  title: 'Child protection plans ended, by how long they lasted',
  description: 'Plans that ended in each period by their length, stacked. The same plans CP10 counts.',
  rowLabel: 'Period',
  columnLabel: 'How long the plan lasted',
  columns: labelledColumns(DURATION_BANDS),
  rows: 'periods',
  datasets: ['child_protection_plans'],
  composes: [
    { indicator: 'CP10', measure: 'numerator', columns: ['UNDER_3_MONTHS'] },
    { indicator: 'CP10', measure: 'denominator' },
  ],
  breakdowns: ['age_band', 'gender', 'ethnicity', 'disability'],
  sql: `SELECT strftime(pm.period_start, '%Y-%m-%d') AS row_key, x.duration_band AS col_key, count(*)::DOUBLE AS n,
  NULL::DOUBLE AS total
FROM (SELECT end_date, duration_band FROM pi_cp_plans WHERE end_date IS NOT NULL AND ${FILTERS}) x
JOIN ${PERIOD_MONTHS} pm ON pm.month = date_trunc('month', x.end_date)::DATE AND x.end_date <= pm.effective_end
GROUP BY 1, 2`,
};

/** The profiles an area page shows as tables or bars (the review steps are the pack's published timeline). */
export const PROFILES: readonly ProfileDefinition[] = [
  CLOSURE_REASONS,
  STANDARD_RATINGS,
  GRADE_PROFILE,
  RECOMMENDATION_STATUS,
  PLAN_DURATIONS,
];

/** Every profile, for the tests that run each against DuckDB. */
export const ALL_PROFILES: readonly ProfileDefinition[] = [...PROFILES, REVIEW_STEPS];
