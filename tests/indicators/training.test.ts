import { beforeAll, describe, expect, it } from 'vitest';
import { getIndicator } from '../../src/indicators/registry';
import { dimensionValues, runBreakdown } from '../../src/indicators/run-indicator';
import { ONE_BOOKING_PER_COURSE } from '../../src/indicators/training-indicators';
import { createIndicatorSession } from '../support/indicator-session';

type Session = Awaited<ReturnType<typeof createIndicatorSession>>;

// Report date 30/09/2024. Q1 = April–June 2024, Q2 = July–September 2024.
const EVENTS = [
  'event_id,course_title,course_type,level,event_date,places',
  'E1,Neglect,MULTI_AGENCY,2,15/04/2024,10',
  'E2,Domestic abuse basics,SINGLE_AGENCY,1,20/05/2024,5',
  'E3,Exploitation,MULTI_AGENCY,3,10/07/2024,0', // no places given: left out of the fill rate
  'E4,Old course,MULTI_AGENCY,2,10/06/2021,20', // just over 36 months before 30/06/2024
];
const ATTENDANCE = [
  'event_id,attendee_id,agency,booking_status',
  'E1,P1,POLICE,ATTENDED',
  'E1,P2,POLICE,ATTENDED',
  'E1,P3,SCHOOL,ATTENDED',
  'E1,P4,SCHOOL,DNA',
  'E1,P5,ICB,CANCELLED_LATE',
  'E1,P6,ICB,CANCELLED',
  'E1,P7,ICB,WAITLIST',
  'E2,P1,POLICE,ATTENDED',
  'E2,P8,POLICE,DNA',
  'E3,P3,SCHOOL,ATTENDED',
  'E3,P9,ICB,ATTENDED',
  'E4,P10,POLICE,ATTENDED',
];
const EVALUATIONS = [
  'event_id,attendee_id,stage,response_date,confidence_score,knowledge_score,practice_changed',
  'E1,P1,PRE,15/04/2024,2,,',
  'E1,P1,POST,15/04/2024,4,,',
  'E1,P2,PRE,15/04/2024,3,,',
  'E1,P2,POST,16/04/2024,3,,',
  'E1,P3,POST,15/04/2024,5,,', // no PRE: not a pair
  'E1,P1,FOLLOW_UP,10/06/2024,,,Y', // 56 days after the course
  'E1,P2,FOLLOW_UP,20/05/2024,,,N', // 35 days: too soon for TR6, still an answer for TR7
  'E1,P3,FOLLOW_UP,01/07/2024,,,PARTLY', // 77 days
];
const WORKFORCE = [
  'agency,period_end,staff_in_scope',
  'POLICE,31/03/2024,10',
  'SCHOOL,31/03/2024,4',
  'POLICE,30/06/2024,20',
];

let t: Session;
const q1 = { granularity: 'quarter', from: '2024-04-01', to: '2024-06-30' } as const;
const quarters = { granularity: 'quarter', from: '2024-04-01' } as const;

beforeAll(async () => {
  t = await createIndicatorSession(
    {
      'training_events.csv': EVENTS,
      'training_attendance.csv': ATTENDANCE,
      'training_evaluations.csv': EVALUATIONS,
      'workforce.csv': WORKFORCE,
    },
    { reportDate: '2024-09-30' },
  );
});

