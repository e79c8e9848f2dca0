import type { Granularity } from '../indicators/periods';
import type { FigurePoint, IndicatorFigures, IndicatorOutcome } from './pack-figures';
import { describePoints, packGranularity } from './pack-figures';
import type { PackGranularity } from './pack-views';

/**
 * An indicator item of a pack at its own periods (EH3 by quarter, AQ2 by year), from the figures the
 * pack already publishes — never from raw counts. With suppression on, every indicator is published at
 * months, quarters and years together (pack-figures.ts), so any of them can be shown without a new
 * disclosure problem: SPC, the latest period and the words are worked out again from that series' own
 * published values, as the pack does for its own periods.
 */

/** The periods an item asks for: the pack's (none given), one of its own, or the finest not mostly hidden. */
export type ItemGranularity = PackGranularity | 'auto';

const ORDER: readonly PackGranularity[] = ['month', 'quarter', 'year'];

/** How much of a series is hidden: complete periods with a figure, and how many of them are `c`. */
export function hiddenShare(points: readonly FigurePoint[]): { periods: number; hidden: number } {
  const complete = points.filter((p) => !p.partial && (p.value !== null || p.suppressed));
  return { periods: complete.length, hidden: complete.filter((p) => p.suppressed).length };
}

/**
 * The rule for "mostly hidden", stated in the builder's warning and used for the default choice: more
 * than half of the complete periods shown are hidden (`c`). A chart with fewer shown than hidden draws
 * a few dots on empty axes, and its limits rest on too little.
 */
export const MOSTLY_HIDDEN_RULE = 'more than half of its complete periods are hidden';

export function mostlyHidden(points: readonly FigurePoint[]): boolean {
  const { periods, hidden } = hiddenShare(points);
  return periods > 0 && hidden * 2 > periods;
}

/** The indicator re-described at another of its published series: SPC and words from its published values. */
function describeAt(figures: IndicatorFigures, granularity: Granularity, points: FigurePoint[]): IndicatorFigures {
  const { spc } = figures;
  return {
    ...figures,
    ...describePoints(figures.indicator, granularity, points, {
      target: figures.target,
      changes: spc.changes,
      minDenominator: spc.minDenominator,
      // The indicator's own warm-up: the pack's chart may have had none of its periods in it.
      warmUp: figures.warmUpSpan,
    }),
  };
}

/**
 * An indicator at the periods an item asks for, from the published series of the pack's figures; null
 * when those periods were not published with the pack (suppression off publishes only the pack's own:
 * the caller works them out separately, as nothing is hidden).
 */
export function outcomeAt(outcome: IndicatorOutcome, granularity: PackGranularity): IndicatorOutcome | null {
  if (outcome.status !== 'ok') return outcome;
  const wanted = packGranularity(outcome.indicator, granularity);
  if (wanted === outcome.granularity) return outcome;
  const points = outcome.published.get(wanted);
  return points ? describeAt(outcome, wanted, points) : null;
}

/**
 * The finest periods, from the pack's own towards years, at which the indicator is not mostly hidden;
 * years if it is mostly hidden at every one (the fewest hidden periods a board can be shown).
 */
export function autoGranularity(outcome: IndicatorOutcome, packPeriods: PackGranularity): PackGranularity {
  if (outcome.status !== 'ok') return packPeriods;
  const candidates = ORDER.slice(ORDER.indexOf(packPeriods));
  for (const granularity of candidates) {
    const at = outcomeAt(outcome, granularity);
    // Not published at these periods (suppression off): nothing is hidden, so the pack's own will do.
    if (at?.status !== 'ok') return packPeriods;
    if (!mostlyHidden(at.points)) return granularity;
  }
  return 'year';
}

/** The periods an item is shown at: its own, the pack's when it has none, or the finest not mostly hidden. */
export function itemPeriods(
  outcome: IndicatorOutcome | undefined,
  asked: ItemGranularity | undefined,
  packPeriods: PackGranularity,
): PackGranularity {
  if (asked === undefined) return packPeriods;
  if (asked === 'auto') return outcome ? autoGranularity(outcome, packPeriods) : packPeriods;
  return asked;
}
