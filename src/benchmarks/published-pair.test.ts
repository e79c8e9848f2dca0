import { describe, expect, it } from 'vitest';
import { findPublishedMeasure } from './published-pair';
import type { MeasureChoice } from './published-store';

const measure = (name: string, filters = '', fileId = 1): MeasureChoice => ({
  file_id: fileId,
  file_name: 'f.csv',
  measure: name,
  filters,
  periods: 13,
  label: null,
  unit: null,
  england_to_largest: null,
});

describe('the published measure a local indicator sits beside', () => {
  const pair = { patterns: ['^rereferral_percent$'], label: 'Re-referrals within 12 months (%)', note: '' };

  it('is found by its column name, whatever its case, and never by a near name', () => {
    const measures = [measure('rereferral_child_percent'), measure('Rereferral_percent'), measure('referral_count')];
    expect(findPublishedMeasure(pair, measures)?.measure).toBe('Rereferral_percent');
    expect(findPublishedMeasure(pair, [measure('rereferral_child_percent')])).toBeNull();
  });

  it('takes the whole rather than a breakdown, and nothing without a pair', () => {
    const measures = [
      measure('rereferral_percent', 'gender\u001fFemale'),
      measure('rereferral_percent', 'gender\u001fTotal'),
    ];
    expect(findPublishedMeasure(pair, measures)?.filters).toBe('gender\u001fTotal');
    expect(findPublishedMeasure(undefined, measures)).toBeNull();
  });

  it('matches every pattern: a name that varies between releases is still found', () => {
    const within = { patterns: ['45', 'day', 'percent|pc'], label: '', note: '' };
    expect(findPublishedMeasure(within, [measure('assessments_within_45_days_percent')])).not.toBeNull();
    expect(findPublishedMeasure(within, [measure('Percent_completed_in_45_working_days')])).not.toBeNull();
    expect(findPublishedMeasure(within, [measure('assessments_completed')])).toBeNull();
  });
});
