import { describe, expect, it } from 'vitest';
import { analyseSpc } from './spc';

// Every expected figure below is worked out by hand in the comments.

describe('XmR limits and rule 1 (a point beyond the limits)', () => {
  // 14 ordinary months, then 30.
  const series = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 30];
  // Sum = 160 + 30 = 190, mean = 190 / 15 = 12.6667.
  // Moving ranges: 2,1,2,1,1,1,2,1,2,1,2,1,1 (= 18) and 18 → 36 / 14 = 2.5714.
  // Screening: 18 ≥ 3.267 × 2.5714 = 8.401, so it is left out: 18 / 13 = 1.3846.
  // UPL = 12.6667 + 2.66 × 1.3846 = 16.3497; LPL = 8.9836; 2σ lines 12.6667 ± 1.7733 × 1.3846.
  const result = analyseSpc(series, { direction: 'up' });

  it('computes the mean and the process limits, the one shock left out of the moving range', () => {
    const last = result.points[14];
    expect(result.chart).toBe('xmr');
    expect(last?.centre).toBeCloseTo(12.6667, 4);
    expect(last?.upperLimit).toBeCloseTo(16.3497, 4);
    expect(last?.lowerLimit).toBeCloseTo(8.9836, 4);
    expect(last?.upperNear).toBeCloseTo(12.6667 + (2 / 3) * 2.66 * 1.3846, 3);
  });

  it('without screening (as the Excel tool does) the shock widens the limits: 2.5714 → UPL 19.5067', () => {
    const unscreened = analyseSpc(series, { direction: 'up', screenOutliers: false });
    expect(unscreened.points[14]?.upperLimit).toBeCloseTo(19.5067, 4);
    expect(unscreened.points[14]?.lowerLimit).toBeCloseTo(5.8267, 4);
    expect(unscreened.variation).toBe('special_cause_improvement');
  });

  it('flags only the point above the upper limit, as improvement when up is good', () => {
    expect(result.points.map((p) => p.type)).toEqual([...Array(14).fill('common_cause'), 'special_cause_improvement']);
    expect(result.points[14]?.rules).toEqual({ outsideLimits: true, shift: false, trend: false, twoOfThree: false });
    expect(result.points[14]?.decidedBy).toBe('outside_limits');
    expect(result.variation).toBe('special_cause_improvement');
  });

  it('the same point is a concern when down is good, and neutral when there is no direction', () => {
    expect(analyseSpc(series, { direction: 'down' }).variation).toBe('special_cause_concern');
    expect(analyseSpc(series, { direction: 'neutral' }).variation).toBe('special_cause_neutral_high');
  });

  it('assurance against a target: inside the limits is inconsistent, beyond them consistent', () => {
    expect(analyseSpc(series, { direction: 'up', target: 15 }).assurance).toBe('inconsistent');
    expect(analyseSpc(series, { direction: 'up', target: 17 }).assurance).toBe('consistent_fail'); // > UPL 16.35
    expect(analyseSpc(series, { direction: 'up', target: 8 }).assurance).toBe('consistent_pass'); // < LPL 8.98
    expect(analyseSpc(series, { direction: 'down', target: 17 }).assurance).toBe('consistent_pass');
    expect(analyseSpc(series, { direction: 'down', target: 8 }).assurance).toBe('consistent_fail');
    expect(analyseSpc(series, { direction: 'neutral', target: 25 }).assurance).toBeNull();
    expect(analyseSpc(series, { direction: 'up' }).assurance).toBeNull();
  });
});

