import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestSession } from '../support/load-csv';
import { requireSamples } from './samples-folder';

// Real public files made by others (../shared/external-samples, beside the repository). The SSDA903
// files are not partnership datasets: each must get a clear "not recognised" message — never a crash.
// The DfE's files are published statistics: recognised as such, compared by hand below.
const SAMPLES = requireSamples();
const csvFiles = ['ssda903'].flatMap((dir) =>
  readdirSync(join(SAMPLES, dir))
    .filter((name) => name.endsWith('.csv'))
    .map((name) => join(dir, name)),
);
const xlsxFiles = readdirSync(join(SAMPLES, 'annex-a'))
  .filter((name) => name.endsWith('.xlsx'))
  .map((name) => join('annex-a', name));

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});

describe('external sample files', () => {
  it('finds the samples', () => {
    expect(csvFiles.length).toBeGreaterThanOrEqual(5);
    expect(xlsxFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(csvFiles)('%s is reported as not a partnership dataset, without crashing', async (file) => {
    const report = await t.load(file.replace(/[\\/]/g, '_'), new Uint8Array(readFileSync(join(SAMPLES, file))));
    expect(report.status).toBe('failed');
    expect(report.rowsLoaded).toBe(0);
    // One short sentence: the app then offers the form to map the file's columns (issue 27).
    expect(report.files[0]?.message).toBe(
      `“${file.replace(/[\\/]/g, '_')}” is not a partnership dataset this app recognises.`,
    );
  });

  it('the DfE files are published statistics and statistical neighbours, never a partnership dataset', async () => {
    const names = readdirSync(join(SAMPLES, 'dfe-statistics')).filter((name) => name.endsWith('.csv'));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const report = await t.load(name, new Uint8Array(readFileSync(join(SAMPLES, 'dfe-statistics', name))));
      const file = report.files[0];
      expect(file?.status, name).toBe('loaded');
      expect(file?.datasetId, name).toBe(/Neighbour/i.test(name) ? 'statistical_neighbours' : 'published_statistics');
      expect(file?.message, name).not.toMatch(/not a partnership dataset/);
    }
  });

  it('Birmingham (E08000025, old code 330) against its ten neighbours: CPP second or subsequent plans, 2025', async () => {
    // Checked by hand from the two files (and with a separate Python script): the 2021 groupings give 330
    // the neighbours 821 23.6, 333 30.9, 336 22.9, 892 32.2, 352 21.4, 335 24.5, 308 18.2, 831 25.8,
    // 320 31.5, 380 27.2 → mean 258.2 / 10 = 25.82. Birmingham 25.9; West Midlands 26.7; England 24.5.
    // Rank, lower better: 96 authorities have less than 25.9, so 97th of the 153 with a figure;
    // quartile floor(96 × 4 / 153) = 2 → C.
    const { compareAuthority, filtersKey } = await import('../../src/benchmarks/published-store');
    const { publishedMeasures } = await import('../../src/benchmarks/published-store');
    const choice = (await publishedMeasures(t.engine)).find((m) => m.measure === 'CPP_subsequent_percent');
    expect(choice?.filters).toBe(
      filtersKey(['category'], ['Child Protection Plans which are a second or subsequent plan']),
    );
    const points = await compareAuthority(t.engine, {
      fileId: choice?.file_id as number,
      measure: 'CPP_subsequent_percent',
      filters: choice?.filters as string,
      la: 'E08000025',
      direction: 'down',
    });
    const latest = points.at(-1);
    expect(latest?.timePeriod).toBe('2025');
    expect(latest?.laValue).toBe(25.9);
    expect(latest?.neighbourAverage).toBeCloseTo(25.82, 10);
    expect(latest).toMatchObject({
      neighbourCount: 10,
      regionValue: 26.7,
      englandValue: 24.5,
      rank: 97,
      rankOf: 153,
      quartile: 'C',
    });
  });

  it('children in need are counts, on their own scale: Birmingham 17,287 is not drawn under England’s 704,430', async () => {
    // Checked by hand from b1 (and with a separate Python script): every year England's "at any point"
    // total is at least 27.55 times the largest authority's (2025: 704,430 against 25,565), so the measure
    // is a count; the shares and rates of d3 and the workforce file are not.
    const { publishedMeasures } = await import('../../src/benchmarks/published-store');
    const { choiceScale } = await import('../../src/benchmarks/measure-scale');
    const { choiceLabel } = await import('../../src/benchmarks/comparison-words');
    const measures = await publishedMeasures(t.engine);
    const pick = (measure: string) => measures.find((m) => m.measure === measure) as (typeof measures)[number];
    const cin = pick('Anypoint_child');
    expect(cin.england_to_largest).toBeCloseTo(704430 / 25565, 3);
    expect(choiceScale(cin)).toBe('count');
    expect(choiceLabel(cin)).toBe('Children in need at any point in the year');
    expect(choiceScale(pick('CPP_subsequent_percent'))).toBe('rate');
    expect(choiceScale(pick('CPP_start'))).toBe('count');
    expect(choiceScale(pick('turnover_rate_fte'))).toBe('rate');
    expect(choiceScale(pick('inpost_fte'))).toBe('count');
    expect(choiceLabel(pick('turnover_rate_fte'))).toBe('Social worker turnover rate (%, full-time equivalent)');
  });

  it('the Ofsted Annex A template: Lists 1–7 (under their title rows) are each recognised, with no rows yet', async () => {
    const report = await t.load(
      'ofsted-annex-a-template-2019.xlsx',
      new Uint8Array(readFileSync(join(SAMPLES, 'annex-a/ofsted-annex-a-template-2019.xlsx'))),
    );
    const list = (n: number, dataset: string) => [`ofsted-annex-a-template-2019.xlsx › List_${n}`, dataset, 'empty', 2];
    expect(report.files.map((f) => [f.fileName, f.datasetId, f.status, f.headerLine])).toEqual([
      list(1, 'contacts'),
      list(2, 'early_help_episodes'),
      list(3, 'referrals'),
      list(4, 'assessments'),
      list(5, 'section47_enquiries'),
      list(6, 'children_in_need'),
      list(7, 'child_protection_plans'),
    ]);
  });

  it('the LIIA Annex A sample: List 2 loads as early help, Excel dates and ages read right', async () => {
    const report = await t.load(
      'liia-annex-a-sample-2020.xlsx',
      new Uint8Array(readFileSync(join(SAMPLES, 'annex-a/liia-annex-a-sample-2020.xlsx'))),
    );
    // Every row of Lists 1–7 accounted for: read = loaded (nothing refused in this sample).
    const list = (n: number, dataset: string, rows: number) => [
      `liia-annex-a-sample-2020.xlsx › List ${n}`,
      dataset,
      rows,
      rows,
    ];
    expect(report.files.map((f) => [f.fileName, f.datasetId, f.rowsRead, f.rowsLoaded])).toEqual([
      list(1, 'contacts', 5),
      list(2, 'early_help_episodes', 5),
      list(3, 'referrals', 6),
      list(4, 'assessments', 5),
      list(5, 'section47_enquiries', 5),
      list(6, 'children_in_need', 5),
      list(7, 'child_protection_plans', 7),
    ]);
    const rows = await t.engine.query(
      `SELECT child_id, age_at_start, strftime(assessment_start_date, '%Y-%m-%d') AS start, lead_agency_raw
       FROM early_help_episodes WHERE source_file = ? ORDER BY source_line LIMIT 2`,
      ['liia-annex-a-sample-2020.xlsx › List 2'],
      z.object({ child_id: z.string(), age_at_start: z.number(), start: z.string(), lead_agency_raw: z.string() }),
    );
    expect(rows).toEqual([
      { child_id: '612306', age_at_start: 12, start: '2020-09-16', lead_agency_raw: 'Top Town Academy' },
      { child_id: '6890906', age_at_start: 9, start: '2020-09-17', lead_agency_raw: 'Early Help Locality 2' },
    ]);
  });

  it('the LIIA Annex A sample: coded sources, "a) Yes" flags and categories read as their codes', async () => {
    const sources = await t.engine.query(
      `SELECT contact_source, contact_source_raw FROM contacts ORDER BY source_line`,
      [],
      z.object({ contact_source: z.string().nullable(), contact_source_raw: z.string().nullable() }),
    );
    // "q) 6: Police" is the police (6); "b) 1B: Individual" an acquaintance (1B).
    expect(sources.slice(0, 3)).toEqual([
      { contact_source: '6', contact_source_raw: 'q) 6: Police' },
      { contact_source: '6', contact_source_raw: 'q) 6: Police' },
      { contact_source: '1B', contact_source_raw: 'b) 1B: Individual' },
    ]);
    const referral = await t.engine.query(
      `SELECT referral_source, referral_nfa FROM referrals ORDER BY source_line LIMIT 4`,
      [],
      z.object({ referral_source: z.string().nullable(), referral_nfa: z.boolean().nullable() }),
    );
    expect(referral.map((r) => r.referral_source)).toEqual(['8', '3D', '6', '2A']);
    expect(referral.every((r) => r.referral_nfa === false)).toBe(true);
    const plans = await t.engine.query(
      `SELECT strftime(cp_plan_start_date, '%Y-%m-%d') AS start, initial_category, seen_alone, disability, previous_plans
       FROM child_protection_plans ORDER BY source_line LIMIT 1`,
      [],
      z.object({
        start: z.string(),
        initial_category: z.string().nullable(),
        seen_alone: z.boolean().nullable(),
        disability: z.boolean().nullable(),
        previous_plans: z.number().nullable(),
      }),
    );
    // 10721552: plan from 23/11/2020, physical abuse, seen alone "a) Yes", disability "b) No", no previous plan.
    expect(plans).toEqual([
      { start: '2020-11-23', initial_category: 'PHYSICAL', seen_alone: true, disability: false, previous_plans: 0 },
    ]);
  });
});
