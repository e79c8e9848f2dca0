import { beforeAll, describe, expect, it } from 'vitest';
import { EH1, EH2 } from '../src/indicators/early-help-indicators';
import { INDICATORS } from '../src/indicators/registry';
import { earlyHelpDateRange, runIndicator } from '../src/indicators/run-indicator';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;

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
].join('\n');

beforeAll(async () => {
  t = await createTestSession();
  const report = await t.load('fixture.csv', FIXTURE);
  expect(report.rowsLoaded).toBe(6);
});

const values = (points: { label: string; value: number | null }[]) => points.map((p) => [p.label, p.value]);

describe('EH1 assessments started', () => {
  it('by financial quarter: 31 March falls in 2023-24 Q4, 1 April in 2024-25 Q1', async () => {
    const points = await runIndicator(t.engine, EH1, {
      granularity: 'quarter',
      from: '2024-01-01',
      reportDate: '2024-09-30',
    });
    expect(values(points)).toEqual([
      ['2023-24 Q4', 2], // F (1 Feb), A (31 Mar)
      ['2024-25 Q1', 3], // B, C, D
      ['2024-25 Q2', 1], // E
    ]);
    expect(points.map((p) => p.partial)).toEqual([false, false, false]);
  });

  it('by month, including months with none', async () => {
    const points = await runIndicator(t.engine, EH1, {
      granularity: 'month',
      from: '2024-01-01',
      reportDate: '2024-09-30',
    });
    expect(values(points)).toEqual([
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

  it('by financial year', async () => {
    const points = await runIndicator(t.engine, EH1, {
      granularity: 'year',
      from: '2024-01-01',
      reportDate: '2024-09-30',
    });
    expect(values(points)).toEqual([
      ['2023-24', 2],
      ['2024-25', 4],
    ]);
    expect(points[1]).toMatchObject({
      periodStart: '2024-04-01',
      periodEnd: '2025-03-31',
      effectiveEnd: '2024-09-30',
      partial: true,
    });
  });
});

describe('EH2 open at period end', () => {
  it('by quarter: an episode ending on the last day of a period is not open at its end', async () => {
    const points = await runIndicator(t.engine, EH2, {
      granularity: 'quarter',
      from: '2024-01-01',
      reportDate: '2024-09-30',
    });
    expect(values(points)).toEqual([
      ['2023-24 Q4', 2], // 31/03: A (started that day), F
      ['2024-25 Q1', 3], // 30/06: A, C, D (B ended 30/06, F ended 30/04)
      ['2024-25 Q2', 2], // 30/09: A, D (C ended 01/07, E ended 30/09)
    ]);
  });

  it('by month', async () => {
    const points = await runIndicator(t.engine, EH2, {
      granularity: 'month',
      from: '2024-01-01',
      reportDate: '2024-09-30',
    });
    expect(points.map((p) => p.value)).toEqual([0, 1, 2, 3, 3, 3, 3, 3, 2]);
  });

  it('counts episodes open before the first period shown', async () => {
    // From 1 April: A and F were already open; then B, C, D start and F, B end in Q1.
    const points = await runIndicator(t.engine, EH2, {
      granularity: 'quarter',
      from: '2024-04-01',
      reportDate: '2024-09-30',
    });
    expect(values(points)).toEqual([
      ['2024-25 Q1', 3],
      ['2024-25 Q2', 2],
    ]);
  });

  it('measures the last, unfinished period at the report date', async () => {
    const points = await runIndicator(t.engine, EH2, {
      granularity: 'quarter',
      from: '2024-01-01',
      reportDate: '2024-08-15',
    });
    expect(points.at(-1)).toMatchObject({ label: '2024-25 Q2', value: 3, partial: true, effectiveEnd: '2024-08-15' }); // A, D, E
    const started = await runIndicator(t.engine, EH1, {
      granularity: 'quarter',
      from: '2024-01-01',
      reportDate: '2024-08-15',
    });
    expect(started.at(-1)?.value).toBe(1);
  });
});

describe('registry', () => {
  it('every indicator has its metadata and SQL that DuckDB binds', async () => {
    for (const indicator of INDICATORS) {
      expect(indicator.title.length).toBeGreaterThan(5);
      expect(indicator.definition.length).toBeGreaterThan(20);
      expect(['up', 'down', 'neutral']).toContain(indicator.direction);
      const points = await runIndicator(t.engine, indicator, {
        granularity: 'month',
        from: '2024-01-01',
        reportDate: '2024-03-31',
      });
      expect(points).toHaveLength(3);
    }
  });

  it('the default report date is the latest date in the data', async () => {
    expect(await earlyHelpDateRange(t.engine)).toEqual({ first: '2024-02-01', last: '2024-09-30', rows: 6 });
  });
});
