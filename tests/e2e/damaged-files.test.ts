import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../support/xlsx-writer';
import { loadFiles, reportNumbers, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// A damaged workbook and a header row repeated mid-file, as a user sees them in the load report (issue 28).
const dir = mkdtempSync(join(tmpdir(), 'pi-damaged-'));

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const HEADER = ['child_id', 'assessment_start_date', 'lead_agency', 'locality'];

/** Ten rows whose shared text is cut to its first 10 items: cell C3 points past the end. */
function damagedWorkbook(): Uint8Array {
  const rows = [HEADER, ...Array.from({ length: 10 }, (_, i) => [`C${i}`, '01/04/2024', 'Police', 'North'])];
  const files = unzipSync(writeXlsx([{ name: 'Sheet1', rows }]));
  const xml = new TextDecoder().decode(files['xl/sharedStrings.xml']);
  const items = xml.match(/<si>[\s\S]*?<\/si>/g) ?? [];
  files['xl/sharedStrings.xml'] = strToU8(xml.replace(/<si>[\s\S]*<\/si>/, items.slice(0, 10).join('')));
  return zipSync(files);
}

const CSV_HEADER = 'Episode ID,Child ID,Assessment start date,Episode end date,Lead agency,Locality,Age at start';
const JOINED = [
  CSV_HEADER,
  'EH1,C1,01/04/2024,,POLICE,North,4',
  'EH2,C2,02/04/2024,,Neighbour,South,5',
  CSV_HEADER,
  'EH3,C3,03/04/2024,,POLICE,North,6',
].join('\r\n');

describe('damaged and joined files, in the built app', () => {
  it('refuses a workbook pointing at shared text it does not hold, naming the cell', async () => {
    const { page } = app;
    await loadFiles(page, [writeFixture(dir, 'ten.xlsx', damagedWorkbook())]);
    expect(await reportNumbers(page)).toMatchObject({ read: 0, loaded: 0, status: 'failed' });
    const message = page.getByTestId('error-message');
    await expect(message.textContent()).resolves.toBe(
      '“ten.xlsx” was not opened: cell C3 of sheet “Sheet1” points at shared text number 10, which the workbook does not contain, so the file is damaged. Open it in Excel (which repairs what it can), save it, and load it again; or ask whoever sent it for a new copy.',
    );
    expect(await message.isVisible()).toBe(true);
    await screenshot(page, 'i28-damaged-workbook', { fullPage: false });
  });

  it('rejects a header row repeated mid-file with one reason, never offering its words as codes', async () => {
    const { page } = app;
    await loadFiles(page, [writeFixture(dir, 'joined.csv', JOINED)]);
    expect(await reportNumbers(page)).toMatchObject({ read: 4, loaded: 3, rejected: 1 });
    const rejections = page.getByTestId('rejections');
    const rows = await rejections.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('The header row appears again here');
    expect(rows[0]).toContain('line 4');
    // The unknown agency is offered for mapping; the header's words are not (values are shown in quotes).
    const values = await page.getByTestId('value-mapping').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(values).toEqual(['“Neighbour”']);
    await rejections.scrollIntoViewIfNeeded();
    await screenshot(page, 'i28-header-again', { fullPage: false });
    expect(app.consoleErrors).toEqual([]);
  });
});
