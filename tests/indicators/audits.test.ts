import { beforeAll, describe, expect, it } from 'vitest';
import { createIndicatorSession } from '../support/indicator-session';

type Session = Awaited<ReturnType<typeof createIndicatorSession>>;

// One audit (A1, 10/05/2024) of three cases. Report date 30/09/2024.
const GRADES = [
  'audit_id,audit_theme,audit_date,case_id,agency,domain,grade,practitioner_involved',
  // C1: a multi-agency (consensus) grade of GOOD wins over the agencies' own.
  'A1,Neglect,10/05/2024,C1,MULTI,OVERALL,GOOD,Y',
  'A1,Neglect,10/05/2024,C1,POLICE,OVERALL,REQUIRES_IMPROVEMENT,N',
  'A1,Neglect,10/05/2024,C1,POLICE,VOICE_OF_CHILD,GOOD,N',
  'A1,Neglect,10/05/2024,C1,ICB,OVERALL,INADEQUATE,N',
  // C2: no consensus; GOOD and INADEQUATE once each — a tie goes to the lower grade.
  'A1,Neglect,10/05/2024,C2,POLICE,OVERALL,GOOD,N',
  'A1,Neglect,10/05/2024,C2,ICB,OVERALL,INADEQUATE,N',
  'A1,Neglect,10/05/2024,C2,ICB,VOICE_OF_CHILD,INADEQUATE,N',
  // C3: OUTSTANDING once, GOOD twice — the most common grade, GOOD.
  'A1,Neglect,10/05/2024,C3,POLICE,OVERALL,OUTSTANDING,N',
  'A1,Neglect,10/05/2024,C3,SCHOOL,OVERALL,GOOD,Y',
  'A1,Neglect,10/05/2024,C3,ICB,OVERALL,GOOD,N',
  'A1,Neglect,10/05/2024,C3,SCHOOL,ASSESSMENT,REQUIRES_IMPROVEMENT,Y',
];
const ACTIONS = [
  'audit_id,action_id,agency,due_date,completed_date,status',
  'A1,X1,POLICE,30/06/2024,28/06/2024,COMPLETE',
  'A1,X2,ICB,30/06/2024,05/07/2024,COMPLETE', // late
  'A1,X3,ICB,15/08/2024,,OPEN',
  'A1,X4,SCHOOL,30/11/2024,,OPEN', // due after the report date
];

let t: Session;
const q1 = { granularity: 'quarter', from: '2024-04-01', to: '2024-06-30' } as const;

beforeAll(async () => {
  t = await createIndicatorSession(
    { 'audit_grades.csv': GRADES, 'audit_actions.csv': ACTIONS },
    { reportDate: '2024-09-30' },
  );
});

describe('case-file audit indicators', () => {
  it('AQ1 cases audited: 3; police graded all three, the school one', async () => {
    expect(await t.values('AQ1', q1)).toEqual([['2024-25 Q1', 3]]);
    expect(await t.values('AQ1', { ...q1, filters: { agency: ['SCHOOL'] } })).toEqual([['2024-25 Q1', 1]]);
  });

  it('AQ2 / AQ3 overall: C1 GOOD (consensus), C2 INADEQUATE (tie), C3 GOOD (mode)', async () => {
    expect(await t.rows('AQ2', q1)).toEqual([['2024-25 Q1', 2, 3, 66.67]]);
    expect(await t.rows('AQ3', q1)).toEqual([['2024-25 Q1', 1, 3, 33.33]]);
    // Police's own overall grades: RI, GOOD, OUTSTANDING.
    expect(await t.rows('AQ2', { ...q1, filters: { agency: ['POLICE'] } })).toEqual([['2024-25 Q1', 2, 3, 66.67]]);
    expect(await t.rows('AQ3', { ...q1, filters: { agency: ['POLICE'] } })).toEqual([['2024-25 Q1', 0, 3, 0]]);
  });

  it('AQ4 domain grades: GOOD, INADEQUATE, RI → 1 of 3; voice of the child alone 1 of 2', async () => {
    expect(await t.rows('AQ4', q1)).toEqual([['2024-25 Q1', 1, 3, 33.33]]);
    expect(await t.rows('AQ4', { ...q1, filters: { domain: ['VOICE_OF_CHILD'] } })).toEqual([['2024-25 Q1', 1, 2, 50]]);
  });

  it('AQ5 participation: police, ICB and school take part; 7 of the 9 case × agency pairs returned', async () => {
    expect(await t.rows('AQ5', q1)).toEqual([['2024-25 Q1', 7, 9, 77.78]]);
    expect(await t.rows('AQ5', { ...q1, filters: { agency: ['SCHOOL'] } })).toEqual([['2024-25 Q1', 1, 3, 33.33]]);
  });

  it('AQ6 practitioners involved in C1 and C3 = 2 of 3', async () => {
    expect(await t.rows('AQ6', q1)).toEqual([['2024-25 Q1', 2, 3, 66.67]]);
  });

  it('AQ7 actions on time: Q1 X1 yes, X2 late → 50%; Q2 X3 open → 0%; X4 not yet due', async () => {
    expect(await t.rows('AQ7', { granularity: 'quarter', from: '2024-04-01' })).toEqual([
      ['2024-25 Q1', 1, 2, 50],
      ['2024-25 Q2', 0, 1, 0],
    ]);
  });
});
