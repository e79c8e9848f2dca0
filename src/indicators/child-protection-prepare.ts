import { SOURCE_GROUPS, SOURCE_LABELS } from '../datasets/child-protection';
import { inWords } from '../datasets/code-values';
import { dimensionColumns, type PrepareStep } from './family-definition';
import { DIMENSIONS, NOT_RECORDED } from './indicator-definition';
import { workingDaysBetweenSql } from './working-days';

/** The CIN census source codes of education (2A schools, 2B education services), as SQL. */
export const EDUCATION_SOURCES = SOURCE_GROUPS.education.map((c) => `'${c}'`).join(', ');

/** The education sources in words, for the definitions. */
export const EDUCATION_IN_WORDS = inWords(SOURCE_LABELS, SOURCE_GROUPS.education, 'and');

/** Plan duration bands, shortest first (CP10 and its profile). */
export const DURATION_BANDS = {
  UNDER_3_MONTHS: 'Under 3 months',
  '3_TO_6_MONTHS': '3 months to under 6',
  '6_TO_12_MONTHS': '6 months to under 1 year',
  '1_TO_2_YEARS': '1 year to under 2',
  '2_YEARS_OR_MORE': '2 years or more',
} as const;

/**
 * The filter dimensions of one row of a child protection list, at `event` (the date that places it):
 * age from the date of birth at the event where given (the list's own age is as at the extract), the
 * agency from a source code when the list has one, kept as the census code (words in dimension-values).
 */
function childDimensions(event: string, source?: string): string {
  return dimensionColumns({
    agency: source ? `pi_dim_code(${source}, ${source}_raw)` : undefined,
    age_band: `pi_age_band(coalesce(date_part('year', age(${event}, date_of_birth)), age))`,
    gender: 'pi_dim_code(gender, gender_raw)',
    ethnicity: 'pi_dim_code(ethnicity, ethnicity_raw)',
    disability: `CASE WHEN disability THEN 'Disabled' WHEN NOT disability THEN 'Not disabled' ELSE '${NOT_RECORDED}' END`,
  });
}

const setting = (name: string) => `(SELECT ${name} FROM pi_settings)`;

/** A date `n` calendar months or years before `date` (the same day of the month, or its last day). */
const before = (date: string, interval: string) => `(${date} - INTERVAL ${interval})::DATE`;

const durationBand = (start: string, end: string) => `CASE
    WHEN ${end} IS NULL THEN NULL
    WHEN ${end} < (${start} + INTERVAL 3 MONTH)::DATE THEN 'UNDER_3_MONTHS'
    WHEN ${end} < (${start} + INTERVAL 6 MONTH)::DATE THEN '3_TO_6_MONTHS'
    WHEN ${end} < (${start} + INTERVAL 1 YEAR)::DATE THEN '6_TO_12_MONTHS'
    WHEN ${end} < (${start} + INTERVAL 2 YEAR)::DATE THEN '1_TO_2_YEARS'
    ELSE '2_YEARS_OR_MORE' END`;

/**
 * The child protection area's prepared tables: one row per record of each list, with what its
 * indicators judge worked out once (links between a child's records are made here, by child id, and
 * only a hash of it is kept where a child must be counted once).
 */
