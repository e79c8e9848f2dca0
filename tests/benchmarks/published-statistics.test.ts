import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { knownDirection } from '../../src/benchmarks/directions';
import { publishedKind, readNeighbourFile } from '../../src/benchmarks/published-file';
import {
  CREATE_PUBLISHED_SQL,
  compareAuthority,
  filtersKey,
  neighbourCount,
  publishedAuthorities,
  publishedMeasures,
  quartileOf,
  storeNeighbours,
} from '../../src/benchmarks/published-store';
import type { Engine } from '../../src/engine/engine';
import { storeEesText } from '../support/load-ees';
import { createTestEngine } from '../support/test-engine';

// A hand-made EES file (columns in an unusual order, as some DfE files have them). Six authorities in
// two regions; our authority is A (old code 201, new code E09000001), its neighbours B, C and D.
//
// rereferral_rate (lower is better)
//   2024: A 20, B 10, C c (suppressed), D 30, E 20, F 25 · region R1 18, England 21
//         neighbours: B 10 and D 30 (C's c is never averaged) → 20, resting on 2
//         rank, lowest first: B 10 → 1; A 20 and E 20 tie → 2; F 25 → 4; D 30 → 5; of 5 with a value
//         quartile: floor((2 − 1) × 4 / 5) = 0 → A
//   2023: A c · B 12, C 8, D 16, E x, F 14 · region R1 11 · England 13
//         neighbours (12 + 8 + 16) / 3 = 12 on 3; our value suppressed: no rank
//   2022: no row for A (not yet an authority) · B 9, D 11 · England 10 · no regional row
//         neighbours (9 + 11) / 2 = 10 on 2
// cin_rate (no direction of good): no rank, no quartile.
const EES = [
  'la_name,new_la_code,time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,category,rereferral_rate,cin_rate',
  'England,,2024,Financial year,National,E92000001,England,,,,All,21,450',
  'North,,2024,Financial year,Regional,E92000001,England,R1,North,,All,18,460',
  'South,,2024,Financial year,Regional,E92000001,England,R2,South,,All,24,440',
  'A,E09000001,2024,Financial year,Local authority,E92000001,England,R1,North,201,All,20,500',
  'B,E09000002,2024,Financial year,Local authority,E92000001,England,R1,North,202,All,10,400',
  'C,E09000003,2024,Financial year,Local authority,E92000001,England,R1,North,203,All,c,c',
  'D,E09000004,2024,Financial year,Local authority,E92000001,England,R2,South,204,All,30,420',
  'E,E09000005,2024,Financial year,Local authority,E92000001,England,R2,South,205,All,20,430',
  'F,E09000006,2024,Financial year,Local authority,E92000001,England,R2,South,206,All,25,410',
  'England,,2023,Financial year,National,E92000001,England,,,,All,13,440',
  'North,,2023,Financial year,Regional,E92000001,England,R1,North,,All,11,450',
  'A,E09000001,2023,Financial year,Local authority,E92000001,England,R1,North,201,All,c,480',
  'B,E09000002,2023,Financial year,Local authority,E92000001,England,R1,North,202,All,12,390',
  'C,E09000003,2023,Financial year,Local authority,E92000001,England,R1,North,203,All,8,380',
  'D,E09000004,2023,Financial year,Local authority,E92000001,England,R2,South,204,All,16,400',
  'E,E09000005,2023,Financial year,Local authority,E92000001,England,R2,South,205,All,x,410',
  'F,E09000006,2023,Financial year,Local authority,E92000001,England,R2,South,206,All,14,405',
  'England,,2022,Financial year,National,E92000001,England,,,,All,10,430',
  'B,E09000002,2022,Financial year,Local authority,E92000001,England,R1,North,202,All,9,380',
  'D,E09000004,2022,Financial year,Local authority,E92000001,England,R2,South,204,All,11,390',
].join('\n');

