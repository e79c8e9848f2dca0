import { CP_DATE_RANGE_SQL, CP_PREPARE, DURATION_BANDS, EDUCATION_IN_WORDS } from './child-protection-prepare';
import type { IndicatorFamilyDefinition } from './family-definition';
import {
  type Dimension,
  eventDistinctSql,
  eventRateSql,
  FILTERS,
  type IndicatorDefinition,
  PERIODS,
} from './indicator-definition';

/** Lists with a source (contacts, referrals): the source is the agency. */
const SOURCED: readonly Dimension[] = ['agency', 'age_band', 'gender', 'ethnicity', 'disability'];
/** Lists about the child only. */
const CHILD: readonly Dimension[] = ['age_band', 'gender', 'ethnicity', 'disability'];

const base = {
  family: 'child_protection',
  headline: false,
} as const;

export const CP1: IndicatorDefinition = {
  ...base,
  id: 'CP1',
  reads: ['pi_cp_contacts'],
  title: 'Contacts leading to a referral',
  definition:
    'Of the contacts made in the period, the percentage where the same child was referred to children’s social care on the day of the contact or within the following 7 days (a local setting). Contacts and referrals are linked by child; a child referred once after two contacts in the window counts for both contacts.',
  numerator: 'Contacts with a referral of the same child dated on the contact date or up to 7 days after',
  denominator: 'Contacts in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote:
    'Contextual: a high rate can mean partners contact when they should, or that the front door refers too readily; read it by source.',
  datasets: ['contacts', 'referrals'],
  breakdowns: SOURCED,
  settings: ['cpContactReferralDays'],
  headline: true,
  sql: eventRateSql({ from: 'pi_cp_contacts', date: 'contact_date' }, 'referred'),
};

export const CP2: IndicatorDefinition = {
  ...base,
  id: 'CP2',
  reads: ['pi_cp_referrals'],
  title: 'Re-referrals within 12 months',
  definition:
    'The DfE’s children in need measure: of the referrals in the period, the percentage where the same child had a previous referral within the 12 months before this referral’s date (on or after the same day a year earlier). Only referrals in the loaded data can be seen: for referrals in the first 12 months of the data an earlier one may be missing, so those periods are drawn but not judged.',
  numerator: 'Referrals whose child had another referral in the 12 months before it',
  denominator: 'Referrals in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote: 'Lower is better: help that lasted. Sits beside the DfE’s published re-referral rate.',
  datasets: ['referrals'],
  breakdowns: SOURCED,
  headline: true,
  warmUp: {
    months: 12,
    reason:
      'Referrals before the data begins are not in it, so a re-referral needs 12 months of earlier data to be seen.',
  },
  published: {
    patterns: ['^rereferral_percent$'],
    label: 'Re-referrals within 12 months (%)',
    note: 'The DfE counts referrals in the year to 31 March whose child had a referral in the 12 months before, as this does.',
  },
  sql: eventRateSql({ from: 'pi_cp_referrals', date: 'referral_date' }, 'rereferral'),
};

export const CP3: IndicatorDefinition = {
  ...base,
  id: 'CP3',
  reads: ['pi_cp_referrals'],
  title: 'Referrals from education',
  definition: `Of the referrals in the period, the percentage whose source is ${EDUCATION_IN_WORDS} (CIN census codes 2A and 2B) — the education agencies the Children’s Wellbeing and Schools Act 2026 makes safeguarding partners. Referrals with no source recorded stay in the denominator, as in the DfE’s figures.`,
  numerator: `Referrals with source ${EDUCATION_IN_WORDS}`,
  denominator: 'All referrals in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote: 'Contextual: shows how much schools and education services bring to the front door.',
  datasets: ['referrals'],
  breakdowns: SOURCED,
  sql: eventRateSql({ from: 'pi_cp_referrals', date: 'referral_date' }, 'from_education'),
};

