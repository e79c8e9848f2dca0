import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HEADER_AGAIN_REASON } from '../src/ingest/conversion-sql';
import { createTestSession } from './support/load-csv';
import { writeXlsx } from './support/xlsx-writer';

// Two extracts joined one below the other repeat the header mid-file: that line is rejected with one
// reason (not one per column its words cannot fill), and its words are never offered as codes to map.
type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});
beforeEach(async () => {
  await t.reset();
});

const HEADER = 'Episode ID,Child ID,Assessment start date,Episode end date,Lead agency,Locality,Age at start';
const first = ['EH1,C1,01/04/2024,,POLICE,North,4', 'EH2,C2,02/04/2024,,SCHOOL,South,5'];
const second = ['EH3,C3,03/04/2024,,POLICE,North,6', 'EH4,C4,04/04/2024,,HEALTH,East,7'];

const loadedIds = async () =>
  (
    await t.engine.query(
      'SELECT episode_id FROM early_help_episodes ORDER BY source_line',
      [],
      z.object({ episode_id: z.string() }),
    )
  ).map((r) => r.episode_id);

describe('a header row repeated mid-file', () => {
  it('in a CSV: one reason at its line, rows conserved, and nothing of it offered as a code', async () => {
    const text = [HEADER, ...first, HEADER, ...second, ` ${HEADER.replace(/,/g, ' ,')}`].join('\r\n');
    const report = await t.load('joined.csv', `${text}\r\n`);
    const file = report.files[0];
    // Line 7 repeats it with padding around each cell (trimmed before comparing).
    expect(file).toMatchObject({ rowsRead: 6, rowsLoaded: 4, rowsRejected: 2, rowsWarned: 0, unmappedCodes: [] });
    expect(file?.rejections).toEqual([
      {
        column: null,
        reason: HEADER_AGAIN_REASON,
        count: 2,
        examples: [
          { line: 4, value: null },
          { line: 7, value: null },
        ],
      },
    ]);
    expect(await loadedIds()).toEqual(['EH1', 'EH2', 'EH3', 'EH4']);
  });

  it('in a workbook sheet, at the row Excel shows', async () => {
    const cells = (line: string) => line.split(',').map((c) => (c === '' ? null : c));
    const rows = [HEADER, ...first, HEADER, ...second].map(cells);
    const report = await t.load('joined.xlsx', writeXlsx([{ name: 'Episodes', rows }]));
    expect(report.files[0]).toMatchObject({ rowsRead: 5, rowsLoaded: 4, rowsRejected: 1, unmappedCodes: [] });
    expect(report.files[0]?.rejections.map((g) => [g.column, g.reason, g.examples.map((e) => e.line)])).toEqual([
      [null, HEADER_AGAIN_REASON, [4]],
    ]);
  });

  it('its words are not shown as sample values in the column form of a file not recognised', async () => {
    const odd = ['Ref,Kid,Began', 'R1,K1,01/04/2024', 'Ref,Kid,Began', ' Ref , Kid ,Began', 'R2,K2,02/04/2024'];
    const report = await t.load('odd.csv', odd.join('\n'));
    expect(report.files[0]).toMatchObject({ status: 'failed', datasetId: null });
    expect(report.files[0]?.columnSamples).toEqual([
      ['R1', 'R2'],
      ['K1', 'K2'],
      ['01/04/2024', '02/04/2024'],
    ]);
  });

  it('a row that merely shares some words with the header is a record, checked as usual', async () => {
    const report = await t.load(
      'near.csv',
      [HEADER, ...first, 'EH9,Child ID,03/04/2024,,Lead agency,Locality,6'].join('\n'),
    );
    expect(report.files[0]).toMatchObject({ rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
    expect(report.files[0]?.unmappedCodes).toEqual([{ field: 'lead_agency', value: 'Lead agency', count: 1 }]);
  });
});
