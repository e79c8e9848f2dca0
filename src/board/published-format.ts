import type { Unit } from '../indicators/indicator-definition';
import { SUPPRESSED } from '../indicators/suppression';
import { formatNumber, formatValue } from '../shared/format';
import type { FigurePoint } from './pack-figures';

/** A published value: `c` when withheld, "–" when there is none. */
export function shownValue(point: FigurePoint | undefined, unit: Unit): string {
  if (!point) return '–';
  return point.suppressed ? SUPPRESSED : formatValue(point.value, unit);
}

/** A published count: `c` when hidden. */
export function shownCount(value: number | null, hidden: boolean): string {
  return hidden ? SUPPRESSED : formatNumber(value);
}

/** What a published value rests on ("262 of 441", "median of 1,464"), with `c` for a hidden count. */
export function shownBasis(point: FigurePoint | undefined, unit: Unit): string | null {
  if (!point || point.denominator === null) {
    if (!point?.denominatorHidden) return null;
  }
  const denominator = shownCount(point?.denominator ?? null, point?.denominatorHidden ?? false);
  if (unit === 'percent')
    return `${shownCount(point?.numerator ?? null, point?.numeratorHidden ?? false)} of ${denominator}`;
  if (unit === 'days') return `median of ${denominator}`;
  if (unit === 'score') return `mean of ${denominator}`;
  return null;
}
