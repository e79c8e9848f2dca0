/**
 * Statistical process control as NHS England's "Making Data Count" uses it: an XmR (individuals) chart
 * with process limits at the mean ± 2.66 × the mean moving range, four special-cause rules, a variation
 * type per point and an assurance type against a target. Re-implemented from the published description
 * (domain.md §3.4), framework-free so the charts, exports and the command line share it.
 */
import type { Direction } from './indicator-definition';

export type PointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

export type AssuranceType = 'consistent_pass' | 'consistent_fail' | 'inconsistent';

export interface SpcRules {
  /** Rule 1: beyond a process limit. */
  outsideLimits: boolean;
  /** Rule 2: part of a run of 7 or more on one side of the mean. */
  shift: boolean;
  /** Rule 3: part of a run of 7 or more points each higher (or each lower) than the one before. */
  trend: boolean;
  /** Rule 4: one of 2 (or 3) out of 3 consecutive points beyond 2σ, inside the limits, on one side. */
  twoOfThree: boolean;
}

export interface SpcPoint {
  value: number | null;
  /** Centre line: the phase mean (XmR) or median (run chart). */
  centre: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  /** The 2σ lines: mean ± (2/3) × 2.66 × mean moving range. */
  upperNear: number | null;
  lowerNear: number | null;
  /** Null for a missing value, and on a run chart (too few points to judge). */
  type: PointType | null;
  rules: SpcRules;
  /** Index of the phase (0 before the first rebase). */
  phase: number;
}

export interface SpcOptions {
  direction: Direction;
  /** Target value for the assurance icon. */
  target?: number | null;
  /** Indices of points where the process is known to have changed: limits are recalculated from each. */
  rebaseAt?: readonly number[];
  /** Fewest values a phase needs before process limits are shown (Making Data Count: 15–20). */
  minPoints?: number;
}

export interface SpcResult {
  /** 'xmr' when the latest phase has enough points for limits; 'run' otherwise; 'none' without values. */
  chart: 'xmr' | 'run' | 'none';
  points: SpcPoint[];
  /** Variation of the latest point (null on a run chart: too few points to judge). */
  variation: PointType | null;
  /** Null without a target, with no direction of good, or on a run chart. */
  assurance: AssuranceType | null;
  /** Plain-English note on what the chart can and cannot show. */
  note: string;
}

export const SPC_CONSTANT = 2.66;
export const DEFAULT_MIN_POINTS = 15;
const RUN_LENGTH = 7;

const noRules = (): SpcRules => ({ outsideLimits: false, shift: false, trend: false, twoOfThree: false });

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Marks every member of each run (of `minLength` or more) of consecutive equal non-zero keys. */
function markRuns(keys: readonly number[], minLength: number, mark: (index: number) => void): void {
  let start = 0;
  for (let i = 1; i <= keys.length; i += 1) {
    if (i === keys.length || keys[i] !== keys[start] || keys[i] === 0) {
      if (keys[start] !== 0 && i - start >= minLength) for (let j = start; j < i; j += 1) mark(j);
      start = i;
    }
  }
}

interface PhaseOut {
  centre: number;
  limits: { upper: number; lower: number; upperNear: number; lowerNear: number } | null;
  rules: SpcRules[];
  /** +1 high, −1 low, 0 none: which way each special point goes. */
  sides: number[];
}

