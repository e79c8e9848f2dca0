import * as XLSX from '@e965/xlsx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readWorkbook } from '../src/ingest/workbook/read-workbook';
import { createTestSession } from './support/load-csv';
import { writeXlsx, type XSheet } from './support/xlsx-writer';

// A damaged, oversized or protected workbook is refused at once, naming the cell or part, and never
// loaded with blanks where its values should be (issue 28).
type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});
beforeEach(async () => {
  await t.reset();
});

const HEADER = ['child_id', 'assessment_start_date', 'lead_agency', 'locality'];
const DAMAGED =
  'so the file is damaged. Open it in Excel (which repairs what it can), save it, and load it again; or ask whoever sent it for a new copy.';
const tenRows: XSheet = {
  name: 'Sheet1',
  rows: [HEADER, ...Array.from({ length: 10 }, (_, i) => [`C${i}`, '01/04/2024', 'Police', 'North'])],
};
const loadedRows = async () =>
  (await t.engine.query('SELECT count(*)::INTEGER AS n FROM early_help_episodes', [], z.object({ n: z.number() })))[0]
    ?.n;

/** The workbook with some of its parts replaced (or, given null, removed). */
function withParts(book: Uint8Array, parts: Record<string, string | null>): Uint8Array<ArrayBuffer> {
  const files = unzipSync(book);
  for (const [name, text] of Object.entries(parts)) {
    if (text === null) delete files[name];
    else files[name] = strToU8(text);
  }
  return zipSync(files);
}

/** The shared strings part holding only the first `n` items of the writer's list. */
function sharedStringsCutTo(book: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const xml = new TextDecoder().decode(unzipSync(book)['xl/sharedStrings.xml']);
  const items = xml.match(/<si>[\s\S]*?<\/si>/g) ?? [];
  const cut = xml.replace(/<si>[\s\S]*<\/si>/, items.slice(0, n).join(''));
  return withParts(book, { 'xl/sharedStrings.xml': cut });
}

async function refusal(name: string, bytes: Uint8Array<ArrayBuffer>) {
  const started = Date.now();
  const report = await t.load(name, bytes);
  const seconds = (Date.now() - started) / 1000;
  expect(report.files).toHaveLength(1);
  expect(report.files[0]).toMatchObject({ status: 'failed', rowsRead: 0, rowsLoaded: 0 });
  expect(await loadedRows()).toBe(0);
  return { message: report.files[0]?.message, seconds };
}

