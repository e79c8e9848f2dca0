import { dimensionColumns, type IndicatorFamilyDefinition, type PrepareStep } from './family-definition';
import {
  type EventSource,
  eventCountSql,
  eventDatesSql,
  eventRateSql,
  FILTERS,
  type IndicatorDefinition,
  PERIODS,
} from './indicator-definition';
import { workingDaysBetweenSql } from './working-days';

const PREPARE: readonly PrepareStep[] = [
  // Reviews with their timeliness worked out once: working days per England and Wales calendar.
  {
    table: 'pi_pr_reviews',
    reads: ['pi_settings', 'practice_reviews', 'pi_calendar'],
    reportDate: false,
    select: `SELECT r.review_id, r.la_aware_date, r.notification_date, r.rapid_review_sent_date, r.rr_decision,
  r.lcspr_decision_date, r.lcspr_report_final_date, r.publication_date, r.publication_status,
  ${workingDaysBetweenSql('aware', 'notified')} AS notification_working_days,
  ${workingDaysBetweenSql('notified', 'sent')} AS rapid_review_working_days,
  r.lcspr_report_final_date <= r.lcspr_decision_date + to_months((SELECT pr_lcspr_months FROM pi_settings)) AS lcspr_on_time,
  ${dimensionColumns({})}
FROM practice_reviews r
LEFT JOIN pi_calendar aware ON aware.d = r.la_aware_date
LEFT JOIN pi_calendar notified ON notified.d = r.notification_date
LEFT JOIN pi_calendar sent ON sent.d = r.rapid_review_sent_date`,
  },
  {
    table: 'pi_pr_recommendations',
    reads: ['review_recommendations'],
    reportDate: false,
    select: `SELECT review_id, rec_id, due_date, completed_date, status, evidence_of_impact,
  ${dimensionColumns({ agency: 'pi_dim_code(owner_agency, owner_agency_raw)' })}
FROM review_recommendations WHERE coalesce(status, '') <> 'SUPERSEDED'`,
  },
];

const REVIEWS = ['practice_reviews'] as const;

/** Serious incident notifications: counted per period by PR1, and listed one by one for its t-chart. */
const NOTIFICATIONS: EventSource = { from: 'pi_pr_reviews', date: 'notification_date' };

export const PR1: IndicatorDefinition = {
  id: 'PR1',
  family: 'reviews',
  reads: ['pi_pr_reviews'],
  title: 'Serious incident notifications',
  definition:
    'The number of serious incident notifications sent to the Child Safeguarding Practice Review Panel in the period.',
  numerator: 'Reviews with a notification date in the period',
  denominator: null,
  unit: 'count',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote: 'Contextual: notifications follow serious incidents, which the partnership does not choose.',
  datasets: REVIEWS,
  breakdowns: [],
  headline: true,
  rareEvents: {
    noun: 'serious incident notifications',
    reads: ['pi_pr_reviews'],
    sql: eventDatesSql(NOTIFICATIONS),
  },
  sql: eventCountSql(NOTIFICATIONS),
};

export const PR2: IndicatorDefinition = {
  id: 'PR2',
  family: 'reviews',
  reads: ['pi_pr_reviews', 'pi_settings'],
  title: 'Notifications within 5 working days',
  definition:
    'Of the notifications sent in the period where the date the local authority became aware is recorded, the percentage sent within 5 working days of it (weekends, England and Wales bank holidays and local closure days do not count; the day of becoming aware is day 0).',
  numerator: 'Notifications with working days (aware → notification) ≤ 5',
  denominator: 'Notifications in the period with an LA aware date',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote:
    'Higher is better: the local authority must notify the Child Safeguarding Practice Review Panel within 5 working days of becoming aware of a serious incident (Children Act 2004, section 16C).',
  datasets: REVIEWS,
  breakdowns: [],
  settings: ['prNotificationWorkingDays', 'closureDays'],
  headline: true,
  sql: eventRateSql(
    { from: 'pi_pr_reviews', date: 'notification_date', where: 'notification_working_days IS NOT NULL' },
    'notification_working_days <= (SELECT pr_notification_working_days FROM pi_settings)',
  ),
};

export const PR3: IndicatorDefinition = {
  id: 'PR3',
  family: 'reviews',
  reads: ['pi_pr_reviews', 'pi_settings'],
  title: 'Rapid reviews within 15 working days',
  definition:
    'Of the rapid reviews sent to the Panel in the period, the percentage sent within 15 working days of the notification (weekends, bank holidays and local closure days do not count).',
  numerator: 'Rapid reviews with working days (notification → sent) ≤ 15',
  denominator: 'Rapid reviews sent in the period with a notification date',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote:
    'Higher is better: the Child Safeguarding Practice Review Panel’s guidance expects the rapid review within 15 working days of the notification.',
  datasets: REVIEWS,
  breakdowns: [],
  settings: ['prRapidReviewWorkingDays', 'closureDays'],
  headline: true,
  sql: eventRateSql(
    { from: 'pi_pr_reviews', date: 'rapid_review_sent_date', where: 'rapid_review_working_days IS NOT NULL' },
    'rapid_review_working_days <= (SELECT pr_rapid_review_working_days FROM pi_settings)',
  ),
};

