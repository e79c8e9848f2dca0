import { describe, expect, it } from 'vitest';
import { describeChange, formatValue } from './format';

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
});
