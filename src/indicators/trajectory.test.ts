import { describe, expect, it } from 'vitest';
import { analyseSpc } from './spc';
import { describeTarget, sameTarget, type Trajectory, targetAt, targetLine, targetSpecSchema } from './trajectory';

// A trajectory of three steps, from the start of three quarters.
const plan: Trajectory = [
  { from: '2025-10-01', value: 14 },
  { from: '2025-04-01', value: 10 },
  { from: '2025-07-01', value: 12 },
];

describe('the target in force for a period', () => {
  it('is the step in force on the period’s last day, whatever order the steps were given in', () => {
    expect(targetAt(plan, '2025-03-31')).toBeNull(); // before the first step
    expect(targetAt(plan, '2025-04-30')).toBe(10); // April: from 1 April
    expect(targetAt(plan, '2025-06-30')).toBe(10); // Q1 ends 30 June
    expect(targetAt(plan, '2025-07-01')).toBe(12); // a step takes force on its own date
    expect(targetAt(plan, '2025-09-30')).toBe(12);
    expect(targetAt(plan, '2026-03-31')).toBe(14); // the last step holds
  });

  it('a single value is in force everywhere; no target gives no line', () => {
    expect(targetLine(80, ['2024-03-31', '2026-03-31'])).toEqual([80, 80]);
    expect(targetLine(null, ['2024-03-31'])).toBeNull();
    expect(targetLine(plan, ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'])).toEqual([null, 10, 12, 14]);
  });

  it('compares and describes targets in date order', () => {
    expect(sameTarget(plan, [...plan].reverse())).toBe(true);
    expect(sameTarget(plan, plan.slice(1))).toBe(false);
    expect(sameTarget(80, 80)).toBe(true);
    expect(sameTarget(80, plan)).toBe(false);
    expect(describeTarget(plan, 'percent')).toBe(
      'a trajectory: 10.0% from 1 April 2025, then 12.0% from 1 July 2025, then 14.0% from 1 October 2025',
    );
  });

  it('refuses two steps from one date, a step without a date, and unknown fields', () => {
    expect(targetSpecSchema.safeParse([plan[0], plan[0]]).success).toBe(false);
    expect(targetSpecSchema.safeParse([{ from: '01/04/2025', value: 1 }]).success).toBe(false);
    expect(targetSpecSchema.safeParse([{ from: '2025-04-01', value: 1, note: 'x' }]).success).toBe(false);
    expect(targetSpecSchema.safeParse([]).success).toBe(false);
    expect(targetSpecSchema.safeParse(plan).success).toBe(true);
  });
});

describe('assurance against a trajectory, judged at the latest period', () => {
  // 15 quarters alternating 10 and 12: mean 164 / 15 = 10.9333 (8 tens and 7 twelves = 80 + 84).
  // Every moving range is 2, so the average is 2 (none screened: 2 < 3.267 × 2).
  // UPL = 10.9333 + 2.66 × 2 = 16.2533; LPL = 10.9333 − 5.32 = 5.6133.
  const series = Array.from({ length: 15 }, (_, i) => (i % 2 === 0 ? 10 : 12));
  const limits = analyseSpc(series, { direction: 'up' }).points[14];

  it('has the limits worked out by hand', () => {
    expect(limits?.upperLimit).toBeCloseTo(16.2533, 4);
    expect(limits?.lowerLimit).toBeCloseTo(5.6133, 4);
  });

  const rising = (last: number) => series.map((_, i) => (i < 10 ? 8 : i < 14 ? 12 : last));

  it('a trajectory ending above the upper limit: will consistently miss it (higher is better)', () => {
    // Latest target 17 > UPL 16.2533, although every earlier target (8, 12) sits within the limits.
    const result = analyseSpc(series, { direction: 'up', target: rising(17) });
    expect(result.assurance).toBe('consistent_fail');
    expect(result.target).toEqual({ line: rising(17), latest: 17, trajectory: true });
  });

  it('ending within the limits: may meet or miss it; ending below the LPL: will consistently meet it', () => {
    expect(analyseSpc(series, { direction: 'up', target: rising(12) }).assurance).toBe('inconsistent');
    expect(analyseSpc(series, { direction: 'up', target: rising(5) }).assurance).toBe('consistent_pass'); // 5 < 5.6133
  });

  it('lower is better: a trajectory down to 5 (below the LPL) will consistently be missed', () => {
    expect(analyseSpc(series, { direction: 'down', target: rising(5) }).assurance).toBe('consistent_fail');
    expect(analyseSpc(series, { direction: 'down', target: rising(17) }).assurance).toBe('consistent_pass');
  });

  it('judges the latest point used: an unfinished last period and its target are left out', () => {
    const excluded = series.map((_, i) => i === 14);
    // 17 only at the unfinished point; 12 at the latest used one (index 13). 14 points used, so the
    // minimum is lowered to 14: mean 11 (7 tens, 7 twelves), UPL 11 + 5.32 = 16.32, LPL 5.68.
    const target = rising(17);
    const result = analyseSpc(series, { direction: 'up', target, excluded, minPoints: 14 });
    expect(result.points[13]?.upperLimit).toBeCloseTo(16.32, 4);
    expect(result.target?.latest).toBe(12);
    expect(result.assurance).toBe('inconsistent');
  });

  it('no step in force at the latest period: no assurance, the line still drawn where there is one', () => {
    const early = series.map((_, i) => (i < 3 ? 12 : null));
    const result = analyseSpc(series, { direction: 'up', target: early });
    expect(result.assurance).toBeNull();
    expect(result.target?.line.slice(0, 4)).toEqual([12, 12, 12, null]);
  });
});
