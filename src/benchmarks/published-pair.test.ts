import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getIndicator } from '../indicators/registry';
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

describe('the child protection indicators’ pairs, against the DfE’s own column names', () => {
  // The header of the DfE's C1 file (sample-data/published) and of its D3 file (second or subsequent plans).
  const c1 = readFileSync(
    new URL(
      '../../sample-data/published/c1_children_in_need_referrals_and_rereferrals_2013_to_2025_north_east.csv',
      import.meta.url,
    ),
    'utf8',
  )
    .split(/\r?\n/)[0]
    ?.split(',')
    .slice(11) as string[];
  const d3 = ['CPP_start', 'CPP_subsequent', 'CPP_subsequent_percent'];
  const all = [...c1, ...d3].map((name, i) => measure(name, '[]', i));

  it('CP2 finds the episode re-referral rate, never the children’s one; CP7 the subsequent-plan rate', () => {
    expect(findPublishedMeasure(getIndicator('CP2').published, all)?.measure).toBe('rereferral_percent');
    expect(findPublishedMeasure(getIndicator('CP7').published, all)?.measure).toBe('CPP_subsequent_percent');
  });

  it('no other pair takes a column of these files by mistake', () => {
    for (const id of ['CP4', 'CP6', 'CP9'])
      expect(findPublishedMeasure(getIndicator(id).published, all), id).toBeNull();
  });
});
