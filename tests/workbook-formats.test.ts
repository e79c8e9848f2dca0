import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});

/** A workbook like an Annex A return: a cover sheet, then List 2 with a title row and real date cells. */
function workbook(bookType: XLSX.BookType): Uint8Array<ArrayBuffer> {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([['Front sheet'], ['Local authority', 'Fernshire']]),
    'Front_Sheet',
  );
  const list2 = XLSX.utils.aoa_to_sheet(
    [
      ['List 2: Early Help'],
      ['Child Unique ID', 'Gender', 'Assessment start date', 'Organisation completing assessment'],
      ['C1', 'b) Female', new Date(Date.UTC(2024, 3, 1)), 'Police'],
      ['C2', 'a) Male', new Date(Date.UTC(2024, 11, 31)), 'School'],
    ],
    { cellDates: true, dateNF: 'm/d/yy' },
  );
  XLSX.utils.book_append_sheet(book, list2, 'List_2');
  const out = XLSX.write(book, { bookType, type: 'array' }) as ArrayBuffer;
  return new Uint8Array(out);
}

describe('workbook formats', () => {
  it.each([
    ['xlsx', 'annex.xlsx'],
    ['xls', 'annex.xls'],
    ['ods', 'annex.ods'],
  ] as const)(
    '%s: List_2 loads as early help with its dates read right (never US month/day)',
    async (bookType, name) => {
      await t.reset();
      const report = await t.load(name, workbook(bookType));
      expect(report.files.map((f) => [f.fileName, f.datasetId, f.headerLine, f.rowsLoaded])).toEqual([
        [`${name} › List_2`, 'early_help_episodes', 2, 2],
      ]);
      const rows = await t.engine.query(
        "SELECT child_id, gender, strftime(assessment_start_date, '%Y-%m-%d') AS start FROM early_help_episodes ORDER BY child_id",
        [],
        z.object({ child_id: z.string(), gender: z.string().nullable(), start: z.string() }),
      );
      expect(rows).toEqual([
        { child_id: 'C1', gender: 'FEMALE', start: '2024-04-01' },
        { child_id: 'C2', gender: 'MALE', start: '2024-12-31' },
      ]);
    },
  );

  it('a workbook with no partnership dataset says which sheets it looked at', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['Budget', 'Amount'],
        ['Training', 5000],
      ]),
      'Money',
    );
    const bytes = new Uint8Array(XLSX.write(book, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
    const report = await t.load('budget.xlsx', bytes);
    expect(report.status).toBe('failed');
    expect(report.files[0]?.message).toMatch(/No sheet in “budget.xlsx” is a partnership dataset .*sheets: Money/);
  });
});

describe('duplicate header names', () => {
  it('the first column with a name fills the field; the other is listed as ignored', async () => {
    await t.reset();
    const report = await t.load('dup.csv', 'child_id,assessment_start_date,child_id\nA,01/04/2024,Z\n');
    expect(report.files[0]).toMatchObject({ rowsLoaded: 1, ignoredColumns: ['child_id'] });
    const [row] = await t.engine.query(
      'SELECT child_id FROM early_help_episodes',
      [],
      z.object({ child_id: z.string() }),
    );
    expect(row?.child_id).toBe('A');
  });
});
