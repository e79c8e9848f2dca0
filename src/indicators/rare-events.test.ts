import { describe, expect, it } from 'vitest';
import { ruleWords } from './chart-words';
import {
  daysBetween,
  eventGapChart,
  gapDirection,
  gChart,
  meanPerPeriod,
  RARE_EVENT_WHEN,
  rareEventChoice,
  tChart,
} from './rare-events';
import { analyseSpc, centreName } from './spc';

// Every expected figure below is worked out by hand in the comments (4 decimal places).

describe('days between events', () => {
  it('gives the days since the event before, for each event after the first; same-day events give 0', () => {
    // 01/01 → 31/01: 30 days; 31/01 → 31/01: 0; 31/01 → 01/03/2024 (29 days in February): 1 + 29 = 30.
    // Across the clocks going forward (31/03/2024) still whole days: 01/03 → 01/04 = 31, → 02/04 = 32.
    expect(daysBetween(['2024-01-01', '2024-01-31', '2024-01-31', '2024-03-01', '2024-04-02'])).toEqual([
      { date: '2024-01-31', days: 30 },
      { date: '2024-01-31', days: 0 },
      { date: '2024-03-01', days: 30 },
      { date: '2024-04-02', days: 32 },
    ]);
  });

  it('sorts the dates first; one event, or none, has no gaps', () => {
    expect(daysBetween(['2024-02-10', '2024-02-01'])).toEqual([{ date: '2024-02-10', days: 9 }]);
    expect(daysBetween(['2024-02-10'])).toEqual([]);
    expect(daysBetween([])).toEqual([]);
  });
});

describe('the direction of good of the gaps', () => {
  it('reverses that of the count: fewer events is better means longer gaps are better', () => {
    expect(gapDirection('down')).toBe('up');
    expect(gapDirection('up')).toBe('down');
    expect(gapDirection('neutral')).toBe('neutral');
  });
});