describe('training indicators', () => {
  it('lists the agencies of the bookings (an area without roll-ups reads its dimension table)', async () => {
    // Every booking up to the report date, whatever its status: ICB, POLICE, SCHOOL, sorted.
    expect(await dimensionValues(t.engine, 'training', ['agency'])).toEqual({ agency: ['ICB', 'POLICE', 'SCHOOL'] });
  });

  it('TR1 multi-agency attendances: E1 has 3 in Q1 (E2 is single-agency), E3 has 2 in Q2', async () => {
    expect(await t.values('TR1', quarters)).toEqual([
      ['2024-25 Q1', 3],
      ['2024-25 Q2', 2],
    ]);
  });

  it('TR2 DNA rate: (DNA 2 + late 1) / (attended 4 + 3) = 42.86%; cancelled in time and waiting list left out', async () => {
    expect(await t.rows('TR2', q1)).toEqual([['2024-25 Q1', 3, 7, 42.86]]);
    // Police only: attended P1, P2, P1; DNA P8 → 1 / 4.
    expect(await t.rows('TR2', { ...q1, filters: { agency: ['POLICE'] } })).toEqual([['2024-25 Q1', 1, 4, 25]]);
  });

  it('TR3 fill rate: (3 + 1) / (10 + 5) = 26.67%; an event without places is not counted', async () => {
    expect(await t.rows('TR3', quarters)).toEqual([
      ['2024-25 Q1', 4, 15, 26.67],
      ['2024-25 Q2', 0, 0, null],
    ]);
  });

  it('TR4 coverage: 3 people trained in 36 months (police 2, school 1) over 20 + 4 staff = 12.5%', async () => {
    // ICB trained P9 but gave no workforce figure: left out of both sides.
    // At 30/06/2024 the police figure is the one for 30/06/2024 (20), not 31/03/2024 (10).
    expect(await t.rows('TR4', quarters)).toEqual([
      ['2024-25 Q1', 3, 24, 12.5],
      ['2024-25 Q2', 3, 24, 12.5],
    ]);
    expect(await t.rows('TR4', { ...q1, filters: { agency: ['POLICE'] } })).toEqual([['2024-25 Q1', 2, 20, 10]]);
  });

  it('TR4 with a longer window takes in the June 2021 course', async () => {
    await t.reprepare({ trCoverageMonths: 40 });
    expect(await t.rows('TR4', q1)).toEqual([['2024-25 Q1', 4, 24, 16.67]]);
    await t.reprepare({});
  });

  it('TR5 confidence gain: P1 +2, P2 0 → mean 1; TR5B: 1 of 2 rose by a point or more', async () => {
    expect(await t.rows('TR5', q1)).toEqual([['2024-25 Q1', 2, 2, 1]]);
    expect(await t.rows('TR5B', q1)).toEqual([['2024-25 Q1', 1, 2, 50]]);
  });

  it('TR6 follow-up rate: of 4 attendances on courses ≥ 90 days old, 2 answered ≥ 42 days later', async () => {
    // (E1,P1) 56 days ✓, (E1,P2) 35 days ✗, (E1,P3) 77 days ✓, (E2,P1) no answer ✗. E3 is too recent.
    expect(await t.rows('TR6', quarters)).toEqual([
      ['2024-25 Q1', 2, 4, 50],
      ['2024-25 Q2', 0, 0, null],
    ]);
  });

  it('TR7 practice change: Q1 Y and N → 50%; Q2 PARTLY → 100%', async () => {
    expect(await t.rows('TR7', quarters)).toEqual([
      ['2024-25 Q1', 1, 2, 50],
      ['2024-25 Q2', 1, 1, 100],
    ]);
  });

  it('TR2 broken down by agency: police 1 of 4, school 1 of 2, ICB 1 of 1 — together the 3 of 7', async () => {
    const rows = await runBreakdown(t.engine, t.prepared, getIndicator('TR2'), q1, 'agency');
    expect(
      rows.map((r) => [
        r.value,
        r.result.status === 'ok' ? [r.result.points[0]?.numerator, r.result.points[0]?.denominator] : null,
      ]),
    ).toEqual([
      ['ICB', [1, 1]],
      ['POLICE', [1, 4]],
      ['SCHOOL', [1, 2]],
    ]);
    await expect(runBreakdown(t.engine, t.prepared, getIndicator('TR3'), q1, 'agency')).rejects.toThrow(
      /cannot be broken down/,
    );
  });

  it('an indicator whose files are missing says which', async () => {
    const only = await createIndicatorSession({ 'training_evaluations.csv': EVALUATIONS });
    const result = await only.run('TR4', quarters);
    expect(result.status === 'missing_data' && result.missingDatasets).toEqual([
      'training_events',
      'training_attendance',
      'workforce',
    ]);
    expect((await only.run('TR7', quarters)).status).toBe('ok');
  });
});