// The 2021 groupings' layout: ten SN columns each followed by one named SNP, a trailing empty column,
// a blank row and a repeated row.
const NEIGHBOURS_2021 = [
  '\uFEFFLA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP,SN3,SNP,SN4,SNP,SN5,SNP,SN6,SNP,SN7,SNP,SN8,SNP,SN9,SNP,SN10,SNP,',
  '201,A,201,1,North,202,Very Close,203,Close,204,Close,,,,,,,,,,,,,,,',
  ',,,,,,,,,,,,,,,,,,,,,,,,,',
  '201,A,201,1,North,206,Close,,,,,,,,,,,,,,,,,,,',
  '202,B,202,1,North,201,Close,203,Close,,,,,,,,,,,,,,,,,',
].join('\n');

let engine: Engine;
const key = filtersKey(['category'], ['All']);

beforeAll(async () => {
  engine = await createTestEngine();
  await engine.run(CREATE_PUBLISHED_SQL);
  await storeEesText(engine, 1, 'fixture.csv', EES);
  await storeNeighbours(engine, readNeighbourFile(NEIGHBOURS_2021));
});

describe('published statistics files', () => {
  it('recognises an EES file whatever its column order, and a neighbour file of either layout', () => {
    expect(publishedKind(EES.split('\n')[0] as string)).toBe('ees');
    expect(publishedKind(NEIGHBOURS_2021.split('\n')[0] as string)).toBe('neighbours');
    expect(publishedKind('LA_code,LA_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_4,SN_5,SN_6,SN_7,SN_8,SN_9,SN_10')).toBe(
      'neighbours',
    );
    expect(publishedKind('episode_id,child_id,assessment_start_date')).toBeNull();
  });

  it('tells breakdowns from measures, and keeps markers as markers', async () => {
    const scratch = await createTestEngine();
    await scratch.run(CREATE_PUBLISHED_SQL);
    const file = await storeEesText(scratch, 1, 'fixture.csv', EES);
    expect(file.breakdowns).toEqual(['category']);
    expect(file.measures).toEqual(['rereferral_rate', 'cin_rate']);
    expect([file.rows, file.otherRows, file.cells]).toEqual([20, 0, 40]);
    const c2024 = await scratch.query(
      "SELECT measure, value, marker FROM pi_published WHERE la_name = 'C' AND time_period = '2024' ORDER BY measure DESC",
      [],
      z.object({ measure: z.string(), value: z.number().nullable(), marker: z.string().nullable() }),
    );
    expect(c2024).toEqual([
      { measure: 'rereferral_rate', value: null, marker: 'c' },
      { measure: 'cin_rate', value: null, marker: 'c' },
    ]);
  });

  it('reads the 2021 groupings (repeated SNP names, trailing column, blank and repeated rows) and the 2025 model', () => {
    expect(readNeighbourFile(NEIGHBOURS_2021)).toEqual([
      { la: '201', laName: 'A', neighbours: ['202', '203', '204'] },
      { la: '202', laName: 'B', neighbours: ['201', '203'] },
    ]);
    const model2025 = [
      'LA_code,LA_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P,SN_4,SN_4P,SN_5,SN_5P,SN_6,SN_6P,SN_7,SN_7P,SN_8,SN_8P,SN_9,SN_9P,SN_10,SN_10P',
      'E09000001,A,E09000002,0.91,E09000004,0.88,,,,,,,,,,,,,,,,',
    ].join('\n');
    expect(readNeighbourFile(model2025)).toEqual([
      { la: 'E09000001', laName: 'A', neighbours: ['E09000002', 'E09000004'] },
    ]);
  });
});

