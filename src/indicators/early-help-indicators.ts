import { AGENCY_LABELS } from '../datasets/agencies';
import { inWords } from '../datasets/code-values';
import { END_REASON_LABELS } from '../datasets/early-help';
import { dimensionColumns, type IndicatorFamilyDefinition, type PrepareStep, reportDateSql } from './family-definition';
import {
  eventCountSql,
  eventRateSql,
  FILTERS,
  type IndicatorDefinition,
  PERIOD_MONTHS,
  PERIODS,
} from './indicator-definition';

/** The area's report date, in its prepared tables' SQL. */
const REPORT_DATE = reportDateSql('early_help');

const EH_DIMENSIONS: IndicatorDefinition['breakdowns'] = ['agency', 'locality', 'age_band', 'gender', 'ethnicity'];
const DATASETS = ['early_help_episodes'] as const;

/**
 * Episodes started by the report date, with the filter dimensions (or, `dimensions` false, none:
 * every dimension NULL). A CTE, never a copy of the rows.
 */
const episodes = (dimensions = true) => `eh AS NOT MATERIALIZED (
  SELECT child_id, assessment_start_date AS start_date, episode_end_date AS end_date, end_reason, end_reason_raw,
    request_date, lead_agency,
    ${dimensionColumns(
      dimensions
        ? {
            agency: 'pi_dim_code(lead_agency, lead_agency_raw)',
            locality: 'pi_dim(locality)',
            age_band: 'pi_age_band(age_at_start)',
            gender: 'pi_dim_code(gender, gender_raw)',
            ethnicity: 'pi_dim_code(ethnicity, ethnicity_raw)',
          }
        : {},
    )}
  FROM early_help_episodes
  WHERE assessment_start_date <= ${REPORT_DATE}
)`;
const EPISODES = episodes();

/** Starts and ends per month, filter dimensions and end reason, from the episodes CTE given. */
const flowSelect = (episodesCte: string) => `WITH ${episodesCte},
events AS (
  SELECT date_trunc('month', start_date)::DATE AS month, agency, locality, age_band, gender, ethnicity, domain, disability,
    NULL::VARCHAR AS end_reason, 1 AS starts, (lead_agency IS NOT NULL)::INTEGER AS starts_agency_known,
    coalesce(lead_agency NOT IN ('LA_EARLY_HELP', 'LA_CSC', 'LA_FAMILY_HELP'), false)::INTEGER AS partner_led, 0 AS ends
  FROM eh
  UNION ALL
  SELECT date_trunc('month', end_date)::DATE, agency, locality, age_band, gender, ethnicity, domain, disability,
    coalesce(end_reason, CASE WHEN end_reason_raw IS NULL THEN 'NOT_RECORDED' ELSE 'NOT_MAPPED' END), 0, 0, 0, 1
  FROM eh WHERE end_date <= ${REPORT_DATE}
)
SELECT month, agency, locality, age_band, gender, ethnicity, domain, disability, end_reason,
  sum(starts)::INTEGER AS starts, sum(starts_agency_known)::INTEGER AS starts_agency_known,
  sum(partner_led)::INTEGER AS partner_led, sum(ends)::INTEGER AS ends
FROM events GROUP BY ALL`;

/**
 * Starts and ends per month, filter dimensions and end reason. On a million episodes it has hundreds of
 * thousands of rows and is the slowest table to build, so it is built after the first stage: a page
 * with no filter reads its roll-up with no dimension, built straight from the episodes (far quicker:
 * a few hundred groups).
 */
const PREPARE_FULL: readonly PrepareStep[] = [
  { table: 'pi_eh_flow', reads: ['early_help_episodes'], reportDate: true, select: flowSelect(EPISODES) },
];

