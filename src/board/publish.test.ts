import { describe, expect, it } from 'vitest';
import { asFigurePoint, countMarker, valueMarker } from './publish';

const point = asFigurePoint({
  label: '2024-25 Q1',
  periodStart: '2024-04-01',
  periodEnd: '2024-06-30',
  effectiveEnd: '2024-06-30',
  partial: false,
  value: null,
  numerator: 0,
  denominator: 0,
});

describe('the DfE markers every published output writes', () => {
  it('a value: c withheld, z a rate over nothing, x not available, none for a number', () => {
    expect(valueMarker({ ...point, suppressed: true, denominator: null })).toBe('c');
    expect(valueMarker(point)).toBe('z');
    expect(valueMarker({ ...point, denominator: 12 })).toBe('x');
    expect(valueMarker({ ...point, value: 0, denominator: 12 })).toBeNull();
  });

  it('a count: c hidden, z where the indicator has no such count, x not available', () => {
    expect(countMarker(null, true, true)).toBe('c');
    expect(countMarker(null, false, false)).toBe('z');
    expect(countMarker(null, false, true)).toBe('x');
    expect(countMarker(0, false, true)).toBeNull();
  });

  it('a point outside what is protected has nothing hidden', () => {
    expect([point.suppressed, point.numeratorHidden, point.denominatorHidden]).toEqual([false, false, false]);
  });
});
