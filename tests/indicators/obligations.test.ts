import { beforeAll, describe, expect, it } from 'vitest';
import { createIndicatorSession } from '../support/indicator-session';

type Session = Awaited<ReturnType<typeof createIndicatorSession>>;

// Report date 31/08/2025. Section 11 returns due 31/10/2024; Section 175 returns due 30/06 each year.
const RETURNS = [
  'return_id,framework,organisation,agency_type,cycle,due_date,submitted_date,standard_id,rating,action_required,action_due_date,action_status',
  'R1,S11,Police,POLICE,2024-25,31/10/2024,15/10/2024,S11-1,MET,N,,',
  'R1,S11,Police,POLICE,2024-25,31/10/2024,15/10/2024,S11-2,PARTIAL,Y,31/12/2024,COMPLETE',
  'R2,S11,ICB,ICB,2024-25,31/10/2024,05/11/2024,S11-1,NOT_MET,Y,31/01/2025,OPEN',
  'R2,S11,ICB,ICB,2024-25,31/10/2024,05/11/2024,S11-2,NA,N,,',
  'R3,S11,Probation,PROBATION,2024-25,31/10/2024,,,,,,', // expected, never returned
  'R4,S175,100001,SCHOOL,2024/25 academic,30/06/2025,20/06/2025,Q1,MET,N,,', // matched by URN
  'R5,S175,Hill School,SCHOOL,2024/25 academic,30/06/2025,10/07/2025,Q1,MET,N,,', // matched by name, late
  'R6,S175,100003,SCHOOL,2023/24 academic,30/06/2024,25/06/2024,Q1,MET,N,,',
];
const SCHOOLS = [
  'urn,school_name,phase,school_type',
  '100001,Ash Primary,Primary,Academy',
  '100002,Hill School,Secondary,Maintained',
  '100003,Oak Primary,Primary,Academy',
  '100004,Elm Primary,Primary,Academy',
];

let t: Session;
const fy2425 = { granularity: 'year', from: '2024-04-01', to: '2025-03-31' } as const;

beforeAll(async () => {
  t = await createIndicatorSession(
    { 'compliance_returns.csv': RETURNS, 'schools.csv': SCHOOLS },
    { reportDate: '2025-08-31' },
  );
});

describe('statutory obligations indicators', () => {
  it('OB1 return rate 2024-25: R1, R2, R3 (S11) and R6 (S175) due; all but R3 returned = 75%', async () => {
    expect(await t.rows('OB1', { granularity: 'year', from: '2024-04-01' })).toEqual([
      ['2024-25', 3, 4, 75],
      ['2025-26', 2, 2, 100], // R4, R5 (R5 after its due date but before the report date)
    ]);
    expect(await t.rows('OB1', { ...fy2425, filters: { agency: ['PROBATION'] } })).toEqual([['2024-25', 0, 1, 0]]);
  });

  it('OB2 timeliness: R1 and R6 on time, R2 late = 66.67%', async () => {
    expect(await t.rows('OB2', fy2425)).toEqual([['2024-25', 2, 3, 66.67]]);
  });

  it('OB3 / OB4: of MET, PARTIAL, NOT_MET, MET (NA left out) — 50% met, 25% not met', async () => {
    expect(await t.rows('OB3', fy2425)).toEqual([['2024-25', 2, 4, 50]]);
    expect(await t.rows('OB4', fy2425)).toEqual([['2024-25', 1, 4, 25]]);
  });

  it('OB5 actions due in 2024-25: one complete of two = 50%', async () => {
    expect(await t.rows('OB5', fy2425)).toEqual([['2024-25', 1, 2, 50]]);
  });

  it('OB6 overdue actions at each quarter end: ICB’s action (due 31/01/2025, open) from Q4', async () => {
    expect(await t.values('OB6', { granularity: 'quarter', from: '2024-10-01', to: '2025-06-30' })).toEqual([
      ['2024-25 Q3', 0],
      ['2024-25 Q4', 1],
      ['2025-26 Q1', 1],
    ]);
  });

  it('OB7 Section 175 by academic year: 1 of 4 schools in 2023/24, 2 of 4 in 2024/25', async () => {
    expect(await t.rows('OB7', { granularity: 'year' })).toEqual([
      ['2023/24 academic year', 1, 4, 25],
      ['2024/25 academic year', 2, 4, 50],
    ]);
  });
});
