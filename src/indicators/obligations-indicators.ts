import { inWords, labelsOf } from '../datasets/code-values';
import { complianceReturns } from '../datasets/compliance';
import { SECTION_11_STANDARDS } from '../datasets/section-11-standards';
import { dimensionColumns, type IndicatorFamilyDefinition, type PrepareStep } from './family-definition';
import { eventRateSql, FILTERS, type IndicatorDefinition, PERIODS } from './indicator-definition';

/** The self-assessed ratings, in the dataset's words. */
const RATINGS = labelsOf(complianceReturns, 'rating');

const AGENCY = dimensionColumns({ agency: 'pi_dim_code(agency_type, agency_type_raw)' });

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** Each standard's name: the one the returns give most often, else the Section 11 key feature's. */
const STANDARD_NAMES = `names AS (
  SELECT standard_id, coalesce(mode(standard_name), any_value(k.name)) AS standard_name
  FROM compliance_returns
  LEFT JOIN (VALUES ${SECTION_11_STANDARDS.map(([id, name]) => `(${quote(id)}, ${quote(name)})`).join(', ')}) k(id, name)
    ON upper(trim(compliance_returns.standard_id)) = k.id
  WHERE standard_id IS NOT NULL GROUP BY standard_id
)`;

const PREPARE: readonly PrepareStep[] = [
  // One row per expected return (framework, organisation, cycle), placed in time by its due date.
  {
    table: 'pi_ob_returns',
    reads: ['compliance_returns'],
    reportDate: false,
    select: `SELECT framework, organisation, cycle, min(due_date) AS due_date, min(submitted_date) AS submitted_date,
  coalesce(min(due_date), min(submitted_date)) AS period_date, ${dimensionColumns({ agency: 'pi_dim_code(any_value(agency_type), any_value(agency_type_raw))' })}
FROM compliance_returns
WHERE organisation IS NOT NULL AND coalesce(due_date, submitted_date) IS NOT NULL
GROUP BY framework, organisation, cycle`,
  },
  // Ratings of standards (one row per standard per return).
  {
    table: 'pi_ob_ratings',
    reads: ['compliance_returns'],
    reportDate: false,
    select: `WITH ${STANDARD_NAMES}
SELECT framework, organisation, standard_id, names.standard_name, rating,
  coalesce(due_date, submitted_date) AS period_date, ${AGENCY}
FROM compliance_returns LEFT JOIN names USING (standard_id)
WHERE rating IS NOT NULL AND rating <> 'NA' AND coalesce(due_date, submitted_date) IS NOT NULL`,
  },
  // Actions arising from the returns.
  {
    table: 'pi_ob_actions',
    reads: ['compliance_returns'],
    reportDate: false,
    select: `SELECT framework, organisation, standard_id, action_due_date, action_status, ${AGENCY}
FROM compliance_returns
WHERE action_due_date IS NOT NULL AND coalesce(action_status, '') <> 'CLOSED_NO_ACTION'
  AND (action_required IS NOT false OR action_status IS NOT NULL)`,
  },
  // Schools on roll and whether (and when) each returned its Section 175 audit, by due date.
  {
    table: 'pi_ob_schools',
    reads: ['schools', 'pi_ob_returns'],
    reportDate: false,
    select: `WITH roll AS (
  SELECT DISTINCT lower(trim(urn)) AS urn, lower(trim(school_name)) AS name FROM schools WHERE urn IS NOT NULL
), s175 AS (
  SELECT lower(trim(organisation)) AS org, due_date, submitted_date, coalesce(due_date, submitted_date) AS period_date
  FROM pi_ob_returns WHERE framework = 'S175'
)
SELECT roll.urn, s175.period_date, s175.submitted_date, ${dimensionColumns({})}
FROM roll JOIN s175 ON s175.org = roll.urn OR s175.org = roll.name`,
  },
];

const DATASETS = ['compliance_returns'] as const;
const RETURN_DIMENSIONS: IndicatorDefinition['breakdowns'] = ['agency'];