describe('our authority against its neighbours, its region and England', () => {
  it('works out neighbour averages, ranks and quartiles as by hand, by the old or the new code', async () => {
    for (const la of ['201', 'E09000001']) {
      const points = await compareAuthority(engine, {
        fileId: 1,
        measure: 'rereferral_rate',
        filters: key,
        la,
        direction: 'down',
      });
      expect(points).toEqual([
        {
          timePeriod: '2022',
          laValue: null,
          laMarker: null,
          neighbourAverage: 10,
          neighbourCount: 2,
          regionValue: null,
          englandValue: 10,
          rank: null,
          rankOf: null,
          quartile: null,
        },
        {
          timePeriod: '2023',
          laValue: null,
          laMarker: 'c',
          neighbourAverage: 12,
          neighbourCount: 3,
          regionValue: 11,
          englandValue: 13,
          rank: null,
          rankOf: null,
          quartile: null,
        },
        {
          timePeriod: '2024',
          laValue: 20,
          laMarker: null,
          neighbourAverage: 20,
          neighbourCount: 2,
          regionValue: 18,
          englandValue: 21,
          rank: 2,
          rankOf: 5,
          quartile: 'A',
        },
      ]);
    }
  });

  it('ranks ties together, the best first in the direction of good', async () => {
    const e = await compareAuthority(engine, {
      fileId: 1,
      measure: 'rereferral_rate',
      filters: key,
      la: '205',
      direction: 'down',
    });
    expect(e.at(-1)).toMatchObject({ laValue: 20, rank: 2, rankOf: 5, quartile: 'A' });
    const d = await compareAuthority(engine, {
      fileId: 1,
      measure: 'rereferral_rate',
      filters: key,
      la: '204',
      direction: 'down',
    });
    expect(d.at(-1)).toMatchObject({ rank: 5, quartile: 'D' });
    // Were higher better, D's 30 would be first.
    const up = await compareAuthority(engine, {
      fileId: 1,
      measure: 'rereferral_rate',
      filters: key,
      la: '204',
      direction: 'up',
    });
    expect(up.at(-1)).toMatchObject({ rank: 1, quartile: 'A' });
  });

  it('uses neighbours chosen by hand instead of the file’s, by either code', async () => {
    // 2024: B 10 and E 20 → 15 on 2; 2023: B 12, E x → 12 on 1.
    const points = await compareAuthority(engine, {
      fileId: 1,
      measure: 'rereferral_rate',
      filters: key,
      la: '201',
      direction: 'down',
      neighbours: ['202', 'E09000005'],
    });
    expect(points.map((p) => [p.timePeriod, p.neighbourAverage, p.neighbourCount])).toEqual([
      ['2022', 9, 1],
      ['2023', 12, 1],
      ['2024', 15, 2],
    ]);
  });

  it('does not rank a measure where neither direction is better', async () => {
    const points = await compareAuthority(engine, {
      fileId: 1,
      measure: 'cin_rate',
      filters: key,
      la: '201',
      direction: 'neutral',
    });
    expect(points.at(-1)).toMatchObject({
      laValue: 500,
      neighbourAverage: 410,
      neighbourCount: 2,
      rank: null,
      quartile: null,
    });
  });

  it('lists measures, authorities and neighbours from the loaded files', async () => {
    expect((await publishedMeasures(engine)).map((m) => [m.measure, m.periods])).toEqual([
      ['cin_rate', 3],
      ['rereferral_rate', 3],
    ]);
    expect((await publishedAuthorities(engine)).map((a) => [a.la_name, a.old_la_code, a.new_la_code])[0]).toEqual([
      'A',
      '201',
      'E09000001',
    ]);
    expect(await neighbourCount(engine, 'E09000001')).toBe(3);
  });

  it('quartile bands: A the best quarter … D the worst', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => quartileOf(r, 8))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(quartileOf(null, 8)).toBeNull();
  });

  it('knows the direction of good of the headline measures, and never ranks a count', () => {
    expect(knownDirection('CPP_subsequent_percent').direction).toBe('down');
    expect(knownDirection('CPP_subsequent').direction).toBe('neutral');
    expect(knownDirection('rereferral_rate').direction).toBe('down');
    expect(knownDirection('assessments_within_45_days_percent').direction).toBe('up');
    expect(knownDirection('referral_rate').direction).toBe('neutral');
  });
});
