import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAYS_ENGLAND_WALES } from './bank-holidays';
import { addDays, addMonths, buildPeriods, periodLabel, periodStartOf } from './periods';

describe('periods', () => {
  it('financial quarters and years run from April', () => {
    expect(periodStartOf('quarter', '2025-02-14')).toBe('2025-01-01');
    expect(periodLabel('quarter', '2025-01-01')).toBe('2024-25 Q4');
    expect(periodLabel('quarter', '2024-10-01')).toBe('2024-25 Q3');
    expect(periodStartOf('year', '2025-03-31')).toBe('2024-04-01');
    expect(periodStartOf('year', '2025-04-01')).toBe('2025-04-01');
    expect(periodLabel('year', '2099-04-01')).toBe('2099-00');
  });

  it('academic years run from September', () => {
    expect(periodStartOf('academic_year', '2024-08-31')).toBe('2023-09-01');
    expect(periodStartOf('academic_year', '2024-09-01')).toBe('2024-09-01');
    expect(buildPeriods('academic_year', '2024-06-30', '2025-08-31').map((p) => [p.label, p.start, p.end])).toEqual([
      ['2023/24 academic year', '2023-09-01', '2024-08-31'],
      ['2024/25 academic year', '2024-09-01', '2025-08-31'],
    ]);
  });

  it('the last period is cut at the report date and marked partial', () => {
    const periods = buildPeriods('quarter', '2024-04-15', '2024-08-15');
    expect(periods.map((p) => [p.label, p.start, p.end, p.effectiveEnd, p.partial])).toEqual([
      ['2024-25 Q1', '2024-04-01', '2024-06-30', '2024-06-30', false],
      ['2024-25 Q2', '2024-07-01', '2024-09-30', '2024-08-15', true],
    ]);
  });

  it('rolling 12 months end at each month end, leap years included', () => {
    const periods = buildPeriods('rolling_12', '2024-01-10', '2024-03-31');
    expect(periods.map((p) => [p.label, p.start, p.end])).toEqual([
      ['12 months to Jan 2024', '2023-02-01', '2024-01-31'],
      ['12 months to Feb 2024', '2023-03-01', '2024-02-29'],
      ['12 months to Mar 2024', '2023-04-01', '2024-03-31'],
    ]);
  });

  it('refuses dates that are not real, and returns nothing for an empty range', () => {
    expect(() => buildPeriods('month', '2024-02-30', '2024-03-31')).toThrow(/YYYY-MM-DD/);
    expect(buildPeriods('month', '2024-05-01', '2024-03-31')).toEqual([]);
    expect(() => buildPeriods('month', '1900-01-01', '2024-03-31')).toThrow(/periods/);
  });

  it('adds calendar months like DuckDB (the day clipped to the month end)', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-06-30', -33)).toBe('2021-09-30');
    expect(addDays('2024-04-01', -1)).toBe('2024-03-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('England and Wales bank holidays', () => {
  const byYear = new Map<number, string[]>();
  for (const [d] of BANK_HOLIDAYS_ENGLAND_WALES) {
    const year = Number(d.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), d]);
  }

  it('covers 2015–2030 with 8 a year, and the extra days of 2022 and 2023', () => {
    for (let year = 2015; year <= 2030; year += 1) {
      const expected = year === 2022 ? 10 : year === 2023 ? 9 : 8;
      expect(byYear.get(year)?.length, String(year)).toBe(expected);
    }
  });

  it('never falls at a weekend (substitute days are used)', () => {
    for (const [d] of BANK_HOLIDAYS_ENGLAND_WALES) {
      expect([0, 6], d).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
  });

  it('matches the published GOV.UK list for sample years', () => {
    expect(byYear.get(2024)).toEqual([
      '2024-01-01',
      '2024-03-29',
      '2024-04-01',
      '2024-05-06',
      '2024-05-27',
      '2024-08-26',
      '2024-12-25',
      '2024-12-26',
    ]);
    expect(byYear.get(2020)).toContain('2020-05-08'); // VE day
    expect(byYear.get(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(byYear.get(2021)?.slice(-2)).toEqual(['2021-12-27', '2021-12-28']);
  });
});