export const CP4: IndicatorDefinition = {
  ...base,
  id: 'CP4',
  reads: ['pi_cp_assessments'],
  title: 'Assessments completed within 45 working days',
  definition:
    'Of the assessments authorised in the period, the percentage authorised within 45 working days of their start (Working Together’s maximum). Weekends, England and Wales bank holidays and local closure days do not count; the start day is day 0.',
  numerator: 'Assessments with working days (start → authorised) ≤ 45',
  denominator: 'Assessments authorised in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: Working Together sets 45 working days as the most an assessment should take.',
  datasets: ['assessments'],
  breakdowns: CHILD,
  settings: ['closureDays'],
  headline: true,
  published: {
    patterns: ['45', 'day', 'percent|pc|rate'],
    label: 'Assessments completed within 45 working days (%)',
    note: 'The DfE counts assessments completed in the year by working days from start to authorisation, as this does.',
  },
  sql: eventRateSql({ from: 'pi_cp_assessments', date: 'assessment_authorised_date' }, 'working_days <= 45'),
};

export const CP5: IndicatorDefinition = {
  ...base,
  id: 'CP5',
  reads: ['pi_cp_s47'],
  title: 'Section 47 enquiries leading to an initial conference',
  definition:
    'Of the Section 47 enquiries started (by a strategy discussion) in the period, the percentage with an initial child protection conference held (a conference date recorded). Enquiries started shortly before the report date may not have reached their conference yet.',
  numerator: 'Enquiries with an initial child protection conference date',
  denominator: 'Enquiries whose strategy discussion was in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote: 'Contextual: a low rate can mean enquiries started too readily, a high one thresholds held high.',
  datasets: ['section47_enquiries'],
  breakdowns: CHILD,
  sql: eventRateSql({ from: 'pi_cp_s47', date: 'strategy_discussion_date' }, 'icpc_date IS NOT NULL'),
};

export const CP6: IndicatorDefinition = {
  ...base,
  id: 'CP6',
  reads: ['pi_cp_s47'],
  title: 'Initial conferences within 15 working days',
  definition:
    'Of the initial child protection conferences held in the period, the percentage held within 15 working days of the strategy discussion that started the Section 47 enquiry (weekends, bank holidays and local closure days do not count; the discussion’s day is day 0).',
  numerator: 'Conferences with working days (strategy discussion → conference) ≤ 15',
  denominator: 'Initial conferences held in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: Working Together expects the conference within 15 working days.',
  datasets: ['section47_enquiries'],
  breakdowns: CHILD,
  settings: ['closureDays'],
  headline: true,
  published: {
    patterns: ['icpc|conference', '15', 'day', 'percent|pc|rate'],
    label: 'Initial conferences within 15 working days of the strategy discussion (%)',
    note: 'The DfE counts initial conferences held in the year, as this does.',
  },
  sql: eventRateSql(
    { from: 'pi_cp_s47', date: 'icpc_date', where: 'icpc_date IS NOT NULL' },
    'icpc_working_days <= 15',
  ),
};

export const CP7: IndicatorDefinition = {
  ...base,
  id: 'CP7',
  reads: ['pi_cp_plans'],
  title: 'Second or subsequent child protection plans',
  definition:
    'Of the child protection plans started in the period, the percentage for a child who had been on a plan before, ever: the list’s number of previous plans is 1 or more, or the same child has an earlier plan in the data.',
  numerator: 'Plans with previous plans ≥ 1 or an earlier plan of the child in the data',
  denominator: 'Plans started in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote: 'Lower is better: the DfE publishes it as a sign of whether plans made children safe for good.',
  datasets: ['child_protection_plans'],
  breakdowns: CHILD,
  headline: true,
  published: {
    patterns: ['^cpp_subsequent_percent$'],
    label: 'Child protection plans that were a second or subsequent plan (%)',
    note: 'The DfE counts plans started in the year that were a second or later plan at any time, as this does; its figure rests on every earlier plan, the local one on previous plans recorded or loaded.',
  },
  sql: eventRateSql({ from: 'pi_cp_plans', date: 'start_date' }, 'subsequent'),
};

