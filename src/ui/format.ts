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

export const UNIT_AXIS_LABELS: Record<'count' | 'percent' | 'days' | 'score', string> = {
  count: 'Number',
  percent: 'Per cent',
  days: 'Days',
  score: 'Points on the scale',
};

/**
 * A change between two periods in words: "up 2.1 points on 2024-25 Q3 (58.0%)", "the same as …" when
 * the change rounds away, "no earlier figure" without one.
 */
export function describeChange(
  unit: 'count' | 'percent' | 'days' | 'score',
  latest: { value: number | null },
  earlier: { value: number | null; label: string } | undefined,
): string {
  if (!earlier || earlier.value === null || latest.value === null) return 'no earlier figure';
  const then = formatValue(earlier.value, unit);
  if (formatValue(latest.value, unit) === then) return `the same as ${earlier.label} (${then})`;
  const change = latest.value - earlier.value;
  const size =
    unit === 'percent' ? `${formatValue(Math.abs(change), 'score')} points` : formatValue(Math.abs(change), unit);
  return `${change > 0 ? 'up' : 'down'} ${size} on ${earlier.label} (${then})`;
}
