import type { IndicatorDefinition } from '../indicators/indicator-definition';
import type { IndicatorSpc } from '../indicators/indicator-spc';
import { POINT_TYPE_LABELS } from '../indicators/spc';
import { SUPPRESSED } from '../indicators/suppression';
import type { CsvValue } from '../shared/csv';
import type { FigurePoint } from './pack-figures';

/** A period as shown (the hidden flags absent) or as published by the board pack. */
export type TablePoint = Omit<FigurePoint, 'suppressed' | 'numeratorHidden' | 'denominatorHidden'> &
  Partial<Pick<FigurePoint, 'suppressed' | 'numeratorHidden' | 'denominatorHidden'>>;

const HEADER = [
  'indicator_id',
  'indicator',
  'period',
  'from',
  'to',
  'complete',
  'numerator',
  'denominator',
  'value',
  'unit',
  'variation',
];

/** A value as published statistics write it: `c` withheld, `x` not available, rates to 1 decimal place. */
function published(value: number | null, hidden: boolean, unit: IndicatorDefinition['unit']): CsvValue {
  if (hidden) return SUPPRESSED;
  if (value === null) return 'x';
  return unit === 'count' ? value : Math.round(value * 10) / 10;
}

/**
 * An indicator's table as CSV rows (tidy: one row per period, a header row first), for the safe writer.
 * Dates are ISO (yyyy-mm-dd), which Excel reads as dates whatever its locale.
 */
export function indicatorCsvRows(
  indicator: IndicatorDefinition,
  points: readonly TablePoint[],
  spc: Pick<IndicatorSpc, 'points'>,
): CsvValue[][] {
  const countUnit = indicator.unit === 'days' ? 'days' : 'count';
  const rows: CsvValue[][] = [HEADER];
  points.forEach((p, i) => {
    const type = spc.points[i]?.type;
    const judged = !p.partial && !p.suppressed && p.value !== null;
    rows.push([
      indicator.id,
      indicator.title,
      p.label,
      p.periodStart,
      p.effectiveEnd,
      p.partial ? 'no' : 'yes',
      indicator.denominator ? published(p.numerator, p.numeratorHidden ?? false, countUnit) : 'z',
      indicator.denominator ? published(p.denominator, p.denominatorHidden ?? false, 'count') : 'z',
      published(p.value, p.suppressed ?? false, indicator.unit),
      indicator.unit,
      judged && type ? POINT_TYPE_LABELS[type] : '',
    ]);
  });
  return rows;
}
