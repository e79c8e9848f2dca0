import { describe, expect, it } from 'vitest';
import { choiceLabel, comparisonSentence, measureLabel } from '../../src/benchmarks/comparison-words';
import { knownLabel, measureName, wordsOf } from '../../src/benchmarks/measure-names';
import { measureScale, rateBeside } from '../../src/benchmarks/measure-scale';
import type { ComparisonPoint } from '../../src/benchmarks/published-store';

describe('a published measure’s name in words, never its column name', () => {
  it('takes the file’s own metadata label first', () => {
    expect(measureName('referral_count', 'Number of referrals')).toBe('Number of referrals');
    expect(choiceLabel({ measure: 'cin_rate_per_10000', label: 'CIN rate per 10,000 children' })).toBe(
      'CIN rate per 10,000 children',
    );
    // A blank label in the metadata is no label.
    expect(measureName('referral_count', '  ')).toBe('Referrals');
  });

  it('else the name this app knows for a well-known DfE column, whatever its case', () => {
    expect(measureLabel('rereferral_percent')).toBe('Re-referrals within 12 months of a previous referral (%)');
    expect(measureLabel('CPP_subsequent_percent')).toBe(
      'Child protection plans that were a second or subsequent plan (%)',
    );
    expect(measureLabel('Anypoint_child')).toBe('Children in need at any point in the year');
    expect(knownLabel('constructor')).toBeUndefined();
    expect(knownLabel('__proto__')).toBeUndefined();
  });

  it('else its column name turned into words, abbreviations spelled out', () => {
    expect(wordsOf('cin_rate_per_10000')).toBe('Children in need rate per 10,000');
    expect(measureLabel('cin_rate_per_10000')).toBe('Children in need rate per 10,000');
    expect(wordsOf('awaiting_assessment')).toBe('Awaiting assessment');
    expect(wordsOf('Duration_0-10_days')).toBe('Duration 0 to 10 days');
    expect(wordsOf('cla_rate_per_10000_children')).toBe('Children looked after rate per 10,000 children');
    expect(wordsOf('s47_count')).toBe('Section 47 (number)');
    expect(wordsOf('caseholdingSwFte')).toBe('Caseholding social worker (full-time equivalent)');
    expect(measureLabel('constructor')).toBe('Constructor');
  });
});

describe('counts on their own scale, rates and shares on one', () => {
  it('reads the metadata unit, then the column name, then England against the largest authority', () => {
    expect(measureScale('Anypoint_child', { unit: '%' })).toBe('rate');
    expect(measureScale('rereferral_percent')).toBe('rate');
    expect(measureScale('cin_rate_per_10000', { englandToLargest: 50 })).toBe('rate');
    expect(measureScale('Duration_median')).toBe('rate');
    // England's figure the sum of ~150 authorities': 756,120 against Birmingham's ~20,000.
    expect(measureScale('Anypoint_child', { englandToLargest: 37.8 })).toBe('count');
    expect(measureScale('Section47', { englandToLargest: 2.01 })).toBe('count');
    // England among the authorities: a weighted average, whatever the name says.
    expect(measureScale('children', { englandToLargest: 0.8 })).toBe('rate');
    // No year with both: the name decides, a count only when it says so.
    expect(measureScale('referral_count', { englandToLargest: null })).toBe('count');
    expect(measureScale('ICPC')).toBe('rate');
  });

  it('finds the rate or share published beside a count, in the same file and breakdown', () => {
    const m = (file_id: number, measure: string, filters = 'f') => ({ file_id, measure, filters });
    const all = [
      m(1, 'referral_count'),
      m(1, 'rereferral_count'),
      m(1, 'rereferral_percent'),
      m(1, 'no_further_action_count'),
      m(1, 'no_further_action_percent'),
      m(2, 'referral_percent'),
      m(1, 'not_in_need_count'),
      m(1, 'not_in_need_percent', 'other'),
    ];
    expect(rateBeside(all[1] as (typeof all)[number], all)?.measure).toBe('rereferral_percent');
    expect(rateBeside(all[3] as (typeof all)[number], all)?.measure).toBe('no_further_action_percent');
    // Never a re-referral share for referrals, another file's, or another breakdown's.
    expect(rateBeside(all[0] as (typeof all)[number], all)).toBeUndefined();
    expect(rateBeside(all[6] as (typeof all)[number], all)).toBeUndefined();
  });

  it('says a count’s region and England figures are totals, and never ranks it', () => {
    const latest: ComparisonPoint = {
      timePeriod: '2025',
      laValue: 1117,
      laMarker: null,
      neighbourAverage: null,
      neighbourCount: 0,
      regionValue: 32490,
      englandValue: 632830,
      rank: null,
      rankOf: null,
      quartile: null,
    };
    expect(comparisonSentence('Darlington', 'Referrals', latest, 'neutral', 'count')).toBe(
      'Referrals, Darlington: 1,117 in 2025, against 32,490 in its region as a whole and 632,830 in England as a whole (totals). No statistical neighbour has a figure. Not ranked: neither higher nor lower is better in itself.',
    );
    const rate = {
      ...latest,
      laValue: 13,
      regionValue: 20.7,
      englandValue: 22.6,
      neighbourAverage: 19.55,
      neighbourCount: 2,
    };
    expect(
      comparisonSentence('Darlington', 'Re-referrals (%)', { ...rate, rank: 3, rankOf: 12, quartile: 'A' }, 'down'),
    ).toBe(
      'Re-referrals (%), Darlington: 13 in 2025, against 19.6 on average for 2 statistical neighbours; 20.7 for its region and 22.6 for England. Ranked 3 of 12 (lower is better), quartile A.',
    );
  });
});
