import { dimensionColumns, type IndicatorFamilyDefinition, type PrepareStep, reportDateSql } from './family-definition';
import {
  eventDistinctRateSql,
  eventDistinctSql,
  eventRateSql,
  FILTERS,
  type IndicatorDefinition,
  PERIODS,
} from './indicator-definition';

/** The area's report date, in its prepared tables' SQL. */
const REPORT_DATE = reportDateSql('audits');

const PREPARE: readonly PrepareStep[] = [
  // Every grade, with a score (4 outstanding … 1 inadequate) and the audit's date.
  {
    table: 'pi_aq_grades',
    reads: ['audit_grades'],
    reportDate: true,
    select: `SELECT audit_id, case_id, audit_date, grade, agency AS grading_agency, agency = 'MULTI' AS is_multi,
  CASE grade WHEN 'OUTSTANDING' THEN 4 WHEN 'GOOD' THEN 3 WHEN 'REQUIRES_IMPROVEMENT' THEN 2 WHEN 'INADEQUATE' THEN 1 END AS score,
  coalesce(practitioner_involved, false) AS practitioner_involved,
  ${dimensionColumns({ agency: 'pi_dim_code(agency, agency_raw)', domain: 'pi_dim_code(domain, domain_raw)' })}
FROM audit_grades
WHERE audit_date <= ${REPORT_DATE} AND case_id IS NOT NULL`,
  },
  // For each case in an audit, each agency taking part in that audit, and whether it graded the case.
  {
    table: 'pi_aq_participation',
    reads: ['audit_grades'],
    reportDate: true,
    select: `WITH graded AS (
  SELECT DISTINCT audit_id, case_id, audit_date, agency FROM audit_grades
  WHERE audit_date <= ${REPORT_DATE} AND agency IS NOT NULL AND agency <> 'MULTI' AND case_id IS NOT NULL
), involved AS (SELECT DISTINCT audit_id, agency FROM graded),
cases AS (SELECT audit_id, case_id, min(audit_date) AS audit_date FROM graded GROUP BY ALL)
SELECT c.audit_id, c.case_id, c.audit_date,
  EXISTS (SELECT 1 FROM graded g WHERE g.audit_id = c.audit_id AND g.case_id = c.case_id AND g.agency = i.agency) AS returned,
  ${dimensionColumns({ agency: 'i.agency' })}
FROM cases c JOIN involved i USING (audit_id)`,
  },
  {
    table: 'pi_aq_actions',
    reads: ['audit_actions'],
    reportDate: true,
    select: `SELECT audit_id, action_id, due_date, completed_date, status, ${dimensionColumns({ agency: 'pi_dim_code(agency, agency_raw)' })}
FROM audit_actions WHERE due_date IS NOT NULL AND due_date <= ${REPORT_DATE}`,
  },
];

/**
 * The overall grade of each case audit: the multi-agency (consensus) grade where there is one, otherwise
 * the grade most agencies gave (ties go to the lower grade, to be safe).
 */
const OVERALL = `overall AS (
  SELECT audit_id, case_id, audit_date, score FROM (
    SELECT audit_id, case_id, audit_date, score,
      row_number() OVER (PARTITION BY audit_id, case_id ORDER BY is_multi DESC, n DESC, score ASC) AS pick
    FROM (
      SELECT audit_id, case_id, min(audit_date) AS audit_date, is_multi, score, count(*) AS n
      FROM pi_aq_grades WHERE domain = 'OVERALL' AND score IS NOT NULL AND ${FILTERS}
      GROUP BY ALL
    )
  ) WHERE pick = 1
)`;

function overallRateSql(condition: string): string {
  return `WITH ${OVERALL}
SELECT p.period_start, count(o.score) FILTER (WHERE ${condition})::DOUBLE AS numerator, count(o.score)::DOUBLE AS denominator,
  CASE WHEN count(o.score) > 0 THEN 100.0 * count(o.score) FILTER (WHERE ${condition}) / count(o.score) END AS value
FROM ${PERIODS} p LEFT JOIN overall o ON o.audit_date BETWEEN p.period_start AND p.effective_end
GROUP BY p.period_start`;
}

const AUDIT_CAVEAT =
  'Audit samples are small (often 5–8 cases): read the counts with the percentages, and prefer the run chart to limits.';

export const AQ1: IndicatorDefinition = {
  id: 'AQ1',
  family: 'audits',
  reads: ['pi_aq_grades'],
  title: 'Cases audited',
  definition: 'The number of different cases with a multi-agency case-file audit dated in the period.',
  numerator: 'Distinct case IDs with an audit date in the period',
  denominator: null,
  unit: 'count',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote: 'Contextual: the audit programme sets how many cases are looked at.',
  datasets: ['audit_grades'],
  breakdowns: ['agency'],
  headline: true,
  sql: eventDistinctSql({ from: 'pi_aq_grades', date: 'audit_date' }, 'case_id'),
};

