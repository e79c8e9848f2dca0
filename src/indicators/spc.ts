/**
 * Statistical process control as NHS England's "Making Data Count" applies it (its Excel tool, and
 * NHSRplotthedots since its 2023 alignment with it): an XmR (individuals) chart with process limits at
 * the mean ± 2.66 × the mean moving range, four special-cause rules checked in the reference's order, a
 * variation type per point and an assurance type against a target. Framework-free, so the charts, the
 * overview, the exports and the command line all take their icons from this one computation.
 *
 * Choices, as the reference leaves room:
 * - Moving-range screening is on: a moving range of 3.267 × the average or more (the upper limit of a
 *   moving-range chart) is left out of the average before the limits are drawn, as NHSRplotthedots does by
 *   default, so one shock does not widen the limits for every other point. (The Excel tool does not
 *   screen; the two differ only when such a jump exists.) `screenOutliers: false` turns it off.
 * - Points the caller excludes (an unfinished last period) are drawn but take no part in the mean, the
 *   limits or the rules, and get no type.
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
  /** Beyond a process limit. */
  outsideLimits: boolean;
  /** Part of a run of 7 or more on one side of the mean (a point on the mean breaks it). */
  shift: boolean;
  /** Part of a run of 7 or more points each higher (or each lower) than the one before. */
  trend: boolean;
  /** Beyond 2σ (inside the limits), with another of 3 consecutive points, all 3 on the same side. */
  twoOfThree: boolean;
}

/** The rule that decided a special-cause point's type, in the reference's order of precedence. */
export type DecidingRule = 'outside_limits' | 'trend' | 'two_of_three' | 'shift';

export interface SpcPoint {
  value: number | null;
  /** Centre line: the phase mean (XmR) or median (run chart, g-chart). */
  centre: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  /** The 2σ lines: mean ± (2/3) × 2.66 × mean moving range (g-chart: mean + 2σ, and 0). */
  upperNear: number | null;
  lowerNear: number | null;
  /** Null for a missing or excluded value, and on a run chart (too few points to judge). */
  type: PointType | null;
  rules: SpcRules;
  /** Which rule decided the type (null for common cause and for points with no type). */
  decidedBy: DecidingRule | null;
  /** True for a point drawn but left out of the calculation (an unfinished period). */
  excluded: boolean;
  /** Index of the phase (0 before the first rebase). */
  phase: number;
}

export interface SpcOptions {
  direction: Direction;
  /**
   * Target for the assurance icon: one value, or one per point (a trajectory, null where none is in
   * force). Assurance is judged at the latest point used, against the target in force there.
   */
  target?: number | readonly (number | null)[] | null;
  /** Indices of points where the process is known to have changed: limits are recalculated from each. */
  rebaseAt?: readonly number[];
  /** Fewest values a phase needs before process limits are shown (Making Data Count: 15–20). */
  minPoints?: number;
  /** Points to draw but leave out of the mean, limits and rules (an unfinished last period). */
  excluded?: readonly boolean[];
  /** Draw a run chart whatever the number of points, and say why (rolling windows, small numbers). */
  runChartBecause?: string;
  /** Leave moving ranges of 3.267 × the average or more out of the limits (default true). */
  screenOutliers?: boolean;
  /**
   * Fix each phase's mean and limits after its first N values (NHSRplotthedots' `fix_after_n_points`):
   * a baseline, against which the later values are judged. Unset: every value of the phase counts.
   */
  fixAfter?: number | null;
  /**
   * How the limits are drawn: 'xmr' (the default) from the mean and the average moving range;
   * 'geometric' as a g-chart draws them (Benneyan, as PowerBI-SPC computes it): centre line at the
   * median, upper limit at the mean + 3σ with σ = √(mean × (mean + 1)), and no lower limit (0). The
   * rules are the same, read against the centre line drawn.
   */
  limits?: LimitMethod;
}

export type LimitMethod = 'xmr' | 'geometric';

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
  /** The limits are fixed after this many points of each phase (a baseline), when chosen. */
  fixedAfter?: number | null;
  /** The target of each point, and the one in force at the latest point used (judged for assurance). */
  target?: SpcTarget | null;
  /** What the centre line is, when not the mean (XmR) or median (run chart): a t-chart's, a g-chart's. */
  centreLabel?: string;
}

