import { describe, expect, it } from 'vitest';
import {
  indicatorSpc,
  minDenominatorFor,
  ROLLING_NOTE,
  type SeriesPoint,
  tooFewToCompare,
  warmUpSpan,
} from './indicator-spc';
import { narrative, trendPhrase } from './narrative';
import { getIndicator } from './registry';
import { DEFAULT_SETTINGS } from './settings';

/** Monthly points from April 2024, values as given, denominators as given (or 100). */
function months(values: readonly (number | null)[], denominators?: readonly number[]): SeriesPoint[] {
  return values.map((value, i) => {
    const start = new Date(Date.UTC(2024, 3 + i, 1));
    const end = new Date(Date.UTC(2024, 4 + i, 0));
    return {
      label: `M${i + 1}`,
      periodStart: start.toISOString().slice(0, 10),
      periodEnd: end.toISOString().slice(0, 10),
      partial: false,
      value,
      numerator: value,
      denominator: denominators?.[i] ?? 100,
    };
  });
}

const steady = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 11, 12];
const eh3 = getIndicator('EH3'); // a percentage, up is good
const eh1 = getIndicator('EH1'); // a count

describe('indicatorSpc: one computation for charts, cards and exports', () => {
  it('leaves the unfinished last period out of the mean, the limits and the labels', () => {
    const points = months([...steady, 40]);
    (points[16] as SeriesPoint).partial = true;
    const spc = indicatorSpc(eh3, { granularity: 'month', points });
    expect(spc.chart).toBe('xmr');
    expect(spc.points[16]).toMatchObject({ excluded: true, type: null });
    // The 16 finished months: mean 183 / 16 = 11.4375.
    expect(spc.points[0]?.centre).toBeCloseTo(11.4375, 4);
    expect(spc.variation).toBe('common_cause');
  });

  it('draws rolling 12-month series as run charts and says why', () => {
    const spc = indicatorSpc(eh1, { granularity: 'rolling_12', points: months([...steady, 40]) });
    expect(spc).toMatchObject({ chart: 'run', variation: null, note: ROLLING_NOTE });
  });

  it('draws a run chart when a typical period has fewer cases than the minimum', () => {
    // Denominators 4, 5, …, 19: median 11.5 ≥ 10, so limits. Denominators 3–8 repeating: median 5, a run chart.
    const many = indicatorSpc(eh3, {
      granularity: 'month',
      points: months(
        steady,
        steady.map((_, i) => i + 4),
      ),
    });
    expect(many.chart).toBe('xmr');
    const few = indicatorSpc(eh3, {
      granularity: 'month',
      points: months(
        steady,
        steady.map((_, i) => 3 + (i % 6)),
      ),
    });
    expect(few.chart).toBe('run');
    expect(few.note).toMatch(/a typical period has 5 cases, fewer than the 10 needed/);
    // The user's own minimum wins.
    expect(
      indicatorSpc(
        eh3,
        {
          granularity: 'month',
          points: months(
            steady,
            steady.map(() => 5),
          ),
        },
        { minDenominator: 4 },
      ).chart,
    ).toBe('xmr');
    // Counts have no denominator and no minimum.
    expect(minDenominatorFor(eh1)).toBeNull();
    expect(minDenominatorFor(getIndicator('AQ2'))).toBe(10);
  });

  it('recalculates the limits from each change marked, and reports where it falls', () => {
    const before = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10];
    const after = [20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 20];
    const points = months([...before, ...after]);
    // The change is dated inside the 16th month (July 2025): that month starts the new phase.
    const spc = indicatorSpc(
      eh3,
      { granularity: 'month', points },
      { changes: [{ date: '2025-07-14', label: 'Family hubs opened' }] },
    );
    expect(spc.changes).toEqual([{ index: 15, label: 'Family hubs opened', date: '2025-07-14' }]);
    expect(spc.points[14]?.phase).toBe(0);
    expect(spc.points[15]?.phase).toBe(1);
    expect(spc.points[20]?.centre).toBeCloseTo(314 / 15, 6);
    expect(spc.points.every((p) => p.type === 'common_cause')).toBe(true);
  });

  it('a change before the chart starts is not on it', () => {
    const spc = indicatorSpc(
      eh3,
      { granularity: 'month', points: months(steady) },
      { changes: [{ date: '2030-01-01', label: 'Later' }] },
    );
    expect(spc.changes).toEqual([]);
  });

  it('tooFewToCompare', () => {
    expect(tooFewToCompare({ denominator: 6 }, 10)).toBe(true);
    expect(tooFewToCompare({ denominator: 10 }, 10)).toBe(false);
    expect(tooFewToCompare({ denominator: null }, 10)).toBe(false);
    expect(tooFewToCompare({ denominator: 3 }, null)).toBe(false);
  });

  it('a figure still filling from the start of the data is drawn but not judged until it has filled', () => {
    const tr4 = getIndicator('TR4');
    const eh2 = getIndicator('EH2');
    // TR4 counts 36 months of training: from data starting 01/04/2022 the window first lies wholly in
    // the data for the period ending 31/03/2025; from 15/04/2022, for the one ending on or after 14/04/2025.
    expect(warmUpSpan(tr4, '2022-04-01', DEFAULT_SETTINGS)?.filledFrom).toBe('2025-03-31');
    expect(warmUpSpan(tr4, '2022-04-15', DEFAULT_SETTINGS)?.filledFrom).toBe('2025-04-14');
    expect(warmUpSpan(tr4, '2022-04-01', { trCoverageMonths: 24 })?.filledFrom).toBe('2024-03-31');
    expect(warmUpSpan(eh2, '2024-04-01', DEFAULT_SETTINGS)?.filledFrom).toBe('2025-03-31');
    expect(warmUpSpan(eh3, '2024-04-01', DEFAULT_SETTINGS)).toBeNull();
    expect(warmUpSpan(tr4, null, DEFAULT_SETTINGS)).toBeNull();

    // 11 months climbing as the stock fills (April 2024 to February 2025; March 2025 is the first whole
    // one), then 16 steady ones: without the warm-up the climb is a run of seven rising (an
    // "improvement"); with it, those months take no part and get no type.
    const climbing = [4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34];
    const points = months([...climbing, ...steady.map((v) => v + 30)]);
    const judgedAnyway = indicatorSpc(eh3, { granularity: 'month', points });
    expect(judgedAnyway.points[10]?.type).toBe('special_cause_improvement');
    const warmUp = warmUpSpan(eh2, '2024-04-01', DEFAULT_SETTINGS);
    const spc = indicatorSpc(eh3, { granularity: 'month', points }, { warmUp });
    expect(spc.warmUp).toMatchObject({ filledFrom: '2025-03-31', points: 11 });
    expect(spc.points.slice(0, 11).every((p) => p.excluded && p.type === null)).toBe(true);
    expect(spc.points[11]?.excluded).toBe(false);
    // The mean and limits describe the filled months, and are drawn only over them.
    expect(spc.points.slice(0, 11).every((p) => p.centre === null && p.upperLimit === null)).toBe(true);
    // The mean is of the 16 filled months only: (183 + 16 × 30) / 16 = 41.4375; none is special.
    expect(spc.chart).toBe('xmr');
    expect(spc.points[11]?.centre).toBeCloseTo(41.4375, 4);
    expect(spc.variation).toBe('common_cause');
    const words = (latestIndex: number, series = spc) => ({
      indicator: eh3,
      granularity: 'month' as const,
      latest: points[latestIndex],
      latestIndex,
      spc: series,
      target: null,
      suppressed: false,
    });
    expect(narrative(words(26))).toContain('Periods ending before 31/03/2025 are drawn but not judged');
    expect(trendPhrase(words(26))).toBe('No significant change');

    // With only the climb so far, nothing is judged and the words say why.
    const early = indicatorSpc(eh3, { granularity: 'month', points: points.slice(0, 11) }, { warmUp });
    expect(early).toMatchObject({ variation: null, assurance: null });
    expect(early.note).toContain('still filling');
    expect(trendPhrase(words(10, early))).toBe('Still filling: not judged');
    expect(narrative(words(10, early))).toMatch(/still filling from the start of the data, so no change is claimed/);
  });
});

