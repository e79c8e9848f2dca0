import type { DeckSlide } from './deck';
import { type ItemGranularity, itemPeriods, outcomeAt } from './item-figures';
import type { IndicatorOutcome, PackFigures } from './pack-figures';
import type { PackGranularity } from './pack-views';

/**
 * A deck's figures: the pack's, protected together, and — with suppression off only, when nothing is
 * hidden — the figures at other periods that items ask for (with suppression on, every indicator's
 * months, quarters and years are already published together in the pack's figures).
 */
export interface DeckFigures extends PackFigures {
  atPeriods?: ReadonlyMap<PackGranularity, PackFigures>;
}

/** The periods an indicator slide is shown at. */
function slidePeriods(
  slide: { indicatorId: string; granularity?: ItemGranularity },
  figures: DeckFigures,
): PackGranularity {
  return itemPeriods(figures.indicators.get(slide.indicatorId), slide.granularity, figures.granularity);
}

/** An indicator slide's figures at its own periods; undefined while those are still being worked out. */
export function slideIndicator(
  slide: Extract<DeckSlide, { kind: 'indicator' }>,
  figures: DeckFigures,
): IndicatorOutcome | undefined {
  const outcome = figures.indicators.get(slide.indicatorId);
  if (!outcome) return undefined;
  const periods = slidePeriods(slide, figures);
  return outcomeAt(outcome, periods) ?? figures.atPeriods?.get(periods)?.indicators.get(slide.indicatorId);
}