/** The centre line's name in keys, tooltips, tables and words. */
export const centreName = (spc: Pick<SpcResult, 'chart' | 'centreLabel'>): string =>
  spc.centreLabel ?? (spc.chart === 'xmr' ? 'Mean' : 'Median');

export interface SpcTarget {
  line: (number | null)[];
  latest: number | null;
  /** True for a trajectory (a target per point, drawn as a stepped line). */
  trajectory: boolean;
}

export const SPC_CONSTANT = 2.66;
export const DEFAULT_MIN_POINTS = 15;
const RUN_LENGTH = 7;

/** A moving-range chart's upper limit, as a multiple of the average moving range (3.267 = D4 for n = 2). */
export const MR_SCREEN = 3.267;

const noRules = (): SpcRules => ({ outsideLimits: false, shift: false, trend: false, twoOfThree: false });

/** The middle value (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
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
  /** +1 high, −1 low, 0 none: which way each special point goes, and the rule that said so. */
  sides: number[];
  decidedBy: (DecidingRule | null)[];
}

/** The average moving range, optionally leaving out ranges at or above 3.267 × the first average. */
export function averageMovingRange(values: readonly number[], screen: boolean): number {
  const ranges = values.slice(1).map((v, i) => Math.abs(v - (values[i] as number)));
  if (ranges.length === 0) return 0;
  const first = ranges.reduce((a, b) => a + b, 0) / ranges.length;
  if (!screen) return first;
  const kept = ranges.filter((r) => r < MR_SCREEN * first);
  return kept.length === 0 ? first : kept.reduce((a, b) => a + b, 0) / kept.length;
}

/** Which points are special cause under each rule, and which side each goes. */
function applyRules(values: readonly number[], centre: number, limits: NonNullable<PhaseOut['limits']>) {
  const rules = values.map(noRules);
  const relative = values.map((v) => Math.sign(v - centre));
  values.forEach((v, i) => {
    (rules[i] as SpcRules).outsideLimits = v > limits.upper || v < limits.lower;
  });
  // A trend of 7 points is 6 steps the same way; a step with no change breaks it. Its points go the
  // trend's way (a rising trend below the mean is still rising).
  const steps = values.slice(1).map((v, i) => Math.sign(v - (values[i] as number)));
  const trendSide = values.map(() => 0);
  markRuns(steps, RUN_LENGTH - 1, (j) => {
    for (const i of [j, j + 1]) {
      (rules[i] as SpcRules).trend = true;
      trendSide[i] = steps[j] as number;
    }
  });
  // Beyond 2σ but inside the limits; flagged with another such point of 3 in a row all on one side.
  const close = values.map(
    (v, i) => !(rules[i] as SpcRules).outsideLimits && (v > limits.upperNear || v < limits.lowerNear),
  );
  for (let i = 0; i + 2 < values.length; i += 1) {
    const window = [i, i + 1, i + 2];
    const sameSide = Math.abs(window.reduce((n, j) => n + (relative[j] as number), 0)) === 3;
    if (sameSide && window.filter((j) => close[j]).length >= 2) {
      for (const j of window) if (close[j]) (rules[j] as SpcRules).twoOfThree = true;
    }
  }
  markRuns(relative, RUN_LENGTH, (i) => {
    (rules[i] as SpcRules).shift = true;
  });
  return { rules, relative, trendSide };
}

type PhaseLimits = NonNullable<PhaseOut['limits']>;

/** XmR: the mean ± 2.66 × the average moving range, the 2σ lines at two thirds of that. */
function xmrLimits(baseline: readonly number[], screen: boolean): { centre: number; limits: PhaseLimits } {
  const mean = baseline.reduce((a, b) => a + b, 0) / baseline.length;
  const mr = averageMovingRange(baseline, screen);
  return {
    centre: mean,
    limits: {
      upper: mean + SPC_CONSTANT * mr,
      lower: mean - SPC_CONSTANT * mr,
      upperNear: mean + (2 / 3) * SPC_CONSTANT * mr,
      lowerNear: mean - (2 / 3) * SPC_CONSTANT * mr,
    },
  };
}

