/** Reporting periods. UK public-sector years run 1 April – 31 March; quarters Q1 = Apr–Jun … Q4 = Jan–Mar. */
export type Granularity = 'month' | 'quarter' | 'year';

export const GRANULARITY_MONTHS: Record<Granularity, number> = { month: 1, quarter: 3, year: 12 };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) throw new Error(`Not an ISO date: ${iso}`);
  return { year, month, day };
}

/** Financial year starting in April of `startYear`: "2024-25". */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function financialYearOf(iso: string): number {
  const { year, month } = parts(iso);
  return month >= 4 ? year : year - 1;
}

/** Label of the period that starts on `startIso`: "Apr 2024", "2024-25 Q1", "2024-25". */
export function periodLabel(granularity: Granularity, startIso: string): string {
  const { year, month } = parts(startIso);
  if (granularity === 'month') return `${MONTHS[month - 1]} ${year}`;
  const fy = financialYearOf(startIso);
  if (granularity === 'year') return financialYearLabel(fy);
  const quarter = Math.floor(((month + 8) % 12) / 3) + 1;
  return `${financialYearLabel(fy)} Q${quarter}`;
}

/** dd/mm/yyyy, the UK display format. */
export function formatUkDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