export const AQ2: IndicatorDefinition = {
  id: 'AQ2',
  family: 'audits',
  reads: ['pi_aq_grades'],
  title: 'Audited cases graded good or better overall',
  definition:
    'Of the case audits in the period with an overall grade, the percentage graded good or outstanding. The multi-agency (consensus) grade is used where there is one; otherwise the grade most agencies gave, with ties going to the lower grade.',
  numerator: 'Case audits whose overall grade is OUTSTANDING or GOOD',
  denominator: 'Case audits with an overall grade',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: good practice.',
  datasets: ['audit_grades'],
  breakdowns: ['agency'],
  headline: true,
  caveat: AUDIT_CAVEAT,
  sql: overallRateSql('o.score >= 3'),
};

export const AQ3: IndicatorDefinition = {
  id: 'AQ3',
  family: 'audits',
  reads: ['pi_aq_grades'],
  title: 'Audited cases graded inadequate overall',
  definition:
    'Of the case audits in the period with an overall grade, the percentage graded inadequate (the overall grade is chosen as for AQ2).',
  numerator: 'Case audits whose overall grade is INADEQUATE',
  denominator: 'Case audits with an overall grade',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote: 'Lower is better.',
  datasets: ['audit_grades'],
  breakdowns: ['agency'],
  headline: false,
  caveat: AUDIT_CAVEAT,
  sql: overallRateSql('o.score = 1'),
};

export const AQ4: IndicatorDefinition = {
  id: 'AQ4',
  family: 'audits',
  reads: ['pi_aq_grades'],
  title: 'Audit domain grades good or better',
  definition:
    'Of the grades given to practice domains (recognition, assessment, planning, joint working, information sharing, voice of the child, timeliness, impact) in audits in the period, the percentage that were good or outstanding. Break it down by domain to see the profile; domains with fewer than 5 grades are too small to compare.',
  numerator: 'Domain grades of OUTSTANDING or GOOD',
  denominator: 'Domain grades (every agency’s, not counting the overall grade)',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better.',
  datasets: ['audit_grades'],
  breakdowns: ['agency', 'domain'],
  headline: false,
  caveat: AUDIT_CAVEAT,
  sql: eventRateSql(
    { from: 'pi_aq_grades', date: 'audit_date', where: "domain <> 'OVERALL' AND score IS NOT NULL" },
    'score >= 3',
  ),
};

export const AQ5: IndicatorDefinition = {
  id: 'AQ5',
  family: 'audits',
  reads: ['pi_aq_participation'],
  title: 'Agencies returning their audit tool',
  definition:
    'For each case audited in the period, the agencies taking part in that audit (grading at least one of its cases) that graded this case, as a percentage of all those agencies. The extract has no separate list of agencies involved with each case, so taking part in the audit stands for it.',
  numerator: 'Case × agency pairs where the agency graded the case',
  denominator: 'Case × agency pairs for agencies taking part in the case’s audit',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: every agency contributes to every case.',
  datasets: ['audit_grades'],
  breakdowns: ['agency'],
  headline: false,
  sql: eventRateSql({ from: 'pi_aq_participation', date: 'audit_date' }, 'returned'),
};

export const AQ6: IndicatorDefinition = {
  id: 'AQ6',
  family: 'audits',
  reads: ['pi_aq_grades'],
  title: 'Case audits involving practitioners',
  definition:
    'Of the case audits in the period, the percentage where practitioners took part (any agency’s row for the case says Y).',
  numerator: 'Case audits with practitioner_involved = Y',
  denominator: 'Case audits in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: joint audits that involve practitioners learn more.',
  datasets: ['audit_grades'],
  breakdowns: ['agency'],
  headline: false,
  sql: eventDistinctRateSql(
    { from: 'pi_aq_grades', date: 'audit_date' },
    "audit_id || '\u001f' || case_id",
    'practitioner_involved',
  ),
};

export const AQ7: IndicatorDefinition = {
  id: 'AQ7',
  family: 'audits',
  reads: ['pi_aq_actions'],
  title: 'Audit actions completed on time',
  definition:
    'Of the actions from case-file audits that fell due in the period (up to the report date), the percentage completed on or before their due date.',
  numerator: 'Actions with a completed date on or before the due date',
  denominator: 'Actions with a due date in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: learning from audits acted on.',
  datasets: ['audit_actions'],
  breakdowns: ['agency'],
  headline: true,
  sql: eventRateSql({ from: 'pi_aq_actions', date: 'due_date' }, 'completed_date <= due_date'),
};

export const AUDIT_FAMILY: IndicatorFamilyDefinition = {
  id: 'audits',
  title: 'Case-file audits',
  summary: 'What joint audits of case files find about practice, who takes part, and whether actions are done.',
  dateRangeSql: `SELECT min(d) AS first, max(d) AS last FROM (
  SELECT audit_date AS d FROM audit_grades UNION ALL SELECT completed_date FROM audit_actions
)`,
  defaultGranularity: 'quarter',
  comparison: { indicator: 'AQ4', dimension: 'domain' },
  dimensionTable: 'pi_aq_grades',
  prepare: PREPARE,
  indicators: [AQ1, AQ2, AQ3, AQ4, AQ5, AQ6, AQ7],
};
