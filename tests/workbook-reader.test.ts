import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readWorkbook, WORKBOOK_LIMITS } from '../src/ingest/workbook/read-workbook';
import { createTestSession } from './support/load-csv';
import { writeXlsx } from './support/xlsx-writer';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});
beforeEach(async () => {
  await t.reset();
});

const HEADER = ['child_id', 'assessment_start_date', 'episode_end_date', 'locality'];
const rows = () =>
  t.engine.query(
    `SELECT child_id, strftime(assessment_start_date, '%Y-%m-%d') AS start, strftime(episode_end_date, '%Y-%m-%d') AS ending,
       locality, source_line FROM early_help_episodes ORDER BY source_line`,
    [],
    z.object({
      child_id: z.string(),
      start: z.string(),
      ending: z.string().nullable(),
      locality: z.string().nullable(),
      source_line: z.number(),
    }),
  );

describe('the streaming .xlsx reader', () => {
  it('reads date cells from their serial numbers (built-in and custom formats), text as written, rows at their Excel row', async () => {
    const book = writeXlsx([
      {
        name: 'Early help',
        rows: new Map([
          [1, HEADER],
          // 45383 = 1 April 2024; 45657 = 31 December 2024.
          [2, ['C1', { date: 45383, style: 1 }, { date: 45657, style: 2 }, 'North & “East”']],
          [4, [{ inline: 'C2' }, { shared: '03/04/2024' }, null, 'Line_x000D_one']],
          [
            5,
            [1234567, { date: 45383.75, style: 2 }, { date: 45400, style: 3 }, { raw: '<c r="D5" t="b"><v>1</v></c>' }],
          ],
        ]),
      },
    ]);
    const report = await t.load('episodes.xlsx', book);
    expect(report.files.map((f) => [f.fileName, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ['episodes.xlsx › Early help', 3, 3, 0],
    ]);
    expect(await rows()).toEqual([
      { child_id: 'C1', start: '2024-04-01', ending: '2024-12-31', locality: 'North & “East”', source_line: 2 },
      // A date written as text goes through the UK rules: 03/04/2024 is 3 April. Row 3 is absent.
      { child_id: 'C2', start: '2024-04-03', ending: null, locality: 'Line\rone', source_line: 4 },
      // A date-time cell keeps its day; a plain number in a date column is an Excel serial (45400 = 18/04/2024).
      { child_id: '1234567', start: '2024-04-01', ending: '2024-04-18', locality: 'TRUE', source_line: 5 },
    ]);
  });

  it('names formula cells that have no saved value (a required one rejects its row, an optional one warns), and reads those that have one', async () => {
    const book = writeXlsx([
      {
        name: 'List',
        rows: [
          HEADER,
          [
            'C1',
            { formula: 'DATE(2024,4,1)', value: 45383 },
            null,
            { formula: 'UPPER("north")', value: 'NORTH', type: 'str' },
          ],
          ['C2', { formula: 'TODAY()-30' }, null, 'South'],
          ['C3', { date: 45383, style: 1 }, null, { formula: 'VLOOKUP(A4,Areas!A:B,2,0)' }],
        ],
      },
    ]);
    const report = await t.load('formulas.xlsx', book);
    const file = report.files[0];
    expect(file).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1, rowsWarned: 1 });
    expect(file?.rejections.map((g) => [g.column, g.reason, g.examples[0]?.line, g.examples[0]?.value])).toEqual([
      [
        'assessment_start_date',
        'Assessment start date is a formula with no saved value (the workbook was never recalculated and saved in Excel): open it in Excel, save it, and load it again',
        3,
        '=TODAY()-30',
      ],
    ]);
    // Locality is optional: C3 loads with its locality empty, and the formula is listed as a warning.
    expect(file?.warnings.map((g) => [g.column, g.reason, g.examples[0]?.line, g.examples[0]?.value])).toEqual([
      [
        'locality',
        'Locality is a formula with no saved value (the workbook was never recalculated and saved in Excel): open it in Excel, save it, and load it again',
        4,
        '=VLOOKUP(A4,Areas!A:B,2,0)',
      ],
    ]);
    // C1's start is a number with no date style: read as an Excel serial by the text rules.
    expect(await rows()).toMatchObject([
      { child_id: 'C1', start: '2024-04-01', locality: 'NORTH' },
      { child_id: 'C3', start: '2024-04-01', locality: null },
    ]);
  });

  it('reads sheets whose tags carry a namespace prefix, and a workbook counting from 1904', async () => {
    const book = writeXlsx(
      [{ name: 'S', prefixed: true, rows: [HEADER, ['C1', { date: 43921, style: 1 }, null, 'N']] }],
      {
        date1904: true,
      },
    );
    const report = await t.load('prefixed.xlsx', book);
    expect(report.files[0]).toMatchObject({ rowsLoaded: 1 });
    // 43921 days after 1 January 1904 is 2024-04-01.
    expect((await rows())[0]?.start).toBe('2024-04-01');
  });

  it('loads a 150,000-row sheet (the old reader overflowed its stack at 140,000)', async () => {
    const sheetRows: (string | number | { date: number; style: number } | null)[][] = [HEADER];
    for (let i = 0; i < 150_000; i += 1) sheetRows.push([`C${i}`, { date: 45383 + (i % 700), style: 1 }, null, 'Area']);
    const report = await t.load('big.xlsx', writeXlsx([{ name: 'Big', rows: sheetRows }], { level: 1 }));
    expect(report).toMatchObject({ rowsRead: 150_000, rowsLoaded: 150_000, rowsRejected: 0 });
  }, 120_000);
});

