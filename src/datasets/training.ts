import type { DatasetDefinition } from './dataset-definition';
import { agency, code, date, field, integer, text } from './field-helpers';

/** The keys that tie attendance and evaluations to events and people. */
const eventId = field('event_id', 'Event ID', text, {
  required: true,
  aliases: ['session id', 'course event id'],
  example: 'EV2024-031',
});
const attendeeId = field('attendee_id', 'Attendee ID', text, {
  required: true,
  aliases: ['delegate id', 'learner id', 'person id'],
  example: 'P004512',
});

/** Training impact (domain.md §5.2): events, attendance, evaluations and workforce in scope. */
export const trainingEvents: DatasetDefinition = {
  id: 'training_events',
  about: 'professionals',
  title: 'Training events',
  fileName: 'training_events.csv',
  description:
    'One row per course session (event): when it ran, what kind of course it was and how many places it had.',
  recordKeys: [['event_id']],
  dateOrder: [],
  fields: [
    eventId,
    field('course_title', 'Course title', text, {
      aliases: ['course', 'course name', 'title'],
      example: 'Neglect: recognising and responding',
    }),
    field(
      'course_type',
      'Course type',
      code(
        { MULTI_AGENCY: 'Multi-agency', SINGLE_AGENCY: 'Single agency', E_LEARNING: 'E-learning' },
        {
          MULTI: 'MULTI_AGENCY',
          MULTIAGENCY: 'MULTI_AGENCY',
          SINGLE: 'SINGLE_AGENCY',
          ELEARNING: 'E_LEARNING',
          ONLINE: 'E_LEARNING',
        },
      ),
      {
        aliases: ['type', 'delivery type'],
        example: 'MULTI_AGENCY',
      },
    ),
    field(
      'level',
      'Level',
      code(
        { '1': 'Level 1', '2': 'Level 2', '3': 'Level 3', '4': 'Level 4', DSL: 'Designated safeguarding lead' },
        { LEVEL_1: '1', LEVEL_2: '2', LEVEL_3: '3', LEVEL_4: '4' },
      ),
      {
        aliases: ['course level', 'competency level'],
        example: '2',
      },
    ),
    field('event_date', 'Event date', date, {
      required: true,
      aliases: ['date', 'course date', 'session date'],
      example: '12/03/2025',
    }),
    field('places', 'Places', integer(0, 10000), { aliases: ['capacity', 'places available'], example: '24' }),
  ],
};

export const trainingAttendance: DatasetDefinition = {
  id: 'training_attendance',
  about: 'professionals',
  title: 'Training attendance',
  fileName: 'training_attendance.csv',
  description:
    'One row per booking: who (pseudonymised) booked which event, from which agency, and whether they attended.',
  recordKeys: [['event_id', 'attendee_id']],
  dateOrder: [],
  fields: [
    eventId,
    attendeeId,
    field('agency', 'Agency', agency, { aliases: ['organisation', 'employer', 'attendee agency'], example: 'POLICE' }),
    field(
      'booking_status',
      'Booking status',
      code(
        {
          ATTENDED: 'Attended',
          DNA: 'Did not attend',
          CANCELLED_LATE: 'Cancelled late',
          CANCELLED: 'Cancelled',
          WAITLIST: 'Waiting list',
        },
        {
          DID_NOT_ATTEND: 'DNA',
          NO_SHOW: 'DNA',
          LATE_CANCELLATION: 'CANCELLED_LATE',
          WAITING_LIST: 'WAITLIST',
          PRESENT: 'ATTENDED',
        },
      ),
      { required: true, aliases: ['status', 'attendance', 'attendance status'], example: 'ATTENDED' },
    ),
  ],
};

export const trainingEvaluations: DatasetDefinition = {
  id: 'training_evaluations',
  about: 'professionals',
  title: 'Training evaluations',
  fileName: 'training_evaluations.csv',
  description: 'One row per evaluation response: before, after, or at follow-up, with confidence and knowledge scores.',
  recordKeys: [
    ['event_id', 'attendee_id', 'stage', 'response_date'],
    ['event_id', 'attendee_id', 'stage'],
  ],
  dateOrder: [],
  fields: [
    eventId,
    attendeeId,
    field(
      'stage',
      'Stage',
      code(
        { PRE: 'Before the course', POST: 'Just after the course', FOLLOW_UP: 'Follow-up' },
        {
          BEFORE: 'PRE',
          AFTER: 'POST',
          FOLLOWUP: 'FOLLOW_UP',
          '3_MONTH': 'FOLLOW_UP',
        },
      ),
      {
        required: true,
        aliases: ['evaluation stage', 'survey'],
        example: 'POST',
      },
    ),
    field('response_date', 'Response date', date, { aliases: ['date', 'completed date'], example: '19/03/2025' }),
    field('confidence_score', 'Confidence score', integer(0, 10), { aliases: ['confidence'], example: '4' }),
    field('knowledge_score', 'Knowledge score', integer(0, 10), { aliases: ['knowledge'], example: '4' }),
    field(
      'practice_changed',
      'Practice changed',
      code({ Y: 'Yes', N: 'No', PARTLY: 'Partly' }, { YES: 'Y', NO: 'N', PARTIALLY: 'PARTLY', SOMEWHAT: 'PARTLY' }),
      {
        aliases: ['changed practice', 'practice change'],
        example: 'PARTLY',
      },
    ),
    field('example_text', 'Example', text, {
      aliases: ['example', 'comments', 'comment'],
      example: 'Used the neglect toolkit at a core group',
    }),
  ],
};

export const workforce: DatasetDefinition = {
  id: 'workforce',
  about: 'professionals',
  title: 'Workforce in scope',
  fileName: 'workforce.csv',
  description: 'Staff in scope for safeguarding training, per agency, at a date.',
  recordKeys: [['agency', 'period_end']],
  dateOrder: [],
  fields: [
    field('agency', 'Agency', agency, { required: true, aliases: ['organisation'], example: 'SCHOOL' }),
    field('period_end', 'Period end', date, {
      required: true,
      aliases: ['as at', 'date', 'as at date'],
      example: '31/03/2025',
    }),
    field('staff_in_scope', 'Staff in scope', integer(0, 1000000), {
      required: true,
      aliases: ['staff', 'headcount', 'staff count'],
      example: '1250',
    }),
  ],
};