describe('a workbook pointing at text, styles or parts it does not hold', () => {
  it('refuses a sheet whose cells point at shared text that is not there, naming the first such cell', async () => {
    // The writer numbers strings in order: header 0–3, then per row its id, date, agency, locality.
    // Keeping 10 leaves row 2 whole, and C3 (row 3's lead agency) the first cell pointing past the end.
    const { message } = await refusal('ten.xlsx', sharedStringsCutTo(writeXlsx([tenRows]), 10));
    expect(message).toBe(
      `“ten.xlsx” was not opened: cell C3 of sheet “Sheet1” points at shared text number 10, which the workbook does not contain, ${DAMAGED}`,
    );
  });

  it('names the cell and its sheet when the sheet name has a space', async () => {
    const book = sharedStringsCutTo(writeXlsx([{ ...tenRows, name: 'Early help' }]), 4);
    const { message } = await refusal('spaced.xlsx', book);
    expect(message).toMatch(
      /^“spaced\.xlsx” was not opened: cell A2 of sheet “Early help” points at shared text number 4, /,
    );
  });

  it('refuses a workbook whose shared text, styles or a sheet are listed but missing', async () => {
    const book = writeXlsx([tenRows]);
    expect((await refusal('a.xlsx', withParts(book, { 'xl/sharedStrings.xml': null }))).message).toBe(
      `“a.xlsx” was not opened: its shared text (xl/sharedStrings.xml) is missing, ${DAMAGED}`,
    );
    expect((await refusal('b.xlsx', withParts(book, { 'xl/styles.xml': null }))).message).toBe(
      `“b.xlsx” was not opened: its cell styles (xl/styles.xml) are missing, ${DAMAGED}`,
    );
    expect((await refusal('c.xlsx', withParts(book, { 'xl/worksheets/sheet1.xml': null }))).message).toBe(
      `“c.xlsx” was not opened: sheet “Sheet1” (xl/worksheets/sheet1.xml) is missing from it, ${DAMAGED}`,
    );
  });

  it('refuses a number whose cell style is not in the workbook (it could be a date or not)', async () => {
    const book = writeXlsx([
      { name: 'S', rows: [HEADER, ['C1', { raw: '<c r="B2" s="57"><v>45383</v></c>' }, 'Police', 'North']] },
    ]);
    const { message } = await refusal('style.xlsx', book);
    expect(message).toBe(
      `“style.xlsx” was not opened: cell B2 of sheet “S” uses cell style number 57, which the workbook does not contain, ${DAMAGED}`,
    );
  });

  it('still reads style 0 in a workbook without a styles part, and shared text that is all there', async () => {
    const book = writeXlsx([
      { name: 'S', rows: [HEADER, ['C1', { raw: '<c r="B2" s="0"><v>45383</v></c>' }, 'Police', 'North']] },
    ]);
    const files = unzipSync(book);
    delete files['xl/styles.xml'];
    const rels = new TextDecoder().decode(files['xl/_rels/workbook.xml.rels']);
    files['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace(/<Relationship Id="rIdS"[^>]*\/>/, ''));
    const report = await t.load('plain.xlsx', zipSync(files));
    expect(report.files[0]).toMatchObject({ status: 'loaded', rowsRead: 1, rowsLoaded: 1 });
  });
});

describe('workbook references that promise huge sizes', () => {
  const sheetWith = (cell: string, row = 2) =>
    writeXlsx([
      {
        name: 'S',
        rows: new Map([
          [1, HEADER],
          [row, ['C1', { raw: cell }, 'Police', 'North']],
        ]),
      },
    ]);

  it.each([
    [
      'a cell at column AAAAAAA',
      sheetWith('<c r="AAAAAAA2" t="inlineStr"><is><t>x</t></is></c>'),
      'cell AAAAAAA2 of sheet “S” is beyond Excel’s last column (XFD)',
    ],
    [
      'a cell one past XFD',
      sheetWith('<c r="XFE2" t="inlineStr"><is><t>x</t></is></c>'),
      'cell XFE2 of sheet “S” is beyond Excel’s last column (XFD)',
    ],
    [
      'a row numbered 500,000,000',
      sheetWith('<c r="B500000000"><v>1</v></c>', 500_000_000),
      'sheet “S” has a row numbered 500,000,000, beyond Excel’s last row (1,048,576)',
    ],
  ])('refuses %s at once, naming it', async (_what, book, reason) => {
    const { message, seconds } = await refusal('huge.xlsx', book);
    expect(message).toBe(`“huge.xlsx” was not opened: ${reason}, ${DAMAGED}`);
    expect(seconds).toBeLessThan(3);
  });

  it('reads a sheet whose <dimension> claims billions of cells: it is a hint, never used to size anything', async () => {
    const files = unzipSync(writeXlsx([tenRows]));
    const xml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    files['xl/worksheets/sheet1.xml'] = strToU8(
      xml.replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>'),
    );
    const started = Date.now();
    const report = await t.load('dimension.xlsx', zipSync(files));
    expect(report.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: 10 });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  const html = (cell: string) =>
    `<html><body><table><tr><th>child_id</th><th>assessment_start_date</th></tr><tr><td>C1</td>${cell}</tr></table></body></html>`;
  const sml = (table: string) =>
    `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S">${table}</Worksheet></Workbook>`;
  const smlRow = '<Row><Cell><Data ss:Type="String">child_id</Data></Cell></Row>';

  it.each([
    [
      'an HTML cell spanning a billion columns',
      html('<td colspan="1000000000">x</td><td>03/04/2024</td>'),
      'the table’s cell 2 of row 2 says colspan="1000000000", beyond Excel’s last column 16,384 (XFD)',
    ],
    [
      'an HTML cell spanning a billion rows (written 1e9)',
      html('<td rowspan=1e9>x</td>'),
      'the table’s cell 2 of row 2 says rowspan="1e9", beyond Excel’s last row 1,048,576',
    ],
    [
      'a SpreadsheetML row numbered 500,000,000',
      sml(`<Table>${smlRow}<Row ss:Index="500000000"><Cell><Data ss:Type="String">C1</Data></Cell></Row></Table>`),
      'row 2 of its sheet says ss:Index="500000000", beyond Excel’s last row 1,048,576',
    ],
    [
      'a SpreadsheetML table claiming a billion columns',
      sml(`<Table ss:ExpandedColumnCount="1000000000">${smlRow}</Table>`),
      'its table says ss:ExpandedColumnCount="1000000000", beyond Excel’s last column 16,384 (XFD)',
    ],
    [
      'a SpreadsheetML cell at column 20,000',
      sml(`<Table>${smlRow}<Row><Cell ss:Index="20000"><Data ss:Type="String">x</Data></Cell></Row></Table>`),
      'cell 1 of row 2 of its sheet says ss:Index="20000", beyond Excel’s last column 16,384 (XFD)',
    ],
  ])('refuses %s before SheetJS lays it out', async (_what, text, reason) => {
    const { message, seconds } = await refusal('export.xls', new TextEncoder().encode(text));
    expect(message).toBe(`“export.xls” was not opened: ${reason}, ${DAMAGED}`);
    expect(seconds).toBeLessThan(3);
  });

  it('refuses a cell SheetJS places beyond Excel’s grid in a binary file, naming it', async () => {
    // An .ods (read by SheetJS) with a cell one column past XFD.
    const book = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([HEADER]);
    sheet.XFE2 = { t: 's', v: 'far' };
    sheet['!ref'] = 'A1:XFE2';
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const ods = new Uint8Array(XLSX.write(book, { bookType: 'ods', type: 'array' }) as ArrayBuffer);
    const result = await readWorkbook(new Blob([ods]), 'xlsx-or-zip');
    expect(result).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^cell XFE2 of sheet “S” is beyond Excel’s last column/),
    });
  });
});

