import type { IndicatorDefinition } from '../indicators/indicator-definition';
import type { IndicatorSpc } from '../indicators/indicator-spc';
import { POINT_TYPE_LABELS } from '../indicators/spc';
import type { CsvValue } from '../shared/csv';
import { countMarker, type FigurePoint, type Marker, valueMarker } from './publish';

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

/** A figure as published statistics write it: a marker (publish.ts) or a number, rates to 1 decimal place. */
function published(value: number | null, marker: Marker | null, unit: IndicatorDefinition['unit']): CsvValue {
  if (marker !== null || value === null) return marker ?? 'x';
  return unit === 'count' ? value : Math.round(value * 10) / 10;
}

/**
 * An indicator's table as CSV rows (tidy: one row per period, a header row first), for the safe writer.
 * Dates are ISO (yyyy-mm-dd), which Excel reads as dates whatever its locale.
 */
export function indicatorCsvRows(
  indicator: IndicatorDefinition,
  points: readonly TablePoint[],
  spc: Pick<IndicatorSpc, 'points' | 'target'>,
): CsvValue[][] {
  const countUnit = indicator.unit === 'days' ? 'days' : 'count';
  // The partnership's target, when it has one: each period's own (a trajectory's step), never hidden.
  const target = spc.target?.line ?? null;
  const rows: CsvValue[][] = [target ? [...HEADER, 'target'] : HEADER];
  points.forEach((p, i) => {
    const type = spc.points[i]?.type;
    const judged = !p.partial && !p.suppressed && p.value !== null;
    const hidden = { numerator: p.numeratorHidden ?? false, denominator: p.denominatorHidden ?? false };
    rows.push([
      indicator.id,
      indicator.title,
      p.label,
      p.periodStart,
      p.effectiveEnd,
      p.partial ? 'no' : 'yes',
      indicator.denominator ? published(p.numerator, countMarker(p.numerator, hidden.numerator, true), countUnit) : 'z',
      indicator.denominator
        ? published(p.denominator, countMarker(p.denominator, hidden.denominator, true), 'count')
        : 'z',
      published(p.value, valueMarker({ ...p, suppressed: p.suppressed ?? false }), indicator.unit),
      indicator.unit,
      judged && type ? POINT_TYPE_LABELS[type] : '',
      ...(target ? [target[i] ?? ''] : []),
    ]);
  });
  return rows;
}