/** A zip whose directory (and local header) claim `claimed` bytes for every part: a lying zip bomb. */
function withClaimedSizes(zip: Uint8Array, claimed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i += 1) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, claimed, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, claimed, true);
  }
  return out;
}

function bombXml(rows: number): Uint8Array<ArrayBuffer> {
  const row = '<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaa</t></is></c></row>';
  return strToU8(`<worksheet><sheetData>${row.repeat(rows)}</sheetData></worksheet>`);
}

describe('workbook limits', () => {
  const small = { ...WORKBOOK_LIMITS, ratioCheckAfter: 1024 * 1024, maxRatio: 100 };
  const bomb = () => {
    const book = writeXlsx([{ name: 'S', rows: [HEADER] }]);
    // Swap the sheet for 20 MB of one repeated row: it deflates to a few kilobytes.
    return zipSync({ ...unzipSync(book), 'xl/worksheets/sheet1.xml': bombXml(300_000) }, { level: 9 });
  };

  it('refuses a zip bomb from what its directory claims, before expanding anything', async () => {
    const result = await readWorkbook(new Blob([bomb()]), 'xlsx-or-zip', { limits: small });
    expect(result).toEqual({
      kind: 'refused',
      message: 'one of its parts expands more than 100 times (a “zip bomb”, or a corrupted file), so it was not opened',
    });
  });

  it('refuses a zip bomb that lies about its size, while expanding it', async () => {
    const result = await readWorkbook(new Blob([withClaimedSizes(bomb(), 1000)]), 'xlsx-or-zip', { limits: small });
    expect(result).toMatchObject({ kind: 'refused', message: expect.stringContaining('zip bomb') });
  });

  it('refuses a workbook that expands beyond the total limit', async () => {
    const limits = { ...WORKBOOK_LIMITS, maxExpandedBytes: 1024 * 1024 };
    const result = await readWorkbook(new Blob([bomb()]), 'xlsx-or-zip', { limits });
    expect(result).toEqual({
      kind: 'refused',
      message: 'it expands to more than 1 MB, more than the browser can read safely',
    });
  });

  it('says so, by file name, in the load report', async () => {
    const book = writeXlsx([{ name: 'S', rows: [HEADER] }]);
    const huge = zipSync({ ...unzipSync(book), 'xl/worksheets/sheet1.xml': bombXml(2_000_000) }, { level: 9 });
    const report = await t.load('bomb.xlsx', huge);
    expect(report.files[0]?.message).toBe(
      '“bomb.xlsx” was not opened: one of its parts expands more than 100 times (a “zip bomb”, or a corrupted file), so it was not opened. Save it from Excel as .xlsx or as “CSV UTF-8”, and try again.',
    );
  });

  it('a damaged zip gets a clear message, not a crash', async () => {
    const book = writeXlsx([{ name: 'S', rows: [HEADER] }]);
    const report = await t.load('cut.xlsx', book.slice(0, book.length - 30));
    expect(report.files[0]?.message).toMatch(/^“cut\.xlsx” was not opened: it is not a complete zip file/);
  });
});

describe('"Excel" files that are really text', () => {
  const csvText = 'child_id,assessment_start_date\r\nC1,03/04/2024\r\nC2,25/12/2024\r\n';

  it.each([
    ['export.xls', csvText],
    ['export.xlsx', csvText.replace(/,/g, '\t')],
    [
      'report.xls',
      '<html><body><table><tr><th>child_id</th><th>assessment_start_date</th></tr><tr><td>C1</td><td>03/04/2024</td></tr><tr><td>C2</td><td>25/12/2024</td></tr></table></body></html>',
    ],
    [
      'sml.xls',
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">child_id</Data></Cell><Cell><Data ss:Type="String">assessment_start_date</Data></Cell></Row><Row><Cell><Data ss:Type="String">C1</Data></Cell><Cell><Data ss:Type="String">03/04/2024</Data></Cell></Row><Row><Cell><Data ss:Type="String">C2</Data></Cell><Cell><Data ss:Type="String">25/12/2024</Data></Cell></Row></Table></Worksheet></Workbook>',
    ],
  ])('%s: UK dates read day/month, as in a CSV (never SheetJS’s month/day)', async (name, content) => {
    const report = await t.load(name, content);
    expect(report.rowsLoaded).toBe(2);
    expect((await rows()).map((r) => [r.child_id, r.start])).toEqual([
      ['C1', '2024-04-03'],
      ['C2', '2024-12-25'],
    ]);
  });
});