describe('rule 2: 7 points on one side of the mean', () => {
  // 8 points alternating 4/6, then 7 alternating 8/10. Mean = (40 + 62) / 15 = 6.8.
  // Every moving range is 2 → UPL = 6.8 + 5.32 = 12.12, LPL = 1.48; 2σ lines 10.35 and 3.25, so
  // nothing is beyond the limits or in the 2σ band. The first 8 are all below 6.8, the last 7 above.
  const series = [4, 6, 4, 6, 4, 6, 4, 6, 8, 10, 8, 10, 8, 10, 8];
  it('flags both runs, improvement below and concern above when down is good', () => {
    const result = analyseSpc(series, { direction: 'down' });
    expect(result.points.map((p) => p.rules.shift)).toEqual(Array(15).fill(true));
    expect(result.points.map((p) => p.rules.outsideLimits || p.rules.trend || p.rules.twoOfThree)).toEqual(
      Array(15).fill(false),
    );
    expect(result.points.map((p) => p.type)).toEqual([
      ...Array(8).fill('special_cause_improvement'),
      ...Array(7).fill('special_cause_concern'),
    ]);
  });

  it('a run of 6 is not a shift, and a point on the mean breaks a run', () => {
    // Mean = 75 / 15 = 5: the 5s sit on the mean, and neither side has 7 in a row.
    const symmetric = [4, 6, 4, 6, 4, 6, 5, 4, 6, 4, 6, 4, 6, 5, 5];
    expect(analyseSpc(symmetric, { direction: 'up' }).points.some((p) => p.rules.shift)).toBe(false);
    // Nine 1s and six 9s: mean 63 / 15 = 4.2; the first six 1s are the longest run below it.
    const sixBelow = [1, 1, 1, 1, 1, 1, 9, 9, 1, 9, 1, 9, 1, 9, 9];
    expect(analyseSpc(sixBelow, { direction: 'up' }).points.some((p) => p.rules.shift)).toBe(false);
    // The same with a seventh 1 is a shift.
    const sevenBelow = [1, 1, 1, 1, 1, 1, 1, 9, 9, 1, 9, 1, 9, 9, 9];
    expect(
      analyseSpc(sevenBelow, { direction: 'up' })
        .points.slice(0, 7)
        .every((p) => p.rules.shift),
    ).toBe(true);
  });
});

describe('rule 3: 7 points rising or falling', () => {
  // 20/2 alternating for 8 points, then 5, 6, …, 11. Mean = (88 + 56) / 15 = 9.6.
  // Moving ranges: 7 × 18 = 126, 3, 6 × 1 → 135 / 14 = 9.643; UPL = 35.25, LPL = −16.05, so no point is
  // beyond the limits or the 2σ lines (26.7, −7.5). Below the mean: 2, 5, 6, 7, 8, 9 — only 6 in a row.
  // Rising: 2 → 5 → 6 → … → 11 is 7 steps up: the 8 points from index 7 form a trend.
  const series = [20, 2, 20, 2, 20, 2, 20, 2, 5, 6, 7, 8, 9, 10, 11];
  const result = analyseSpc(series, { direction: 'up' });
  it('flags the rising points, and only them', () => {
    expect(result.points.map((p) => p.rules.trend)).toEqual([...Array(7).fill(false), ...Array(8).fill(true)]);
    expect(result.points.some((p) => p.rules.shift || p.rules.outsideLimits || p.rules.twoOfThree)).toBe(false);
  });
  it('a rising trend is improvement when up is good, even for points still below the mean', () => {
    expect(result.points.map((p) => p.type)).toEqual([
      ...Array(7).fill('common_cause'),
      ...Array(8).fill('special_cause_improvement'),
    ]);
  });
  it('a flat step breaks a trend', () => {
    const flat = [20, 2, 20, 2, 20, 2, 20, 2, 5, 6, 7, 7, 9, 10, 11];
    expect(analyseSpc(flat, { direction: 'up' }).points.some((p) => p.rules.trend)).toBe(false);
  });
});