/**
 * g-chart: a geometric distribution's σ = √(ḡ(ḡ + 1)) about the mean ḡ. It is always above ḡ, so
 * ḡ − 2σ and ḡ − 3σ are below zero: there is no lower limit. The centre drawn is the median, as the
 * gaps are skewed and half of them fall either side of it.
 */
function geometricLimits(baseline: readonly number[]): { centre: number; limits: PhaseLimits } {
  const mean = baseline.reduce((a, b) => a + b, 0) / baseline.length;
  const sigma = Math.sqrt(mean * (mean + 1));
  return {
    centre: median(baseline),
    limits: {
      upper: mean + 3 * sigma,
      lower: 0,
      upperNear: mean + 2 * sigma,
      lowerNear: Math.max(0, mean - 2 * sigma),
    },
  };
}

interface PhaseOptions {
  minPoints: number;
  screen: boolean;
  fixAfter?: number | null;
  method: LimitMethod;
}

function analysePhase(values: readonly number[], options: PhaseOptions): PhaseOut {
  const { minPoints, fixAfter } = options;
  const none = { rules: values.map(noRules), sides: values.map(() => 0), decidedBy: values.map(() => null) };
  // The baseline the limits come from: the first `fixAfter` values when fixed, else all of them.
  const baseline = fixAfter && fixAfter < values.length ? values.slice(0, fixAfter) : values;
  if (baseline.length < minPoints || baseline.length < 2) return { centre: median(values), limits: null, ...none };
  const { centre, limits } =
    options.method === 'geometric' ? geometricLimits(baseline) : xmrLimits(baseline, options.screen);
  const { rules, relative, trendSide } = applyRules(values, centre, limits);
  const sides = values.map(() => 0);
  const decidedBy: (DecidingRule | null)[] = values.map(() => null);
  // The reference's order: beyond a limit, then trend, then 2 of 3, then a run on one side.
  rules.forEach((r, i) => {
    const [side, rule]: [number, DecidingRule | null] = r.outsideLimits
      ? [relative[i] as number, 'outside_limits']
      : r.trend
        ? [trendSide[i] as number, 'trend']
        : r.twoOfThree
          ? [relative[i] as number, 'two_of_three']
          : r.shift
            ? [relative[i] as number, 'shift']
            : [0, null];
    sides[i] = side;
    decidedBy[i] = side === 0 ? null : rule;
  });
  return { centre, limits, rules, sides, decidedBy };
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

function emptyPoint(value: number | null, excluded: boolean): SpcPoint {
  return {
    value,
    centre: null,
    upperLimit: null,
    lowerLimit: null,
    upperNear: null,
    lowerNear: null,
    type: null,
    rules: noRules(),
    decidedBy: null,
    excluded,
    phase: 0,
  };
}

/** Fills the points of one phase from its analysis; excluded points get the lines but no type. */
function fillPhase(
  points: SpcPoint[],
  phase: number,
  members: readonly number[],
  used: readonly number[],
  out: PhaseOut,
  direction: Direction,
) {
  for (const index of members) {
    const point = points[index] as SpcPoint;
    point.phase = phase;
    point.centre = out.centre;
    point.upperLimit = out.limits?.upper ?? null;
    point.lowerLimit = out.limits?.lower ?? null;
    point.upperNear = out.limits?.upperNear ?? null;
    point.lowerNear = out.limits?.lowerNear ?? null;
    const k = used.indexOf(index);
    if (k < 0 || point.value === null) continue;
    point.rules = out.rules[k] as SpcRules;
    const side = out.sides[k] as number;
    point.decidedBy = out.limits ? (out.decidedBy[k] ?? null) : null;
    // Without limits there is no judgement to make: the point has no type.
    point.type = !out.limits ? null : side !== 0 ? pointType(side, direction) : 'common_cause';
  }
}

/** The target of each point, from one value or one per point; null without any. */
function targetOf(target: SpcOptions['target'], length: number, latestIndex: number): SpcTarget | null {
  if (target === null || target === undefined) return null;
  const finite = (v: number | null | undefined) => (v !== null && v !== undefined && Number.isFinite(v) ? v : null);
  const line = Array.from({ length }, (_, i) => finite(typeof target === 'number' ? target : target[i]));
  if (line.every((v) => v === null)) return null;
  return { line, latest: line[latestIndex] ?? null, trajectory: typeof target !== 'number' };
}

/**
 * Analyses a series: missing values are skipped (never read as zero), excluded ones are drawn but not
 * used, and each phase (from a rebase) gets its own mean and limits.
 */
export function analyseSpc(series: readonly (number | null)[], options: SpcOptions): SpcResult {
  const minPoints = options.runChartBecause ? Number.POSITIVE_INFINITY : (options.minPoints ?? DEFAULT_MIN_POINTS);
  const excluded = (i: number) => options.excluded?.[i] === true;
  const isValue = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const points = series.map((value, i) => emptyPoint(value, excluded(i)));
  const present = series.flatMap((v, i) => (isValue(v) ? [i] : []));
  const used = present.filter((i) => !excluded(i));
  if (used.length === 0) {
    // Nothing to judge, but a target set is still drawn and said.
    const target = targetOf(options.target, series.length, series.length - 1);
    return { chart: 'none', points, variation: null, assurance: null, note: 'No values to chart.', target };
  }
  const rebase = [...new Set(options.rebaseAt ?? [])].filter((i) => i > 0 && i < series.length).sort((a, b) => a - b);
  const last = analysePhases(series, points, present, used, rebase, { ...options, minPoints });
  const latestIndex = used[used.length - 1] as number;
  const target = targetOf(options.target, series.length, latestIndex);
  if (!last?.limits) {
    const since = rebase.length ? ' since the last change marked' : '';
    const note =
      options.runChartBecause ??
      `Run chart: fewer than ${minPoints} points${since}, so process limits would not be reliable. The line shows the median.`;
    return { chart: 'run', target, points, variation: null, assurance: null, note };
  }
  const latestTarget = target?.latest ?? null;
  return {
    chart: 'xmr',
    target,
    points,
    variation: (points[latestIndex] as SpcPoint).type,
    assurance: latestTarget === null ? null : assuranceType(options.direction, latestTarget, last.limits),
    fixedAfter: options.fixAfter ?? null,
    note: limitsNote(options),
  };
}

/** Each phase (from a rebase) analysed on its own and its points filled; the last phase's analysis. */
function analysePhases(
  series: readonly (number | null)[],
  points: SpcPoint[],
  present: readonly number[],
  used: readonly number[],
  rebase: readonly number[],
  options: SpcOptions & { minPoints: number },
): PhaseOut | null {
  const phaseOf = (index: number) => rebase.filter((r) => r <= index).length;
  let last: PhaseOut | null = null;
  for (let phase = 0; phase <= rebase.length; phase += 1) {
    const members = present.filter((i) => phaseOf(i) === phase);
    const phaseUsed = used.filter((i) => phaseOf(i) === phase);
    if (phaseUsed.length === 0) continue;
    const out = analysePhase(
      phaseUsed.map((i) => series[i] as number),
      {
        minPoints: options.minPoints,
        screen: options.screenOutliers ?? true,
        fixAfter: options.fixAfter,
        method: options.limits ?? 'xmr',
      },
    );
    fillPhase(points, phase, members, phaseUsed, out, options.direction);
    last = out;
  }
  return last;
}

/** What the limits are, in a sentence under the chart. */
function limitsNote(options: SpcOptions): string {
  const method =
    options.limits === 'geometric'
      ? 'g-chart: the line shows the median; the upper limit is the mean + 3σ of a geometric distribution, and there is no lower limit'
      : 'XmR chart: process limits at the mean ± 2.66 × the average moving range (NHS Making Data Count)';
  const fixed = options.fixAfter
    ? `, fixed after the first ${options.fixAfter} points of each phase: later points are judged against that baseline`
    : '';
  return `${method}${fixed}.`;
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
