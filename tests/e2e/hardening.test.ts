import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../scripts/security-headers.mjs';
import { writeXlsx } from '../support/xlsx-writer';
import { zipBomb } from '../support/zip-bomb';
import { loadFiles, openPage, reportNumbers, waitForChart, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// What a user or an attacker can drop or type must never corrupt, lose or leak data (issue 9).
const dir = mkdtempSync(join(tmpdir(), 'pi-hardening-'));
const fixture = (name: string, content: string | Uint8Array) => writeFixture(dir, name, content);

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe('hardening, in the built app', () => {
  it('puts the way to the Overview at the top of the report after the sample data', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByTestId('go-to-overview').waitFor({ timeout: 60_000 });
    const box = await page.getByTestId('go-to-overview').boundingBox();
    const report = await page.getByTestId('load-report').boundingBox();
    expect(box && report && box.y - report.y).toBeLessThan(150);
    await screenshot(page, 'h01-sample-loaded-top', { fullPage: false });
    expect(await page.getByText('forgotten when you close or reload the tab').count()).toBe(1);
    await page.getByTestId('go-to-overview').click();
    await page.getByTestId('overview').waitFor();
  });

  it('asks before a reload or Back would forget the loaded data', async () => {
    const { page } = app;
    const dialogs: string[] = [];
    const dismiss = (dialog: import('playwright-core').Dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    };
    page.on('dialog', dismiss);
    await page.reload({ timeout: 5_000 }).catch(() => undefined);
    page.off('dialog', dismiss);
    expect(dialogs).toContain('beforeunload');
    // Still here, with the data.
    await openPage(page, 'Data');
    expect((await reportNumbers(page)).loaded).toBeGreaterThan(30_000);
  });

  it('hostile addresses show the page and say what was left out, never a blank page', async () => {
    const { page } = app;
    await page.evaluate(() => {
      window.location.hash = '#/early-help?agency=__proto__&colour=red';
    });
    const note = page.getByTestId('address-note');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="address-note"]')?.textContent?.includes('No data for this selection'),
      undefined,
      { timeout: 60_000 },
    );
    await expect(note.textContent()).resolves.toContain('“colour=red”');
    await waitForChart(page, 'EH1');
    await screenshot(page, 'h02-hostile-address', { fullPage: false });
    for (const hash of ['#/constructor', '#/__proto__', '#/toString?period=constructor']) {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      await page.getByRole('heading', { name: 'Partnership data', level: 1 }).waitFor();
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('removes one file, and asks before removing everything', async () => {
    const { page } = app;
    await openPage(page, 'Data');
    const before = await reportNumbers(page);
    const row = page.locator('[data-testid="file-report"][data-file-name="schools.csv"]');
    const schoolRows = Number(
      await row
        .locator('td.numeric')
        .nth(1)
        .textContent()
        .then((t) => t?.replace(/,/g, '')),
    );
    await row.getByTestId('remove-file').click();
    // Removing shows its effect on each headline first; confirmed, the file goes.
    await page.getByTestId('effect-confirm').click();
    await row.waitFor({ state: 'detached' });
    expect((await reportNumbers(page)).loaded).toBe(before.loaded - schoolRows);
    await page.getByTestId('clear-data').click();
    await page.getByTestId('confirm-clear').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('load-report').count()).toBe(1);
    await page.getByTestId('clear-data').click();
    await screenshot(page, 'h03-confirm-clear', { fullPage: false });
    await page.getByTestId('confirm-clear-data').click();
    await page.getByTestId('load-report').waitFor({ state: 'detached' });
  });

  it('downloads rejected rows as UTF-8 with a BOM and with formulas made inert', async () => {
    const { page } = app;
    const hostile = fixture(
      '=cmd|calc.csv',
      'child_id,assessment_start_date,locality\n"=HYPERLINK(""http://evil"",""click"")",not a date,St Mary’s – £\n@SUM(1+1),31/02/2024,x\nC3,01/04/2024,ok\n',
    );
    await loadFiles(page, [hostile]);
    expect(await reportNumbers(page)).toMatchObject({ read: 3, loaded: 1, rejected: 2 });
    await openPage(page, 'Data quality');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-rejections').click(),
    ]);
    expect(download.suggestedFilename()).toBe('rejected_rows.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'=cmd|calc.csv"`);
    expect(text).not.toMatch(/(^|,)=|(^|,)@/m);
    await openPage(page, 'Data');
  });

  it('asks how a month/day date column is written, and reads it that way once told', async () => {
    const { page } = app;
    const us = fixture(
      'us_export.csv',
      'child_id,assessment_start_date\nU1,02/13/2024\nU2,03/04/2024\nU3,12/25/2024\nU4,05/05/2024\n',
    );
    await loadFiles(page, [us]);
    expect(await reportNumbers(page)).toMatchObject({ read: 4, loaded: 1, rejected: 3 });
    const choice = page.getByTestId('date-order');
    // Both readings' evidence is said; month/day has more (2 against none), so it is offered first.
    await expect(choice.textContent()).resolves.toContain(
      'no date can only be day/month; 2 can only be month/day (e.g. 02/13/2024, line 2)',
    );
    expect(await choice.locator('button').evaluateAll((buttons) => buttons.map((b) => b.dataset.testid))).toEqual([
      'date-order-mdy',
      'date-order-dmy',
    ]);
    await screenshot(page, 'h04-date-order', { fullPage: false });
    const seq = await page.getByTestId('load-report').getAttribute('data-load-seq');
    await choice.getByTestId('date-order-mdy').click();
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid="load-report"]')?.getAttribute('data-load-seq') !== s,
      seq,
    );
    expect(await reportNumbers(page)).toMatchObject({ read: 4, loaded: 4, rejected: 0 });
    // Remembered: the next file with the same columns is read month/day at once.
    await loadFiles(page, [
      fixture('us_export_next.csv', 'child_id,assessment_start_date\nU5,01/31/2025\nU6,02/01/2025\n'),
    ]);
    expect(await reportNumbers(page)).toMatchObject({ read: 2, loaded: 2, rejected: 0 });

    // Mostly day/month, with one US date: day/month has more evidence (2 against 1), so it comes first,
    // and the user still chooses — nothing is read either way until then.
    await loadFiles(page, [
      fixture(
        'mostly_uk.csv',
        'child_id,assessment_start_date,locality\nV1,13/04/2025,North\nV2,14/04/2025,North\nV3,04/13/2025,North\nV4,03/04/2025,North\n',
      ),
    ]);
    expect(await reportNumbers(page)).toMatchObject({ read: 4, loaded: 2, rejected: 2 });
    const mostlyUk = page.locator('.file-details').filter({ hasText: 'mostly_uk.csv' }).getByTestId('date-order');
    await expect(mostlyUk.textContent()).resolves.toContain(
      '2 dates can only be day/month (e.g. 13/04/2025, line 2); 1 can only be month/day (e.g. 04/13/2025, line 4)',
    );
    expect(await mostlyUk.locator('button').evaluateAll((buttons) => buttons.map((b) => b.dataset.testid))).toEqual([
      'date-order-dmy',
      'date-order-mdy',
    ]);
    const before = await page.getByTestId('load-report').getAttribute('data-load-seq');
    await mostlyUk.getByTestId('date-order-dmy').click();
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid="load-report"]')?.getAttribute('data-load-seq') !== s,
      before,
    );
    // Day/month: 03/04/2025 is 3 April and loads; 04/13/2025 stays rejected.
    expect(await reportNumbers(page)).toMatchObject({ read: 4, loaded: 3, rejected: 1 });
  });

  it('does not load a file that only weakly resembles a dataset: it asks for its columns', async () => {
    const { page } = app;
    const header = ['URN', 'Name', ...Array.from({ length: 19 }, (_, i) => `Field ${i + 1}`)];
    const homes = fixture(
      'childrens_homes_register.csv',
      `${header.join(',')}\n1234567,Oak House,${Array.from({ length: 19 }, () => 'x').join(',')}\n`,
    );
    await loadFiles(page, [homes]);
    const row = page.locator('[data-testid="file-report"][data-file-name="childrens_homes_register.csv"]');
    expect(await row.getAttribute('data-status')).toBe('unconfirmed');
    const form = page.getByTestId('column-mapping');
    await form.waitFor();
    expect(await form.getByLabel('This file is').inputValue()).toBe('schools');
    await screenshot(page, 'h05-weak-match', { fullPage: false });
  });

  it('reads Excel "Unicode Text" (UTF-16) and mixed line ends', async () => {
    const { page } = app;
    const unicode = fixture(
      'unicode.txt',
      utf16le('child_id\tassessment_start_date\r\nW1\t01/04/2024\r\nW2\t02/04/2024\r\n'),
    );
    const mixed = fixture(
      'mixed.csv',
      'child_id,assessment_start_date\r\nM1,01/04/2024\nM2,02/04/2024\rM3,03/04/2024\r\n',
    );
    await loadFiles(page, [unicode, mixed]);
    expect(await reportNumbers(page)).toMatchObject({ read: 5, loaded: 5, rejected: 0 });
  });

  it('reads an .xlsx in a worker, and refuses a zip bomb while the page stays usable', async () => {
    const { page } = app;
    const book = fixture(
      'episodes.xlsx',
      writeXlsx([
        {
          name: 'List 2',
          rows: [
            ['child_id', 'assessment_start_date'],
            ['X1', { date: 45383, style: 1 }],
            ['X2', { formula: 'TODAY()' }],
          ],
        },
      ]),
    );
    await loadFiles(page, [book]);
    expect(await reportNumbers(page)).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
    await expect(page.getByTestId('load-report').textContent()).resolves.toContain('formula with no saved value');
    const workers = app.requests.filter((u) => /workbook-worker/.test(u));
    expect(workers.length).toBeGreaterThan(0);

    // 500 MB of XML in a 1.8 MB file whose headers claim 2 KB: refused while it expands, in the worker.
    const bomb = fixture('bomb.xlsx', zipBomb(500, 2000));
    await openPage(page, 'Data');
    await page.getByTestId('file-input').setInputFiles(bomb);
    // The page answers while the worker expands the file.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates for partner agencies' }).waitFor({ timeout: 5_000 });
    await openPage(page, 'Data');
    await page.waitForFunction(() => document.body.textContent?.includes('“bomb.xlsx” was not opened'), undefined, {
      timeout: 60_000,
    });
    await expect(page.getByTestId('load-report').textContent()).resolves.toContain('zip bomb');
    await screenshot(page, 'h06-zip-bomb', { fullPage: false });
  });

  it('the server sends the Content-Security-Policy with every response, workers included', async () => {
    // DuckDB's worker starts from our module (duckdb-worker), which then runs duckdb-wasm's own script.
    const worker = app.requests.find((u) => /\/duckdb-worker-[\w-]+\.js$/.test(u));
    const workerScript = app.requests.find((u) => /duckdb-browser-eh\.worker/.test(u));
    expect(worker).toBeDefined();
    expect(workerScript).toBeDefined();
    for (const url of [app.url, `${app.url}/sw.js`, worker ?? '', workerScript ?? '']) {
      const response = await app.page.request.get(url);
      expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    }
    expect(app.offOrigin()).toEqual([]);
  });
});
