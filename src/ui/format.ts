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
