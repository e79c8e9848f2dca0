const numberFormat = new Intl.NumberFormat('en-GB');

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : numberFormat.format(value);
}

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** An indicator value in its unit: percentages and rates to 1 decimal place (domain.md §3.2). */
export function formatValue(value: number | null | undefined, unit: 'count' | 'percent' | 'days' | 'score'): string {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'days':
      return `${oneDecimal.format(value)} days`;
    case 'score':
      return oneDecimal.format(value);
    default:
      return numberFormat.format(value);
  }
}

/** Values a measure cannot go beyond, for its chart's limit lines (a percentage stays within 0–100). */
export function axisBounds(unit: Unit): { min?: number; max?: number } | undefined {
  if (unit === 'percent') return { min: 0, max: 100 };
  return unit === 'score' ? undefined : { min: 0 };
}

export const UNIT_AXIS_LABELS: Record<'count' | 'percent' | 'days' | 'score', string> = {
  count: 'Number',
  percent: 'Per cent',
  days: 'Days',
  score: 'Points on the scale',
};

type Unit = 'count' | 'percent' | 'days' | 'score';

interface Figure {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** The count a figure rests on, in words ("4 of 6", "median of 1,464", "mean of 1,222"), or null for a count. */
export function countText(point: Figure, unit: Unit): string | null {
  if (point.value === null || point.denominator === null || point.denominator === undefined) return null;
  if (unit === 'percent' && point.numerator !== null && point.numerator !== undefined) {
    return `${formatNumber(point.numerator)} of ${formatNumber(point.denominator)}`;
  }
  if (unit === 'days') return `median of ${formatNumber(point.denominator)}`;
  if (unit === 'score') return `mean of ${formatNumber(point.denominator)}`;
  return null;
}

/**
 * A figure with the count it rests on, so a small number is never hidden behind a percentage:
 * "66.7% — 4 of 6", "7.0 days — median of 1,464", "1.0 — mean of 1,222". Counts are as they are.
 */
export function formatWithCount(point: Figure, unit: Unit): string {
  const count = countText(point, unit);
  return count ? `${formatValue(point.value, unit)} — ${count}` : formatValue(point.value, unit);
}

/**
 * A change between two periods in words: "up 2.1 points on 2024-25 Q3 (58.0%)", "the same as …" when
 * the change rounds away, "no earlier figure" without one, and "too few to compare with …" when either
 * figure rests on fewer cases than `minDenominator` (a change of 66.7 points on 4 of 6 means nothing).
 */
export function describeChange(
  unit: Unit,
  latest: Figure,
  earlier: (Figure & { label: string }) | undefined,
  minDenominator: number | null = null,
): string {
  if (!earlier || earlier.value === null || latest.value === null) return 'no earlier figure';
  const small = (f: Figure) =>
    minDenominator !== null && f.denominator !== null && f.denominator !== undefined && f.denominator < minDenominator;
  if (small(latest) || small(earlier)) {
    return `too few to compare with ${earlier.label} (${formatWithCount(earlier, unit)})`;
  }
  const then = formatValue(earlier.value, unit);
  if (formatValue(latest.value, unit) === then) return `the same as ${earlier.label} (${then})`;
  const change = latest.value - earlier.value;
  const size =
    unit === 'percent' ? `${formatValue(Math.abs(change), 'score')} points` : formatValue(Math.abs(change), unit);
  return `${change > 0 ? 'up' : 'down'} ${size} on ${earlier.label} (${then})`;
}

/** A moment (ISO date and time) as the UK writes it, in local time: "07/12/2026 at 09:30". */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${d.toLocaleDateString('en-GB')} at ${time}`;
}
