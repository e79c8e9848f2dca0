import { inWords, labelsOf } from '../datasets/code-values';
import { trainingAttendance, trainingEvaluations, trainingEvents } from '../datasets/training';
import { dimensionColumns, type IndicatorFamilyDefinition, type PrepareStep, reportDateSql } from './family-definition';
import {
  eventCountSql,
  eventMeanSql,
  eventRateSql,
  FILTERS,
  type IndicatorDefinition,
  PERIODS,
} from './indicator-definition';

/** The coded values the definitions name, in the datasets' words. */
const BOOKING = labelsOf(trainingAttendance, 'booking_status');
const COURSE_TYPE = labelsOf(trainingEvents, 'course_type');
const STAGE = labelsOf(trainingEvaluations, 'stage');
const PRACTICE_CHANGED = labelsOf(trainingEvaluations, 'practice_changed');

/** The area's report date, in its prepared tables' SQL. */
const REPORT_DATE = reportDateSql('training');

const AGENCY = dimensionColumns({ agency: 'pi_dim_code(agency, agency_raw)' });
const NO_DIMENSIONS = dimensionColumns({});

/** One row per event id (a file may repeat an event); the first date and type given. */
const EVENTS = `ev AS (
  SELECT event_id, min(event_date) AS event_date, any_value(course_type) AS course_type, max(places) AS places
  FROM training_events WHERE event_date IS NOT NULL GROUP BY event_id
)`;

/**
 * The one rule for a person's booking on a course, said in every definition that asks whether someone
 * attended (and on the Data quality page), so the words and the SQL below cannot drift apart.
 */
export const ONE_BOOKING_PER_COURSE =
  'A person counts once per course, by their latest booking row for it (the last file loaded, its last line), whatever the agency on the others: listed as attended and then as cancelled late, they did not attend; listed the other way round, they did.';

/**
 * One booking per person per course: a file may list a person twice for one course (booked, cancelled,
 * booked again; or under two agencies). The latest row — the last file loaded, its last line — is the
 * one used, so a person counts once per course whatever the agency. Every question of whether someone
 * attended (TR1–TR4, TR6, the area's dates) reads this, never "any row says attended": a late
 * cancellation after an attendance would otherwise fill a place in TR3 that TR2 counts as lost.
 */
const BOOKINGS = `bk AS (
  SELECT * FROM training_attendance
  QUALIFY row_number() OVER (PARTITION BY event_id, attendee_id ORDER BY load_id DESC, source_line DESC) = 1
)`;

/** Attendee's agency per event, from their latest booking (for evaluations). */
const ATTENDEE_AGENCY = `att AS (
  SELECT event_id, attendee_id, arg_max(agency, (load_id, source_line)) AS agency,
    arg_max(agency_raw, (load_id, source_line)) AS agency_raw
  FROM training_attendance GROUP BY ALL
)`;

