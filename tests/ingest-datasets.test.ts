import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import { templateRows } from '../src/datasets/template';
import { csvFile } from '../src/shared/csv';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('every dataset loads from its own downloadable template', () => {
  it.each(DATASETS.map((d) => [d.id, d] as const))('%s', async (_id, dataset) => {
    // The downloadable template itself, as saved (byte-order mark included): its header and example row.
    const [header, example] = csvFile(templateRows(dataset)).trimEnd().split('\r\n');
    const missingRequired = dataset.fields.map((f) => (f.required ? '' : quote(f.example))).join(',');
    const report = await t.load(`${dataset.id}.csv`, `${header}\n${example}\n${example}\n${missingRequired}\n`);
    // A row with only the required values left out is rejected — unless every column is required,
    // when that row is empty and skipped as blank.
    const allRequired = dataset.fields.every((f) => f.required);
    expect(report.files[0]).toMatchObject({
      datasetId: dataset.id,
      rowsRead: allRequired ? 2 : 3,
      rowsLoaded: 2,
      rowsRejected: allRequired ? 0 : 1,
      blankRows: allRequired ? 1 : 0,
    });
    expect(report.files[0]?.unmappedCodes).toEqual([]);
    const [count] = await t.engine.query(
      `SELECT count(*) AS n FROM ${dataset.id} WHERE source_file = ?`,
      [`${dataset.id}.csv`],
      z.object({ n: z.number() }),
    );
    expect(count?.n).toBe(2);
  });
});
