import { describe, expect, it } from 'vitest';
import { describeChange, formatValue, formatWithCount } from './format';

describe('describing a change in words', () => {
  it('percentages change by points, to 1 decimal place', () => {
    expect(describeChange('percent', { value: 59.4 }, { value: 63.0, label: '2026-27 Q1' })).toBe(
      'down 3.6 points on 2026-27 Q1 (63.0%)',
    );
  });
  it('a change that rounds away is no change', () => {
    expect(describeChange('percent', { value: 50.01 }, { value: 49.99, label: 'Q1' })).toBe('the same as Q1 (50.0%)');
  });
  it('counts and days in their own units; nothing to compare with says so', () => {
    expect(describeChange('count', { value: 416 }, { value: 430, label: 'Q1' })).toBe('down 14 on Q1 (430)');
    expect(describeChange('days', { value: 9 }, { value: 7, label: 'Q1' })).toBe('up 2.0 days on Q1 (7.0 days)');
    expect(describeChange('count', { value: 1 }, undefined)).toBe('no earlier figure');
    expect(describeChange('count', { value: 1 }, { value: null, label: 'Q1' })).toBe('no earlier figure');
  });
  it('values format with their unit', () => {
    expect(formatValue(12.345, 'percent')).toBe('12.3%');
    expect(formatValue(null, 'count')).toBe('–');
  });

  it('says a change rests on too few cases rather than reporting it', () => {
    const latest = { value: 66.7, numerator: 4, denominator: 6 };
    const earlier = { value: 0, numerator: 0, denominator: 3, label: '2025-26 Q4' };
    expect(describeChange('percent', latest, earlier, 10)).toBe('too few to compare with 2025-26 Q4 (0.0% — 0 of 3)');
    expect(describeChange('percent', latest, earlier, null)).toBe('up 66.7 points on 2025-26 Q4 (0.0%)');
    expect(
      describeChange(
        'percent',
        { value: 50, numerator: 20, denominator: 40 },
        { ...earlier, value: 40, denominator: 50 },
        10,
      ),
    ).toBe('up 10.0 points on 2025-26 Q4 (40.0%)');
  });
});

describe('formatWithCount', () => {
  it('puts the count beside every percentage, median and mean', () => {
    expect(formatWithCount({ value: 66.6667, numerator: 4, denominator: 6 }, 'percent')).toBe('66.7% — 4 of 6');
    expect(formatWithCount({ value: 7, numerator: null, denominator: 1464 }, 'days')).toBe(
      '7.0 days — median of 1,464',
    );
    expect(formatWithCount({ value: 1.01, numerator: 1234, denominator: 1222 }, 'score')).toBe('1.0 — mean of 1,222');
    expect(formatWithCount({ value: 416, numerator: 416, denominator: null }, 'count')).toBe('416');
    expect(formatWithCount({ value: null, numerator: 0, denominator: 0 }, 'percent')).toBe('–');
  });
});