describe('rule 4: 2 of 3 points beyond 2σ, all three on one side of the mean', () => {
  // 10/12 alternating for 12 points, then 12, 15.3, 15.5. Mean = (60 + 72 + 42.8) / 15 = 11.6533.
  // Moving ranges: 11 × 2 = 22, 0, 3.3, 0.2 → 25.5 / 14 = 1.8214 (no range reaches 3.267 × 1.8214 = 5.95).
  // 2σ line = 11.6533 + (2/3) × 2.66 × 1.8214 = 14.8833; UPL = 16.4983. 15.3 and 15.5 are in the band,
  // and the three points 12, 15.3, 15.5 are all above the mean.
  const series = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 12, 15.3, 15.5];
  it('flags the two points in the band (not the third), improvement when up is good', () => {
    const result = analyseSpc(series, { direction: 'up' });
    expect(result.points[13]?.upperNear).toBeCloseTo(14.8833, 4);
    expect(result.points.map((p) => p.rules.twoOfThree)).toEqual([...Array(13).fill(false), true, true]);
    expect(result.points.slice(13).map((p) => [p.type, p.decidedBy])).toEqual([
      ['special_cause_improvement', 'two_of_three'],
      ['special_cause_improvement', 'two_of_three'],
    ]);
    expect(result.points.slice(0, 13).every((p) => p.type === 'common_cause')).toBe(true);
  });
  it('is not flagged when the three points straddle the mean (the reference since its 2023 fix)', () => {
    // As above but the 13th point is 10: mean = 172.8 / 15 = 11.52, MR = 29.5 / 14 = 2.1071, 2σ line
    // 15.2567, UPL 17.125. 15.3 and 15.5 are in the band, but 10 is below the mean: no window of three
    // containing both is all on one side.
    const split = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 15.3, 15.5];
    const result = analyseSpc(split, { direction: 'up' });
    expect(result.points[13]?.upperNear).toBeCloseTo(15.2567, 4);
    expect(result.points.some((p) => p.rules.twoOfThree)).toBe(false);
    expect(result.variation).toBe('common_cause');
  });
  it('nor when the two points are near opposite limits', () => {
    // 10/12 × 12, then 15.3, 7, 15.4: mean 11.3133, MR 45 / 15 = 3.0 → 2σ lines 16.63 and 5.99, so none of
    // them is even in the band; the rule needs two in the band and all three on one side.
    const opposite = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 15.3, 7, 15.4];
    expect(analyseSpc(opposite, { direction: 'up' }).points.some((p) => p.rules.twoOfThree)).toBe(false);
  });
  it('one point in the band is not enough', () => {
    const one = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 15.5];
    expect(analyseSpc(one, { direction: 'up' }).points.some((p) => p.rules.twoOfThree)).toBe(false);
  });
});

describe('the order of the rules: a trend beats a run on one side', () => {
  // 25/5 alternating for 8 points, then 6, 7, …, 12. Mean = (100 + 20 + 63) / 15 = 12.2.
  // Moving ranges: 7 × 20 = 140, then 1 × 7 → 147 / 14 = 10.5 (none ≥ 3.267 × 10.5 = 34.3).
  // UPL = 12.2 + 27.93 = 40.13: nothing beyond a limit; 2σ lines 30.82 and −6.42: nothing in the band.
  // From index 7 the values 5, 6, …, 12 are 8 points below the mean (a run) and rising (a trend).
  const series = [25, 5, 25, 5, 25, 5, 25, 5, 6, 7, 8, 9, 10, 11, 12];
  it('labels the rising points below the mean by the trend: improvement when up is good', () => {
    const result = analyseSpc(series, { direction: 'up' });
    expect(result.points.slice(7).every((p) => p.rules.shift && p.rules.trend)).toBe(true);
    expect(result.points.map((p) => p.type)).toEqual([
      ...Array(7).fill('common_cause'),
      ...Array(8).fill('special_cause_improvement'),
    ]);
    expect(result.points[14]?.decidedBy).toBe('trend');
  });
  it('and concern when down is good', () => {
    expect(analyseSpc(series, { direction: 'down' }).variation).toBe('special_cause_concern');
  });
});

describe('points left out of the calculation', () => {
  it('an unfinished last period is drawn with the lines but takes no part and gets no label', () => {
    // The first 15 values: sum 171, mean 11.4; moving ranges 2,1,2,1,1,1,2,1,2,1,2,1,1,1 = 19 / 14 =
    // 1.3571 → UPL 11.4 + 3.61 = 15.01. The excluded 30 would otherwise be far beyond it.
    const series = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 11, 30];
    const result = analyseSpc(series, { direction: 'up', excluded: [...Array(15).fill(false), true] });
    expect(result.points[15]).toMatchObject({ excluded: true, type: null, decidedBy: null });
    expect(result.points[15]?.centre).toBeCloseTo(11.4, 6);
    expect(result.points[15]?.upperLimit).toBeCloseTo(15.01, 2);
    expect(result.variation).toBe('common_cause'); // the latest point that counts
  });

  it('a run chart on request, with the reason as its note (overlapping rolling windows)', () => {
    const series = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 30];
    const because = 'Rolling 12-month figures overlap, so they are not judged as separate points.';
    const result = analyseSpc(series, { direction: 'up', runChartBecause: because });
    expect(result).toMatchObject({ chart: 'run', variation: null, assurance: null, note: because });
    expect(result.points.every((p) => p.type === null && p.upperLimit === null)).toBe(true);
  });
});