export const CP8: IndicatorDefinition = {
  ...base,
  id: 'CP8',
  reads: ['pi_cp_plans'],
  title: 'Second or subsequent plans within 2 years',
  definition:
    'Of the child protection plans started in the period, the percentage where the same child had a plan in the data that ended within the 2 years before this one started (on or after the same day two years earlier, and not after the start). Only plans in the loaded data are seen, so the first 2 years of the data are drawn but not judged.',
  numerator: 'Plans whose child had a plan ending in the 2 years before the start',
  denominator: 'Plans started in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote: 'Lower is better: a child back on a plan soon after one ended.',
  datasets: ['child_protection_plans'],
  breakdowns: CHILD,
  warmUp: {
    months: 24,
    reason:
      'Plans that ended before the data begins are not in it, so a return needs 2 years of earlier data to be seen.',
  },
  sql: eventRateSql({ from: 'pi_cp_plans', date: 'start_date' }, 'subsequent_within_2_years'),
};

/** Plans open on the last day of each period (or the report date), through the filters. */
const OPEN_PLANS = `${PERIODS} p
JOIN (SELECT * FROM pi_cp_plans WHERE ${FILTERS}) x
  ON x.start_date <= p.effective_end AND (x.end_date IS NULL OR x.end_date > p.effective_end)`;

/** A percentage per period from per-period counts `t(period_start, num, den)`, blank where `judged` is not. */
const perPeriod = (counts: string, judged = 'true') => `SELECT p.period_start,
  CASE WHEN ${judged} THEN coalesce(t.num, 0) END::DOUBLE AS numerator,
  CASE WHEN ${judged} THEN coalesce(t.den, 0) END::DOUBLE AS denominator,
  CASE WHEN ${judged} AND t.den > 0 THEN 100.0 * t.num / t.den END::DOUBLE AS value
FROM ${PERIODS} p LEFT JOIN (${counts}) t USING (period_start)`;

export const CP9: IndicatorDefinition = {
  ...base,
  id: 'CP9',
  reads: ['pi_cp_plans'],
  title: 'Plans lasting 2 years or more',
  definition:
    'Of the child protection plans open on the last day of the period (the report date for the latest, unfinished period), the percentage open for 2 years or more: started on or before the same day two years earlier.',
  numerator: 'Open plans with start ≤ period end − 2 years',
  denominator: 'Plans with start ≤ period end and (no end date, or end date > period end)',
  unit: 'percent',
  periodRule: 'stock_at_period_end',
  direction: 'down',
  directionNote: 'Lower is better: a plan that lasts two years is rarely working; the DfE publishes the same count.',
  datasets: ['child_protection_plans'],
  breakdowns: CHILD,
  caveat:
    'Annex A List 7 holds the plans open in its year: for periods before that, plans that had ended by then are missing.',
  published: {
    patterns: ['2_?years?_?or_?more|two_?years?', 'percent|pc|rate'],
    label: 'Plans lasting 2 years or more (%)',
    note: 'The DfE counts plans open at 31 March lasting 2 years or more, as this does at each period end.',
  },
  sql: perPeriod(`SELECT p.period_start,
  count(*) FILTER (WHERE x.start_date <= (p.effective_end - INTERVAL 2 YEAR)::DATE) AS num, count(*) AS den
FROM ${OPEN_PLANS}
GROUP BY p.period_start`),
};

export const CP10: IndicatorDefinition = {
  ...base,
  id: 'CP10',
  reads: ['pi_cp_plans'],
  title: 'Plans ended within 3 months',
  definition: `Of the child protection plans that ended in the period, the percentage that lasted under 3 months (ended before the same day three months after the start). The profile “Plans ended, by how long they lasted” shows every band: ${Object.values(DURATION_BANDS).join(', ')}.`,
  numerator: 'Plans ended in the period with end date < start date + 3 months',
  denominator: 'Plans ended in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote:
    'Contextual: a short plan can mean swift change or a plan that was not needed; read it with the bands and with CP9.',
  datasets: ['child_protection_plans'],
  breakdowns: CHILD,
  sql: eventRateSql(
    { from: 'pi_cp_plans', date: 'end_date', where: 'end_date IS NOT NULL' },
    "duration_band = 'UNDER_3_MONTHS'",
  ),
};