const PREPARE: readonly PrepareStep[] = [
  // Bookings with their event's date and type.
  {
    table: 'pi_tr_bookings',
    reads: ['training_events', 'training_attendance'],
    reportDate: true,
    select: `WITH ${EVENTS}, ${BOOKINGS}
SELECT a.event_id, a.attendee_id, a.booking_status, ev.event_date, ev.course_type, ${AGENCY}
FROM bk a JOIN ev USING (event_id)
WHERE ev.event_date <= ${REPORT_DATE}`,
  },
  // Events with places and how many attended.
  {
    table: 'pi_tr_events',
    reads: ['training_events', 'training_attendance'],
    reportDate: true,
    select: `WITH ${EVENTS}, ${BOOKINGS}
SELECT ev.event_id, ev.event_date, ev.places,
  (SELECT count(*) FROM bk a WHERE a.event_id = ev.event_id AND a.booking_status = 'ATTENDED')::INTEGER AS attended,
  ${NO_DIMENSIONS}
FROM ev WHERE ev.event_date <= ${REPORT_DATE} AND ev.places > 0`,
  },
  // Pre- and post-course confidence per person and course: their latest answer at each stage; two
  // answers on the same date — the one last in the files (latest file, latest line); both are listed on
  // the Data quality page as a repeated record.
  {
    table: 'pi_tr_confidence',
    reads: ['training_attendance', 'training_evaluations'],
    reportDate: true,
    select: `WITH ${ATTENDEE_AGENCY},
s AS (
  SELECT event_id, attendee_id,
    arg_max(confidence_score, (response_date, load_id, source_line)) FILTER (WHERE stage = 'PRE' AND confidence_score IS NOT NULL) AS pre,
    arg_max(confidence_score, (response_date, load_id, source_line)) FILTER (WHERE stage = 'POST' AND confidence_score IS NOT NULL) AS post,
    max(response_date) FILTER (WHERE stage = 'POST' AND confidence_score IS NOT NULL) AS post_date
  FROM training_evaluations WHERE response_date <= ${REPORT_DATE}
  GROUP BY ALL
)
SELECT s.event_id, s.attendee_id, s.post_date, (s.post - s.pre)::INTEGER AS gain,
  ${dimensionColumns({ agency: 'pi_dim_code(att.agency, att.agency_raw)' })}
FROM s LEFT JOIN att USING (event_id, attendee_id)
WHERE s.pre IS NOT NULL AND s.post IS NOT NULL`,
  },
  // People who attended a course old enough to follow up, and whether they answered the follow-up.
  {
    table: 'pi_tr_follow_up',
    reads: ['training_events', 'training_evaluations', 'pi_settings', 'training_attendance'],
    reportDate: true,
    select: `WITH ${EVENTS}, ${BOOKINGS},
f AS (
  SELECT event_id, attendee_id, min(response_date) AS first_follow_up
  FROM training_evaluations WHERE stage = 'FOLLOW_UP' AND response_date <= ${REPORT_DATE} GROUP BY ALL
)
SELECT a.event_id, a.attendee_id, ev.event_date,
  coalesce(f.first_follow_up >= ev.event_date + (SELECT tr_follow_up_min_days FROM pi_settings), false) AS responded,
  ${AGENCY}
FROM (SELECT * FROM bk WHERE booking_status = 'ATTENDED') a
JOIN ev USING (event_id)
LEFT JOIN f USING (event_id, attendee_id)
WHERE ev.event_date + (SELECT tr_follow_up_event_age_days FROM pi_settings) <= ${REPORT_DATE}`,
  },
  // Follow-up answers about practice.
  {
    table: 'pi_tr_practice',
    reads: ['training_attendance', 'training_evaluations'],
    reportDate: true,
    select: `WITH ${ATTENDEE_AGENCY}
SELECT e.response_date, e.practice_changed, ${dimensionColumns({ agency: 'pi_dim_code(att.agency, att.agency_raw)' })}
FROM training_evaluations e LEFT JOIN att USING (event_id, attendee_id)
WHERE e.stage = 'FOLLOW_UP' AND e.practice_changed IS NOT NULL AND e.response_date <= ${REPORT_DATE}`,
  },
  // Staff in scope per agency and date.
  {
    table: 'pi_tr_workforce',
    reads: ['workforce'],
    reportDate: false,
    select: `SELECT period_end, sum(staff_in_scope)::INTEGER AS staff, ${AGENCY}
FROM workforce WHERE staff_in_scope > 0 GROUP BY ALL`,
  },
];

const DATASETS_ATTENDANCE = ['training_events', 'training_attendance'] as const;

export const TR1: IndicatorDefinition = {
  id: 'TR1',
  family: 'training',
  reads: ['pi_tr_bookings'],
  title: 'Multi-agency training attendances',
  definition: `The number of places taken up (bookings marked “Attended”) on multi-agency courses held in the period. A person attending two courses counts twice. ${ONE_BOOKING_PER_COURSE}`,
  numerator: `Bookings with status ${inWords(BOOKING, ['ATTENDED'])} on ${inWords(COURSE_TYPE, ['MULTI_AGENCY'])} events dated in the period`,
  denominator: null,
  unit: 'count',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Contextual, though more multi-agency learning is usually sought.',
  datasets: DATASETS_ATTENDANCE,
  breakdowns: ['agency'],
  headline: true,
  sql: eventCountSql({
    from: 'pi_tr_bookings',
    date: 'event_date',
    where: "booking_status = 'ATTENDED' AND course_type = 'MULTI_AGENCY'",
  }),
};

