import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles, openPage, reportNumbers, waitForChart, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, SCREENSHOTS, screenshot } from './support/browser';

// Issue 27 §4: words, not codes, and less lost on a messy file.
const dir = mkdtempSync(join(tmpdir(), 'pi-e2e-words-'));
const MESSY = resolve(import.meta.dirname, '../../sample-data/messy/early_help_bad_optional_cells.csv');

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

/** The text of each option of a filter list, "All" and the placeholder left out. */
async function filterOptions(dimension: string): Promise<string[]> {
  const select = app.page.getByTestId(`filter-${dimension}`);
  await app.page.waitForFunction(
    (id) => {
      const options = [...(document.querySelector(`[data-testid="${id}"]`)?.querySelectorAll('option') ?? [])];
      return options.length > 1 && !options.some((o) => o.textContent === 'Listing the values…');
    },
    `filter-${dimension}`,
    { timeout: 60_000 },
  );
  const texts = await select.locator('option').allTextContents();
  return texts.filter((t) => t !== 'All');
}

describe('words, not codes, and less lost on a messy file', () => {
  it('loads the rows of a messy file whose optional cells are bad, each with a warning naming its line and value', async () => {
    const { page } = app;
    await loadFiles(page, [MESSY]);
    const numbers = await reportNumbers(page);
    const report = page.getByTestId('load-report');
    const warned = Number(await report.getAttribute('data-rows-warned'));
    // 24 rows: one rejected (its required start date is "tbc"); seven load with a bad optional cell left empty.
    expect(numbers).toMatchObject({ read: 24, loaded: 23, rejected: 1, status: 'partial' });
    expect(numbers.read).toBe(numbers.loaded + numbers.rejected);
    expect(warned).toBe(7);
    expect(warned).toBeLessThanOrEqual(numbers.loaded);
    const warnings = page.getByTestId('warnings');
    const text = (await warnings.textContent()) ?? '';
    expect(text).toContain('line 3: “tbc”');
    expect(text).toContain('line 4: “twelve”');
    expect(text).toContain('line 10: “maybe”');
    expect(text).toContain('line 17: “ongoing”');
    await expect(page.getByTestId('rejections').textContent()).resolves.toContain('line 15: “tbc”');
    const row = page.locator('[data-testid="file-report"][data-file-name="early_help_bad_optional_cells.csv"]');
    await expect(row.textContent()).resolves.toContain('Loaded with problems');
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'w01-load-report-warnings', { fullPage: false });
    await screenshot(page, 'w01-load-report-warnings-full');
  });

  it('lists ethnicity in the DfE’s words and age bands youngest first, "Not mapped yet" apart from "Not recorded"', async () => {
    const { page } = app;
    await openPage(page, 'Early help');
    await waitForChart(page, 'EH1');
    const ethnicity = await filterOptions('ethnicity');
    // WBRI written three ways (Annex A, bare, words) is one "White British"; "Mixed - other" is not mapped yet.
    expect(ethnicity).toEqual([
      'White British',
      'White and Black Caribbean',
      'Indian',
      'Pakistani',
      'Black African',
      'Information not yet obtained',
      'Not mapped yet',
    ]);
    expect(ethnicity.join(' ')).not.toMatch(/WBRI|a\) /);
    // The two bad ages are left empty: "Not recorded".
    expect(await filterOptions('age_band')).toEqual([
      'Under 1',
      '1 to 4',
      '5 to 9',
      '10 to 15',
      '16 and over',
      'Not recorded',
    ]);
    expect(await filterOptions('gender')).toEqual(['Male', 'Female', 'Not stated or recorded']);
    expect(await filterOptions('agency')).toContain("Children's social care");

    await page.getByTestId('filter-ethnicity').selectOption({ label: 'White British' });
    const chip = page.getByTestId('clear-filter-ethnicity');
    await expect(chip.textContent()).resolves.toContain('Ethnicity: White British');
    expect(await page.evaluate(() => decodeURIComponent(window.location.hash))).toContain('WBRI');
    await page.getByTestId('filter-bar').scrollIntoViewIfNeeded();
    await screenshot(page, 'w02-filter-bar', { fullPage: false });
    await chip.click();

    // The closure reasons' legend speaks words too.
    const legend = (
      await page.getByTestId('stacked-chart').first().locator('.chart-legend-text').allTextContents()
    ).join('|');
    expect(legend).toContain('Needs met');
    expect(legend).not.toMatch(/NEEDS_MET|CONSENT_WITHDRAWN/);
  });

  it('says in one sentence that a file is not recognised, and shows the form to map its columns with their first values', async () => {
    const { page } = app;
    const odd = writeFixture(
      dir,
      'case_extract.csv',
      'Ref,Kid,Began,Why closed\nR1,K1,01/04/2024,Needs met\nR2,K2,02/04/2024,\nR3,K3,03/04/2024,Moved away\n',
    );
    await loadFiles(page, [odd]);
    const message = page.getByTestId('load-report').getByTestId('error-message');
    expect(await message.textContent()).toBe('“case_extract.csv” is not a partnership dataset this app recognises.');
    expect(await page.getByTestId('load-report').textContent()).not.toContain('See the templates. See the templates');
    const form = page.getByTestId('column-mapping');
    await form.waitFor();
    await form.getByLabel('This file is').selectOption('early_help_episodes');
    await form.getByLabel('Child ID').selectOption('Kid');
    expect(await form.getByTestId('samples-child_id').textContent()).toBe('K1, K2, K3');
    await form.getByLabel('End reason').selectOption('Why closed');
    expect(await form.getByTestId('samples-end_reason').textContent()).toBe('Needs met, Moved away');
    await expect(form.textContent()).resolves.toContain('Still needed: Assessment start date.');
    await expect(form.getByTestId('file-columns').textContent()).resolves.toContain('Why closedNeeds met, Moved away');
    await page.getByTestId('load-report').scrollIntoViewIfNeeded();
    await screenshot(page, 'w03-not-recognised-form', { fullPage: false });
    await screenshot(page, 'w03-not-recognised-form-full');
    await form.getByLabel('Assessment start date').selectOption('Began');
    await form.getByRole('button', { name: 'Load with these columns' }).click();
    await page.getByTestId('dataset-early_help_episodes').waitFor();
    expect(await page.getByTestId('dataset-early_help_episodes').getAttribute('data-rows-loaded')).toBe('3');
  });

  it('after a reload, says the earlier data was cleared by it and names the files it held', async () => {
    const { page } = app;
    const accept = (dialog: import('playwright-core').Dialog) => void dialog.accept();
    page.on('dialog', accept);
    await page.reload();
    page.off('dialog', accept);
    await openPage(page, 'Data');
    const note = page.getByTestId('cleared-by-reload');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('The page was reloaded, which cleared the data loaded earlier in this tab');
    expect(text).toContain('early_help_bad_optional_cells.csv (23 rows)');
    expect(text).toContain('case_extract.csv (3 rows)');
    expect(text).toContain('26 rows from these 2 files');
    await screenshot(page, 'w04-cleared-by-reload', { fullPage: false });
    // Loading again takes the note away.
    await loadFiles(page, [MESSY]);
    expect(await note.count()).toBe(0);
  });

  it('offers each template as an Excel workbook whose drop-downs list the allowed values in words', async () => {
    const { page } = app;
    const before = app.requests.length;
    await page.getByRole('link', { name: 'Templates' }).first().click();
    await page.getByRole('heading', { name: 'Templates for partner agencies' }).waitFor();
    await screenshot(page, 'w05-templates-top', { fullPage: false });
    await page
      .getByTestId('template-early_help_episodes')
      .screenshot({ path: join(SCREENSHOTS, 'w05-template-early-help.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-workbook-early_help_episodes').click(),
    ]);
    expect(download.suggestedFilename()).toBe('early_help_episodes.xlsx');
    const parts = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const lists = strFromU8(parts['xl/worksheets/sheet3.xml'] ?? new Uint8Array());
    expect(lists).toContain('>White British<');
    expect(lists).toContain('>Stepped up to social care<');
    expect(strFromU8(parts['xl/worksheets/sheet1.xml'] ?? new Uint8Array())).toContain(
      '<formula1>list_ethnicity</formula1>',
    );
    // Made in the page: no request but the writer's own script.
    expect(
      app.requests.slice(before).filter((u) => !u.startsWith('blob:') && !/\/assets\/[\w.-]+\.js$/.test(u)),
    ).toEqual([]);
    const ethnicityRow = page.getByTestId('template-early_help_episodes').locator('tr', { hasText: 'ethnicity' });
    await expect(ethnicityRow.locator('.allowed-values li').first().textContent()).resolves.toBe('White British WBRI');
    await screenshot(page, 'w05-templates', { fullPage: false });
  });

  it('never asks any other origin for anything', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