function analysePhase(values: readonly number[], minPoints: number): PhaseOut {
  const rules = values.map(noRules);
  const sides = values.map(() => 0);
  if (values.length < minPoints || values.length < 2) {
    return { centre: median(values), limits: null, rules, sides };
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  let mrSum = 0;
  for (let i = 1; i < values.length; i += 1) mrSum += Math.abs((values[i] as number) - (values[i - 1] as number));
  const meanMr = mrSum / (values.length - 1);
  const limits = {
    upper: mean + SPC_CONSTANT * meanMr,
    lower: mean - SPC_CONSTANT * meanMr,
    upperNear: mean + (2 / 3) * SPC_CONSTANT * meanMr,
    lowerNear: mean - (2 / 3) * SPC_CONSTANT * meanMr,
  };
  const relative = values.map((v) => Math.sign(v - mean));
  values.forEach((v, i) => {
    if (v > limits.upper || v < limits.lower) {
      (rules[i] as SpcRules).outsideLimits = true;
      sides[i] = relative[i] as number;
    }
  });
  markRuns(relative, RUN_LENGTH, (i) => {
    (rules[i] as SpcRules).shift = true;
    sides[i] = relative[i] as number;
  });
  // A trend of 7 points is 6 steps in the same direction; a step with no change breaks it.
  const steps = values.map((v, i) => (i === 0 ? 0 : Math.sign(v - (values[i - 1] as number))));
  markRuns(steps.slice(1), RUN_LENGTH - 1, (j) => {
    for (const i of [j, j + 1]) {
      (rules[i] as SpcRules).trend = true;
      // A trend point takes the trend's direction unless another rule already placed it.
      if (sides[i] === 0) sides[i] = steps[j + 1] as number;
    }
  });
  const near = values.map((v) => {
    if (v > limits.upperNear && v <= limits.upper) return 1;
    if (v < limits.lowerNear && v >= limits.lower) return -1;
    return 0;
  });
  for (let i = 0; i + 2 < values.length; i += 1) {
    for (const side of [1, -1]) {
      const members = [i, i + 1, i + 2].filter((j) => near[j] === side);
      if (members.length >= 2) {
        for (const j of members) {
          (rules[j] as SpcRules).twoOfThree = true;
          if (sides[j] === 0) sides[j] = side;
        }
      }
    }
  }
  return { centre: mean, limits, rules, sides };
}

function pointType(side: number, direction: Direction): PointType {
  if (direction === 'neutral') return side > 0 ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  const improving = direction === 'up' ? side > 0 : side < 0;
  return improving ? 'special_cause_improvement' : 'special_cause_concern';
}

/** The assurance icon: can the process be relied on to meet the target? */
export function assuranceType(
  direction: Direction,
  target: number,
  limits: { upper: number; lower: number },
): AssuranceType | null {
  if (direction === 'neutral') return null;
  if (direction === 'up') {
    if (target > limits.upper) return 'consistent_fail';
    if (target < limits.lower) return 'consistent_pass';
    return 'inconsistent';
  }
  if (target < limits.lower) return 'consistent_fail';
  if (target > limits.upper) return 'consistent_pass';
  return 'inconsistent';
}

/** Analyses a series (missing values are skipped, not treated as zero). */
export function analyseSpc(series: readonly (number | null)[], options: SpcOptions): SpcResult {
  const minPoints = options.minPoints ?? DEFAULT_MIN_POINTS;
  const present = series.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [i]));
  const points: SpcPoint[] = series.map((value) => ({
    value,
    centre: null,
    upperLimit: null,
    lowerLimit: null,
    upperNear: null,
    lowerNear: null,
    type: null,
    rules: noRules(),
    phase: 0,
  }));
  if (present.length === 0) {
    return { chart: 'none', points, variation: null, assurance: null, note: 'No values to chart.' };
  }
  const rebase = [...new Set(options.rebaseAt ?? [])].filter((i) => i > 0 && i < series.length).sort((a, b) => a - b);
  const phaseOf = (index: number) => rebase.filter((r) => r <= index).length;
  let last: PhaseOut | null = null;
  for (let phase = 0; phase <= rebase.length; phase += 1) {
    const indices = present.filter((i) => phaseOf(i) === phase);
    if (indices.length === 0) continue;
    const out = analysePhase(
      indices.map((i) => series[i] as number),
      minPoints,
    );
    indices.forEach((index, k) => {
      const point = points[index] as SpcPoint;
      point.phase = phase;
      point.centre = out.centre;
      point.upperLimit = out.limits?.upper ?? null;
      point.lowerLimit = out.limits?.lower ?? null;
      point.upperNear = out.limits?.upperNear ?? null;
      point.lowerNear = out.limits?.lowerNear ?? null;
      point.rules = out.rules[k] as SpcRules;
      const side = out.sides[k] as number;
      const special = Object.values(point.rules).some(Boolean) && side !== 0;
      // Without limits there is no judgement to make: the point has no type.
      point.type = !out.limits ? null : special ? pointType(side, options.direction) : 'common_cause';
    });
    last = out;
  }
  const lastPoint = points[present[present.length - 1] as number] as SpcPoint;
  if (!last?.limits) {
    return {
      chart: 'run',
      points,
      variation: null,
      assurance: null,
      note: `Run chart: fewer than ${minPoints} points${rebase.length ? ' since the last rebase' : ''}, so process limits would not be reliable. The line shows the median.`,
    };
  }
  const target = options.target;
  const assurance =
    target === null || target === undefined || !Number.isFinite(target)
      ? null
      : assuranceType(options.direction, target, last.limits);
  return {
    chart: 'xmr',
    points,
    variation: lastPoint.type,
    assurance,
    note: 'XmR chart: process limits at the mean ± 2.66 × the average moving range (NHS Making Data Count).',
  };
}

export const POINT_TYPE_LABELS: Record<PointType, string> = {
  common_cause: 'Common cause variation',
  special_cause_improvement: 'Special cause: improvement',
  special_cause_concern: 'Special cause: concern',
  special_cause_neutral_high: 'Special cause: higher (no direction of good)',
  special_cause_neutral_low: 'Special cause: lower (no direction of good)',
};

export const ASSURANCE_LABELS: Record<AssuranceType, string> = {
  consistent_pass: 'Will consistently meet the target',
  consistent_fail: 'Will consistently miss the target',
  inconsistent: 'May meet or miss the target',
};

/** Making Data Count colours. */
export const SPC_COLOURS: Record<PointType, string> = {
  common_cause: '#a6a6a6',
  special_cause_improvement: '#00b0f0',
  special_cause_concern: '#e46c0a',
  special_cause_neutral_high: '#490092',
  special_cause_neutral_low: '#490092',
};
