import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_DURATIONS } from '../../src/indicators/profiles';
import { FAMILIES } from '../../src/indicators/registry';
import { runProfile } from '../../src/indicators/run-indicator';
import { CP_ANNEX_A_FILES, CP_EARLY_HELP, CP_VISITS } from '../support/child-protection-fixtures';
import { createIndicatorSession } from '../support/indicator-session';

type Session = Awaited<ReturnType<typeof createIndicatorSession>>;

// Fixtures in tests/support/child-protection-fixtures.ts; report date 31/03/2025, so 2024-25 is whole.
const fy = { granularity: 'year', from: '2024-04-01' } as const;
const years = { granularity: 'year', from: '2023-04-01' } as const;
const quarters = { granularity: 'quarter', from: '2024-04-01' } as const;

describe('child protection indicators, Annex A lists only', () => {
  let t: Session;
  beforeAll(async () => {
    t = await createIndicatorSession(
      { ...CP_ANNEX_A_FILES, 'early_help_episodes.csv': CP_EARLY_HELP },
      { reportDate: '2025-03-31' },
    );
  });

  it('is an area of its own, first dated by P8’s end (05/01/2023): plan starts go back further', () => {
    expect(FAMILIES.map((f) => f.id)).toContain('child_protection');
    expect(t.prepared.families.child_protection).toEqual({
      first: '2023-01-05',
      last: '2025-03-31',
      reportDate: '2025-03-31',
    });
  });

  it('CP1 contacts leading to a referral within 7 days: K1 (same day), K2 (7 days) of K1–K5', async () => {
    // K3 is referred 8 days later, K4 never, K5 the day before; K6 (2023-24) the next day.
    expect(await t.rows('CP1', years)).toEqual([
      ['2023-24', 1, 1, 100],
      ['2024-25', 2, 5, 40],
    ]);
    await t.reprepare({ cpContactReferralDays: 8 });
    expect(await t.rows('CP1', fy)).toEqual([['2024-25', 3, 5, 60]]); // K3 now counts
    await t.reprepare({});
  });

  it('CP1 by source (agency), age at the contact, and disability', async () => {
    expect(await t.rows('CP1', { ...fy, filters: { agency: ['6'] } })).toEqual([['2024-25', 1, 2, 50]]); // K2, K3
    expect(await t.rows('CP1', { ...fy, filters: { agency: ['2A', '3A'] } })).toEqual([['2024-25', 1, 3, 33.33]]);
    // K3 13 and K5 15 (16 only on 01/09/2024) at their contacts.
    expect(await t.rows('CP1', { ...fy, filters: { age_band: ['10 to 15'] } })).toEqual([['2024-25', 0, 2, 0]]);
    expect(await t.rows('CP1', { ...fy, filters: { disability: ['Disabled'] } })).toEqual([['2024-25', 1, 1, 100]]);
    expect(await t.rows('CP1', { ...fy, filters: { disability: ['Not recorded'] } })).toEqual([['2024-25', 0, 1, 0]]);
    expect(await t.rows('CP1', { ...fy, filters: { ethnicity: ['WBRI'], agency: ['6'] } })).toEqual([
      ['2024-25', 1, 1, 100],
    ]);
  });

  it('CP2 re-referrals within 12 months: R6 (exactly 12 months) and R7 of 8; R9 is a day too late', async () => {
    expect(await t.rows('CP2', years)).toEqual([
      ['2023-24', 0, 2, 0], // R10, R5
      ['2024-25', 2, 8, 25],
    ]);
  });

  it('CP3 referrals from education: R1, R4, R7 of 8 (R8 with no source stays in)', async () => {
    expect(await t.rows('CP3', fy)).toEqual([['2024-25', 3, 8, 37.5]]);
    expect(await t.rows('CP3', { ...fy, filters: { agency: ['2A'] } })).toEqual([['2024-25', 2, 2, 100]]);
    expect(await t.rows('CP3', { ...fy, filters: { agency: ['Not recorded'] } })).toEqual([['2024-25', 0, 1, 0]]);
  });

  it('CP4 assessments within 45 working days: AS1 (45) and AS4 (5) of 3 authorised', async () => {
    expect(await t.rows('CP4', fy)).toEqual([['2024-25', 2, 3, 66.67]]);
    // A closure day on Fri 30/08/2024 is not a working day: AS2 comes down to 45.
    await t.reprepare({ closureDays: ['2024-08-30'] });
    expect(await t.rows('CP4', fy)).toEqual([['2024-25', 3, 3, 100]]);
    await t.reprepare({});
  });

  it('CP5 enquiries leading to a conference: S1, S2 of S1–S4', async () => {
    expect(await t.rows('CP5', years)).toEqual([
      ['2023-24', 1, 1, 100],
      ['2024-25', 2, 4, 50],
    ]);
  });

  it('CP6 conferences within 15 working days: S1 (15) yes, S2 (16) no; S5 (13, over Good Friday) in 2023-24', async () => {
    expect(await t.rows('CP6', years)).toEqual([
      ['2023-24', 1, 1, 100],
      ['2024-25', 1, 2, 50],
    ]);
  });

  it('CP7 second or subsequent plans, ever: P3 (P2 before), P4 (2 previous), P7 (P8 before) of 6 started', async () => {
    expect(await t.rows('CP7', fy)).toEqual([['2024-25', 3, 6, 50]]);
    expect(await t.rows('CP7', { ...fy, filters: { disability: ['Disabled'] } })).toEqual([['2024-25', 0, 1, 0]]);
  });

  it('CP8 within 2 years: P3 only (P2 ended 15/08/2024; P8 ended more than 2 years before P7)', async () => {
    expect(await t.rows('CP8', fy)).toEqual([['2024-25', 1, 6, 16.67]]);
  });

  it('CP9 plans open 2 years or more: P5 of P1, P3, P4, P5, P7 at 31/03/2025; P5 alone a year before', async () => {
    expect(await t.rows('CP9', years)).toEqual([
      ['2023-24', 1, 1, 100],
      ['2024-25', 1, 5, 20],
    ]);
  });

  it('CP10 plans ended lasting under 3 months: P2 of P2 and P9; P6 (2 years or more) in 2023-24', async () => {
    expect(await t.rows('CP10', years)).toEqual([
      ['2023-24', 0, 1, 0],
      ['2024-25', 1, 2, 50],
    ]);
  });

  it('CPP1 plans ended by how long they lasted: P2 under 3 months, P9 3 to 6; P6 2 years or more in 2023-24', async () => {
    const result = await runProfile(t.engine, t.prepared, PLAN_DURATIONS, years);
    const cells = result.status === 'ok' ? result.cells.map((c) => `${c.row} ${c.column} ${c.n}`) : [];
    expect(cells.sort()).toEqual([
      '2023-04-01 2_YEARS_OR_MORE 1',
      '2024-04-01 3_TO_6_MONTHS 1',
      '2024-04-01 UNDER_3_MONTHS 1',
    ]);
  });

  it('CP11 from List 7 alone: only the period ending on the report date; A (4) and C (10) of 5 children', async () => {
    // B's last visit 10/03/2025 is 15 working days before; D and G have none.
    expect(await t.rows('CP11', years)).toEqual([
      ['2023-24', null, null, null],
      ['2024-25', 2, 5, 40],
    ]);
    await t.reprepare({ cpVisitStandardWorkingDays: 15 });
    expect(await t.rows('CP11', fy)).toEqual([['2024-25', 3, 5, 60]]);
    await t.reprepare({});
  });

  it('CP12 from List 7 alone: A seen alone, B not, C not answered (counts as not)', async () => {
    expect(await t.rows('CP12', quarters)).toEqual([
      ['2024-25 Q1', null, null, null],
      ['2024-25 Q2', null, null, null],
      ['2024-25 Q3', null, null, null],
      ['2024-25 Q4', 1, 3, 33.33],
    ]);
  });

  it('CP13 children in need with a plan: A (CP plan) and B (CIN plan) of A, B, C, E open on 31/03/2025', async () => {
    expect(await t.rows('CP13', years)).toEqual([
      ['2023-24', null, null, null],
      ['2024-25', 2, 4, 50],
    ]);
  });

  it('CP14 stepped from early help: A (61 days after), C (while open), G (next day); B at 121 days is not', async () => {
    expect(await t.values('CP14', fy)).toEqual([['2024-25', 3]]);
    await t.reprepare({ cpStepFromEarlyHelpDays: 121 });
    expect(await t.values('CP14', fy)).toEqual([['2024-25', 4]]);
    await t.reprepare({});
  });
});