describe('t-chart: days between events transformed by x^(1/3.6)', () => {
  // 14 ordinary gaps, then 400 days.
  const gaps = [10, 30, 5, 60, 20, 15, 40, 8, 25, 12, 35, 18, 50, 22, 400];
  // y = x^(1/3.6) = exp(ln x / 3.6), e.g. 10 → exp(2.302585 / 3.6) = exp(0.639607) = 1.8957:
  //   1.8957 2.5722 1.5637 3.1184 2.2982 2.1217 2.7862 1.7818 2.4452 1.9942 2.6848 2.2320 2.9644 2.3599 5.2820
  // Sum = 38.1005, mean ȳ = 38.1005 / 15 = 2.5400.
  // Moving ranges: 0.6765 1.0085 1.5547 0.8201 0.1765 0.6645 1.0044 0.6634 0.4510 0.6906 0.4528 0.7324
  //   0.6045 2.9220 → 12.4220 / 14 = 0.8873. Screening: 2.9220 ≥ 3.267 × 0.8873 = 2.8988, left out:
  //   (12.4220 − 2.9220) / 13 = 9.5000 / 13 = 0.7308.
  // Transformed lines: 2.5400 ± 2.66 × 0.7308 = 4.4839 and 0.5962; 2σ: 2.5400 ± 1.7733 × 0.7308 = 3.8359, 1.2441.
  // Back (^3.6): centre 2.5400^3.6 = 28.6697; UCL 4.4839^3.6 = 221.7956; LCL 0.5962^3.6 = 0.1554;
  //   2σ lines 3.8359^3.6 = 126.4544 and 1.2441^3.6 = 2.1955.
  // Only 400 > 221.7956 is beyond a limit. Against ȳ the signs alternate too often for a run of 7, there
  // is no trend of 7, and no other y is beyond 3.8359 or below 1.2441.
  const result = tChart(gaps, 'up');

  it('back-transforms the centre, the limits and the 2σ lines; points keep their raw days', () => {
    const last = result.points[14];
    expect(result.kind).toBe('t');
    expect(result.chart).toBe('xmr');
    expect(last?.value).toBe(400);
    expect(result.points.map((p) => p.value)).toEqual(gaps);
    expect(last?.centre).toBeCloseTo(28.6697, 2);
    expect(last?.upperLimit).toBeCloseTo(221.7956, 2);
    expect(last?.lowerLimit).toBeCloseTo(0.1554, 3);
    expect(last?.upperNear).toBeCloseTo(126.4544, 2);
    expect(last?.lowerNear).toBeCloseTo(2.1955, 3);
  });

  it('flags only the 400-day gap, beyond the upper limit, by the direction of good of the gaps', () => {
    expect(result.points.map((p) => p.type)).toEqual([...Array(14).fill('common_cause'), 'special_cause_improvement']);
    expect(result.points[14]?.decidedBy).toBe('outside_limits');
    expect(result.variation).toBe('special_cause_improvement');
    expect(tChart(gaps, 'down').variation).toBe('special_cause_concern');
    expect(tChart(gaps, 'neutral').variation).toBe('special_cause_neutral_high');
    // A count where down is good (fewer incidents): its gaps are better long.
    expect(tChart(gaps, gapDirection('down')).variation).toBe('special_cause_improvement');
  });

  it('is the XmR analysis of the transformed gaps, with the same rules and types', () => {
    const xmr = analyseSpc(
      gaps.map((x) => x ** (1 / 3.6)),
      { direction: 'up' },
    );
    expect(result.points.map((p) => [p.type, p.rules])).toEqual(xmr.points.map((p) => [p.type, p.rules]));
    expect(result.note).toMatch(/^t-chart: /);
  });

  it('clips the lower lines at 0 when the transformed ones fall below it (same-day events: gaps of 0)', () => {
    // Gaps 0, 30, 1, 60, 2 with minPoints 5: y = 0, 2.5722, 1, 3.1184, 1.2123; sum 7.9030, ȳ = 1.5806.
    // Moving ranges 2.5722 1.5722 2.1184 1.9061 → 8.1689 / 4 = 2.0422 (none ≥ 3.267 × 2.0422 = 6.672).
    // LCL 1.5806 − 2.66 × 2.0422 = −3.8518 and lower 2σ line 1.5806 − 1.7733 × 2.0422 = −2.0410: both 0.
    // Centre 1.5806^3.6 = 5.1970; UCL (1.5806 + 5.4323 = 7.0129)^3.6 = 1109.7875; 2σ 5.2022^3.6 = 378.6692.
    const clipped = tChart([0, 30, 1, 60, 2], 'neutral', { minPoints: 5 });
    const point = clipped.points[0];
    expect(point?.value).toBe(0);
    expect(point?.lowerLimit).toBe(0);
    expect(point?.lowerNear).toBe(0);
    expect(point?.centre).toBeCloseTo(5.197, 3);
    expect(point?.upperLimit).toBeCloseTo(1109.7875, 1);
    expect(point?.upperNear).toBeCloseTo(378.6692, 1);
    expect(clipped.points.map((p) => p.type)).toEqual(Array(5).fill('common_cause'));
  });

  it('draws a run chart with fewer gaps than the fewest points, and nothing without a gap', () => {
    const run = tChart([10, 30, 5], 'up');
    expect(run.chart).toBe('run');
    expect(run.points.map((p) => p.type)).toEqual([null, null, null]);
    // Median of y (1.5637, 1.8957, 2.5722) is 1.8957, whose ^3.6 is the median gap, 10.
    expect(run.points[0]?.centre).toBeCloseTo(10, 6);
    expect(run.note).toMatch(/fewer than 15 gaps/);
    const none = eventGapChart(['2024-05-01'], 'down');
    expect(none.gaps).toEqual([]);
    expect(none.result.chart).toBe('none');
    expect(none.result.kind).toBe('t');
  });
});