describe('one rule for whether a person attended a course: their latest booking row', () => {
  // Report date 30/09/2024. Each repeat is inside one file, so both rows are loaded (a repeat across files
  // would not be); the later line is the person's booking.
  const REPEAT_EVENTS = [
    'event_id,course_title,course_type,level,event_date,places',
    'G1,Neglect,MULTI_AGENCY,2,15/04/2024,10',
    'G2,Exploitation,MULTI_AGENCY,2,20/08/2024,5',
  ];
  const REPEAT_ATTENDANCE = [
    'event_id,attendee_id,agency,booking_status',
    'G1,A1,POLICE,ATTENDED',
    'G1,A1,POLICE,CANCELLED_LATE', // A1: attended, then cancelled late → did not attend
    'G1,A2,SCHOOL,CANCELLED_LATE',
    'G1,A2,SCHOOL,ATTENDED', // A2: the reverse → attended
    'G1,A3,ICB,ATTENDED',
    'G2,A4,POLICE,ATTENDED',
    'G2,A4,POLICE,CANCELLED_LATE', // G2's only booking: nobody attended G2
  ];
  const REPEAT_EVALUATIONS = [
    'event_id,attendee_id,stage,response_date,confidence_score,knowledge_score,practice_changed',
    'G1,A1,FOLLOW_UP,10/06/2024,,,Y', // 56 days after G1, but A1 did not attend
    'G1,A2,FOLLOW_UP,01/07/2024,,,Y', // 77 days after G1
  ];
  const REPEAT_WORKFORCE = [
    'agency,period_end,staff_in_scope',
    'POLICE,31/03/2024,10',
    'SCHOOL,31/03/2024,10',
    'ICB,31/03/2024,10',
  ];
  let r: Session;
  beforeAll(async () => {
    r = await createIndicatorSession(
      {
        'training_events.csv': REPEAT_EVENTS,
        'training_attendance.csv': REPEAT_ATTENDANCE,
        'training_evaluations.csv': REPEAT_EVALUATIONS,
        'workforce.csv': REPEAT_WORKFORCE,
      },
      { reportDate: '2024-09-30' },
    );
  });

  it('TR1: G1 had 2 attendances (A2, A3), G2 none', async () => {
    expect(await r.values('TR1', quarters)).toEqual([
      ['2024-25 Q1', 2],
      ['2024-25 Q2', 0],
    ]);
  });

  it('TR2: Q1 1 lost (A1 late) of 3 due (A1, A2, A3) = 33.33%; Q2 A4 late, 1 of 1', async () => {
    expect(await r.rows('TR2', quarters)).toEqual([
      ['2024-25 Q1', 1, 3, 33.33],
      ['2024-25 Q2', 1, 1, 100],
    ]);
  });

  it('TR3: the places TR2 did not lose are the ones filled — G1 2 of 10 = 20%, G2 0 of 5', async () => {
    // "Any row says attended" would fill 3 of G1's places (A1 too) and 1 of G2's (A4).
    expect(await r.rows('TR3', quarters)).toEqual([
      ['2024-25 Q1', 2, 10, 20],
      ['2024-25 Q2', 0, 5, 0],
    ]);
  });

  it('TR4: 2 people trained (A2 school, A3 ICB) of 30 staff = 6.67%, A1 and A4 not trained', async () => {
    expect(await r.rows('TR4', quarters)).toEqual([
      ['2024-25 Q1', 2, 30, 6.67],
      ['2024-25 Q2', 2, 30, 6.67],
    ]);
  });

  it('TR6: of G1’s 2 attendees (A2, A3), A2 answered 77 days on = 50%; A1’s answer is not an attendee’s', async () => {
    // "Any row" would make A1 an attendee who answered: 2 of 3. G2 is under 90 days old at the report date.
    expect(await r.rows('TR6', quarters)).toEqual([
      ['2024-25 Q1', 1, 2, 50],
      ['2024-25 Q2', 0, 0, null],
    ]);
  });

  it('the area’s dates: G2, which nobody attended, is not its last date (the latest answer, 01/07/2024, is)', () => {
    expect(r.prepared.families.training).toEqual({ first: '2024-04-15', last: '2024-07-01', reportDate: '2024-09-30' });
  });

  it('the definitions say the rule, in the same words, for every indicator that asks who attended', () => {
    for (const id of ['TR1', 'TR2', 'TR3', 'TR4', 'TR6']) {
      expect(getIndicator(id).definition, id).toContain(ONE_BOOKING_PER_COURSE);
    }
    expect(ONE_BOOKING_PER_COURSE).toMatch(/latest booking row/);
  });
});
