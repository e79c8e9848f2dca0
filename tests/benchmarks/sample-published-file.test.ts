import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { choiceLabel, comparisonSentence } from '../../src/benchmarks/comparison-words';
import { choiceScale, rateBeside } from '../../src/benchmarks/measure-scale';
import { compareAuthority, publishedAuthorities, publishedMeasures } from '../../src/benchmarks/published-store';
import { createTestSession } from '../support/load-csv';

// The sample published statistics (sample-data/published): a real DfE file, a documented subset of its
// rows. Copied by hand from the public repository, so checked here against itself: every percentage
// against its counts, every region total against its authorities.
const DIR = join(import.meta.dirname, '../../sample-data/published');
const NAME = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025_north_east.csv';
const text = readFileSync(join(DIR, NAME), 'utf8');
const [header = [], ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const col = (name: string) => header.indexOf(name);
const num = (row: string[], name: string) => {
  const cell = row[col(name)] ?? '';
  return /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : null;
};

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});

describe('the sample published statistics file', () => {
  it('is small, attributed, and the only file beside its README', () => {
    expect(readdirSync(DIR).sort()).toEqual(['README.md', NAME]);
    expect(text.length).toBeLessThan(40_000);
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    expect(readme).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
    expect(readme).toContain('f70b723fc674481cad872da2ff4b6ba2385c048f');
  });

  it('holds England, the North East and its 12 authorities for each year 2013 to 2025', () => {
    expect(header).toHaveLength(21);
    expect(rows).toHaveLength(13 * 14);
    for (let year = 2013; year <= 2025; year += 1) {
      const of = rows.filter((r) => r[0] === String(year));
      expect(of.map((r) => r[2])).toEqual(['National', 'Regional', ...Array(12).fill('Local authority')]);
      expect(new Set(of.slice(2).map((r) => r[9])).size).toBe(12);
      expect(of.every((r) => r.length === 21)).toBe(true);
    }
  });

  it('agrees with itself: every percentage with its counts, every region total with its authorities', () => {
    const pairs = [
      ['rereferral_count', 'referral_count', 'rereferral_percent'],
      ['no_further_action_count', 'referral_count', 'no_further_action_percent'],
      ['not_in_need_count', 'referral_count', 'not_in_need_percent'],
      ['rereferral_child_count', 'referral_child_count', 'rereferral_child_percent'],
    ] as const;
    let checked = 0;
    for (const row of rows) {
      // The DfE rounds national and regional counts to the nearest 10; authorities' are exact.
      const tolerance = row[2] === 'Local authority' ? 0.051 : 0.2;
      for (const [part, whole, percent] of pairs) {
        const [a, b, p] = [num(row, part), num(row, whole), num(row, percent)];
        if (a === null || b === null || p === null || b === 0) continue;
        expect(Math.abs((100 * a) / b - p), `${row[0]} ${row[9] || row[6] || row[4]} ${percent}`).toBeLessThan(
          tolerance,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(600);
    for (let year = 2013; year <= 2025; year += 1) {
      const of = rows.filter((r) => r[0] === String(year));
      for (const measure of ['referral_count', 'rereferral_count', 'referral_child_count']) {
        const authorities = of.slice(2).map((r) => num(r, measure));
        if (authorities.some((v) => v === null)) continue;
        const sum = authorities.reduce((s: number, v) => s + (v as number), 0);
        expect(Math.abs(sum - (num(of[1] as string[], measure) as number)), `${year} ${measure}`).toBeLessThanOrEqual(
          5,
        );
      }
    }
  });

  it('loads as published statistics, counts drawn on their own scale, shares ranked: Darlington 2025 by hand', async () => {
    const report = await t.load(NAME, text);
    expect(report.files[0]).toMatchObject({ status: 'loaded', datasetId: 'published_statistics', rowsLoaded: 182 });
    const measures = await publishedMeasures(t.engine);
    expect(measures.map((m) => [choiceLabel(m), choiceScale(m)])).toEqual([
      ['Referrals resulting in no further action', 'count'],
      ['Referrals resulting in no further action (%)', 'rate'],
      ['Referrals assessed as not in need', 'count'],
      ['Referrals assessed as not in need (%)', 'rate'],
      ['Children referred', 'count'],
      ['Referrals', 'count'],
      ['Children re-referred within 12 months', 'count'],
      ['Children re-referred within 12 months (%)', 'rate'],
      ['Re-referrals within 12 months of a previous referral', 'count'],
      ['Re-referrals within 12 months of a previous referral (%)', 'rate'],
    ]);
    const count = measures.find((m) => m.measure === 'rereferral_count') as (typeof measures)[number];
    expect(rateBeside(count, measures)?.measure).toBe('rereferral_percent');
    expect((await publishedAuthorities(t.engine)).map((a) => a.la_name)).toHaveLength(12);
    // 2025 re-referrals, lower is better: Darlington 13.0 is the lowest of the 12 (Gateshead 13.9 next) →
    // rank 1 of 12, quartile A; North East 20.7; England 22.6.
    const share = measures.find((m) => m.measure === 'rereferral_percent') as (typeof measures)[number];
    const points = await compareAuthority(t.engine, {
      fileId: share.file_id,
      measure: share.measure,
      filters: share.filters,
      la: 'E06000005',
      direction: 'down',
    });
    expect(points).toHaveLength(13);
    expect(points.at(-1)).toMatchObject({
      timePeriod: '2025',
      laValue: 13,
      regionValue: 20.7,
      englandValue: 22.6,
      rank: 1,
      rankOf: 12,
      quartile: 'A',
    });
    // The count: 1,117 referrals against the region's 32,490 and England's 632,830 (totals, never ranked).
    const referrals = measures.find((m) => m.measure === 'referral_count') as (typeof measures)[number];
    const counted = await compareAuthority(t.engine, {
      fileId: referrals.file_id,
      measure: referrals.measure,
      filters: referrals.filters,
      la: 'E06000005',
      direction: 'neutral',
    });
    const latest = counted.at(-1) as (typeof counted)[number];
    expect(comparisonSentence('Darlington', choiceLabel(referrals), latest, 'neutral', 'count')).toBe(
      'Referrals, Darlington: 1,117 in 2025, against 32,490 in its region as a whole and 632,830 in England as a whole (totals). No statistical neighbour has a figure. Not ranked: neither higher nor lower is better in itself.',
    );
    // South Tyneside's 2015 row is all "x": markers, never numbers.
    const southTyneside = await compareAuthority(t.engine, {
      fileId: referrals.file_id,
      measure: referrals.measure,
      filters: referrals.filters,
      la: 'E08000023',
      direction: 'neutral',
    });
    expect(southTyneside.find((p) => p.timePeriod === '2015')).toMatchObject({ laValue: null, laMarker: 'x' });
  });
});