describe('run charts, gaps and rebasing', () => {
  it('fewer than 15 points gives a run chart around the median, with no variation claim', () => {
    const result = analyseSpc([3, 1, 2, 10, 4], { direction: 'up', target: 5 });
    expect(result.chart).toBe('run');
    expect(result.points.map((p) => p.centre)).toEqual([3, 3, 3, 3, 3]);
    expect(result.points.every((p) => p.upperLimit === null && p.type === null)).toBe(true);
    expect(result.variation).toBeNull();
    expect(result.assurance).toBeNull();
    expect(result.note).toMatch(/fewer than 15 points/);
  });

  it('missing values are skipped, not read as zero', () => {
    const result = analyseSpc([4, null, 6, null, 8], { direction: 'up', minPoints: 3 });
    // Values 4, 6, 8: mean 6, moving ranges 2, 2 → UPL = 6 + 5.32 = 11.32.
    expect(result.points[0]?.upperLimit).toBeCloseTo(11.32, 6);
    expect(result.points[1]?.type).toBeNull();
    expect(result.points[1]?.centre).toBeNull();
  });

  it('rebasing recalculates the limits from the chosen point', () => {
    const before = [10, 11, 10, 11, 10, 11];
    const after = [20, 22, 20, 22, 20, 22];
    const result = analyseSpc([...before, ...after], { direction: 'up', rebaseAt: [6], minPoints: 6 });
    // Phase 0: mean 10.5, MR 1 → UPL 13.16. Phase 1: mean 21, MR 2 → UPL 26.32.
    expect(result.points[0]?.centre).toBeCloseTo(10.5, 6);
    expect(result.points[0]?.upperLimit).toBeCloseTo(13.16, 6);
    expect(result.points[6]?.centre).toBeCloseTo(21, 6);
    expect(result.points[6]?.upperLimit).toBeCloseTo(26.32, 6);
    expect(result.points.map((p) => p.phase)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    // Without the rebase the step change would be special cause; with it each phase is stable.
    expect(result.points.every((p) => p.type === 'common_cause')).toBe(true);
    expect(
      analyseSpc([...before, ...after], { direction: 'up', minPoints: 6 }).points.some(
        (p) => p.type !== 'common_cause',
      ),
    ).toBe(true);
  });

  it('nothing to chart', () => {
    expect(analyseSpc([null, null], { direction: 'up' }).chart).toBe('none');
  });
});

describe('limits fixed after a baseline (fix_after_n_points)', () => {
  // By hand: the first 15 values have mean 171 / 15 = 11.4 and moving ranges summing to 19 over 14, so
  // the upper limit is 11.4 + 2.66 × 19 / 14 = 15.01. With all 16 values, the mean is 186.5 / 16 =
  // 11.66, the moving ranges 23.5 / 15, and the upper limit 11.66 + 2.66 × 1.567 = 15.82.
  const baseline = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 11];

  it('judges later points against the baseline’s limits', () => {
    const fixed = analyseSpc([...baseline, 15.5], { direction: 'up', fixAfter: 15 });
    expect(fixed.points[15]?.centre).toBeCloseTo(11.4, 10);
    expect(fixed.points[15]?.upperLimit).toBeCloseTo(15.01, 10);
    expect(fixed.points[15]?.type).toBe('special_cause_improvement');
    expect(fixed.note).toContain('fixed after the first 15 points of each phase');
  });

  it('without it, the same point is within limits widened by itself', () => {
    const open = analyseSpc([...baseline, 15.5], { direction: 'up' });
    expect(open.points[15]?.upperLimit).toBeCloseTo(11.65625 + 2.66 * (23.5 / 15), 10);
    expect(open.points[15]?.type).toBe('common_cause');
  });
});
