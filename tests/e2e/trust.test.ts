import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles, openPage, reportNumbers, waitForChart, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Trustworthy statistics in the built app (issue 10): what the charts say, what is counted once.
const dir = mkdtempSync(join(tmpdir(), 'pi-trust-'));
const fixture = (name: string, content: string) => writeFixture(dir, name, content);

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

describe('trustworthy statistics, in the built app', () => {
  it('marks a change on a chart: the limits start again there, and the mark shows on the chart and in the table', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByTestId('go-to-overview').waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      window.location.hash = '#/early-help?period=month';
    });
    const card = await waitForChart(page, 'EH1');
    await card.getByTestId('change-points-EH1').locator('summary').click();
    await card.getByLabel('From').selectOption({ label: 'Oct 2024' });
    await card.getByTestId('change-label-EH1').fill('Family hubs opened');
    await card.getByTestId('add-change-EH1').click();
    await card.getByTestId('change-mark').waitFor();
    await expect(card.getByTestId('change-mark').textContent()).resolves.toContain('Family hubs opened (from Oct 2024');
    await screenshot(page, 't01-change-marked', { fullPage: false });
    await card.getByTestId('toggle-table-EH1').click();
    const table = card.getByTestId('table-EH1');
    await expect(table.locator('tr', { hasText: 'Oct 2024' }).textContent()).resolves.toContain('Family hubs opened');
    // Saved in this browser: still there after a reload.
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await openPage(page, 'Data');
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByTestId('go-to-overview').waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      window.location.hash = '#/early-help?period=month';
    });
    const again = await waitForChart(page, 'EH1');
    await expect(again.getByTestId('change-mark').textContent()).resolves.toContain('Family hubs opened');
  });

  it('every percentage shows its count, and small numbers are not compared', async () => {
    const { page } = app;
    await openPage(page, 'Overview');
    await page.getByTestId('as-at').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('as-at').textContent()).resolves.toMatch(
      /Figures as at 30\/09\/2026|different dates/,
    );
    const eh3 = page.locator('.score-card[data-indicator-id="EH3"][data-state="ready"]');
    await eh3.waitFor({ timeout: 60_000 });
    await expect(eh3.getByTestId('count-EH3').textContent()).resolves.toMatch(/^[\d,]+ of [\d,]+$/);
    await openPage(page, 'Case-file audits');
    const aq2 = page.locator('[data-indicator-id="AQ2"][data-state="ready"]');
    await aq2.waitFor({ timeout: 60_000 });
    // Audits look at a handful of cases a quarter: a run chart, saying why, and no change claimed.
    await expect(aq2.textContent()).resolves.toMatch(/— \d+ of \d+/);
    await screenshot(page, 't02-small-numbers', { fullPage: false });
  });

  it('does not count the same records twice, and lets the user replace the earlier file’s', async () => {
    const { page } = app;
    const april = fixture('april.csv', 'episode_id,child_id,assessment_start_date\nX1,A,01/04/2024\nX2,B,02/04/2024\n');
    const overlap = fixture(
      'april-may.csv',
      'episode_id,child_id,assessment_start_date\nX2,B,02/04/2024\nX3,C,03/05/2024\n',
    );
    await loadFiles(page, [april]);
    await loadFiles(page, [overlap]);
    // X2 is held once (the same values), X3 is new: nothing counted twice, nothing rejected.
    expect(await reportNumbers(page)).toMatchObject({ read: 2, loaded: 1, rejected: 0 });
    expect(await page.getByTestId('load-report').getAttribute('data-rows-unchanged')).toBe('1');
    const box = page.getByTestId('duplicates');
    await expect(box.textContent()).resolves.toContain('already loaded from “april.csv”');
    await screenshot(page, 't03-duplicates', { fullPage: false });
    const seq = await page.getByTestId('load-report').getAttribute('data-load-seq');
    // The other ways to treat them are still offered.
    await box.locator('summary').click();
    await box.getByTestId('duplicates-replace').click();
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid="load-report"]')?.getAttribute('data-load-seq') !== s,
      seq,
    );
    expect(await reportNumbers(page)).toMatchObject({ read: 2, loaded: 2, rejected: 0 });
    await expect(page.getByTestId('duplicates').textContent()).resolves.toContain('replaced by this file’s');
    expect(app.consoleErrors).toEqual([]);
  });
});
