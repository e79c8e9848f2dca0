import { beforeAll, describe, expect, it } from 'vitest';
import { choiceLabel } from '../../src/benchmarks/comparison-words';
import { choiceScale } from '../../src/benchmarks/measure-scale';
import { dataFileOf, publishedKind, readMetaFile } from '../../src/benchmarks/published-file';
import {
  CREATE_PUBLISHED_SQL,
  clearPublished,
  type MeasureChoice,
  publishedMeasures,
  storeMeta,
} from '../../src/benchmarks/published-store';
import type { Engine } from '../../src/engine/engine';
import { storeEesText } from '../support/load-ees';
import { createTestEngine } from '../support/test-engine';

// A count and a share for four authorities of one region, worked out by hand:
//   referrals:   2024 England 1000, largest authority 90 (B) → 11.1; 2025 England 1100, largest 95 (B)
//                → 11.6; smallest 11.1 > 2: a count.
//   re-referral %: 2024 England 22, largest 28 (D) → 0.79; 2025 England 21.5, largest 30 → 0.72: a rate.
//   children:    no word says what it is; England 1000 / largest 400 = 2.5 in 2024, 1000 / 520 = 1.9 in
//                2025 → smallest 1.9, not above 2: read as a rate (England lies among the authorities).
const EES = [
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,referrals,rereferral_pct,children',
  '2024,Reporting year,National,E92000001,England,,,,,,1000,22,1000',
  '2024,Reporting year,Regional,E92000001,England,R1,North,,,,300,20,900',
  '2024,Reporting year,Local authority,E92000001,England,R1,North,201,E09000001,Aston,80,24,400',
  '2024,Reporting year,Local authority,E92000001,England,R1,North,202,E09000002,Bury,90,12,300',
  '2024,Reporting year,Local authority,E92000001,England,R1,North,203,E09000003,Crewe,70,14,c',
  '2024,Reporting year,Local authority,E92000001,England,R1,North,204,E09000004,Derby,60,28,200',
  '2025,Reporting year,National,E92000001,England,,,,,,1100,21.5,1000',
  '2025,Reporting year,Regional,E92000001,England,R1,North,,,,310,19,990',
  '2025,Reporting year,Local authority,E92000001,England,R1,North,201,E09000001,Aston,85,20,520',
  '2025,Reporting year,Local authority,E92000001,England,R1,North,202,E09000002,Bury,95,10,300',
  '2025,Reporting year,Local authority,E92000001,England,R1,North,203,E09000003,Crewe,c,c,x',
  '2025,Reporting year,Local authority,E92000001,England,R1,North,204,E09000004,Derby,65,30,170',
].join('\n');

// An EES metadata file as publishers upload it beside the data file.
const META = [
  'col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column',
  'referrals,Indicator,Number of referrals,,,0,,',
  'rereferral_pct,Indicator,Re-referrals within 12 months,,%,1,,',
  ',Indicator,A row with no column name,,,,,',
  'children,Indicator,,,,,,',
].join('\n');

let engine: Engine;
const find = (rows: MeasureChoice[], measure: string) => rows.find((r) => r.measure === measure) as MeasureChoice;

beforeAll(async () => {
  engine = await createTestEngine();
  await engine.run(CREATE_PUBLISHED_SQL);
});

describe('EES metadata files: the measures’ own names', () => {
  it('is recognised by its header, names the data file it sits beside, and keeps rows with a name and label', () => {
    expect(publishedKind(META.split('\n')[0] as string)).toBe('meta');
    expect(dataFileOf('c1_referrals.meta.csv')).toBe('c1_referrals.csv');
    expect(dataFileOf('c1_referrals.csv')).toBeNull();
    expect(readMetaFile(META)).toEqual([
      { colName: 'referrals', colType: 'Indicator', label: 'Number of referrals', unit: '' },
      { colName: 'rereferral_pct', colType: 'Indicator', label: 'Re-referrals within 12 months', unit: '%' },
    ]);
  });

  it('labels the measures of its own data file; without it, the known name or the words', async () => {
    await clearPublished(engine);
    await storeEesText(engine, 1, 'c1_referrals.csv', EES);
    const before = await publishedMeasures(engine);
    expect(before.map((m) => [m.measure, m.label, choiceLabel(m)])).toEqual([
      ['children', null, 'Children'],
      ['referrals', null, 'Referrals'],
      ['rereferral_pct', null, 'Re-referral (%)'],
    ]);
    await storeMeta(engine, 2, 'c1_referrals.meta.csv', readMetaFile(META));
    const after = await publishedMeasures(engine);
    expect(after.map((m) => [m.measure, m.label, m.unit, choiceLabel(m)])).toEqual([
      ['children', null, null, 'Children'],
      ['referrals', 'Number of referrals', '', 'Number of referrals'],
      ['rereferral_pct', 'Re-referrals within 12 months', '%', 'Re-referrals within 12 months'],
    ]);
  });

  it('never lends one loaded file’s labels to another file, but a renamed data file still finds its own', async () => {
    await clearPublished(engine);
    await storeEesText(engine, 1, 'other.csv', EES);
    await storeEesText(engine, 2, 'c1_referrals.csv', EES);
    await storeMeta(engine, 3, 'c1_referrals.meta.csv', readMetaFile(META));
    const rows = await publishedMeasures(engine);
    expect(rows.filter((r) => r.file_id === 1).map((r) => r.label)).toEqual([null, null, null]);
    expect(rows.filter((r) => r.file_id === 2).map((r) => r.label)).toEqual([
      null,
      'Number of referrals',
      'Re-referrals within 12 months',
    ]);
    // Downloaded as "c1_referrals (1).csv": its metadata's data file is not loaded, so it is used by column.
    await clearPublished(engine);
    await storeEesText(engine, 1, 'c1_referrals (1).csv', EES);
    await storeMeta(engine, 2, 'c1_referrals.meta.csv', readMetaFile(META));
    expect(find(await publishedMeasures(engine), 'referrals').label).toBe('Number of referrals');
  });
});

describe('counts against England', () => {
  it('works out England against the largest authority, year by year, and so which measures are counts', async () => {
    await clearPublished(engine);
    await storeEesText(engine, 1, 'c1_referrals.csv', EES);
    const rows = await publishedMeasures(engine);
    expect(find(rows, 'referrals').england_to_largest).toBeCloseTo(1000 / 90, 10);
    expect(find(rows, 'rereferral_pct').england_to_largest).toBeCloseTo(21.5 / 30, 10);
    expect(find(rows, 'children').england_to_largest).toBeCloseTo(1000 / 520, 10);
    expect(rows.map((r) => [r.measure, choiceScale(r)])).toEqual([
      ['children', 'rate'],
      ['referrals', 'count'],
      ['rereferral_pct', 'rate'],
    ]);
  });
});