/** The re-referral cohort and the waiting-time histogram: slower, built after the first charts. */
const PREPARE_LATER: readonly PrepareStep[] = [
  // Closures that end a piece of help (needs met, stepped down) and whether the child came back.
  {
    table: 'pi_eh_cohort',
    reads: ['early_help_episodes', 'pi_settings'],
    reportDate: true,
    select: `WITH ${EPISODES}
SELECT hash(c.child_id) AS child_key, c.end_date, c.agency, c.locality, c.age_band, c.gender, c.ethnicity, c.domain, c.disability,
  EXISTS (
    SELECT 1 FROM eh n
    WHERE n.child_id = c.child_id AND n.start_date > c.end_date
      AND n.start_date <= c.end_date + (SELECT eh_rereferral_days FROM pi_settings)
  ) AS rereferred,
  count(*) OVER (PARTITION BY c.child_id) AS closures_of_child
FROM eh c
WHERE c.end_date <= ${REPORT_DATE} AND c.end_reason IN ('NEEDS_MET', 'STEP_DOWN_UNIVERSAL')`,
  },
  // Children are counted once per period. Most children have one such closure in all the data: those
  // are simply summed per month; the few with several are kept one row each, to count distinctly.
  {
    table: 'pi_eh_cohort_single',
    reads: ['pi_eh_cohort'],
    reportDate: false,
    select: `SELECT date_trunc('month', end_date)::DATE AS month, agency, locality, age_band, gender, ethnicity, domain, disability, rereferred,
  count(*)::INTEGER AS n
FROM pi_eh_cohort WHERE closures_of_child = 1 GROUP BY ALL`,
  },
  {
    table: 'pi_eh_cohort_multi',
    reads: ['pi_eh_cohort'],
    reportDate: false,
    select: `SELECT child_key, end_date, agency, locality, age_band, gender, ethnicity, domain, disability, rereferred
FROM pi_eh_cohort WHERE closures_of_child > 1`,
  },
  { drop: 'pi_eh_cohort' },
  // Days from request to assessment start, as a histogram per month.
  {
    table: 'pi_eh_wait',
    reads: ['early_help_episodes', 'pi_settings', 'pi_calendar'],
    reportDate: true,
    select: `WITH ${EPISODES}
SELECT date_trunc('month', eh.start_date)::DATE AS month, agency, locality, age_band, gender, ethnicity, domain, disability,
  (eh.start_date - eh.request_date)::INTEGER AS days,
  (cs.wd_index - cr.wd_index) <= (SELECT eh_start_standard_working_days FROM pi_settings) AS on_time,
  count(*)::INTEGER AS n
FROM eh
JOIN pi_calendar cr ON cr.d = eh.request_date
JOIN pi_calendar cs ON cs.d = eh.start_date
WHERE eh.request_date <= eh.start_date
GROUP BY ALL`,
  },
];

const FLOW = 'pi_eh_flow';

export const EH1: IndicatorDefinition = {
  id: 'EH1',
  family: 'early_help',
  reads: ['pi_eh_flow'],
  title: 'Early help assessments started',
  definition:
    'The number of early help episodes whose assessment started in the period. Every episode counts, so a child with two episodes in the period counts twice.',
  numerator: 'Episodes with an assessment start date in the period',
  denominator: null,
  unit: 'count',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote: 'Contextual: more early help usually means wider reach, but demand also drives it.',
  datasets: DATASETS,
  breakdowns: EH_DIMENSIONS,
  headline: true,
  sql: eventCountSql({ from: FLOW, date: 'month' }, 'starts'),
};

