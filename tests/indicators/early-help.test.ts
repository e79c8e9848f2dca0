import { beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/datasets/registry';
import { grainFor } from '../../src/indicators/family-definition';
import { prepareFull, prepareIndicators, prepareLater, stageNeeded } from '../../src/indicators/prepare-indicators';
import { getIndicator } from '../../src/indicators/registry';
import { dimensionValues, runIndicator } from '../../src/indicators/run-indicator';
import { DEFAULT_SETTINGS } from '../../src/indicators/settings';
import { createIndicatorSession } from '../support/indicator-session';
import { watchStatements } from '../support/watched-engine';

type Session = Awaited<ReturnType<typeof createIndicatorSession>>;

describe('EH1 starts and EH2 open episodes, around period boundaries', () => {
  // Hand-made episodes around the financial-year boundary (31 March / 1 April) and quarter ends.
  //   A starts 31/03/2024 (last day of 2023-24), still open
  //   B 01/04/2024 (first day of 2024-25) → ends 30/06/2024, exactly at the end of Q1
  //   C 15/04/2024 → 01/07/2024
  //   D 30/06/2024, still open
  //   E 10/07/2024 → 30/09/2024, exactly at the end of Q2
  //   F 01/02/2024 → 30/04/2024
  const FIXTURE = [
    'episode_id,child_id,assessment_start_date,episode_end_date',
    'A,C1,31/03/2024,',
    'B,C2,01/04/2024,30/06/2024',
    'C,C3,15/04/2024,01/07/2024',
    'D,C4,30/06/2024,',
    'E,C5,10/07/2024,30/09/2024',
    'F,C6,01/02/2024,30/04/2024',
  ];
  let t: Session;
  beforeAll(async () => {
    t = await createIndicatorSession({ 'eh.csv': FIXTURE });
  });

  it('the default report date is the latest date in the data, and periods start at the first', async () => {
    expect(t.prepared.families.early_help).toEqual({
      first: '2024-02-01',
      last: '2024-09-30',
      reportDate: '2024-09-30',
    });
    const result = await t.run('EH1', { granularity: 'year' });
    expect(
      result.status === 'ok' && result.points.map((p) => [p.label, p.periodStart, p.effectiveEnd, p.partial]),
    ).toEqual([
      ['2023-24', '2023-04-01', '2024-03-31', false],
      ['2024-25', '2024-04-01', '2024-09-30', true],
    ]);
  });

  it('EH1 by financial quarter: 31 March falls in 2023-24 Q4, 1 April in 2024-25 Q1', async () => {
    expect(await t.values('EH1', { granularity: 'quarter', from: '2024-01-01' })).toEqual([
      ['2023-24 Q4', 2], // F (1 Feb), A (31 Mar)
      ['2024-25 Q1', 3], // B, C, D
      ['2024-25 Q2', 1], // E
    ]);
  });

  it('EH1 by month, including months with none', async () => {
    expect(await t.values('EH1', { granularity: 'month', from: '2024-01-01' })).toEqual([
      ['Jan 2024', 0],
      ['Feb 2024', 1],
      ['Mar 2024', 1],
      ['Apr 2024', 2],
      ['May 2024', 0],
      ['Jun 2024', 1],
      ['Jul 2024', 1],
      ['Aug 2024', 0],
      ['Sep 2024', 0],
    ]);
  });

  it('EH1 by rolling 12 months', async () => {
    const rows = await t.values('EH1', { granularity: 'rolling_12', from: '2024-07-01' });
    // 12 months to Jul 2024 = Aug 2023–Jul 2024: F, A, B, C, D, E = 6; to Sep 2024 the same.
    expect(rows).toEqual([
      ['12 months to Jul 2024', 6],
      ['12 months to Aug 2024', 6],
      ['12 months to Sep 2024', 6],
    ]);
  });

  it('EH2 by quarter: an episode ending on the last day of a period is not open at its end', async () => {
    expect(await t.values('EH2', { granularity: 'quarter', from: '2024-01-01' })).toEqual([
      ['2023-24 Q4', 2], // 31/03: A (started that day), F
      ['2024-25 Q1', 3], // 30/06: A, C, D (B ended 30/06, F ended 30/04)
      ['2024-25 Q2', 2], // 30/09: A, D (C ended 01/07, E ended 30/09)
    ]);
  });

  it('EH2 by month', async () => {
    const rows = await t.values('EH2', { granularity: 'month', from: '2024-01-01' });
    expect(rows.map((r) => r[1])).toEqual([0, 1, 2, 3, 3, 3, 3, 3, 2]);
  });

  it('EH2 counts episodes open before the first period shown', async () => {
    // From 1 April: A and F were already open; then B, C, D start and F, B end in Q1.
    expect(await t.values('EH2', { granularity: 'quarter', from: '2024-04-01' })).toEqual([
      ['2024-25 Q1', 3],
      ['2024-25 Q2', 2],
    ]);
  });

  it('a report date inside a period measures it at that date, and ignores what came later', async () => {
    await t.reprepare({ reportDate: '2024-08-15' });
    const open = await t.run('EH2', { granularity: 'quarter', from: '2024-01-01' });
    expect(open.status === 'ok' && open.points.at(-1)).toMatchObject({
      label: '2024-25 Q2',
      value: 3, // A, D, E (E ends after the report date)
      partial: true,
      effectiveEnd: '2024-08-15',
    });
    expect((await t.values('EH1', { granularity: 'quarter', from: '2024-01-01' })).at(-1)).toEqual(['2024-25 Q2', 1]);
    await t.reprepare({});
  });

  it('--to cuts the periods without moving the report date', async () => {
    expect(await t.values('EH2', { granularity: 'quarter', from: '2024-01-01', to: '2024-06-30' })).toEqual([
      ['2023-24 Q4', 2],
      ['2024-25 Q1', 3],
    ]);
  });
});

describe('EH3–EH8 on closures, re-referrals, waiting times and lead agencies', () => {
  // Every episode in 2024-25 Q1 (April–June 2024) unless said otherwise. Report date 31/07/2025.
  const FIXTURE = [
    'episode_id,child_id,request_date,assessment_start_date,episode_end_date,end_reason,lead_agency,locality,age_at_start,gender',
    // K1 closes with needs met on 20/05/2024 and comes back on 01/09/2024 (104 days): re-referred.
    'P1,K1,25/03/2024,01/04/2024,20/05/2024,NEEDS_MET,SCHOOL,North,7,M',
    'P2,K1,,01/09/2024,,,SCHOOL,North,7,M',
    // K2 closes with needs met and does not come back.
    'P3,K2,08/03/2024,02/04/2024,10/06/2024,NEEDS_MET,LA_EARLY_HELP,South,3,F',
    // K3 steps down on 15/06/2024 and comes back on 01/06/2025 (351 days): re-referred.
    'P4,K3,01/03/2024,03/04/2024,15/06/2024,STEP_DOWN_UNIVERSAL,POLICE,South,12,F',
    'P5,K3,,01/06/2025,,,POLICE,South,13,F',
    // Stepped up: a closure, but not in the re-referral cohort.
    'P6,K4,03/04/2024,04/04/2024,20/06/2024,STEP_UP_CSC,LA_CSC,North,15,M',
    'P7,K5,,05/04/2024,25/06/2024,DISENGAGED,ICB,North,,',
    'P8,K6,,06/04/2024,26/06/2024,CONSENT_WITHDRAWN,SCHOOL,,0,F',
    // Moved away and transferred: closures, left out of EH3's denominator.
    'P9,K7,,07/04/2024,27/06/2024,MOVED_AWAY,SCHOOL,South,4,M',
    'P10,K8,,08/04/2024,28/06/2024,TRANSFER_OTHER_SERVICE,HEALTH_TRUST_COMMUNITY,North,5,M',
    // K9 closes with needs met on 29/06/2024 and comes back on 30/06/2025 — 366 days: not within 365.
    'P11,K9,,09/04/2024,29/06/2024,NEEDS_MET,SCHOOL,North,9,F',
    'P12,K9,,30/06/2025,,,SCHOOL,North,10,F',
  ];
  let t: Session;
  const q1 = { granularity: 'quarter', from: '2024-04-01', to: '2024-06-30' } as const;
  beforeAll(async () => {
    t = await createIndicatorSession({ 'eh.csv': FIXTURE }, { reportDate: '2025-07-31' });
  });

  it('EH3 needs met: 3 of the 9 closures, over 9 − 2 (moved away, transfer) = 42.86%', async () => {
    expect(await t.rows('EH3', q1)).toEqual([['2024-25 Q1', 3, 7, 42.86]]);
  });

  it('EH4 stepped up: 1 of 9 = 11.11%; EH5 disengaged or consent withdrawn: 2 of 9 = 22.22%', async () => {
    expect(await t.rows('EH4', q1)).toEqual([['2024-25 Q1', 1, 9, 11.11]]);
    expect(await t.rows('EH5', q1)).toEqual([['2024-25 Q1', 2, 9, 22.22]]);
  });

  it('EH6: of K1, K2, K3, K9 (needs met / stepped down), K1 and K3 came back within 365 days = 50%', async () => {
    expect(await t.rows('EH6', q1)).toEqual([['2024-25 Q1', 2, 4, 50]]);
  });

  it('EH6 shows nothing for a cohort whose 12 months have not passed by the report date', async () => {
    // 2024-25 Q2 ends 30/09/2024; its follow-up ends 30/09/2025, after the report date 31/07/2025.
    const rows = await t.rows('EH6', { granularity: 'quarter', from: '2024-04-01', to: '2024-09-30' });
    expect(rows[1]).toEqual(['2024-25 Q2', null, null, null]);
  });

  it('EH7 median days from request to start: 1, 7, 25, 33 → (7 + 25) / 2 = 16', async () => {
    // P1 25/03 → 01/04 = 7; P3 08/03 → 02/04 = 25; P4 01/03 → 03/04 = 33; P6 03/04 → 04/04 = 1.
    expect(await t.rows('EH7', q1)).toEqual([['2024-25 Q1', null, 4, 16]]);
  });

  it('EH7B within 20 working days, across Easter 2024 (Good Friday 29/03, Easter Monday 01/04)', async () => {
    // P1: 26, 27, 28 March = 3 working days. P3: 11–15, 18–22, 25–28 March, 2 April = 15.
    // P4: 4–8, 11–15, 18–22, 25–28 March, 2–3 April = 21 — late. P6: 1. So 3 of 4 = 75%.
    expect(await t.rows('EH7B', q1)).toEqual([['2024-25 Q1', 3, 4, 75]]);
  });

  it('EH7B follows the local standard and closure days', async () => {
    await t.reprepare({ ehStartStandardWorkingDays: 21 });
    expect(await t.rows('EH7B', q1)).toEqual([['2024-25 Q1', 4, 4, 100]]);
    // A closure week 11–15 March 2024: P4 is then 16 working days.
    await t.reprepare({
      closureDays: ['2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14', '2024-03-15'],
    });
    expect(await t.rows('EH7B', q1)).toEqual([['2024-25 Q1', 4, 4, 100]]);
    await t.reprepare({});
  });

  it('EH8 partner-led: 7 of the 9 starts are led by neither LA early help nor social care', async () => {
    expect(await t.rows('EH8', q1)).toEqual([['2024-25 Q1', 7, 9, 77.78]]);
  });

  it('filters: locality, agency, age band, gender and locality together, and "Not recorded"', async () => {
    // North closures: P1, P6, P7, P10, P11; needs met P1, P11 over 5 − 1 (transfer P10) = 50%.
    expect(await t.rows('EH3', { ...q1, filters: { locality: ['North'] } })).toEqual([['2024-25 Q1', 2, 4, 50]]);
    expect(await t.values('EH1', { ...q1, filters: { agency: ['SCHOOL'] } })).toEqual([['2024-25 Q1', 4]]);
    expect(await t.values('EH1', { ...q1, filters: { age_band: ['5 to 9'] } })).toEqual([['2024-25 Q1', 3]]);
    expect(await t.values('EH1', { ...q1, filters: { gender: ['FEMALE'], locality: ['South'] } })).toEqual([
      ['2024-25 Q1', 2],
    ]);
    expect(await t.values('EH1', { ...q1, filters: { locality: ['Not recorded'] } })).toEqual([['2024-25 Q1', 1]]);
    expect(await t.values('EH1', { ...q1, filters: { agency: ['SCHOOL', 'POLICE'] } })).toEqual([['2024-25 Q1', 5]]);
  });

  it('a filter an indicator cannot apply is reported, not silently used', async () => {
    const result = await t.run('EH8', { ...q1, filters: { agency: ['SCHOOL'] } });
    expect(result.status === 'ok' && result.ignoredFilters).toEqual(['agency']);
  });

  it('values that mean nothing are null, not zero: no closures, no requests', async () => {
    const q3 = { granularity: 'quarter', from: '2024-10-01', to: '2024-12-31' } as const;
    expect(await t.rows('EH3', q3)).toEqual([['2024-25 Q3', 0, 0, null]]);
    expect(await t.rows('EH7', q3)).toEqual([['2024-25 Q3', null, 0, null]]);
  });
});

describe('dimension values: words for codes, "Not mapped yet" apart from "Not recorded"', () => {
  // Worked by hand: six episodes in April 2024. Ethnicity written three ways for WBRI (bare, Annex A,
  // words), one code that is no DfE category, one blank. Agency MARS and gender X are not on the lists.
  const FIXTURE = [
    'child_id,assessment_start_date,lead_agency,gender,ethnicity,age_at_start',
    'A,01/04/2024,POLICE,a) Male,a) WBRI,0',
    'B,02/04/2024,SCHOOL,F,WBRI,3',
    'C,03/04/2024,MARS,X,White British,12',
    'D,04/04/2024,,,s) NOBT,16',
    'E,05/04/2024,POLICE,b) Female,Klingon,',
    'F,06/04/2024,Schools,Female,,7',
  ];
  let t: Session;
  const april = { granularity: 'month', from: '2024-04-01', to: '2024-04-30' } as const;
  beforeAll(async () => {
    t = await createIndicatorSession({ 'eh.csv': FIXTURE }, { reportDate: '2024-04-30' });
  });

  it('lists each dimension in order, unmapped values as "Not mapped yet", blanks as "Not recorded", both last', async () => {
    const values = await dimensionValues(t.engine, 'early_help', ['agency', 'gender', 'ethnicity', 'age_band']);
    expect(values).toEqual({
      // By their words: Police, Schools.
      agency: ['POLICE', 'SCHOOL', 'Not mapped yet', 'Not recorded'],
      gender: ['MALE', 'FEMALE', 'Not mapped yet', 'Not recorded'],
      ethnicity: ['WBRI', 'NOBT', 'Not mapped yet', 'Not recorded'],
      // 0 → Under 1, 3 → 1 to 4, 7 → 5 to 9, 12 → 10 to 15, 16 → 16 and over, blank → Not recorded.
      age_band: ['Under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over', 'Not recorded'],
    });
  });

  it('filters on them: WBRI counts the three spellings, "Not mapped yet" the unmapped code only', async () => {
    expect(await t.values('EH1', { ...april, filters: { ethnicity: ['WBRI'] } })).toEqual([['Apr 2024', 3]]);
    expect(await t.values('EH1', { ...april, filters: { ethnicity: ['Not mapped yet'] } })).toEqual([['Apr 2024', 1]]);
    expect(await t.values('EH1', { ...april, filters: { ethnicity: ['Not recorded'] } })).toEqual([['Apr 2024', 1]]);
    expect(await t.values('EH1', { ...april, filters: { agency: ['Not mapped yet'] } })).toEqual([['Apr 2024', 1]]);
    expect(await t.values('EH1', { ...april, filters: { gender: ['FEMALE'] } })).toEqual([['Apr 2024', 3]]);
  });
});

describe('preparing in stages', () => {
  it('draws a page with no filter from the first stage; filters wait for the full tables, the cohort for the last', async () => {
    const t = await createIndicatorSession({
      'eh.csv': [
        'child_id,request_date,assessment_start_date,episode_end_date,end_reason,lead_agency',
        'A,01/03/2024,01/04/2024,20/05/2024,NEEDS_MET,SCHOOL',
      ],
    });
    const [EH1, EH3, EH6, EH7, TR1] = [
      getIndicator('EH1'),
      getIndicator('EH3'),
      getIndicator('EH6'),
      getIndicator('EH7'),
      getIndicator('TR1'),
    ];
    for (const [item, all, one, several] of [
      [EH1, 'first', 'full', 'full'],
      [EH3, 'first', 'full', 'full'],
      [EH6, 'later', 'later', 'later'],
      [EH7, 'later', 'later', 'later'],
      [TR1, 'first', 'first', 'first'],
    ] as const) {
      expect([item.id, stageNeeded(item, 'all'), stageNeeded(item, 'agency'), stageNeeded(item, null)]).toEqual([
        item.id,
        all,
        one,
        several,
      ]);
    }
    expect(grainFor({ agency: ['SCHOOL'], domain: ['X'] }, EH1.breakdowns)).toBe('agency');
    expect(grainFor({ agency: ['SCHOOL'], gender: ['FEMALE'] }, EH1.breakdowns)).toBeNull();
    expect(grainFor({ agency: [] }, EH1.breakdowns)).toBe('all');

    // Which early-help tables each stage builds, and whether in the background.
    const built: string[] = [];
    const watched = watchStatements(t.engine, (sql, options) => {
      for (const m of sql.matchAll(/CREATE OR REPLACE TABLE (pi_eh_\w+)/g)) {
        built.push(`${m[1]}${options?.background ? ' (background)' : ''}`);
      }
    });
    const first = await prepareIndicators(watched, DEFAULT_SETTINGS, { stage: 'first' });
    expect(first.stage).toBe('first');
    // Rows per dataset: the one episode, nothing else.
    expect(first.datasetRows).toEqual(
      Object.fromEntries(DATASETS.map((d) => [d.id, d.id === 'early_help_episodes' ? 1 : 0])),
    );
    // Not the full table: only its roll-up with no dimension.
    expect(built.splice(0)).toEqual(['pi_eh_flow__all']);
    const eh1 = await runIndicator(t.engine, first, EH1, { granularity: 'year' });
    expect(eh1.status === 'ok' && eh1.points.map((p) => p.value)).toEqual([1]);

    const full = await prepareFull(watched, first);
    expect(full.stage).toBe('full');
    expect(built.splice(0)).toEqual([
      'pi_eh_flow (background)',
      ...['agency', 'locality', 'age_band', 'gender', 'ethnicity'].map((d) => `pi_eh_flow__${d} (background)`),
    ]);
    const school = await runIndicator(t.engine, full, EH1, { granularity: 'year', filters: { agency: ['SCHOOL'] } });
    expect(school.status === 'ok' && school.points.map((p) => p.value)).toEqual([1]);

    const complete = await prepareLater(watched, full);
    expect(complete.stage).toBe('later');
    expect(built.every((b) => b.endsWith('(background)') && !b.startsWith('pi_eh_flow'))).toBe(true);
    const eh7 = await runIndicator(t.engine, complete, EH7, { granularity: 'year' });
    expect(eh7.status === 'ok' && eh7.points.map((p) => p.value)).toEqual([31]);
  });
});
