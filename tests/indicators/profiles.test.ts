import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIMENSIONS } from '../../src/indicators/indicator-definition';
import { prepareIndicators } from '../../src/indicators/prepare-indicators';
import {
  ALL_PROFILES,
  CLOSURE_REASONS,
  GRADE_PROFILE,
  type ProfileDefinition,
  RECOMMENDATION_STATUS,
  REVIEW_STEPS,
  STANDARD_RATINGS,
} from '../../src/indicators/profiles';
import { profileQuerySql, runProfile } from '../../src/indicators/run-indicator';
import { createIndicatorSession } from '../support/indicator-session';
import { createTestSession } from '../support/load-csv';

type Query = Parameters<typeof runProfile>[3];

async function cells(
  files: Record<string, string[]>,
  settings: { reportDate: string },
  profile: ProfileDefinition,
  query: Query,
) {
  const t = await createIndicatorSession(files, settings);
  const result = await runProfile(t.engine, t.prepared, profile, query);
  if (result.status !== 'ok') throw new Error('not computed');
  return result.cells.map((c) => [c.row, c.column, c.n, c.total]);
}

describe('profiles, on hand-made fixtures', () => {
  it('EHP1 closure reasons per quarter', async () => {
    const rows = await cells(
      {
        'eh.csv': [
          'child_id,assessment_start_date,episode_end_date,end_reason',
          'A,01/04/2024,20/05/2024,NEEDS_MET',
          'B,02/04/2024,10/06/2024,NEEDS_MET',
          'C,03/04/2024,15/06/2024,DISENGAGED',
          'D,04/04/2024,20/07/2024,NEEDS_MET',
          'E,05/04/2024,,',
        ],
      },
      { reportDate: '2024-09-30' },
      CLOSURE_REASONS,
      { granularity: 'quarter', from: '2024-04-01' },
    );
    expect(rows).toEqual([
      ['2024-04-01', 'DISENGAGED', 1, null],
      ['2024-04-01', 'NEEDS_MET', 2, null],
      ['2024-07-01', 'NEEDS_MET', 1, null],
    ]);
  });

  it('EHP1: a reason written but not mapped yet is a column of its own, apart from a blank one', async () => {
    const rows = await cells(
      {
        'eh.csv': [
          'child_id,assessment_start_date,episode_end_date,end_reason',
          'A,01/04/2024,20/05/2024,Needs met', // the words read as NEEDS_MET
          'B,02/04/2024,10/06/2024,Closed by panel', // not on the list: not mapped yet
          'C,03/04/2024,15/06/2024,', // no reason given: not recorded
          'D,04/04/2024,20/06/2024,Closed by panel',
        ],
      },
      { reportDate: '2024-09-30' },
      CLOSURE_REASONS,
      { granularity: 'quarter', from: '2024-04-01', to: '2024-06-30' },
    );
    expect(rows).toEqual([
      ['2024-04-01', 'NEEDS_MET', 1, null],
      ['2024-04-01', 'NOT_MAPPED', 2, null],
      ['2024-04-01', 'NOT_RECORDED', 1, null],
    ]);
    expect(CLOSURE_REASONS.columns.slice(-2)).toEqual([
      { key: 'NOT_MAPPED', label: 'Not mapped yet' },
      { key: 'NOT_RECORDED', label: 'Not recorded' },
    ]);
    expect(CLOSURE_REASONS.columns[0]).toEqual({ key: 'NEEDS_MET', label: 'Needs met' });
  });

  it('OBP1 standards met by agency: a share of the ratings, NA left out', async () => {
    const rows = await cells(
      {
        'compliance_returns.csv': [
          'return_id,framework,organisation,agency_type,cycle,due_date,submitted_date,standard_id,standard_name,rating',
          'R1,S11,Police,POLICE,2024-25,31/10/2024,15/10/2024,S11-1,,MET',
          'R1,S11,Police,POLICE,2024-25,31/10/2024,15/10/2024,S11-2,Our own words,PARTIAL',
          'R2,S11,ICB,ICB,2024-25,31/10/2024,05/11/2024,S11-1,,NOT_MET',
          'R2,S11,ICB,ICB,2024-25,31/10/2024,05/11/2024,S11-2,Our own words,NA',
          'R3,S11,Police North,POLICE,2024-25,31/10/2024,01/10/2024,S11-1,,MET',
          'R4,S11,Police North,POLICE,2024-25,31/10/2024,01/10/2024,L-9,,MET',
        ],
      },
      { reportDate: '2025-03-31' },
      STANDARD_RATINGS,
      { granularity: 'year' },
    );
    // Standards are named: by the file where it names them, else (S11-1 … S11-8) by the statutory key
    // features; a local code the file does not name keeps its code.
    expect(rows).toEqual([
      ['L-9', 'POLICE', 1, 1],
      ['S11-1 — Senior management commitment to safeguarding', 'ICB', 0, 1],
      ['S11-1 — Senior management commitment to safeguarding', 'POLICE', 2, 2],
      ['S11-2 — Our own words', 'POLICE', 0, 1],
    ]);
  });

  it('AQP1 grades by domain, and filtered to one agency', async () => {
    const files = {
      'audit_grades.csv': [
        'audit_id,audit_date,case_id,agency,domain,grade',
        'A1,10/05/2024,C1,MULTI,OVERALL,GOOD',
        'A1,10/05/2024,C1,POLICE,OVERALL,REQUIRES_IMPROVEMENT',
        'A1,10/05/2024,C1,POLICE,VOICE_OF_CHILD,GOOD',
        'A1,10/05/2024,C2,ICB,VOICE_OF_CHILD,INADEQUATE',
      ],
    };
    const query = { granularity: 'quarter', from: '2024-04-01' } as const;
    expect(await cells(files, { reportDate: '2024-06-30' }, GRADE_PROFILE, query)).toEqual([
      ['OVERALL', 'GOOD', 1, null],
      ['OVERALL', 'REQUIRES_IMPROVEMENT', 1, null],
      ['VOICE_OF_CHILD', 'GOOD', 1, null],
      ['VOICE_OF_CHILD', 'INADEQUATE', 1, null],
    ]);
    expect(
      await cells(files, { reportDate: '2024-06-30' }, GRADE_PROFILE, { ...query, filters: { agency: ['POLICE'] } }),
    ).toEqual([
      ['OVERALL', 'REQUIRES_IMPROVEMENT', 1, null],
      ['VOICE_OF_CHILD', 'GOOD', 1, null],
    ]);
  });

  it('PRP1 recommendations by owner and where they stand at the report date (31/03/2025)', async () => {
    const rows = await cells(
      {
        'review_recommendations.csv': [
          'review_id,rec_id,owner_agency,due_date,status,completed_date',
          'V1,R1,POLICE,30/06/2024,COMPLETE,20/06/2024', // on time
          'V1,R2,ICB,31/08/2024,COMPLETE,15/10/2024', // late
          'V1,R3,ICB,30/11/2024,OPEN,', // overdue
          'V1,R4,SCHOOL,31/12/2024,SUPERSEDED,', // left out
          'V1,R5,POLICE,31/01/2025,COMPLETE,', // complete, no date
          'V3,R6,LA_CSC,30/06/2025,OPEN,', // not yet due
        ],
      },
      { reportDate: '2025-03-31' },
      RECOMMENDATION_STATUS,
      { granularity: 'year', from: '2024-04-01' },
    );
    expect(rows).toEqual([
      ['ICB', 'COMPLETE_LATE', 1, null],
      ['ICB', 'OVERDUE', 1, null],
      ['LA_CSC', 'OPEN', 1, null],
      ['POLICE', 'COMPLETE_LATE', 1, null],
      ['POLICE', 'COMPLETE_ON_TIME', 1, null],
    ]);
  });

  it('PRT1 review steps by quarter: each step in its own period, on time against the standards', async () => {
    // Working days (weekends and bank holidays left out; the day of becoming aware is day 0):
    // V1 aware Mon 01/04/2024, notified Fri 05/04 (4 days: on time), rapid review Fri 19/04 (10: on time);
    // V2 aware Mon 03/06/2024, notified Tue 11/06 (6: late), rapid review Wed 03/07 (16: late),
    //    local review decided 10/07/2024, final report 20/12/2024 (within 6 months);
    // V3 notified 20/06/2024 with no aware date (counted, not judged), rapid review 28/10/2024 (92: late);
    // V4 local review decided 01/01/2024, final report 15/08/2024 (after 6 months);
    // V5 notified 02/04/2025, after the report date (31/03/2025): not counted.
    const rows = await cells(
      {
        'practice_reviews.csv': [
          'review_id,la_aware_date,notification_date,rapid_review_sent_date,rr_decision,lcspr_decision_date,lcspr_report_final_date',
          'V1,01/04/2024,05/04/2024,19/04/2024,NO_FURTHER_REVIEW,,',
          'V2,03/06/2024,11/06/2024,03/07/2024,LCSPR,10/07/2024,20/12/2024',
          'V3,,20/06/2024,28/10/2024,,,',
          'V4,,,,LCSPR,01/01/2024,15/08/2024',
          'V5,01/04/2025,02/04/2025,,,,',
        ],
      },
      { reportDate: '2025-03-31' },
      REVIEW_STEPS,
      { granularity: 'quarter', from: '2024-04-01' },
    );
    expect(rows).toEqual([
      ['2024-04-01', 'NOTIFIED', 3, null],
      ['2024-04-01', 'NOTIFIED_ON_TIME', 1, null],
      ['2024-04-01', 'RAPID_REVIEW', 1, null],
      ['2024-04-01', 'RAPID_REVIEW_ON_TIME', 1, null],
      ['2024-07-01', 'LOCAL_REVIEW', 1, null],
      ['2024-07-01', 'RAPID_REVIEW', 1, null],
      ['2024-10-01', 'LOCAL_REVIEW', 1, null],
      ['2024-10-01', 'LOCAL_REVIEW_ON_TIME', 1, null],
      ['2024-10-01', 'RAPID_REVIEW', 1, null],
    ]);
  });

  it('every profile plans (EXPLAIN) against the canonical tables', async () => {
    const t = await createTestSession();
    await prepareIndicators(t.engine);
    for (const profile of ALL_PROFILES) {
      const plan = await t.engine.query(
        `EXPLAIN ${profileQuerySql(profile)}`,
        ['month|2024-01-01|2024-03-31', '2024-03-31', ...DIMENSIONS.map(() => '')],
        z.object({ explain_key: z.string(), explain_value: z.string() }),
      );
      expect(plan.length, profile.id).toBeGreaterThan(0);
    }
  });
});
