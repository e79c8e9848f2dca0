import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from './indicator-definition';
import { indicatorSpc, type SeriesPoint, warmUpSpan } from './indicator-spc';
import { narrative, trendPhrase, unjudged, valueInWords, yearOnYear } from './narrative';
import { getIndicator } from './registry';
import { DEFAULT_SETTINGS } from './settings';

/** Quarterly percentages: numerator = value × denominator / 100 (denominators 200 unless given). */
function quarters(values: readonly number[], denominators?: readonly number[]): SeriesPoint[] {
  return values.map((value, i) => {
    const start = new Date(Date.UTC(2022, 3 + 3 * i, 1));
    const end = new Date(Date.UTC(2022, 6 + 3 * i, 0));
    const denominator = denominators?.[i] ?? 200;
    return {
      label: `Q${i + 1}`,
      periodStart: start.toISOString().slice(0, 10),
      periodEnd: end.toISOString().slice(0, 10),
      partial: false,
      value,
      numerator: Math.round((value * denominator) / 100),
      denominator,
    };
  });
}

const up: IndicatorDefinition = { ...getIndicator('EH3'), title: 'Closures with needs met', direction: 'up' };
const neutral: IndicatorDefinition = { ...up, title: 'Stepped up to social care', direction: 'neutral' };
const steady = [60, 62, 61, 59, 60, 62, 61, 60, 59, 61, 60, 62, 61, 60, 59, 61];

function say(
  indicator: IndicatorDefinition,
  values: readonly number[],
  options: { target?: number | null; denominators?: readonly number[]; suppressed?: boolean } = {},
): string {
  const points = quarters(values, options.denominators);
  const spc = indicatorSpc(indicator, { granularity: 'quarter', points }, { target: options.target ?? null });
  const latestIndex = points.length - 1;
  return narrative({
    indicator,
    granularity: 'quarter',
    latest: points[latestIndex],
    latestIndex,
    spc,
    target: options.target ?? null,
    suppressed: options.suppressed ?? false,
  });
}

describe('narrative: plain English that never overstates', () => {
  it('says a common-cause figure is within the expected range, with its count', () => {
    const text = say(up, steady);
    expect(text).toContain('Closures with needs met: 61.0% (122 of 200) in Q16.');
    expect(text).toContain('within the range expected from recent quarters');
    expect(text).not.toMatch(/improv|deteriorat|better|worse/);
  });

  it('calls a point beyond the limits in the good direction an improvement, and only then', () => {
    expect(say(up, [...steady, 75])).toContain('beyond the range expected from recent quarters: a real improvement');
    expect(say(up, [...steady, 45])).toContain('a real deterioration');
    // The same jump on an indicator with no direction of good is only "unusually high".
    const high = say(neutral, [...steady, 75]);
    expect(high).toContain('unusually high');
    expect(high).not.toMatch(/improv|deteriorat/);
  });

  it('names the rule: a trend, two of three near the limit, a run on one side', () => {
    const rising = [...steady, 59, 59.5, 60, 60.5, 61, 61.5, 62];
    expect(say(up, rising)).toContain('run of seven or more quarters each better than the one before');
    const run = [...steady, 63, 62.5, 63, 62.5, 63, 62.5, 63];
    expect(say(up, run)).toContain('seven or more quarters in a row on the better side of the average');
    const nearEdge = [...steady, 64.5, 61, 64.5];
    expect(say(up, nearEdge)).toContain('Two of the last three quarters are near the edge');
  });

  it('claims no change on a run chart (too few periods)', () => {
    const text = say(up, [60, 75, 90]);
    expect(text).toContain('no change is claimed');
    expect(text).not.toMatch(/improv|a real/);
  });

  it('claims no change when the latest figure rests on fewer cases than the minimum', () => {
    const text = say(up, [...steady, 90], { denominators: [...steady.map(() => 200), 6] });
    expect(text).toContain('rests on only 6 cases');
    expect(text).toContain('no change is claimed');
    expect(text).not.toMatch(/improv/);
  });

  it('says whether a target will be met, from the assurance type', () => {
    expect(say(up, steady, { target: 65 })).toContain('The 65.0% target will not be met reliably without a change.');
    expect(say(up, steady, { target: 50 })).toContain('The 50.0% target will be met reliably if nothing changes.');
    expect(say(up, steady, { target: 61 })).toContain('met in some quarters and missed in others');
    expect(say(up, [60, 75, 90], { target: 65 })).toContain('cannot be judged yet');
    // No direction of good: no target sentence.
    expect(say(neutral, steady, { target: 65 })).not.toContain('target');
  });

  it('says nothing about a suppressed figure beyond that it is hidden', () => {
    const text = say(up, steady, { suppressed: true });
    expect(text).toContain('not shown');
    expect(text).not.toMatch(/\d+\.\d%|of 200|range/);
  });

  it('writes values with the counts they rest on', () => {
    expect(valueInWords({ label: 'Q1', value: 59.4, numerator: 262, denominator: 441 }, 'percent')).toBe(
      '59.4% (262 of 441)',
    );
    expect(valueInWords({ label: 'Q1', value: 7, numerator: null, denominator: 1464 }, 'days')).toBe(
      '7.0 days (the median of 1,464)',
    );
    expect(valueInWords({ label: 'Q1', value: 1234, numerator: 1234, denominator: null }, 'count')).toBe('1,234');
  });
});