export const OB1: IndicatorDefinition = {
  id: 'OB1',
  family: 'obligations',
  reads: ['pi_ob_returns'],
  title: 'Section 11 and Section 175/157 returns received',
  definition:
    'Of the organisations expected to make a Section 11 or Section 175/157 return due in the period, the percentage that had returned it by the end of the period (or by the report date for the current period). An organisation is expected when it is listed in the returns file, with or without a submitted date.',
  numerator: 'Expected returns with a submitted date on or before the period end',
  denominator: 'Returns (framework, organisation, cycle) due in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: every partner shows how it meets its duties.',
  datasets: DATASETS,
  breakdowns: RETURN_DIMENSIONS,
  headline: true,
  sql: `SELECT p.period_start, count(*) FILTER (WHERE r.submitted_date <= p.effective_end)::DOUBLE AS numerator,
  count(r.organisation)::DOUBLE AS denominator,
  CASE WHEN count(r.organisation) > 0
    THEN 100.0 * count(*) FILTER (WHERE r.submitted_date <= p.effective_end) / count(r.organisation) END AS value
FROM ${PERIODS} p
LEFT JOIN (SELECT * FROM pi_ob_returns WHERE ${FILTERS}) r ON r.period_date BETWEEN p.period_start AND p.effective_end
GROUP BY p.period_start`,
};

export const OB2: IndicatorDefinition = {
  id: 'OB2',
  family: 'obligations',
  reads: ['pi_ob_returns'],
  title: 'Returns submitted on time',
  definition:
    'Of the Section 11 and Section 175/157 returns due in the period that have been submitted, the percentage submitted on or before their due date.',
  numerator: 'Returns submitted on or before the due date',
  denominator: 'Returns due in the period with a submitted date and a due date',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better.',
  datasets: DATASETS,
  breakdowns: RETURN_DIMENSIONS,
  headline: false,
  sql: eventRateSql(
    { from: 'pi_ob_returns', date: 'period_date', where: 'submitted_date IS NOT NULL AND due_date IS NOT NULL' },
    'submitted_date <= due_date',
  ),
};

export const OB3: IndicatorDefinition = {
  id: 'OB3',
  family: 'obligations',
  reads: ['pi_ob_ratings'],
  title: 'Standards fully met',
  definition:
    'Of the standards rated in returns due in the period (not counting “not applicable”), the percentage rated fully met (MET / green). Ratings are the organisations’ own self-assessment.',
  numerator: `Ratings of ${inWords(RATINGS, ['MET'])}`,
  denominator: `Ratings of ${inWords(RATINGS, ['MET', 'PARTIAL', 'NOT_MET'])}`,
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better.',
  datasets: DATASETS,
  breakdowns: RETURN_DIMENSIONS,
  headline: true,
  caveat: 'Self-assessed: read alongside any challenge or peer-review findings.',
  sql: eventRateSql({ from: 'pi_ob_ratings', date: 'period_date' }, "rating = 'MET'"),
};

export const OB4: IndicatorDefinition = {
  id: 'OB4',
  family: 'obligations',
  reads: ['pi_ob_ratings'],
  title: 'Standards not met',
  definition:
    'Of the standards rated in returns due in the period (not counting “not applicable”), the percentage rated not met (NOT_MET / red).',
  numerator: `Ratings of ${inWords(RATINGS, ['NOT_MET'])}`,
  denominator: `Ratings of ${inWords(RATINGS, ['MET', 'PARTIAL', 'NOT_MET'])}`,
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote: 'Lower is better.',
  datasets: DATASETS,
  breakdowns: RETURN_DIMENSIONS,
  headline: false,
  caveat: 'Self-assessed: read alongside any challenge or peer-review findings.',
  sql: eventRateSql({ from: 'pi_ob_ratings', date: 'period_date' }, "rating = 'NOT_MET'"),
};

export const OB5: IndicatorDefinition = {
  id: 'OB5',
  family: 'obligations',
  reads: ['pi_ob_actions'],
  title: 'Actions from returns completed',
  definition:
    'Of the actions from Section 11 and Section 175/157 returns that fell due in the period (up to the report date), the percentage marked complete. Actions closed as needing no action are left out.',
  numerator: 'Actions with status COMPLETE',
  denominator: 'Actions with a due date in the period, on or before the report date',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better.',
  datasets: DATASETS,
  breakdowns: RETURN_DIMENSIONS,
  headline: false,
  caveat:
    'The returns file records an action’s status but not the date it was completed, so this shows whether actions are complete now, not whether they were completed by their due date.',
  sql: eventRateSql(
    { from: 'pi_ob_actions', date: 'action_due_date', where: 'action_due_date <= $2::DATE' },
    "action_status = 'COMPLETE'",
  ),
};