describe('child protection visits with the SSD visits file', () => {
  let t: Session;
  beforeAll(async () => {
    t = await createIndicatorSession({ ...CP_ANNEX_A_FILES, 'cp_visits.csv': CP_VISITS }, { reportDate: '2025-03-31' });
  });

  it('CP11 every period: Q3 A (7), B (4), H (1) of 5; Q4 A (2), C (7) of 5', async () => {
    // Q3 (31/12/2024): C's last visit 02/12 is 19 working days before, D none. Q4: B's last is 23/12, D and G none.
    expect(await t.rows('CP11', quarters)).toEqual([
      ['2024-25 Q1', 0, 3, 0], // B, C, D on a plan, none visited yet
      ['2024-25 Q2', 0, 3, 0], // C, D, H
      ['2024-25 Q3', 3, 5, 60],
      ['2024-25 Q4', 2, 5, 40],
    ]);
  });

  it('CP12 the latest visit by each period end: Q3 A, B, H of 4 visited; Q4 B and C of 3 (A not alone on 27/03)', async () => {
    expect(await t.rows('CP12', quarters)).toEqual([
      ['2024-25 Q1', 0, 0, null],
      ['2024-25 Q2', 0, 0, null],
      ['2024-25 Q3', 3, 4, 75],
      ['2024-25 Q4', 2, 3, 66.67],
    ]);
  });
});
