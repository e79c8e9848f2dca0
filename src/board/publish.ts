import type { IndicatorDefinition } from '../indicators/indicator-definition';
import { indicatorSpc, type WarmUpSpan } from '../indicators/indicator-spc';
import type { Granularity } from '../indicators/periods';
import { SUPPRESSED } from '../indicators/suppression';

/**
 * The one publishing path. Whatever the tool publishes — the board summary, slides, PDF and PowerPoint,
 * an area page's downloads, the command line's `--suppress` output, the yearly report — takes its figures
 * from `packFigures` (pack-figures.ts) (every indicator at month, quarter and year and every area view, protected together
 * as one disclosure problem), draws SPC from the published values alone, and writes the DfE's markers by
 * the rules below. So no output judges or shows what another hides.
 */

/** A period of an indicator as published: hidden counts taken out, and flags saying which. */
export interface FigurePoint {
  label: string;
  periodStart: string;
  periodEnd: string;
  effectiveEnd: string;
  partial: boolean;
  /** Null when hidden or not available; `suppressed` says which. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The value is withheld (its numerator or denominator is a hidden count). */
  suppressed: boolean;
  numeratorHidden: boolean;
  denominatorHidden: boolean;
}

/** The DfE's symbols for a published figure that is not a number: withheld, not available, not applicable. */
export type Marker = typeof SUPPRESSED | 'x' | 'z';

/** A published value's marker, or null when it is a number: `z` for a rate over nothing. */
export function valueMarker(point: Pick<FigurePoint, 'value' | 'suppressed' | 'denominator'>): Marker | null {
  if (point.suppressed) return SUPPRESSED;
  if (point.value !== null) return null;
  return point.denominator === 0 ? 'z' : 'x';
}

/** A published count's marker, or null when it is a number: `z` where the indicator has no such count. */
export function countMarker(count: number | null, hidden: boolean, applicable: boolean): Marker | null {
  if (hidden) return SUPPRESSED;
  if (count !== null) return null;
  return applicable ? 'x' : 'z';
}

/**
 * SPC of published points: a suppressed point carries no value, so neither the centre line nor the
 * limits can be worked back to a hidden count.
 */
export function publishedSpc(
  indicator: IndicatorDefinition,
  granularity: Granularity,
  points: readonly FigurePoint[],
  options: Parameters<typeof indicatorSpc>[2] & { warmUp: WarmUpSpan | null },
) {
  return indicatorSpc(indicator, { granularity, points }, options);
}

/** A point with nothing hidden: one of a series its counts are not protected in. */
export function asFigurePoint(
  point: Omit<FigurePoint, 'suppressed' | 'numeratorHidden' | 'denominatorHidden'>,
): FigurePoint {
  const { label, periodStart, periodEnd, effectiveEnd, partial, value, numerator, denominator } = point;
  return {
    label,
    periodStart,
    periodEnd,
    effectiveEnd,
    partial,
    value,
    numerator,
    denominator,
    suppressed: false,
    numeratorHidden: false,
    denominatorHidden: false,
  };
}
