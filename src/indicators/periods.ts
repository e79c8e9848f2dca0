/**
 * Reporting periods. UK public-sector years run 1 April – 31 March (quarters Q1 = Apr–Jun … Q4 = Jan–Mar);
 * school (academic) years run 1 September – 31 August; a rolling 12-month period ends at each month end.
 */
export type Granularity = 'month' | 'quarter' | 'year' | 'academic_year' | 'rolling_12';

export const GRANULARITIES: readonly Granularity[] = ['month', 'quarter', 'year', 'academic_year', 'rolling_12'];

export const GRANULARITY_LABELS: Record<Granularity, string> = {
  month: 'Month',
  quarter: 'Financial quarter',
  year: 'Financial year (April–March)',
  academic_year: 'Academic year (September–August)',
  rolling_12: 'Rolling 12 months',
};

/** A period in words, one and many ("quarter", "quarters"), for sentences and choices. */
export const PERIOD_NOUNS: Readonly<Record<Granularity, { one: string; many: string }>> = {
  month: { one: 'month', many: 'months' },
  quarter: { one: 'quarter', many: 'quarters' },
  year: { one: 'year', many: 'years' },
  academic_year: { one: 'academic year', many: 'academic years' },
  rolling_12: { one: '12-month period', many: '12-month periods' },
};

export interface Period {
  /** ISO date of the first day. */
  start: string;
  /** ISO date of the last day. */
  end: string;
  /** The last day measured: the period end, or the report date when it falls inside the period. */
  effectiveEnd: string;
  label: string;
  /** True when the report date falls before the end of the period. */
  partial: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** More periods than this is a mistake in the inputs (e.g. a date in 1900), not a chart anyone can read. */
export const MAX_PERIODS = 1200;

function parts(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Month arithmetic on (year, month 1–12). */
function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function lastDayOf(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoOf(year, month, days);
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Financial year starting in April of `startYear`: "2024-25". */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function financialYearOf(iso: string): number {
  const { year, month } = parts(iso);
  return month >= 4 ? year : year - 1;
}

export function academicYearOf(iso: string): number {
  const { year, month } = parts(iso);
  return month >= 9 ? year : year - 1;
}

/** Academic year starting in September of `startYear`: "2024/25 academic year". */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')} academic year`;
}

/** The first day of the period of this granularity that contains `iso`. */
export function periodStartOf(granularity: Granularity, iso: string): string {
  const { year, month } = parts(iso);
  switch (granularity) {
    case 'month':
    case 'rolling_12':
      return isoOf(year, month, 1);
    case 'quarter': {
      const first = month - ((month - 1) % 3);
      return isoOf(year, first, 1);
    }
    case 'year':
      return isoOf(financialYearOf(iso), 4, 1);
    case 'academic_year':
      return isoOf(academicYearOf(iso), 9, 1);
  }
}

/** Label of the period: "Apr 2024", "2024-25 Q1", "2024-25", "2024/25 academic year", "12 months to Mar 2025". */
export function periodLabel(granularity: Granularity, startIso: string, endIso?: string): string {
  const { year, month } = parts(startIso);
  switch (granularity) {
    case 'month':
      return `${MONTHS[month - 1]} ${year}`;
    case 'quarter': {
      const quarter = Math.floor(((month + 8) % 12) / 3) + 1;
      return `${financialYearLabel(financialYearOf(startIso))} Q${quarter}`;
    }
    case 'year':
      return financialYearLabel(financialYearOf(startIso));
    case 'academic_year':
      return academicYearLabel(academicYearOf(startIso));
    case 'rolling_12': {
      const end = parts(endIso ?? startIso);
      return `12 months to ${MONTHS[end.month - 1]} ${end.year}`;
    }
  }
}

const MONTHS_PER_STEP: Record<Granularity, number> = {
  month: 1,
  quarter: 3,
  year: 12,
  academic_year: 12,
  rolling_12: 1,
};

/**
 * The periods from the one containing `from` to the one containing `reportDate`. The last is cut at the
 * report date and marked partial when the report date falls before its end. A rolling 12-month period
 * ends at each month end from the month containing `from`; its first month is 11 months earlier.
 */
export function buildPeriods(granularity: Granularity, from: string, reportDate: string): Period[] {
  if (!isIsoDate(from) || !isIsoDate(reportDate)) throw new Error(`Dates must be YYYY-MM-DD: ${from}, ${reportDate}`);
  if (from > reportDate) return [];
  const step = MONTHS_PER_STEP[granularity];
  const first = parts(periodStartOf(granularity, from));
  const periods: Period[] = [];
  for (let i = 0; ; i += 1) {
    const startYm = shiftMonth(first.year, first.month, i * step);
    const lastYm = shiftMonth(startYm.year, startYm.month, step - 1);
    let start = isoOf(startYm.year, startYm.month, 1);
    const end = lastDayOf(lastYm.year, lastYm.month);
    if (start > reportDate) break;
    if (granularity === 'rolling_12') {
      const windowStart = shiftMonth(startYm.year, startYm.month, -11);
      start = isoOf(windowStart.year, windowStart.month, 1);
    }
    const partial = reportDate < end;
    periods.push({
      start,
      end,
      effectiveEnd: partial ? reportDate : end,
      label: periodLabel(granularity, start, end),
      partial,
    });
    if (periods.length > MAX_PERIODS) {
      throw new Error(`More than ${MAX_PERIODS} periods from ${from} to ${reportDate}: choose a later start date.`);
    }
  }
  return periods;
}

/** dd/mm/yyyy (as UK spreadsheets write dates) or yyyy-mm-dd, as ISO; null for anything else. */
export function ukOrIsoDate(text: string): string | null {
  const trimmed = text.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = uk ? `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}` : trimmed;
  return isIsoDate(iso) ? iso : null;
}

/** dd/mm/yyyy, the UK display format. */
export function formatUkDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** GOV.UK style: "4 June 2017". */
export function formatLongDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** ISO date `days` days after `iso` (negative for before). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO date `months` calendar months after `iso` (day clipped to the month's last day, like DuckDB). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parts(iso);
  const ym = shiftMonth(year, month, months);
  const last = Number(lastDayOf(ym.year, ym.month).slice(8));
  return isoOf(ym.year, ym.month, Math.min(day, last));
}

/** The end of the last finished period before the report date (or the report date if a period ends on it). */
export function lastCompleteEnd(granularity: Granularity, reportDate: string): string {
  const current = buildPeriods(granularity, reportDate, reportDate)[0];
  return current?.partial ? addDays(current.start, -1) : reportDate;
}
