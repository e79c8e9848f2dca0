import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestSession } from './support/load-csv';

// Real public files made by others (../shared/external-samples, beside the repository). None is an
// partnership dataset: each must get a clear "not recognised" message — never a crash.
const SAMPLES = resolve(import.meta.dirname, '../../shared/external-samples');
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

  it.each(xlsxFiles)('%s (an Excel workbook) gets a "save as CSV" message', async (file) => {
    const report = await t.load('annex-a.xlsx', new Uint8Array(readFileSync(join(SAMPLES, file))));
    expect(report.status).toBe('failed');
    expect(report.files[0]?.message).toMatch(/Excel workbook \(\.xlsx\).*Save the data from Excel as/);
  });
});