export const TR2: IndicatorDefinition = {
  id: 'TR2',
  family: 'training',
  reads: ['pi_tr_bookings'],
  title: 'Training places lost to non-attendance',
  definition: `Of the people due to attend courses held in the period, the percentage who did not attend or cancelled too late for the place to be re-used (DNA + late cancellations, over attended + DNA + late cancellations). Timely cancellations and waiting lists are left out. ${ONE_BOOKING_PER_COURSE}`,
  numerator: `Bookings with status ${inWords(BOOKING, ['DNA', 'CANCELLED_LATE'])} on events in the period`,
  denominator: `Bookings with status ${inWords(BOOKING, ['ATTENDED', 'DNA', 'CANCELLED_LATE'])} on events in the period`,
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'down',
  directionNote: 'Lower is better: places not wasted.',
  datasets: DATASETS_ATTENDANCE,
  breakdowns: ['agency'],
  headline: true,
  sql: eventRateSql(
    { from: 'pi_tr_bookings', date: 'event_date', where: "booking_status IN ('ATTENDED', 'DNA', 'CANCELLED_LATE')" },
    "booking_status IN ('DNA', 'CANCELLED_LATE')",
  ),
};

export const TR3: IndicatorDefinition = {
  id: 'TR3',
  family: 'training',
  reads: ['pi_tr_events'],
  title: 'Training places filled',
  definition: `Attendances as a percentage of the places offered, for courses held in the period that state how many places they had. ${ONE_BOOKING_PER_COURSE}`,
  numerator: `Bookings with status ${inWords(BOOKING, ['ATTENDED'])} on those events`,
  denominator: 'Places on events in the period with a number of places above zero',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: courses used to capacity.',
  datasets: DATASETS_ATTENDANCE,
  breakdowns: [],
  headline: false,
  sql: eventRateSql({ from: 'pi_tr_events', date: 'event_date' }, 'attended', 'places'),
};

export const TR4: IndicatorDefinition = {
  id: 'TR4',
  family: 'training',
  reads: ['pi_tr_workforce', 'pi_tr_bookings', 'pi_settings'],
  title: 'Workforce trained in the last three years',
  definition: `The number of different people who attended any course in the 36 months up to the end of the period, as a percentage of the staff in scope for safeguarding training (the latest workforce figure on or before the period end, or the earliest given if none is that old). Only agencies with a workforce figure are counted. ${ONE_BOOKING_PER_COURSE}`,
  numerator: `Distinct attendees (by agency) with a booking marked ${inWords(BOOKING, ['ATTENDED'])} in the 36 months to the period end`,
  denominator: 'Staff in scope in those agencies',
  unit: 'percent',
  periodRule: 'stock_at_period_end',
  direction: 'up',
  directionNote: 'Higher is better: more of the workforce has current safeguarding training.',
  datasets: [...DATASETS_ATTENDANCE, 'workforce'],
  breakdowns: ['agency'],
  settings: ['trCoverageMonths'],
  headline: true,
  warmUp: {
    months: 'trCoverageMonths',
    reason:
      'Each period counts the training of the months before it, and training before the data begins is not in it, so the figure climbs until that window is wholly inside the data.',
  },
  sql: `WITH staff AS (
  SELECT p.period_start, w.agency,
    coalesce(arg_max(w.staff, w.period_end) FILTER (WHERE w.period_end <= p.effective_end), arg_min(w.staff, w.period_end)) AS staff
  FROM ${PERIODS} p CROSS JOIN (SELECT * FROM pi_tr_workforce WHERE ${FILTERS}) w
  GROUP BY ALL
), trained AS (
  SELECT p.period_start, b.agency, count(DISTINCT b.attendee_id) AS trained
  FROM ${PERIODS} p
  JOIN (SELECT * FROM pi_tr_bookings WHERE booking_status = 'ATTENDED' AND ${FILTERS}) b
    ON b.event_date <= p.effective_end
   AND b.event_date > p.effective_end - to_months((SELECT tr_coverage_months FROM pi_settings))
  GROUP BY ALL
), agg AS (
  SELECT s.period_start, sum(coalesce(t.trained, 0)) AS num, sum(s.staff) AS den
  FROM staff s LEFT JOIN trained t USING (period_start, agency) GROUP BY ALL
)
SELECT p.period_start, agg.num::DOUBLE AS numerator, agg.den::DOUBLE AS denominator,
  CASE WHEN agg.den > 0 THEN 100.0 * agg.num / agg.den END AS value
FROM ${PERIODS} p LEFT JOIN agg USING (period_start)`,
};

