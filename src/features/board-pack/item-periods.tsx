import { useId } from 'react';
import type { DeckSlide } from '../../board/deck';
import { type DeckFigures, slideIndicator } from '../../board/deck-figures';
import {
  autoGranularity,
  hiddenShare,
  type ItemGranularity,
  MOSTLY_HIDDEN_RULE,
  mostlyHidden,
} from '../../board/item-figures';
import type { PackGranularity } from '../../board/pack-views';
import { PERIOD_NOUNS } from '../../indicators/periods';
import { getFamily, getIndicator } from '../../indicators/registry';

/**
 * The periods of an indicator's chart in the pack, and a warning when suppression hides most of them
 * (by the stated rule), offering years: a board shown a few dots on empty axes learns nothing.
 */
export function ItemPeriods({
  slide,
  figures,
  onChange,
}: {
  slide: Extract<DeckSlide, { kind: 'indicator' }>;
  figures: DeckFigures | undefined;
  onChange: (granularity: ItemGranularity | undefined) => void;
}) {
  const id = useId();
  const packPeriods: PackGranularity = figures?.granularity ?? 'quarter';
  const base = figures?.indicators.get(slide.indicatorId);
  const outcome = figures ? slideIndicator(slide, figures) : undefined;
  const auto = base ? autoGranularity(base, packPeriods) : packPeriods;
  const shown = outcome?.status === 'ok' ? outcome : undefined;
  const share = shown ? hiddenShare(shown.points) : null;
  const words = shown ? PERIOD_NOUNS[shown.granularity] : null;
  const yearly = shown?.granularity === 'year' || shown?.granularity === 'academic_year';
  const yearlyCycle = getFamily(getIndicator(slide.indicatorId).family).yearlyCycle;
  return (
    <div className="item-periods">
      {!yearlyCycle && (
        <>
          <label className="label" htmlFor={`${id}-periods`}>
            Periods of this chart
          </label>
          <select
            id={`${id}-periods`}
            className="select"
            value={slide.granularity ?? ''}
            onChange={(e) => onChange((e.target.value || undefined) as ItemGranularity | undefined)}
            data-testid={`item-periods-${slide.key}`}
          >
            <option value="">As the pack ({PERIOD_NOUNS[packPeriods].many})</option>
            <option value="auto">The finest not mostly hidden (now {PERIOD_NOUNS[auto].many})</option>
            <option value="month">Months</option>
            <option value="quarter">Quarters</option>
            <option value="year">Years</option>
          </select>
        </>
      )}
      {shown && share && words && mostlyHidden(shown.points) && (
        <div className="warning-text item-periods__warning" role="status" data-testid={`mostly-hidden-${slide.key}`}>
          <p>
            {share.hidden === share.periods
              ? `Nothing on this chart can be shown: all ${share.periods} ${words.many} are hidden (c)`
              : `Most of this chart is hidden: ${share.hidden} of ${share.periods} ${words.many} are not shown (c)`}{' '}
            to protect small numbers. A chart is called mostly hidden when {MOSTLY_HIDDEN_RULE}.
          </p>
          {yearly ? (
            <p>
              Even by year {share.hidden === share.periods ? 'every one is' : 'most are'} hidden: consider leaving this
              chart out, and saying why in the commentary of the summary.
            </p>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange('year')}
              data-testid={`show-by-year-${slide.key}`}
            >
              Show this chart by year
            </button>
          )}
        </div>
      )}
    </div>
  );
}
