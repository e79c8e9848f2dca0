import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestSession } from '../support/load-csv';
import { requireSamples } from './samples-folder';

// Real public files made by others (../shared/external-samples, beside the repository). None of the
// CSV files is a partnership dataset: each must get a clear "not recognised" message — never a crash.
const SAMPLES = requireSamples();
const csvFiles = ['ssda903', 'dfe-statistics'].flatMap((dir) =>
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
    expect(csvFiles.length).toBeGreaterThanOrEqual(10);
    expect(xlsxFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(csvFiles)('%s is reported as not a partnership dataset, without crashing', async (file) => {
    const report = await t.load(file.replace(/[\\/]/g, '_'), new Uint8Array(readFileSync(join(SAMPLES, file))));
    expect(report.status).toBe('failed');
    expect(report.rowsLoaded).toBe(0);
    expect(report.files[0]?.message).toMatch(/is not a partnership dataset this app recognises/);
    expect(report.files[0]?.message).toMatch(
      /Each dataset needs at least: Early help episodes \(Child ID, Assessment start date\)/,
    );
  });

  it('the Ofsted Annex A template: List_2 (under its title row) is early help, with no rows yet', async () => {
    const report = await t.load(
      'ofsted-annex-a-template-2019.xlsx',
      new Uint8Array(readFileSync(join(SAMPLES, 'annex-a/ofsted-annex-a-template-2019.xlsx'))),
    );
    expect(report.files.map((f) => [f.fileName, f.datasetId, f.status, f.headerLine])).toEqual([
      ['ofsted-annex-a-template-2019.xlsx › List_2', 'early_help_episodes', 'empty', 2],
    ]);
  });

  it('the LIIA Annex A sample: List 2 loads as early help, Excel dates and ages read right', async () => {
    const report = await t.load(
      'liia-annex-a-sample-2020.xlsx',
      new Uint8Array(readFileSync(join(SAMPLES, 'annex-a/liia-annex-a-sample-2020.xlsx'))),
    );
    expect(report.files.map((f) => [f.fileName, f.datasetId, f.rowsRead, f.rowsLoaded])).toEqual([
      ['liia-annex-a-sample-2020.xlsx › List 2', 'early_help_episodes', 5, 5],
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
});