/**
 * Each child on a plan at each period's end with their last visit by then and whether they were seen
 * alone at it: from the visits when they are loaded; else from the plans list's own last visit, which
 * is as at the report date and so only for the period ending on it.
 */
const LAST_VISITS = `WITH visits_loaded AS (SELECT count(*) > 0 AS yes FROM pi_cp_visits),
on_plan AS (
  SELECT p.period_start, p.effective_end, x.child_key,
    max(x.last_visit_date) AS listed_visit, bool_or(x.seen_alone) AS listed_alone
  FROM ${OPEN_PLANS}
  GROUP BY ALL
), visited AS (
  SELECT o.period_start, o.child_key, max(v.visit_date) AS visit_date, arg_max(v.seen_alone, v.visit_date) AS seen_alone
  FROM on_plan o LEFT JOIN pi_cp_visits v ON v.child_key = o.child_key AND v.visit_date <= o.effective_end
  GROUP BY ALL
), last_visit AS (
  SELECT o.period_start, o.effective_end, o.child_key,
    CASE WHEN (SELECT yes FROM visits_loaded) THEN v.visit_date ELSE o.listed_visit END AS visit_date,
    CASE WHEN (SELECT yes FROM visits_loaded) THEN v.seen_alone ELSE o.listed_alone END AS seen_alone
  FROM on_plan o JOIN visited v USING (period_start, child_key)
)`;

/** Periods a last visit can be judged in: every one with the visits loaded, else the one ending on the report date. */
const VISITS_JUDGED = '((SELECT yes FROM visits_loaded) OR p.effective_end = $2::DATE)';

export const CP11: IndicatorDefinition = {
  ...base,
  id: 'CP11',
  reads: ['pi_cp_plans', 'pi_cp_visits', 'pi_calendar', 'pi_settings'],
  title: 'Children on a plan visited within the standard',
  definition:
    'Of the children on a child protection plan on the last day of the period, the percentage whose last statutory visit on or before that day was within the local standard of working days (10 by default; weekends, bank holidays and local closure days do not count). With the visits file (SSD cp_visits) loaded every period is judged; with only Annex A List 7, its “date of the last statutory visit” is as at the report date, so only the period ending on the report date has a value and earlier periods are blank.',
  numerator: 'Children whose last visit was within the standard of working days before the period end',
  denominator: 'Children on a plan at the period end',
  unit: 'percent',
  periodRule: 'stock_at_period_end',
  direction: 'up',
  directionNote: 'Higher is better: children on a plan seen as often as the local standard asks.',
  datasets: ['child_protection_plans'],
  optionalDatasets: ['cp_visits'],
  breakdowns: CHILD,
  settings: ['cpVisitStandardWorkingDays', 'closureDays'],
  headline: true,
  caveat:
    'A child whose plan began within the standard before the period end and who has not been visited yet counts as not visited.',
  sql: `${LAST_VISITS}
${perPeriod(
  `SELECT l.period_start,
    count(*) FILTER (WHERE ${'(ce.wd_index - cv.wd_index)'} <= (SELECT cp_visit_standard_working_days FROM pi_settings)) AS num,
    count(*) AS den
  FROM last_visit l
  JOIN pi_calendar ce ON ce.d = l.effective_end
  LEFT JOIN pi_calendar cv ON cv.d = l.visit_date
  GROUP BY l.period_start`,
  VISITS_JUDGED,
)}`,
};