describe('trendPhrase: the judgement in a few words', () => {
  const phrase = (indicator: IndicatorDefinition, values: readonly number[], suppressed = false) => {
    const points = quarters(values);
    const spc = indicatorSpc(indicator, { granularity: 'quarter', points });
    const latestIndex = points.length - 1;
    return trendPhrase({
      indicator,
      granularity: 'quarter',
      latest: points[latestIndex],
      latestIndex,
      spc,
      target: null,
      suppressed,
    });
  };
  it('says improving only with special cause in the good direction', () => {
    expect(phrase(up, steady)).toBe('No significant change');
    expect(phrase(up, [...steady, 75])).toBe('Improving: beyond the expected range');
    expect(phrase(up, [...steady, 45])).toBe('Deteriorating: beyond the expected range');
    expect(phrase(neutral, [...steady, 75])).toBe('Unusually high: beyond the expected range');
    expect(phrase(up, [60, 75, 90])).toBe('Too few periods to judge');
    expect(phrase(up, steady, true)).toBe('Not shown: small numbers');
  });
});

describe('yearOnYear: a yearly report row, with no judgement it cannot make', () => {
  const input = (values: readonly number[], suppressed = false) => {
    const points = quarters(values);
    const spc = indicatorSpc(up, { granularity: 'year', points });
    const latestIndex = points.length - 1;
    return {
      points,
      words: {
        indicator: up,
        granularity: 'year' as const,
        latest: points[latestIndex],
        latestIndex,
        spc,
        target: null,
        suppressed,
      },
    };
  };

  it('gives the year against the year before, and leaves the "too few years" to be said once', () => {
    const { points, words } = input([55, 60, 58.5]);
    // 58.5% of 200 = 117; 60% of 200 = 120.
    expect(yearOnYear(words, points[1], false)).toBe('Down 1.5 percentage points on Q2.');
    expect(unjudged(words)).toBe(true);
  });

  it('keeps a judgement where there are enough years for one', () => {
    const { points, words } = input([...steady, 75]);
    const text = yearOnYear(words, points[15], false);
    expect(text).toMatch(/^Up 14\.0 percentage points on Q16\. /);
    expect(text).toContain('a real improvement');
    expect(unjudged(words)).toBe(false);
  });

  it('says the year before is hidden, and nothing of a hidden figure', () => {
    const { points, words } = input([55, 60, 58.5]);
    expect(yearOnYear(words, points[1], true)).toBe('Q2 is not shown (small numbers), so no change is given.');
    const hidden = input([55, 60, 58.5], true).words;
    expect(yearOnYear(hidden, points[1], false)).toMatch(/^Not shown/);
    expect(unjudged(hidden)).toBe(false);
  });

  it('gives no change on a year before that was still filling from the start of the data', () => {
    const tr4 = getIndicator('TR4');
    // Data from 01/04/2022: TR4's 36 months fill for the year ending 31/03/2025, not the one before.
    const points = quarters([20, 35, 38]).map((p, i) => ({
      ...p,
      label: ['2023-24', '2024-25', '2025-26'][i] as string,
      periodEnd: ['2024-03-31', '2025-03-31', '2026-03-31'][i] as string,
    }));
    const warmUp = warmUpSpan(tr4, '2023-04-01', DEFAULT_SETTINGS);
    const spc = indicatorSpc(tr4, { granularity: 'year', points }, { warmUp });
    const words = (latestIndex: number) => ({
      indicator: tr4,
      granularity: 'year' as const,
      latest: points[latestIndex],
      latestIndex,
      spc,
      target: null,
      suppressed: false,
    });
    // 01/04/2023 + 36 months − 1 day = 31/03/2026: only 2025-26 has filled.
    expect(yearOnYear(words(2), points[1], false)).toBe(
      '2024-25 was still filling from the start of the data, so no change is given.',
    );
    expect(yearOnYear(words(1), points[0], false)).toBe(
      'Still filling from the start of the data: no change is given or judged.',
    );
  });

  it('gives counts with the change as a percentage, and the same figure as the same', () => {
    const count = getIndicator('EH1');
    const at = (values: number[]) =>
      values.map((value, i) => ({ label: `Y${i + 1}`, value, numerator: value, denominator: null }));
    const spc = indicatorSpc(count, { granularity: 'year', points: quarters([1464, 1739]) });
    const words = (values: number[]) => ({
      indicator: count,
      granularity: 'year' as const,
      latest: at(values)[1],
      latestIndex: 1,
      spc,
      target: null,
      suppressed: false,
    });
    // 1,739 − 1,464 = 275; 275 / 1,464 = 18.78…%.
    expect(yearOnYear(words([1464, 1739]), at([1464, 1739])[0], false)).toBe('Up 275 (18.8%) on Y1.');
    expect(yearOnYear(words([1464, 1464]), at([1464, 1464])[0], false)).toBe('The same as in Y1.');
    expect(yearOnYear(words([0, 3]), at([0, 3])[0], false)).toBe('Up 3 on Y1.');
  });
});
