import { describe, expect, it } from 'vitest';
import { indicatorSpc } from '../indicators/indicator-spc';
import type { Granularity } from '../indicators/periods';
import { getIndicator } from '../indicators/registry';
import { autoGranularity, hiddenShare, itemPeriods, mostlyHidden, outcomeAt } from './item-figures';
import type { FigurePoint, IndicatorFigures } from './pack-figures';

/** A published point: a percentage of `n` out of 10, or `c` when hidden. */
function point(label: string, n: number | 'c', partial = false): FigurePoint {
  const hidden = n === 'c';
  return {
    label,
    periodStart: '2025-04-01',
    periodEnd: '2025-06-30',
    effectiveEnd: '2025-06-30',
    partial,
    value: hidden ? null : n * 10,
    numerator: hidden ? null : n,
    denominator: hidden ? null : 10,
    suppressed: hidden,
    numeratorHidden: hidden,
    denominatorHidden: false,
  };
}

const quarters = ['c', 'c', 7, 'c', 'c', 6, 'c', 8, 'c'].map((n, i) => point(`Q${i + 1}`, n as number | 'c'));
const years = [7, 6, 8].map((n, i) => point(`Y${i + 1}`, n));
const months = Array.from({ length: 27 }, (_, i) => point(`M${i + 1}`, 'c'));

function aq2(shown: Granularity, published: Map<Granularity, FigurePoint[]>): IndicatorFigures {
  const indicator = getIndicator('AQ2');
  const points = published.get(shown) as FigurePoint[];
  return {
    status: 'ok',
    indicator,
    granularity: shown,
    points,
    spc: indicatorSpc(indicator, { granularity: shown, points }),
    latestIndex: points.length - 1,
    target: null,
    narrative: '',
    trend: '',
    yearOnYear: '',
    unjudged: false,
    warmUpSpan: null,
    reportDate: '2026-06-30',
    published,
  };
}

describe('an item at its own periods', () => {
  const published = new Map<Granularity, FigurePoint[]>([
    ['month', months],
    ['quarter', quarters],
    ['year', years],
  ]);

  it('counts the complete periods hidden, leaving out the unfinished one', () => {
    expect(hiddenShare([...quarters, point('Q10', 'c', true)])).toEqual({ periods: 9, hidden: 6 });
  });

  it('calls a series mostly hidden when more than half of its periods are', () => {
    expect(mostlyHidden(quarters)).toBe(true);
    expect(mostlyHidden(years)).toBe(false);
    // Half exactly is not "more than half".
    expect(mostlyHidden([point('a', 'c'), point('b', 5)])).toBe(false);
    expect(mostlyHidden([])).toBe(false);
  });

  it('re-describes the indicator from the published series of the periods asked for', () => {
    const byYear = outcomeAt(aq2('quarter', published), 'year');
    expect(byYear).toMatchObject({ status: 'ok', granularity: 'year', latestIndex: 2 });
    if (byYear?.status !== 'ok') throw new Error('expected figures');
    expect(byYear.points).toBe(years);
    expect(byYear.narrative).toContain('80.0% (8 of 10)');
    expect(byYear.spc.points).toHaveLength(3);
  });

  it('keeps the indicator’s warm-up at other periods, though none of the pack’s fell in it', () => {
    const figures = { ...aq2('year', published), warmUpSpan: { filledFrom: '2025-09-30', note: 'Still filling.' } };
    expect(figures.spc.warmUp).toBeNull();
    const byQuarter = outcomeAt(figures, 'quarter');
    if (byQuarter?.status !== 'ok') throw new Error('expected figures');
    // Every quarter here ends on 30/06/2025, before the figure has filled: drawn, none judged.
    expect(byQuarter.spc.warmUp?.points).toBe(quarters.length);
    expect(byQuarter.spc.points.every((p) => p.type === null)).toBe(true);
  });

  it('is not worked out when those periods were not published with the pack (suppression off)', () => {
    const onlyQuarters = aq2('quarter', new Map([['quarter', quarters]]));
    expect(outcomeAt(onlyQuarters, 'year')).toBeNull();
    expect(autoGranularity(onlyQuarters, 'quarter')).toBe('quarter');
  });

  it('chooses, from the pack’s periods towards years, the first not mostly hidden', () => {
    expect(autoGranularity(aq2('quarter', published), 'quarter')).toBe('year');
    expect(autoGranularity(aq2('month', published), 'month')).toBe('year');
    const mostlyShown = new Map(published).set(
      'quarter',
      quarters.map((p) => (p.suppressed ? point(p.label, 5) : p)),
    );
    expect(autoGranularity(aq2('quarter', mostlyShown), 'quarter')).toBe('quarter');
    expect(itemPeriods(aq2('quarter', published), undefined, 'quarter')).toBe('quarter');
    expect(itemPeriods(aq2('quarter', published), 'auto', 'quarter')).toBe('year');
    expect(itemPeriods(aq2('quarter', published), 'month', 'quarter')).toBe('month');
  });

  it('shows years when every choice is mostly hidden', () => {
    const allHidden = new Map(published).set(
      'year',
      years.map((p) => point(p.label, 'c')),
    );
    expect(autoGranularity(aq2('quarter', allHidden), 'quarter')).toBe('year');
  });
});