export const EH2: IndicatorDefinition = {
  id: 'EH2',
  family: 'early_help',
  reads: ['pi_eh_flow'],
  title: 'Early help episodes open at period end',
  definition:
    'The number of early help episodes open on the last day of the period: the assessment started on or before that day and the episode had not ended by it (an episode ending on the last day is closed). For the latest, unfinished period the report date is used.',
  numerator: 'Episodes with start ≤ period end and (no end date, or end date > period end)',
  denominator: null,
  unit: 'count',
  periodRule: 'stock_at_period_end',
  direction: 'neutral',
  directionNote: 'Contextual: a rising caseload can mean more reach or slower closure.',
  datasets: DATASETS,
  breakdowns: EH_DIMENSIONS,
  headline: true,
  warmUp: {
    months: 12,
    reason:
      'Episodes that started before the data begins are not in it, so the number open builds up from zero over the first year (most early help episodes close within a year).',
  },
  // Open at the end of a period = every start up to then − every end up to then.
  sql: `WITH f AS (
  SELECT month, sum(starts - ends) AS delta FROM ${FLOW} WHERE ${FILTERS} GROUP BY month
)
SELECT p.period_start, n::DOUBLE AS numerator, NULL::DOUBLE AS denominator, n::DOUBLE AS value
FROM (
  SELECT p.period_start, (SELECT coalesce(sum(delta), 0) FROM f WHERE f.month <= p.effective_end) AS n
  FROM ${PERIODS} p
) p`,
};

const closures = (numerator: string, denominator = 'ends') =>
  eventRateSql({ from: FLOW, date: 'month', where: 'ends > 0' }, numerator, denominator);

export const EH3: IndicatorDefinition = {
  id: 'EH3',
  family: 'early_help',
  reads: ['pi_eh_flow'],
  title: 'Early help closures with needs met',
  definition:
    'Of the early help episodes that closed in the period, the percentage closed because the family’s needs were met. Episodes closed because the family moved away or transferred to another service are left out, as early help could not finish its work.',
  numerator: `Closures in the period with end reason ${inWords(END_REASON_LABELS, ['NEEDS_MET'])}`,
  denominator: `Closures in the period, except ${inWords(END_REASON_LABELS, ['MOVED_AWAY', 'TRANSFER_OTHER_SERVICE'], 'and')}`,
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: more families leave early help with their needs met.',
  datasets: DATASETS,
  breakdowns: EH_DIMENSIONS,
  headline: true,
  sql: closures(
    "CASE WHEN end_reason = 'NEEDS_MET' THEN ends ELSE 0 END",
    "CASE WHEN end_reason IN ('MOVED_AWAY', 'TRANSFER_OTHER_SERVICE') THEN 0 ELSE ends END",
  ),
};

export const EH4: IndicatorDefinition = {
  id: 'EH4',
  family: 'early_help',
  reads: ['pi_eh_flow'],
  title: 'Early help closures stepped up to social care',
  definition:
    'Of the early help episodes that closed in the period, the percentage that closed because the child was stepped up to children’s social care or, where the Families First Partnership programme is in place, to child protection with a multi-agency child protection team. Under Families First, targeted early help and child-in-need support are one Family Help service: a move into or within Family Help is not a step-up (record it as “Transferred to another service”).',
  numerator: `Closures in the period with end reason ${inWords(END_REASON_LABELS, ['STEP_UP_CSC', 'STEP_UP_CP'])}`,
  denominator: 'All closures in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote:
    'Lower is usually better (early help preventing escalation), but read it alongside social care data: a timely step-up is the right outcome for some children.',
  datasets: DATASETS,
  breakdowns: EH_DIMENSIONS,
  headline: false,
  sql: closures("CASE WHEN end_reason IN ('STEP_UP_CSC', 'STEP_UP_CP') THEN ends ELSE 0 END"),
};

export const EH5: IndicatorDefinition = {
  id: 'EH5',
  family: 'early_help',
  reads: ['pi_eh_flow'],
  title: 'Early help closures where the family disengaged or withdrew consent',
  definition:
    'Of the early help episodes that closed in the period, the percentage that closed because the family disengaged or withdrew consent.',
  numerator: `Closures in the period with end reason ${inWords(END_REASON_LABELS, ['DISENGAGED', 'CONSENT_WITHDRAWN'])}`,
  denominator: 'All closures in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote: 'Lower is better: early help only works while families take part.',
  datasets: DATASETS,
  breakdowns: EH_DIMENSIONS,
  headline: false,
  sql: closures("CASE WHEN end_reason IN ('DISENGAGED', 'CONSENT_WITHDRAWN') THEN ends ELSE 0 END"),
};

