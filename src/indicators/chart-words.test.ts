import { describe, expect, it } from 'vitest';
import { chartSummary, pointWords, ruleWords, signalStops } from './chart-words';
import { analyseSpc } from './spc';

const percent = { unit: 'percent' as const };
const label = (i: number) => `P${i + 1}`;

/** Periods with values (and, for rates, counts out of 100), the last one still running when `partial`. */
function series(values: number[], partialLast = false) {
  return values.map((value, i) => ({
    label: label(i),
    partial: partialLast && i === values.length - 1,
    value,
    numerator: value,
    denominator: 100,
  }));
}

describe('an SPC chart in words', () => {
  // 15 points around 50, then 7 at 49. By hand: mean (15 × 50 + 7 × 49) / 22 = 49.68; P15 (48) is below it
  // too, so P15–P22 are a run of 8 below the mean: a shift, every point of it special cause (concern, as
  // higher is better).
  const base = [50, 52, 48, 50, 52, 48, 50, 52, 48, 50, 52, 48, 50, 52, 48];
  const values = [...base, 49, 49, 49, 49, 49, 49, 49];
  const points = series(values);
  const spc = analyseSpc(values, { direction: 'up', minPoints: 15 });

  it('announces a period with its count and variation, and a special cause with the rule and its place in the run', () => {
    expect(pointWords(percent, points, spc, 0)).toBe('P1: 50.0%, 50 of 100. Common cause variation.');
    expect(spc.points[21]?.type).toBe('special_cause_concern');
    expect(ruleWords(spc.points, 20)).toBe('7th point in a run below the mean');
    expect(pointWords(percent, points, spc, 21)).toBe(
      'P22: 49.0%, 49 of 100. Special cause: concern — 8th point in a run below the mean.',
    );
    expect(pointWords(percent, points, spc, 14)).toBe(
      'P15: 48.0%, 48 of 100. Special cause: concern — 1st point in a run below the mean.',
    );
  });

  it('says why a period still running is not judged', () => {
    const running = series([...values, 60], true);
    const withPart = analyseSpc([...values, 60], {
      direction: 'up',
      minPoints: 15,
      excluded: running.map((p) => p.partial),
    });
    expect(pointWords(percent, running, withPart, 22)).toBe(
      'P23 (to date): 60.0%, 60 of 100. Not judged: the period is not finished.',
    );
  });

  it('names a point outside the limits, and a trend, by their rules', () => {
    const outside = [...base, 60];
    const out = analyseSpc(outside, { direction: 'up', minPoints: 15 });
    expect(ruleWords(out.points, 15)).toBe('above the upper process limit');
    const rising = [...base, 45, 46, 47, 48, 49, 50, 51];
    const trend = analyseSpc(rising, { direction: 'up', minPoints: 15 });
    expect(trend.points[21]?.decidedBy).toBe('trend');
    expect(ruleWords(trend.points, 21)).toBe('7th point in a run of rising values');
  });

  it('sums the chart up: latest with its count, the target’s assurance, and the signals with when', () => {
    // 60 is above the upper limit (49.68 + 2.66 × the mean moving range): the process will miss it.
    const targeted = analyseSpc(values, { direction: 'up', minPoints: 15, target: 60 });
    expect(targeted.assurance).toBe('consistent_fail');
    expect(chartSummary(percent, points, targeted)).toBe(
      'Latest: P22: 49.0%, 49 of 100. Special cause: concern — 8th point in a run below the mean. ' +
        // By hand: mean 1,093 / 22 = 49.68; moving ranges sum to 39 over 21, so the limits are
        // 49.68 ± 2.66 × 1.857 = 44.74 to 54.62.
        'Mean 49.7%, process limits 44.7% to 54.6%. ' +
        'Target 60.0%: will consistently miss the target. ' +
        'Signals: Special cause: concern (1st point in a run below the mean), from P15 to P22.',
    );
    // A trajectory rising to 54 at P22: within the limits 44.74 to 54.62, so it may be met or missed.
    const line = values.map((_, i) => (i < 11 ? 50 : i < 21 ? 52 : 54));
    const trajectory = analyseSpc(values, { direction: 'up', minPoints: 15, target: line });
    expect(chartSummary(percent, points, trajectory)).toContain(
      'Target trajectory: 54.0% at P22, judged against the process limits: may meet or miss the target.',
    );
    expect(pointWords(percent, points, trajectory, 12)).toMatch(/Target 52\.0%\.$/);
    const fixed = analyseSpc(values, { direction: 'up', minPoints: 15, fixAfter: 15 });
    expect(chartSummary(percent, points, fixed)).toContain(
      'The limits are fixed after the first 15 points; later points are judged against them.',
    );
    expect(chartSummary(percent, points.slice(0, 3), analyseSpc([50, 52, 48], { direction: 'up' }))).toBe(
      'Latest: P3: 48.0%, 48 of 100. Not judged: too few points for process limits. Too few points for process limits: drawn as a run chart around the median. No special-cause signals.',
    );
  });

  it('stops Page Up and Page Down at each signal’s start and each marked change', () => {
    expect(signalStops(spc, points, [{ index: 3 }])).toEqual([3, 14]);
  });
});
