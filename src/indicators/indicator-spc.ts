import type { IndicatorDefinition } from './indicator-definition';
import { addDays, addMonths, formatUkDate, type Granularity } from './periods';
import type { PreparedState } from './prepare-indicators';
import type { IndicatorSettings } from './settings';
import { analyseSpc, median, type SpcResult } from './spc';
import { isTrajectory, type TargetSpec, targetLine } from './trajectory';

/** A change the partnership marks on a chart ("Family hubs opened"): limits are recalculated from it. */
export interface ChangePoint {
  /** A date in the first period of the new process (YYYY-MM-DD). */
  date: string;
  /** Why: what changed. */
  label: string;
  /** When it was marked (ISO date and time): the audit of a rebase. Who is not known. */
  markedAt?: string;
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

/** When an indicator's figure has filled (see IndicatorDefinition.warmUp), for this data. */
export interface WarmUpSpan {
  /** A period ending before this date is still filling: drawn, not judged. */
  filledFrom: string;
  /** The rule in words, with this data's dates ("Not judged before 31/03/2025: …"). */
  note: string;
}

export interface IndicatorSpc extends SpcResult {
  /** The marked changes that fall on this chart: the index of the first point of each, and its label. */
  changes: { index: number; label: string; date: string; markedAt?: string }[];
  /** The smallest denominator a period needs for a comparison or a judgement, or null for counts. */
  minDenominator: number | null;
  /** The warm-up on this chart, and how many of its points it leaves unjudged; null if none falls on it. */
  warmUp: (WarmUpSpan & { points: number }) | null;
}

/** An indicator's warm-up over the data prepared (from its area's first date and the settings in use). */
export function warmUpOf(
  indicator: Pick<IndicatorDefinition, 'warmUp' | 'family'>,
  prepared: Pick<PreparedState, 'families' | 'settings'>,
): WarmUpSpan | null {
  return warmUpSpan(indicator, prepared.families[indicator.family].first, prepared.settings);
}

/**
 * An indicator's warm-up for data starting on `first`: a period's figure is whole once it ends on or
 * after the day before `first` + the warm-up's months (TR4's 36-month window then lies wholly in the data).
 */
export function warmUpSpan(
  indicator: Pick<IndicatorDefinition, 'warmUp'>,
  first: string | null,
  settings: Pick<IndicatorSettings, 'trCoverageMonths'>,
): WarmUpSpan | null {
  const rule = indicator.warmUp;
  if (!rule || !first) return null;
  const months = rule.months === 'trCoverageMonths' ? settings.trCoverageMonths : rule.months;
  const filledFrom = addDays(addMonths(first, months), -1);
  return {
    filledFrom,
    note: `Periods ending before ${formatUkDate(filledFrom)} are drawn but not judged: they are still filling. ${rule.reason}`,
  };
}

export const ROLLING_NOTE =
  'Run chart: rolling 12-month figures overlap (each shares 11 months with the next), so they are not judged point by point. The line shows the median. Choose months or quarters for process limits.';

/** The minimum denominator in use for an indicator: the user's own, else the definition's, else the default. */
export function minDenominatorFor(indicator: IndicatorDefinition, override?: number | null): number | null {
  if (indicator.denominator === null) return null;
  return override ?? indicator.minDenominator ?? DEFAULT_MIN_DENOMINATOR;
}

/**
 * The one SPC computation behind every chart, card, table and export of an indicator: the unfinished
 * last period drawn but left out; rolling windows and small denominators drawn as run charts, saying
 * why; limits recalculated from each change the user marked.
 */
export function indicatorSpc(
  indicator: IndicatorDefinition,
  series: { granularity: Granularity; points: readonly SeriesPoint[] },
  options: {
    /** One value or a trajectory: the target of each period is the one in force on its last day. */
    target?: TargetSpec | null;
    changes?: readonly ChangePoint[];
    minDenominator?: number | null;
    /** The indicator's warm-up for the data loaded (warmUpSpan). */
    warmUp?: WarmUpSpan | null;
    /** Limits fixed after the first N points of each phase (the partnership's choice). */
    fixAfter?: number | null;
  } = {},
): IndicatorSpc {
  const { points } = series;
  const warmUp = options.warmUp ?? null;
  const filling = points.map((p) => warmUp !== null && p.periodEnd < warmUp.filledFrom);
  const minDenominator = minDenominatorFor(indicator, options.minDenominator);
  const counted = points.filter((p, i) => !p.partial && !filling[i] && p.value !== null);
  const denominators = counted.flatMap((p) => (p.denominator === null ? [] : [p.denominator]));
  const typical = denominators.length > 0 ? median(denominators) : null;
  let runChartBecause: string | undefined;
  if (series.granularity === 'rolling_12') runChartBecause = ROLLING_NOTE;
  else if (minDenominator !== null && typical !== null && typical < minDenominator) {
    runChartBecause = `Run chart: a typical period has ${typical} cases, fewer than the ${minDenominator} needed for process limits to mean anything. The line shows the median.`;
  }
  const changes = (options.changes ?? []).flatMap((change) => {
    const index = points.findIndex((p) => p.periodEnd >= change.date);
    return index >= 0 ? [{ index, label: change.label, date: change.date, markedAt: change.markedAt }] : [];
  });
  const spc = analyseSpc(
    points.map((p) => p.value),
    {
      direction: indicator.direction,
      // One value stays one value (a flat line); a trajectory becomes the step in force each period.
      target: isTrajectory(options.target)
        ? targetLine(
            options.target,
            points.map((p) => p.periodEnd),
          )
        : options.target,
      excluded: points.map((p, i) => p.partial || filling[i] === true),
      rebaseAt: changes.map((c) => c.index),
      runChartBecause,
      fixAfter: options.fixAfter,
    },
  );
  // A period still filling is drawn without the centre line and limits: they describe the filled ones.
  const drawn = spc.points.map((p, i) =>
    filling[i] ? { ...p, centre: null, upperLimit: null, lowerLimit: null, upperNear: null, lowerNear: null } : p,
  );
  const warmPoints = filling.filter(Boolean).length;
  const onChart = warmUp && warmPoints > 0 ? { ...warmUp, points: warmPoints } : null;
  // Every finished period still filling: nothing to judge, and the note says why rather than "no values".
  const note = onChart && spc.chart === 'none' && points.some((p) => p.value !== null) ? onChart.note : spc.note;
  return { ...spc, points: drawn, note, changes, minDenominator, warmUp: onChart };
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