export const CP12: IndicatorDefinition = {
  ...base,
  id: 'CP12',
  reads: ['pi_cp_plans', 'pi_cp_visits'],
  title: 'Children seen alone at their last visit',
  definition:
    'Of the children on a child protection plan on the last day of the period who had been visited, the percentage seen alone at their last visit on or before that day: the latest visit in the visits file (SSD cp_visits) when it is loaded, else Annex A List 7’s “seen alone”, which is as at the report date, so only the period ending on it has a value. A visit with no answer counts as not seen alone.',
  numerator: 'Children seen alone at their last visit',
  denominator: 'Children on a plan at the period end with a visit recorded',
  unit: 'percent',
  periodRule: 'stock_at_period_end',
  direction: 'up',
  directionNote: 'Higher is better: children have the chance to speak for themselves.',
  datasets: ['child_protection_plans'],
  optionalDatasets: ['cp_visits'],
  breakdowns: CHILD,
  sql: `${LAST_VISITS}
${perPeriod(
  `SELECT period_start, count(*) FILTER (WHERE seen_alone) AS num, count(*) AS den
  FROM last_visit WHERE visit_date IS NOT NULL GROUP BY period_start`,
  VISITS_JUDGED,
)}`,
};

export const CP13: IndicatorDefinition = {
  ...base,
  id: 'CP13',
  reads: ['pi_cp_cin'],
  title: 'Children in need with a plan',
  definition:
    'Of the children in need whose episode was open on the report date, the percentage whose case status is a child in need plan or a child protection plan (open assessments, looked after children and others are not). Annex A List 6’s case status is as the list was made, so only the period ending on the report date has a value.',
  numerator: 'Children with case status “Child in need plan” or “Child protection plan”',
  denominator: 'Children with a child in need episode open at the report date',
  unit: 'percent',
  periodRule: 'stock_at_period_end',
  direction: 'up',
  directionNote: 'Higher is better: help for children in need set out in a plan.',
  datasets: ['children_in_need'],
  breakdowns: CHILD,
  sql: perPeriod(
    `SELECT p.period_start, count(DISTINCT x.child_key) FILTER (WHERE x.with_plan) AS num, count(DISTINCT x.child_key) AS den
  FROM ${PERIODS} p
  JOIN (SELECT * FROM pi_cp_cin WHERE ${FILTERS}) x
    ON x.start_date <= p.effective_end AND (x.end_date IS NULL OR x.end_date > p.effective_end)
  GROUP BY p.period_start`,
    'p.effective_end = $2::DATE',
  ),
};

export const CP14: IndicatorDefinition = {
  ...base,
  id: 'CP14',
  reads: ['pi_cp_plans'],
  title: 'Children stepped from early help to child protection',
  definition:
    'The number of children whose child protection plan started in the period while an early help (Family Help) episode of theirs was open, or within 90 days (a local setting) after one ended. Early help and child protection records are linked by child id, so both extracts must use the same identifiers. Each child counts once per period.',
  numerator: 'Children with a plan starting in the period during, or up to 90 days after, an early help episode',
  denominator: null,
  unit: 'count',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote: 'Contextual: a timely step up is right for some children; read it beside EH4.',
  datasets: ['child_protection_plans', 'early_help_episodes'],
  breakdowns: CHILD,
  settings: ['cpStepFromEarlyHelpDays'],
  sql: eventDistinctSql({ from: 'pi_cp_plans', date: 'start_date', where: 'from_early_help' }, 'child_key'),
};

export const CHILD_PROTECTION_FAMILY: IndicatorFamilyDefinition = {
  id: 'child_protection',
  title: 'Child protection',
  summary:
    'The child protection system from contact to plan: referrals, assessments, Section 47 enquiries and conferences, plans and visits (Ofsted Annex A and the Standard Safeguarding Dataset).',
  dateRangeSql: CP_DATE_RANGE_SQL,
  defaultGranularity: 'month',
  comparison: { indicator: 'CP1', dimension: 'agency' },
  dimensionTable: 'pi_cp_dimensions',
  prepare: CP_PREPARE,
  indicators: [CP1, CP2, CP3, CP4, CP5, CP6, CP7, CP8, CP9, CP10, CP11, CP12, CP13, CP14],
};