export const CP_PREPARE: readonly PrepareStep[] = [
  {
    table: 'pi_cp_contacts',
    reads: ['contacts', 'referrals', 'pi_settings'],
    reportDate: false,
    select: `SELECT c.contact_date,
  EXISTS (
    SELECT 1 FROM referrals r
    WHERE r.child_id = c.child_id
      AND r.referral_date BETWEEN c.contact_date AND c.contact_date + ${setting('cp_contact_referral_days')}
  ) AS referred,
  ${childDimensions('c.contact_date', 'contact_source')}
FROM contacts c`,
  },
  {
    table: 'pi_cp_referrals',
    reads: ['referrals'],
    reportDate: false,
    select: `SELECT r.referral_date, coalesce(r.referral_source IN (${EDUCATION_SOURCES}), false) AS from_education,
  EXISTS (
    SELECT 1 FROM referrals p
    WHERE p.child_id = r.child_id AND p.referral_date < r.referral_date
      AND p.referral_date >= ${before('r.referral_date', '12 MONTH')}
  ) AS rereferral,
  ${childDimensions('r.referral_date', 'referral_source')}
FROM referrals r`,
  },
  {
    table: 'pi_cp_assessments',
    reads: ['assessments', 'pi_calendar'],
    reportDate: false,
    select: `SELECT a.assessment_authorised_date, ${workingDaysBetweenSql('cs', 'ca')} AS working_days,
  ${childDimensions('a.assessment_start_date')}
FROM assessments a
JOIN pi_calendar cs ON cs.d = a.assessment_start_date
JOIN pi_calendar ca ON ca.d = a.assessment_authorised_date`,
  },
  {
    table: 'pi_cp_s47',
    reads: ['section47_enquiries', 'pi_calendar'],
    reportDate: false,
    select: `SELECT s.strategy_discussion_date, s.icpc_date, ${workingDaysBetweenSql('cs', 'ci')} AS icpc_working_days,
  ${childDimensions('s.strategy_discussion_date')}
FROM section47_enquiries s
JOIN pi_calendar cs ON cs.d = s.strategy_discussion_date
LEFT JOIN pi_calendar ci ON ci.d = s.icpc_date`,
  },
  {
    table: 'pi_cp_plans',
    reads: ['child_protection_plans', 'early_help_episodes', 'pi_settings'],
    reportDate: false,
    select: `SELECT hash(p.child_id) AS child_key, p.cp_plan_start_date AS start_date, p.cp_plan_end_date AS end_date,
  coalesce(p.previous_plans, 0) >= 1 OR EXISTS (
    SELECT 1 FROM child_protection_plans e WHERE e.child_id = p.child_id AND e.cp_plan_start_date < p.cp_plan_start_date
  ) AS subsequent,
  EXISTS (
    SELECT 1 FROM child_protection_plans e
    WHERE e.child_id = p.child_id AND e.cp_plan_start_date < p.cp_plan_start_date
      AND e.cp_plan_end_date <= p.cp_plan_start_date AND e.cp_plan_end_date >= ${before('p.cp_plan_start_date', '2 YEAR')}
  ) AS subsequent_within_2_years,
  EXISTS (
    SELECT 1 FROM early_help_episodes h
    WHERE h.child_id = p.child_id AND h.assessment_start_date <= p.cp_plan_start_date
      AND (h.episode_end_date IS NULL
        OR h.episode_end_date >= p.cp_plan_start_date - ${setting('cp_step_from_early_help_days')})
  ) AS from_early_help,
  ${durationBand('p.cp_plan_start_date', 'p.cp_plan_end_date')} AS duration_band,
  p.last_visit_date, p.seen_alone,
  ${childDimensions('p.cp_plan_start_date')}
FROM child_protection_plans p`,
  },
  {
    table: 'pi_cp_visits',
    reads: ['cp_visits'],
    reportDate: false,
    select: 'SELECT hash(child_id) AS child_key, visit_date, seen_alone FROM cp_visits',
  },
  {
    table: 'pi_cp_cin',
    reads: ['children_in_need'],
    reportDate: false,
    select: `SELECT hash(child_id) AS child_key, cin_start_date AS start_date, cin_closure_date AS end_date,
  coalesce(case_status IN ('CIN_PLAN', 'CP_PLAN'), false) AS with_plan,
  ${childDimensions('cin_start_date')}
FROM children_in_need`,
  },
  // Every value of every dimension in the area's lists, for the filter lists and breakdowns: the
  // lists loaded may be any of the seven.
  {
    table: 'pi_cp_dimensions',
    reads: ['pi_cp_contacts', 'pi_cp_referrals', 'pi_cp_assessments', 'pi_cp_s47', 'pi_cp_plans', 'pi_cp_cin'],
    reportDate: false,
    select: ['pi_cp_contacts', 'pi_cp_referrals', 'pi_cp_assessments', 'pi_cp_s47', 'pi_cp_plans', 'pi_cp_cin']
      .map((t) => `SELECT DISTINCT ${DIMENSIONS.join(', ')} FROM ${t}`)
      .join('\nUNION\n'),
  },
];

/**
 * The span of the area's dates. The first is the earliest date of something that happens in the
 * lists' window (a contact, a referral, an end); plan and child-in-need starts go back further, to
 * what was still open when the list was made, so they set it only when there is nothing else.
 */
export const CP_DATE_RANGE_SQL = `SELECT coalesce(min(d) FILTER (WHERE in_window), min(d)) AS first, max(d) AS last FROM (
  SELECT contact_date AS d, true AS in_window FROM contacts
  UNION ALL SELECT referral_date, true FROM referrals
  UNION ALL SELECT assessment_start_date, true FROM assessments
  UNION ALL SELECT assessment_authorised_date, true FROM assessments
  UNION ALL SELECT strategy_discussion_date, true FROM section47_enquiries
  UNION ALL SELECT icpc_date, true FROM section47_enquiries
  UNION ALL SELECT cin_start_date, false FROM children_in_need
  UNION ALL SELECT cin_closure_date, true FROM children_in_need
  UNION ALL SELECT cp_plan_start_date, false FROM child_protection_plans
  UNION ALL SELECT cp_plan_end_date, true FROM child_protection_plans
  UNION ALL SELECT last_visit_date, true FROM child_protection_plans
  UNION ALL SELECT visit_date, true FROM cp_visits
)`;