describe('indicatorSpc with a target', () => {
  const points = months([50, 52, 48, 51, 49, 50, 53, 47, 50, 52, 48, 51, 49, 50, 51, 50]);
  const eh3 = getIndicator('EH3');

  it('keeps one value one value: a flat line, never called a trajectory', () => {
    const spc = indicatorSpc(eh3, { granularity: 'month', points }, { target: 60 });
    expect(spc.target?.trajectory).toBe(false);
    expect(new Set(spc.target?.line)).toEqual(new Set([60]));
    expect(spc.assurance).toBe('consistent_fail'); // 60 is above every upper limit these 16 months give
  });

  it('turns a trajectory into the step in force at each month’s end', () => {
    const trajectory = [
      { from: '2024-04-01', value: 40 },
      { from: '2025-01-01', value: 50 },
    ];
    const spc = indicatorSpc(eh3, { granularity: 'month', points }, { target: trajectory });
    expect(spc.target?.trajectory).toBe(true);
    // April–December 2024 (9 months) at 40, then January–July 2025 at 50.
    expect(spc.target?.line).toEqual([...Array(9).fill(40), ...Array(7).fill(50)]);
    expect(spc.target?.latest).toBe(50);
  });

  it('still draws and says a target when nothing can be judged', () => {
    const spc = indicatorSpc(eh3, { granularity: 'month', points: months([null, null]) }, { target: 60 });
    expect(spc.chart).toBe('none');
    expect(spc.target?.line).toEqual([60, 60]);
  });
});
