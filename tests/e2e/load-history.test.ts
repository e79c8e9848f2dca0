import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, goTo, loadSampleData, openPage, waitForChart } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Issue 30 §2: every load, removal, suppression switch, change point and export, with date and time —
// "which data was this pack made from?" — listed newest first and downloadable as CSV.
let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

const UK_TIME = /^\d\d\/\d\d\/20\d\d \d\d:\d\d$/;

async function historyRows() {
  const { page } = app;
  await openPage(page, 'Load history');
  await page.getByTestId('load-history').waitFor();
  return page.getByTestId('history-entry').evaluateAll((rows) =>
    rows.map((row) => ({
      action: row.getAttribute('data-action'),
      cells: [...row.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );
}

describe('the load history, in the built app', () => {
  it('says in plain words that nothing has happened yet', async () => {
    const { page } = app;
    await openPage(page, 'Load history');
    await expect(page.getByTestId('load-history-empty').textContent()).resolves.toContain(
      'Nothing has happened yet in this tab.',
    );
    await expect(page.getByTestId('download-history').count()).resolves.toBe(0);
    expect(await axeProblems(page, 'Load history (empty)')).toEqual([]);
  });

  it('lists the sample’s files, suppression, the pack as PDF, a removal, a change point and a CSV, newest first', async () => {
    const { page } = app;
    await openPage(page, 'Data');
    await loadSampleData(page);
    await openPage(page, 'Board pack');
    await page.getByTestId('suppression-toggle').click();
    await expect(page.getByTestId('suppression-toggle').getAttribute('aria-checked')).resolves.toBe('false');
    // "Download PDF" opens the print view, which opens the browser's print dialog once drawn.
    const printed = page.evaluate(
      () => new Promise<void>((resolve) => window.addEventListener('beforeprint', () => resolve(), { once: true })),
    );
    await page.getByTestId('export-pdf').click();
    await page.locator('[data-testid="board-pack-print"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await printed;
    await goTo(page, '#/');
    const row = page.locator('[data-testid="file-report"][data-file-name="schools.csv"]');
    await row.getByTestId('remove-file').click();
    // Removing shows its effect on each headline first; confirmed, the file goes.
    await page.getByTestId('effect-confirm').click();
    await row.waitFor({ state: 'detached' });
    // A change marked on a chart, then the chart's figures saved as CSV.
    await goTo(page, '#/early-help?period=month');
    const card = await waitForChart(page, 'EH1');
    await card.getByTestId('change-points-EH1').locator('summary').click();
    await card.getByLabel('From').selectOption({ label: 'Oct 2024' });
    await card.getByTestId('change-label-EH1').fill('Family hubs opened');
    await card.getByTestId('add-change-EH1').click();
    await card.getByTestId('change-mark').waitFor();
    await Promise.all([page.waitForEvent('download'), card.getByTestId('download-csv').click()]);

    const rows = await historyRows();
    expect(rows.map((r) => r.action)).toEqual([
      'export',
      'change-point',
      'remove',
      'export',
      'suppression',
      ...Array(18).fill('load'),
    ]);
    for (const r of rows) expect(r.cells[0]).toMatch(UK_TIME);
    const [csv, change, removed, exported, switched] = rows;
    expect(csv?.cells.slice(2, 4)).toEqual([
      expect.stringMatching(
        /^Figures of “EH1 .+, by month” saved as CSV: figures as at .+; small numbers NOT suppressed/,
      ),
      'EH1-by-month.csv',
    ]);
    expect(change?.cells[2]).toBe(
      'Change marked on EH1 from 01/10/2024: “Family hubs opened” (limits worked out again from there)',
    );
    expect(removed?.cells.slice(1)).toEqual([
      'Removed',
      expect.stringMatching(/^Removed “schools\.csv”: its [\d,]+ rows and rejections taken out of the data$/),
      'schools.csv',
      expect.stringMatching(/^[\d,]+$/),
      '',
    ]);
    expect(exported?.cells[1]).toBe('Exported');
    expect(exported?.cells[2]).toMatch(
      /^Board pack “.+” printed or saved as PDF: figures as at Early help 30\/09\/2026, .+; small numbers NOT suppressed \(internal use only\)$/,
    );
    // The areas' dates differ in the sample: the latest is the pack's "as at".
    expect(exported?.cells[5]).toBe('30/09/2026');
    expect(switched?.cells[2]).toContain('Suppression of small numbers switched off');
    const loads = rows.slice(5);
    expect(loads.map((r) => r.cells[3]).sort()).toEqual([
      'assessments.csv',
      'audit_actions.csv',
      'audit_grades.csv',
      'child_protection_plans.csv',
      'children_in_need.csv',
      'compliance_returns.csv',
      'contacts.csv',
      'cp_visits.csv',
      'early_help_episodes.csv',
      'practice_reviews.csv',
      'referrals.csv',
      'review_recommendations.csv',
      'schools.csv',
      'section47_enquiries.csv',
      'training_attendance.csv',
      'training_evaluations.csv',
      'training_events.csv',
      'workforce.csv',
    ]);
    const episodes = loads.find((r) => r.cells[3] === 'early_help_episodes.csv');
    expect(episodes?.cells[2]).toMatch(
      /^Loaded “early_help_episodes\.csv” as Early help episodes: [\d,]+ rows of [\d,]+ read/,
    );
    expect(Number(episodes?.cells[4]?.replace(/,/g, ''))).toBeGreaterThan(100);
    await screenshot(page, 'lh01-load-history-1366', { fullPage: false });
    await screenshot(page, 'lh01b-load-history-1366-full');
    expect(await axeProblems(page, 'Load history')).toEqual([]);
  });

  it('downloads the history as CSV, the same rows, newest first', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-history').click()]);
    expect(download.suggestedFilename()).toMatch(/^load-history-20\d\d-\d\d-\d\d\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1).trim(), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([
      'Date and time',
      'What happened',
      'Details',
      'File',
      'Rows',
      'Figures as at',
      'Recorded at (ISO, UTC)',
    ]);
    const shown = await historyRows();
    expect(parsed.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual(
      shown.map((r) => [r.cells[0], r.cells[1], r.cells[2], r.cells[3]]),
    );
    expect(parsed.slice(1).map((r) => r[1])).toEqual([
      'Exported',
      'Change point',
      'Removed',
      'Exported',
      'Suppression',
      ...Array(18).fill('Loaded'),
    ]);
    for (const r of parsed.slice(1)) expect(r[6]).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('is readable on a wide screen too', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'lh02-load-history-1920', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(app.offOrigin()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