export const TR5: IndicatorDefinition = {
  id: 'TR5',
  family: 'training',
  reads: ['pi_tr_confidence'],
  title: 'Average gain in confidence after training',
  definition:
    'For people who rated their confidence both before and after a course, the average change (after − before), by the date of the after-course answer. A Kirkpatrick level 2 measure.',
  numerator: 'Sum of (post-course − pre-course confidence score)',
  denominator: 'People with both a pre- and a post-course confidence score, post answer in the period',
  unit: 'score',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: people leave training more confident.',
  datasets: ['training_evaluations'],
  optionalDatasets: ['training_attendance'],
  breakdowns: ['agency'],
  headline: false,
  sql: eventMeanSql({ from: 'pi_tr_confidence', date: 'post_date' }, 'gain'),
};

export const TR5B: IndicatorDefinition = {
  id: 'TR5B',
  family: 'training',
  reads: ['pi_tr_confidence'],
  title: 'People whose confidence rose by at least one point',
  definition:
    'Of the people who rated their confidence both before and after a course, the percentage whose confidence rose by one point or more.',
  numerator: 'People with post − pre confidence ≥ 1',
  denominator: 'People with both scores, post answer in the period',
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better.',
  datasets: ['training_evaluations'],
  optionalDatasets: ['training_attendance'],
  breakdowns: ['agency'],
  headline: false,
  sql: eventRateSql({ from: 'pi_tr_confidence', date: 'post_date' }, 'gain >= 1'),
};

export const TR6: IndicatorDefinition = {
  id: 'TR6',
  family: 'training',
  reads: ['pi_tr_follow_up'],
  title: 'Follow-up evaluations returned',
  definition: `Of the people who attended a course held in the period that is at least 90 days old at the report date, the percentage who answered a follow-up evaluation at least 42 days after the course. ${ONE_BOOKING_PER_COURSE}`,
  numerator: `Attendees with a ${inWords(STAGE, ['FOLLOW_UP'])} response dated ≥ 42 days after the event`,
  denominator: `Attendees (${inWords(BOOKING, ['ATTENDED'])}) of events in the period held ≥ 90 days before the report date`,
  unit: 'percent',
  periodRule: 'lagged_cohort',
  direction: 'up',
  directionNote: 'Higher is better: impact on practice can only be known if people answer.',
  datasets: [...DATASETS_ATTENDANCE, 'training_evaluations'],
  breakdowns: ['agency'],
  settings: ['trFollowUpMinDays', 'trFollowUpEventAgeDays'],
  headline: false,
  sql: eventRateSql({ from: 'pi_tr_follow_up', date: 'event_date' }, 'responded'),
};

export const TR7: IndicatorDefinition = {
  id: 'TR7',
  family: 'training',
  reads: ['pi_tr_practice'],
  title: 'People reporting a change in practice after training',
  definition:
    'Of the follow-up evaluations answered in the period, the percentage saying the training changed their practice (Y) or partly changed it (PARTLY). A Kirkpatrick level 3 measure.',
  numerator: `${inWords(STAGE, ['FOLLOW_UP'])} responses with practice changed ${inWords(PRACTICE_CHANGED, ['Y', 'PARTLY'])}`,
  denominator: `${inWords(STAGE, ['FOLLOW_UP'])} responses in the period that answered the question`,
  unit: 'percent',
  periodRule: 'event_in_period',
  direction: 'up',
  directionNote: 'Higher is better: learning used in practice.',
  datasets: ['training_evaluations'],
  optionalDatasets: ['training_attendance'],
  breakdowns: ['agency'],
  headline: true,
  sql: eventRateSql({ from: 'pi_tr_practice', date: 'response_date' }, "practice_changed IN ('Y', 'PARTLY')"),
};

export const TRAINING_FAMILY: IndicatorFamilyDefinition = {
  id: 'training',
  title: 'Training',
  summary: 'Who comes to multi-agency training, whether places are used, and whether it changes practice.',
  dateRangeSql: `WITH ${BOOKINGS}
SELECT min(d) AS first, max(d) AS last FROM (
  SELECT e.event_date AS d FROM training_events e
  WHERE EXISTS (SELECT 1 FROM bk a WHERE a.event_id = e.event_id AND a.booking_status = 'ATTENDED')
  UNION ALL SELECT response_date FROM training_evaluations
)`,
  defaultGranularity: 'quarter',
  comparison: { indicator: 'TR2', dimension: 'agency' },
  dimensionTable: 'pi_tr_bookings',
  prepare: PREPARE,
  indicators: [TR1, TR2, TR3, TR4, TR5, TR5B, TR6, TR7],
};