export const EH6: IndicatorDefinition = {
  id: 'EH6',
  family: 'early_help',
  reads: ['pi_eh_cohort_single', 'pi_eh_cohort_multi', 'pi_settings'],
  title: 'Children re-referred to early help within 12 months',
  definition:
    'Of the children whose early help ended in the period with needs met or a step down to universal services, the percentage who started another early help episode within 12 months (365 days) of that closure. Each child counts once per period. A period is shown only once its 12-month follow-up has passed by the report date.',
  numerator: 'Children in the cohort with a new episode starting 1–365 days after a qualifying closure',
  denominator: `Children with an episode closed in the period as ${inWords(END_REASON_LABELS, ['NEEDS_MET', 'STEP_DOWN_UNIVERSAL'])}`,
  unit: 'percent',
  periodRule: 'lagged_cohort',
  direction: 'down',
  directionNote:
    'Lower is better: help that lasts. Mirrors the children-in-need “re-referrals within 12 months” measure.',
  datasets: DATASETS,
  breakdowns: EH_DIMENSIONS,
  settings: ['ehReReferralDays'],
  headline: true,
  caveat:
    'Counts returns to early help only: referrals to children’s social care are not in the early help extract, so this is the early-help-only re-referral rate.',
  sql: `WITH single AS (
  SELECT pm.period_start, sum(x.n) FILTER (WHERE x.rereferred) AS num, sum(x.n) AS den
  FROM (SELECT month, rereferred, sum(n) AS n FROM pi_eh_cohort_single WHERE ${FILTERS} GROUP BY 1, 2) x
  JOIN ${PERIOD_MONTHS} pm ON pm.month = x.month
  GROUP BY 1
), multi AS (
  SELECT pm.period_start,
    count(DISTINCT x.child_key) FILTER (WHERE x.rereferred) AS num, count(DISTINCT x.child_key) AS den
  FROM (
    SELECT end_date AS d, child_key, bool_or(rereferred) AS rereferred FROM pi_eh_cohort_multi WHERE ${FILTERS} GROUP BY 1, 2
  ) x
  JOIN ${PERIOD_MONTHS} pm ON pm.month = date_trunc('month', x.d)::DATE AND x.d <= pm.effective_end
  GROUP BY 1
), ready AS (
  SELECT p.period_start, coalesce(s.num, 0) + coalesce(m.num, 0) AS num, coalesce(s.den, 0) + coalesce(m.den, 0) AS den,
    p.period_end + (SELECT eh_rereferral_days FROM pi_settings) <= $2::DATE AS ready
  FROM ${PERIODS} p LEFT JOIN single s USING (period_start) LEFT JOIN multi m USING (period_start)
)
SELECT period_start,
  CASE WHEN ready THEN num END::DOUBLE AS numerator,
  CASE WHEN ready THEN den END::DOUBLE AS denominator,
  CASE WHEN ready AND den > 0 THEN 100.0 * num / den END::DOUBLE AS value
FROM ready`,
};

export const EH7: IndicatorDefinition = {
  id: 'EH7',
  family: 'early_help',
  reads: ['pi_eh_wait'],
  title: 'Median days from request to early help assessment',
  definition:
    'For early help assessments started in the period where the request date is recorded, the median number of calendar days from the request to the start of the assessment.',
  numerator: 'Median of (assessment start date − request date), in days',
  denominator: 'Assessments started in the period with a request date on or before the start',
  unit: 'days',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote: 'Lower is better: families get help sooner.',
  datasets: DATASETS,
  breakdowns: EH_DIMENSIONS,
  headline: false,
  sql: `WITH w AS (
  SELECT pm.period_start, x.days, sum(x.n) AS n
  FROM (SELECT month, days, sum(n) AS n FROM pi_eh_wait WHERE ${FILTERS} GROUP BY 1, 2) x
  JOIN ${PERIOD_MONTHS} pm ON pm.month = x.month
  GROUP BY 1, 2
), c AS (
  SELECT period_start, days,
    sum(n) OVER (PARTITION BY period_start ORDER BY days) AS cum, sum(n) OVER (PARTITION BY period_start) AS total
  FROM w
), m AS (
  SELECT period_start, any_value(total) AS total,
    min(days) FILTER (WHERE cum >= floor((total + 1) / 2)) AS lo,
    min(days) FILTER (WHERE cum >= ceil((total + 1) / 2)) AS hi
  FROM c GROUP BY period_start
)
SELECT p.period_start, NULL::DOUBLE AS numerator, coalesce(m.total, 0)::DOUBLE AS denominator,
  ((m.lo + m.hi) / 2)::DOUBLE AS value
FROM ${PERIODS} p LEFT JOIN m USING (period_start)`,
};