export const PR4: IndicatorDefinition = {
  id: 'PR4',
  family: 'reviews',
  reads: ['pi_pr_reviews'],
  title: 'Rapid reviews leading to a local practice review',
  definition:
    'Of the rapid reviews sent in the period with a decision recorded, the percentage where the decision was to hold a local child safeguarding practice review (LCSPR).',
  numerator: 'Rapid reviews with decision LCSPR',
  denominator: 'Rapid reviews sent in the period with a decision',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote: 'Contextual: the right decision depends on each case.',
  datasets: REVIEWS,
  breakdowns: [],
  headline: false,
  sql: eventRateSql(
    { from: 'pi_pr_reviews', date: 'rapid_review_sent_date', where: 'rr_decision IS NOT NULL' },
    "rr_decision = 'LCSPR'",
  ),
};

export const PR5: IndicatorDefinition = {
  id: 'PR5',
  family: 'reviews',
  reads: ['pi_pr_reviews'],
  title: 'Local practice reviews finished within 6 months',
  definition:
    'Of the local child safeguarding practice reviews whose final report was completed in the period, the percentage completed within 6 calendar months of the decision to hold the review.',
  numerator: 'LCSPRs with final report date ≤ decision date + 6 months',
  denominator: 'LCSPRs with a final report in the period and a decision date',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: learning published while it is current.',
  datasets: REVIEWS,
  breakdowns: [],
  settings: ['prLcsprMonths'],
  headline: false,
  caveat:
    'A local review’s timescale is set by the safeguarding partners; 6 months is the expectation Working Together 2018 gave, kept as the default. Change it on the Definitions page to your own.',
  sql: eventRateSql(
    { from: 'pi_pr_reviews', date: 'lcspr_report_final_date', where: 'lcspr_decision_date IS NOT NULL' },
    'lcspr_on_time',
  ),
};

export const PR6: IndicatorDefinition = {
  id: 'PR6',
  family: 'reviews',
  reads: ['pi_pr_recommendations'],
  title: 'Review recommendations completed on time',
  definition:
    'Of the recommendations from practice reviews that fell due in the period (up to the report date), the percentage completed on or before their due date. Superseded recommendations are left out.',
  numerator: 'Recommendations with a completed date on or before the due date',
  denominator: 'Recommendations due in the period, on or before the report date',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: learning from reviews acted on.',
  datasets: ['review_recommendations'],
  breakdowns: ['agency'],
  headline: true,
  sql: eventRateSql(
    { from: 'pi_pr_recommendations', date: 'due_date', where: 'due_date <= $2::DATE' },
    'completed_date <= due_date',
  ),
};

export const PR7: IndicatorDefinition = {
  id: 'PR7',
  family: 'reviews',
  reads: ['pi_pr_recommendations'],
  title: 'Overdue review recommendations',
  definition:
    'The number of practice review recommendations not completed by the end of the period although their due date had passed. A recommendation marked complete without a completed date counts as done. Superseded recommendations are left out.',
  numerator: 'Recommendations with due date < period end and no completion by the period end',
  denominator: null,
  unit: 'count',
  periodRule: 'stock_at_period_end',
  direction: 'down',
  directionNote: 'Lower is better.',
  datasets: ['review_recommendations'],
  breakdowns: ['agency'],
  headline: true,
  sql: `SELECT p.period_start, count(r.due_date)::DOUBLE AS numerator, NULL::DOUBLE AS denominator,
  count(r.due_date)::DOUBLE AS value
FROM ${PERIODS} p
LEFT JOIN (SELECT * FROM pi_pr_recommendations WHERE ${FILTERS}) r
  ON r.due_date < p.effective_end
 AND (r.completed_date > p.effective_end OR (r.completed_date IS NULL AND coalesce(r.status, 'OPEN') <> 'COMPLETE'))
GROUP BY p.period_start`,
};

export const PR8: IndicatorDefinition = {
  id: 'PR8',
  family: 'reviews',
  reads: ['pi_pr_recommendations'],
  title: 'Completed recommendations with evidence of impact',
  definition:
    'Of the practice review recommendations completed in the period, the percentage whose completion is backed by evidence of an impact on practice (evidence_of_impact = Y). Working Together 2023 asks that the yearly report shows the impact of reviews’ recommendations, not only that actions were done.',
  numerator: 'Recommendations completed in the period with evidence of impact',
  denominator: 'Recommendations completed in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: learning that changed practice, and can show it.',
  datasets: ['review_recommendations'],
  breakdowns: ['agency'],
  headline: true,
  caveat: 'A recommendation with no answer in the evidence column counts as without evidence.',
  sql: eventRateSql(
    { from: 'pi_pr_recommendations', date: 'completed_date', where: 'completed_date IS NOT NULL' },
    'evidence_of_impact',
  ),
};

export const REVIEW_FAMILY: IndicatorFamilyDefinition = {
  id: 'reviews',
  title: 'Practice reviews',
  summary: 'Serious incident notifications, rapid reviews and local reviews: on time, and their learning acted on.',
  dateRangeSql: `SELECT min(d) AS first, max(d) AS last FROM (
  SELECT unnest([la_aware_date, notification_date, rapid_review_sent_date, lcspr_decision_date, lcspr_report_final_date, publication_date]) AS d
  FROM practice_reviews
  UNION ALL SELECT completed_date FROM review_recommendations
)`,
  defaultGranularity: 'year',
  comparison: { indicator: 'PR7', dimension: 'agency' },
  dimensionTable: 'pi_pr_recommendations',
  prepare: PREPARE,
  indicators: [PR1, PR2, PR3, PR4, PR5, PR6, PR7, PR8],
};