describe('formulas without saved values', () => {
  it('refuses a sheet whose data rows are only formulas never calculated, rather than calling it empty', async () => {
    const book = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          HEADER,
          [{ formula: 'Raw!A2' }, { formula: 'Raw!B2' }, { formula: 'Raw!C2' }, { formula: 'Raw!D2' }],
          [{ formula: 'Raw!A3' }, { formula: 'Raw!B3' }, { formula: 'Raw!C3' }, { formula: 'Raw!D3' }],
        ],
      },
    ]);
    const report = await t.load('linked.xlsx', book);
    expect(report.files.map((f) => [f.status, f.message])).toEqual([
      [
        'failed',
        '“linked.xlsx › Sheet1” was not loaded: 2 rows (the first is row 2) hold only formulas with no saved value (the workbook was never recalculated and saved in Excel): open it in Excel, save it, and load it again.',
      ],
    ]);
  });

  it('says so when even the header row is formulas never calculated', async () => {
    const book = writeXlsx([
      { name: 'Sheet1', rows: [HEADER.map((h) => ({ formula: `"${h}"` })), ['C1', '01/04/2024', 'Police', 'North']] },
    ]);
    const report = await t.load('headless.xlsx', book);
    expect(report.files[0]?.message).toMatch(
      /Some of its cells are formulas with no saved value \(the workbook was never recalculated and saved in Excel\): open it in Excel, save it, and load it again\.$/,
    );
  });
});

describe('password-protected workbooks', () => {
  const PROTECTED =
    '“secret.xlsx” was not opened: this workbook is password-protected. Save an unprotected copy (in Excel: File › Info › Protect Workbook) and load that.';

  it('recognises an encrypted .xlsx (an OLE file holding EncryptionInfo and EncryptedPackage)', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
    expect((await refusal('secret.xlsx', bytes)).message).toBe(PROTECTED);
  });

  it('recognises a zip whose parts carry the encryption flag', async () => {
    const out = new Uint8Array(writeXlsx([tenRows]));
    const view = new DataView(out.buffer);
    for (let i = 0; i + 4 <= out.length; i += 1) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
      if (sig === 0x04034b50) view.setUint16(i + 6, view.getUint16(i + 6, true) | 1, true);
    }
    expect((await refusal('secret.xlsx', out)).message).toBe(PROTECTED);
  });

  it('recognises an OpenDocument spreadsheet saved with a password (its manifest holds encryption data)', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([HEADER, ['C1', '01/04/2024', 'Police', 'North']]);
    const book = XLSX.utils.book_new(sheet, 'S');
    const ods = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'ods' }) as ArrayBuffer);
    const manifest = new TextDecoder().decode(unzipSync(ods)['META-INF/manifest.xml']);
    const encrypted = manifest.replace(
      /(<manifest:file-entry[^>]*content\.xml"[^>]*?)\/>/,
      '$1><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry>',
    );
    expect(encrypted).not.toBe(manifest);
    const { message } = await refusal('secret.ods', withParts(ods, { 'META-INF/manifest.xml': encrypted }));
    expect(message).toBe(PROTECTED.replace('secret.xlsx', 'secret.ods'));
  });
});
