import type { IndicatorDefinition } from './indicator-definition';
import type { Granularity } from './periods';
import { analyseSpc, type SpcResult } from './spc';

/** A change the partnership marks on a chart ("Family hubs opened"): limits are recalculated from it. */
export interface ChangePoint {
  /** A date in the first period of the new process (YYYY-MM-DD). */
  date: string;
  label: string;
}

/** Fewest cases per period (the median over the chart) before a percentage, mean or median gets limits. */
export const DEFAULT_MIN_DENOMINATOR = 10;

export interface SeriesPoint {
  label: string;
  periodStart: string;
  periodEnd: string;
  partial: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface IndicatorSpc extends SpcResult {
  /** The marked changes that fall on this chart: the index of the first point of each, and its label. */
  changes: { index: number; label: string; date: string }[];
  /** The smallest denominator a period needs for a comparison or a judgement, or null for counts. */
  minDenominator: number | null;
}

export const ROLLING_NOTE =
  'Run chart: rolling 12-month figures overlap (each shares 11 months with the next), so they are not judged point by point. The line shows the median. Choose months or quarters for process limits.';

/** The minimum denominator in use for an indicator: the user's own, else the definition's, else the default. */
export function minDenominatorFor(indicator: IndicatorDefinition, override?: number | null): number | null {
  if (indicator.denominator === null) return null;
  return override ?? indicator.minDenominator ?? DEFAULT_MIN_DENOMINATOR;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The one SPC computation behind every chart, card, table and export of an indicator: the unfinished
 * last period drawn but left out; rolling windows and small denominators drawn as run charts, saying
 * why; limits recalculated from each change the user marked.
 */
export function indicatorSpc(
  indicator: IndicatorDefinition,
  series: { granularity: Granularity; points: readonly SeriesPoint[] },
  options: { target?: number | null; changes?: readonly ChangePoint[]; minDenominator?: number | null } = {},
): IndicatorSpc {
  const { points } = series;
  const minDenominator = minDenominatorFor(indicator, options.minDenominator);
  const counted = points.filter((p) => !p.partial && p.value !== null);
  const denominators = counted.flatMap((p) => (p.denominator === null ? [] : [p.denominator]));
  const typical = denominators.length > 0 ? medianOf(denominators) : null;
  let runChartBecause: string | undefined;
  if (series.granularity === 'rolling_12') runChartBecause = ROLLING_NOTE;
  else if (minDenominator !== null && typical !== null && typical < minDenominator) {
    runChartBecause = `Run chart: a typical period has ${typical} cases, fewer than the ${minDenominator} needed for process limits to mean anything. The line shows the median.`;
  }
  const changes = (options.changes ?? []).flatMap((change) => {
    const index = points.findIndex((p) => p.periodEnd >= change.date);
    return index >= 0 ? [{ index, label: change.label, date: change.date }] : [];
  });
  const spc = analyseSpc(
    points.map((p) => p.value),
    {
      direction: indicator.direction,
      target: options.target,
      excluded: points.map((p) => p.partial),
      rebaseAt: changes.map((c) => c.index),
      runChartBecause,
    },
  );
  return { ...spc, changes, minDenominator };
}

/** Whether a period's figure rests on too few cases to compare with another (a percentage of 4 of 6). */
export function tooFewToCompare(point: { denominator: number | null } | undefined, minDenominator: number | null) {
  return (
    minDenominator !== null &&
    point?.denominator !== null &&
    point?.denominator !== undefined &&
    point.denominator < minDenominator
  );
}
