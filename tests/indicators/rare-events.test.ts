import { beforeAll, describe, expect, it } from 'vitest';
import { eventGapChart } from '../../src/indicators/rare-events';
import { getIndicator } from '../../src/indicators/registry';
import { runEventDates } from '../../src/indicators/run-event-dates';
import { createIndicatorSession } from '../support/indicator-session';

type Session = Awaited<ReturnType<typeof createIndicatorSession>>;

// Report date 31/03/2025. The notification dates PR1 counts, listed one by one for its t-chart.
const REVIEWS = [
  'review_id,incident_date,la_aware_date,notification_date,rapid_review_sent_date,rr_decision,lcspr_decision_date,lcspr_report_final_date,publication_date,publication_status,themes',
  'N1,20/03/2024,25/03/2024,28/03/2024,,,,,,,', // before 1 April 2024
  'N2,01/04/2024,02/04/2024,05/04/2024,,,,,,,',
  'N3,01/04/2024,03/04/2024,05/04/2024,,,,,,,', // the same day as N2: a gap of 0
  'N4,01/06/2024,03/06/2024,11/06/2024,,,,,,,',
  'N5,20/12/2024,23/12/2024,31/12/2024,,,,,,,', // the last day of Q3 2024-25
  'N6,,,01/01/2025,,,,,,,', // the first day of Q4
  'N7,,10/02/2025,,,,,,,,', // aware, not (yet) notified: no event
  'N8,,,20/02/2025,,,,,,,',
];

let t: Session;
const PR1 = getIndicator('PR1');

beforeAll(async () => {
  t = await createIndicatorSession({ 'practice_reviews.csv': REVIEWS }, { reportDate: '2025-03-31' });
});

describe("PR1's dated events (serious incident notifications)", () => {
  it('lists each notification in the periods asked for, same-day ones twice, none outside them', async () => {
    // Quarters from 01/04/2024 to 31/12/2024: N2, N3, N4 and N5 (on the last day); not N1 (28/03) or N6 (01/01).
    expect(
      await runEventDates(t.engine, t.prepared, PR1, { granularity: 'quarter', from: '2024-04-01', to: '2024-12-31' }),
    ).toEqual(['2024-04-05', '2024-04-05', '2024-06-11', '2024-12-31']);
    // The year 2024-25, to the report date: N6 and N8 too; N7 has no notification date.
    expect(await runEventDates(t.engine, t.prepared, PR1, { granularity: 'year', from: '2024-04-01' })).toEqual([
      '2024-04-05',
      '2024-04-05',
      '2024-06-11',
      '2024-12-31',
      '2025-01-01',
      '2025-02-20',
    ]);
  });

  it('from the start of the data by default: the first period is the one holding the first date', async () => {
    // The first date the area's data holds is N1's LA aware date, 25/03/2024: the months run from March 2024.
    const dates = await runEventDates(t.engine, t.prepared, PR1, { granularity: 'month' });
    expect(dates[0]).toBe('2024-03-28');
    expect(dates).toHaveLength(7);
  });

  it('counts the same events PR1 counts, period by period', async () => {
    const quarters = { granularity: 'quarter', from: '2024-04-01' } as const;
    const counted = await t.values('PR1', quarters);
    const dates = await runEventDates(t.engine, t.prepared, PR1, quarters);
    expect(counted.map((r) => r[1])).toEqual([3, 0, 1, 2]);
    expect(dates).toHaveLength(6);
  });

  it('stops at the report date, when it falls inside the last period', async () => {
    await t.reprepare({ reportDate: '2025-02-10' });
    expect(await runEventDates(t.engine, t.prepared, PR1, { granularity: 'year', from: '2024-04-01' })).toEqual([
      '2024-04-05',
      '2024-04-05',
      '2024-06-11',
      '2024-12-31',
      '2025-01-01',
    ]);
    await t.reprepare({ reportDate: '2025-03-31' });
  });

  it('gives the gaps a t-chart draws: 0, 67, 203, 1 and 50 days', async () => {
    const dates = await runEventDates(t.engine, t.prepared, PR1, { granularity: 'year', from: '2024-04-01' });
    // 05/04 → 05/04: 0; → 11/06: 25 + 31 + 11 = 67; → 31/12: 19 + 31 + 31 + 30 + 31 + 30 + 31 = 203;
    // → 01/01/2025: 1; → 20/02: 30 + 20 = 50.
    const { gaps, result } = eventGapChart(dates, PR1.direction);
    expect(gaps.map((g) => g.days)).toEqual([0, 67, 203, 1, 50]);
    expect(result.kind).toBe('t');
    expect(result.chart).toBe('run');
  });

  it('lists nothing when the reviews are not loaded', async () => {
    const empty = await createIndicatorSession({}, { reportDate: '2025-03-31' });
    expect(await runEventDates(empty.engine, empty.prepared, PR1, { granularity: 'year' })).toEqual([]);
  });
});