describe('g-chart: geometric limits, median centre line', () => {
  // 14 ordinary gaps (sum 3+1+4+0+6+2+5+3+2+7+1+4+3+4 = 45), then 30.
  const gaps = [3, 1, 4, 0, 6, 2, 5, 3, 2, 7, 1, 4, 3, 4, 30];
  // ḡ = (45 + 30) / 15 = 5; σ = √(5 × 6) = √30 = 5.4772.
  // UCL = 5 + 3 × 5.4772 = 21.4317; upper 2σ line = 5 + 2 × 5.4772 = 15.9545; LCL 0; ḡ − 2σ = −5.95 → 0.
  // Sorted: 0 1 1 2 2 3 3 3 4 4 4 5 6 7 30: the median (8th of 15) is 3.
  // Against 3 (a 3 breaks a run): − + − + − + 0 − + − + 0 + +: no run of 7; no trend; nothing in (15.95, 21.43].
  const result = gChart(gaps, 'up');

  it('centres on the median, with the upper limit at the mean + 3σ and no lower limit', () => {
    const last = result.points[14];
    expect(result.kind).toBe('g');
    expect(result.chart).toBe('xmr');
    expect(last?.centre).toBe(3);
    expect(last?.upperLimit).toBeCloseTo(21.4317, 4);
    expect(last?.upperNear).toBeCloseTo(15.9545, 4);
    expect(last?.lowerLimit).toBe(0);
    expect(last?.lowerNear).toBe(0);
    expect(result.note).toMatch(/^g-chart: /);
  });

  it('flags only the gap of 30, beyond the upper limit, by the direction of good of the gaps', () => {
    expect(result.points.map((p) => p.type)).toEqual([...Array(14).fill('common_cause'), 'special_cause_improvement']);
    expect(result.points[14]?.decidedBy).toBe('outside_limits');
    expect(gChart(gaps, 'down').variation).toBe('special_cause_concern');
    expect(gChart(gaps, 'neutral').variation).toBe('special_cause_neutral_high');
  });

  it('reads a run of 7 against the median, not the mean', () => {
    // 7 gaps of 1 then 8 of 9: ḡ = (7 + 72) / 15 = 5.2667, σ = √(5.2667 × 6.2667) = 5.7450, UCL 22.5017.
    // The median (8th of 15) is 9: the first 7 are below it (a run of 7: shift); the 9s sit on it.
    const shifted = gChart([...Array(7).fill(1), ...Array(8).fill(9)], 'up');
    expect(shifted.points[0]?.upperLimit).toBeCloseTo(22.5017, 3);
    expect(shifted.points.map((p) => p.type)).toEqual([
      ...Array(7).fill('special_cause_concern'),
      ...Array(8).fill('common_cause'),
    ]);
    expect(shifted.points[0]?.decidedBy).toBe('shift');
  });

  it('leaves XmR results as they were', () => {
    const xmr = analyseSpc(gaps, { direction: 'up' });
    // Mean 5, unlike the g-chart's median 3.
    expect(xmr.points[0]?.centre).toBe(5);
    expect(xmr.note).toMatch(/^XmR chart/);
  });
});

describe('when to default to a rare-event chart', () => {
  it('below 2 a period: the t-chart, and the sentence saying why', () => {
    expect(rareEventChoice(1.4, { noun: 'serious incident notifications', granularity: 'quarter' })).toEqual({
      rare: true,
      chart: 't',
      reason:
        'Serious incident notifications average 1.4 a quarter: too few for a chart of counts to show change, so this shows the days between them (t-chart).',
    });
    expect(rareEventChoice(0.25, { noun: 'reviews started', granularity: 'academic_year' }).reason).toMatch(
      /^Reviews started average 0.3 an academic year: too few/,
    );
  });

  it('2 or more a period: a chart of counts', () => {
    const choice = rareEventChoice(2, { noun: 'serious incident notifications', granularity: 'month' });
    expect(choice.rare).toBe(false);
    expect(choice.chart).toBeNull();
    expect(choice.reason).toBe(
      'Serious incident notifications average 2 a month: enough for a chart of counts to show change.',
    );
  });

  it('takes the mean over whole periods only', () => {
    // (1 + 0 + 3 + 1) / 4 = 1.25; the partial period (5) and the missing one are left out.
    expect(
      meanPerPeriod([
        { value: 1, partial: false },
        { value: 0, partial: false },
        { value: null, partial: false },
        { value: 3, partial: false },
        { value: 1, partial: false },
        { value: 5, partial: true },
      ]),
    ).toBe(1.25);
    expect(meanPerPeriod([{ value: 2, partial: true }])).toBeNull();
  });

  it('says when each chart is the right choice', () => {
    expect(RARE_EVENT_WHEN.t).toMatch(/date of each event/);
    expect(RARE_EVENT_WHEN.g).toMatch(/geometric distribution.*no lower limit/);
  });
});

describe('rare-event charts in words and on a run chart', () => {
  it('a t-chart run chart’s line is the median gap in days (15 for gaps of 10 and 20)', () => {
    const result = tChart([10, 20], 'neutral');
    expect(result.chart).toBe('run');
    expect(result.points[0]?.centre).toBe(15);
  });

  it('a g-chart reads a run against its median, and says so', () => {
    // 7 gaps of 1 then 8 of 9: median 9, so the first seven are a run below the median.
    const result = gChart([...Array(7).fill(1), ...Array(8).fill(9)], 'up');
    expect(ruleWords(result.points, 6, centreName(result).toLowerCase())).toBe('7th point in a run below the median');
  });
});