export const OB6: IndicatorDefinition = {
  id: 'OB6',
  family: 'obligations',
  reads: ['pi_ob_actions'],
  title: 'Overdue actions from returns',
  definition:
    'The number of actions from Section 11 and Section 175/157 returns that are not complete and whose due date had passed by the end of the period. The status is as at the report date, so earlier periods show which of today’s open actions were already overdue then.',
  numerator: 'Actions not COMPLETE with an action due date before the period end',
  denominator: null,
  unit: 'count',
  periodRule: 'stock_at_period_end',
  direction: 'down',
  directionNote: 'Lower is better.',
  datasets: DATASETS,
  breakdowns: RETURN_DIMENSIONS,
  headline: true,
  sql: `SELECT p.period_start, count(a.action_due_date)::DOUBLE AS numerator, NULL::DOUBLE AS denominator,
  count(a.action_due_date)::DOUBLE AS value
FROM ${PERIODS} p
LEFT JOIN (SELECT * FROM pi_ob_actions WHERE coalesce(action_status, 'OPEN') <> 'COMPLETE' AND ${FILTERS}) a
  ON a.action_due_date < p.effective_end
GROUP BY p.period_start`,
};

export const OB7: IndicatorDefinition = {
  id: 'OB7',
  family: 'obligations',
  reads: ['schools', 'pi_ob_returns', 'pi_ob_schools'],
  title: 'Schools that returned their Section 175/157 audit',
  definition:
    'Of the schools on the schools list, the percentage that had returned a Section 175/157 audit due in the period by its end. Reported by academic year (September–August) when years are chosen. A school is matched by its URN or its name in the organisation column.',
  numerator: 'Schools on the list with a Section 175/157 return due in the period and submitted by its end',
  denominator: 'Schools on the list (only periods in which Section 175/157 returns were due are shown)',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: every school shows how it meets its duties.',
  datasets: ['compliance_returns', 'schools'],
  breakdowns: [],
  academicYear: true,
  headline: true,
  sql: `WITH roll AS (SELECT count(DISTINCT lower(trim(urn))) AS n FROM schools WHERE urn IS NOT NULL),
due AS (
  SELECT p.period_start,
    count(DISTINCT r.organisation) AS expected_returns,
    count(DISTINCT s.urn) FILTER (WHERE s.submitted_date <= p.effective_end) AS returned
  FROM ${PERIODS} p
  LEFT JOIN (SELECT * FROM pi_ob_returns WHERE framework = 'S175') r ON r.period_date BETWEEN p.period_start AND p.effective_end
  LEFT JOIN (SELECT * FROM pi_ob_schools WHERE ${FILTERS}) s ON s.period_date BETWEEN p.period_start AND p.effective_end
  GROUP BY p.period_start
)
SELECT due.period_start,
  CASE WHEN expected_returns > 0 THEN returned END::DOUBLE AS numerator,
  CASE WHEN expected_returns > 0 THEN roll.n END::DOUBLE AS denominator,
  CASE WHEN expected_returns > 0 AND roll.n > 0 THEN 100.0 * returned / roll.n END AS value
FROM due, roll`,
};

export const OBLIGATIONS_FAMILY: IndicatorFamilyDefinition = {
  id: 'obligations',
  title: 'Statutory obligations',
  summary:
    'Whether partners complete their Section 11 and Section 175/157 self-assessments, what they found, and whether actions are done.',
  // Due dates place returns in periods, but the data is "as at" its latest submission.
  dateRangeSql: `SELECT min(coalesce(due_date, submitted_date)) AS first, max(submitted_date) AS last FROM compliance_returns`,
  defaultGranularity: 'year',
  yearlyCycle: true,
  comparison: { indicator: 'OB3', dimension: 'agency' },
  dimensionTable: 'pi_ob_returns',
  prepare: PREPARE,
  indicators: [OB1, OB2, OB3, OB4, OB5, OB6, OB7],
};
