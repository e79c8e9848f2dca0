import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { headerSignature } from '../src/ingest/header-match';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});
beforeEach(async () => {
  await t.reset();
});

const ODD = 'Ref,Kid,Began,Finished\nR1,K1,01/04/2024,01/05/2024\nR2,K2,02/04/2024,\n';
const blob = (text: string) => new Blob([new TextEncoder().encode(text)]);

describe('column mapping', () => {
  it('a file with unfamiliar headings is not recognised, and says what it found', async () => {
    const report = await t.load('odd.csv', ODD);
    expect(report.files[0]).toMatchObject({
      status: 'failed',
      datasetId: null,
      header: ['Ref', 'Kid', 'Began', 'Finished'],
    });
    expect(report.files[0]?.message).toBe('“odd.csv” is not a partnership dataset this app recognises.');
    expect(report.files[0]?.columnSamples).toEqual([
      ['R1', 'R2'],
      ['K1', 'K2'],
      ['01/04/2024', '02/04/2024'],
      ['01/05/2024'],
    ]);
  });

  it('loads with the columns the user chose', async () => {
    const report = await t.loadFiles([
      {
        name: 'odd.csv',
        blob: blob(ODD),
        datasetId: 'early_help_episodes',
        columnMapping: {
          episode_id: 'Ref',
          child_id: 'Kid',
          assessment_start_date: 'Began',
          episode_end_date: 'Finished',
        },
      },
    ]);
    expect(report.files[0]).toMatchObject({ datasetId: 'early_help_episodes', rowsLoaded: 2, ignoredColumns: [] });
  });

  it('says which required field a mapping leaves out', async () => {
    const report = await t.loadFiles([
      { name: 'odd.csv', blob: blob(ODD), datasetId: 'early_help_episodes', columnMapping: { child_id: 'Kid' } },
    ]);
    expect(report.files[0]?.message).toMatch(/leaves Assessment start date without a column/);
  });

  it('reuses a saved mapping for the next file with the same header', async () => {
    const header = ['Ref', 'Kid', 'Began', 'Finished'];
    const columns = {
      [headerSignature(header)]: {
        datasetId: 'early_help_episodes',
        columns: { child_id: 'Kid', assessment_start_date: 'Began', episode_end_date: 'Finished' },
      },
    };
    const report = await t.loadFiles([{ name: 'next-month.csv', blob: blob(ODD) }], { columns });
    expect(report.files[0]).toMatchObject({ datasetId: 'early_help_episodes', rowsLoaded: 2 });
  });

  it('can load a recognised file as another dataset, once its rows are removed', async () => {
    const first = await t.load('eh.csv', 'child_id,assessment_start_date\nA,01/04/2024\n');
    const file = first.files[0];
    if (!file) throw new Error('no report');
    await t.session.removeFile(file);
    const again = await t.loadFiles([{ name: 'eh.csv', blob: blob('child_id,assessment_start_date\nA,01/04/2024\n') }]);
    expect(again.files[0]?.status).toBe('loaded');
  });
});
