import { beforeAll, describe, expect, it } from 'vitest';
import { reviewTimeline } from '../../src/indicators/review-timeline';
import { createIndicatorSession } from '../support/indicator-session';

type Session = Awaited<ReturnType<typeof createIndicatorSession>>;

// Report date 31/03/2025. Working days exclude weekends and England and Wales bank holidays.
const REVIEWS = [
  'review_id,incident_date,la_aware_date,notification_date,rapid_review_sent_date,rr_decision,lcspr_decision_date,lcspr_report_final_date,publication_date,publication_status,themes',
  // Across Easter 2024: aware Thu 28/03; Good Friday 29/03 and Easter Monday 01/04 do not count.
  //   Notified Fri 05/04: 2, 3, 4, 5 April = 4 working days (8 calendar days) — on time.
  //   Rapid review Fri 26/04: 8–12, 15–19, 22–26 April = 15 — on time.
  //   LCSPR decided 01/05/2024, final 31/10/2024 — within 6 months.
  'V1,20/03/2024,28/03/2024,05/04/2024,26/04/2024,LCSPR,01/05/2024,31/10/2024,,PENDING,Neglect',
  // Across Christmas 2024: aware Mon 23/12; 25, 26 December and 1 January do not count.
  //   Notified Tue 31/12: 24, 27, 30, 31 December = 4 — on time.
  //   Rapid review Wed 22/01/2025: 2, 3, 6–10, 13–17, 20–22 January = 15 — on time.
  'V2,20/12/2024,23/12/2024,31/12/2024,22/01/2025,NO_FURTHER_REVIEW,,,,,',
  // Aware Mon 03/06, notified Tue 11/06/2024: 4–7, 10, 11 June = 6 — late.
  //   Rapid review Wed 03/07: 12–14, 17–21, 24–28 June, 1–3 July = 16 — late.
  //   LCSPR decided 10/07/2024, final 15/02/2025 — after 10/01/2025, late.
  'V3,01/06/2024,03/06/2024,11/06/2024,03/07/2024,LCSPR,10/07/2024,15/02/2025,,PENDING,',
  // Notified with no aware date and no rapid review yet.
  'V4,,,20/02/2025,,,,,,,',
];
const RECOMMENDATIONS = [
  'review_id,rec_id,owner_agency,due_date,status,completed_date,evidence_of_impact',
  'V1,R1,POLICE,30/06/2024,COMPLETE,20/06/2024,Y',
  'V1,R2,ICB,31/08/2024,COMPLETE,15/10/2024,N', // late: overdue at 30/09/2024
  'V1,R3,ICB,30/11/2024,OPEN,,N',
  'V1,R4,SCHOOL,31/12/2024,SUPERSEDED,,N', // left out
  'V1,R5,POLICE,31/01/2025,COMPLETE,,N', // complete, date not given: done, but not shown to be on time
  'V3,R6,LA_CSC,30/06/2025,OPEN,,N', // due after the report date
];

let t: Session;
const fy = { granularity: 'year', from: '2024-04-01' } as const;
const quarters = { granularity: 'quarter', from: '2024-04-01' } as const;

beforeAll(async () => {
  t = await createIndicatorSession(
    { 'practice_reviews.csv': REVIEWS, 'review_recommendations.csv': RECOMMENDATIONS },
    { reportDate: '2025-03-31' },
  );
});

describe('practice review indicators', () => {
  it('PR1 notifications: 4 in 2024-25; by quarter V1 and V3, none, V2, V4', async () => {
    expect(await t.values('PR1', fy)).toEqual([['2024-25', 4]]);
    expect((await t.values('PR1', quarters)).map((r) => r[1])).toEqual([2, 0, 1, 1]);
  });

  it('PR2 within 5 working days: V1 (4, over Easter) and V2 (4, over Christmas) yes, V3 (6) no', async () => {
    expect(await t.rows('PR2', fy)).toEqual([['2024-25', 2, 3, 66.67]]);
  });

  it('PR2 counts local closure days: with a standard of 3, a closure on 27/12/2024 brings V2 to 3', async () => {
    await t.reprepare({ prNotificationWorkingDays: 3 });
    expect(await t.rows('PR2', fy)).toEqual([['2024-25', 0, 3, 0]]);
    await t.reprepare({ prNotificationWorkingDays: 3, closureDays: ['2024-12-27'] });
    expect(await t.rows('PR2', fy)).toEqual([['2024-25', 1, 3, 33.33]]);
    await t.reprepare({});
  });

  it('PR3 rapid reviews within 15 working days: V1 and V2 (15 each) yes, V3 (16) no', async () => {
    expect(await t.rows('PR3', fy)).toEqual([['2024-25', 2, 3, 66.67]]);
  });

  it('PR4 conversion to LCSPR: V1 and V3 of three decisions', async () => {
    expect(await t.rows('PR4', fy)).toEqual([['2024-25', 2, 3, 66.67]]);
  });

  it('PR5 LCSPR within 6 months: V1 yes, V3 no', async () => {
    expect(await t.rows('PR5', fy)).toEqual([['2024-25', 1, 2, 50]]);
  });

  it('PR6 recommendations on time: R1 of R1, R2, R3, R5 (R4 superseded, R6 not yet due)', async () => {
    expect(await t.rows('PR6', fy)).toEqual([['2024-25', 1, 4, 25]]);
    expect((await t.values('PR6', quarters)).map((r) => r[1])).toEqual([100, 0, 0, 0]);
  });

  it('the timeline lists each review with its working days and whether each step was on time', async () => {
    const rows = await reviewTimeline(t.engine, t.prepared, '2024-04-01', '2025-03-31');
    expect(
      rows.map((r) => [
        r.reviewId,
        r.notificationWorkingDays,
        r.notificationOnTime,
        r.rapidReviewWorkingDays,
        r.rapidReviewOnTime,
        r.lcsprOnTime,
      ]),
    ).toEqual([
      ['V1', 4, true, 15, true, true],
      ['V3', 6, false, 16, false, false],
      ['V2', 4, true, 15, true, null],
      ['V4', null, null, null, null, null],
    ]);
  });

  it('PR8 completed recommendations with evidence of impact: R1 (Y) of R1 and R2 (R5 has no completed date)', async () => {
    // Completed in 2024-25: R1 on 20/06/2024 (evidence Y), R2 on 15/10/2024 (N). R5 is marked complete but has no
    // date, so it is in no period. → 1 of 2 = 50%; by quarter: Q1 1 of 1, Q3 0 of 1.
    expect(await t.rows('PR8', fy)).toEqual([['2024-25', 1, 2, 50]]);
    expect((await t.values('PR8', quarters)).map((r) => r[1])).toEqual([100, null, 0, null]);
  });

  it('PR7 overdue at each quarter end: R2 at 30/09, R3 at 31/12 and 31/03', async () => {
    expect((await t.values('PR7', quarters)).map((r) => r[1])).toEqual([0, 1, 1, 1]);
    expect((await t.values('PR7', { ...quarters, filters: { agency: ['POLICE'] } })).map((r) => r[1])).toEqual([
      0, 0, 0, 0,
    ]);
  });
});