export const EH7B: IndicatorDefinition = {
  id: 'EH7B',
  family: 'early_help',
  reads: ['pi_eh_wait'],
  title: 'Early help assessments started within the local standard',
  definition:
    'For early help assessments started in the period where the request date is recorded, the percentage that started within the local standard of working days after the request (20 by default; weekends, England and Wales bank holidays and local closure days do not count).',
  numerator: 'Assessments started within the standard number of working days of the request',
  denominator: 'Assessments started in the period with a request date on or before the start',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: families get help sooner.',
  datasets: DATASETS,
  breakdowns: EH_DIMENSIONS,
  settings: ['ehStartStandardWorkingDays', 'closureDays'],
  headline: false,
  sql: eventRateSql({ from: 'pi_eh_wait', date: 'month' }, 'CASE WHEN on_time THEN n ELSE 0 END', 'n'),
};

export const EH8: IndicatorDefinition = {
  id: 'EH8',
  family: 'early_help',
  reads: ['pi_eh_flow'],
  title: 'Early help assessments led by partner agencies',
  definition:
    'Of the early help assessments started in the period with a lead agency recorded, the percentage led by an agency other than the local authority’s early help or Family Help service or children’s social care (for example schools, health or police, whose lead practitioners Families First expects).',
  numerator: `Starts whose lead agency is not ${inWords(AGENCY_LABELS, ['LA_EARLY_HELP', 'LA_FAMILY_HELP', 'LA_CSC'])}`,
  denominator: 'Starts in the period with a lead agency recorded',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: partners taking on the lead professional role, as the guidance expects.',
  datasets: DATASETS,
  breakdowns: ['locality', 'age_band', 'gender', 'ethnicity'],
  headline: false,
  sql: eventRateSql({ from: FLOW, date: 'month', where: 'starts > 0' }, 'partner_led', 'starts_agency_known'),
};

export const EARLY_HELP_FAMILY: IndicatorFamilyDefinition = {
  id: 'early_help',
  title: 'Early help',
  summary: 'How many children and families get early help, how it ends, and whether it lasts.',
  dateRangeSql: `SELECT min(assessment_start_date) AS first,
  greatest(max(assessment_start_date), max(episode_end_date), max(assessment_completion_date), max(request_date)) AS last
FROM early_help_episodes`,
  defaultGranularity: 'month',
  comparison: { indicator: 'EH1', dimension: 'agency' },
  dimensionTable: 'pi_eh_flow',
  prepare: [],
  prepareFull: PREPARE_FULL,
  prepareLater: PREPARE_LATER,
  rollups: [
    {
      table: 'pi_eh_flow',
      keys: ['month', 'end_reason'],
      measures: ['starts', 'starts_agency_known', 'partner_led', 'ends'],
      early: { reads: ['early_help_episodes'], reportDate: true, select: flowSelect(episodes(false)) },
    },
    { table: 'pi_eh_cohort_single', keys: ['month', 'rereferred'], measures: ['n'] },
    { table: 'pi_eh_wait', keys: ['month', 'days', 'on_time'], measures: ['n'] },
  ],
  indicators: [EH1, EH2, EH3, EH4, EH5, EH6, EH7, EH7B, EH8],
};
