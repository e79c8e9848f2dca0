import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles, openPage, reportNumbers, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// The quarterly cycle (issue 30 §2) in the built app: next quarter's extract with changed records,
// and a partner's file removed or replaced with its effect shown first.
const dir = mkdtempSync(join(tmpdir(), 'pi-quarterly-'));
const fixture = (name: string, content: string) => writeFixture(dir, name, content);

const HEADER = 'episode_id,child_id,assessment_start_date,episode_end_date,end_reason,lead_agency';
const Q1 = `${HEADER}
QX1,A,01/04/2024,,,POLICE
QX2,B,02/04/2024,30/06/2024,NEEDS_MET,POLICE
QX3,C,03/04/2024,,,LA_CSC
QX4,D,04/04/2024,20/06/2024,STEP_UP_CSC,POLICE
`;
// QX1 and QX2 the same; QX3's closure date filled in; QX4's outcome corrected; QX5 new.
const Q2 = `${HEADER}
QX1,A,01/04/2024,,,POLICE
QX2,B,02/04/2024,30/06/2024,NEEDS_MET,POLICE
QX3,C,03/04/2024,15/09/2024,,LA_CSC
QX4,D,04/04/2024,20/06/2024,NEEDS_MET,POLICE
QX5,E,05/07/2024,,,POLICE
`;
// The police resend their quarter: QX4's outcome as it was, QX5 started in May and closed in June.
const RESENT = Q2.replace('20/06/2024,NEEDS_MET', '20/06/2024,STEP_UP_CSC').replace(
  'QX5,E,05/07/2024,,',
  'QX5,E,05/05/2024,29/06/2024,NEEDS_MET',
);

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

/** Each headline row of the effect panel: [indicator, before, after]. */
async function effectRows(page: Page) {
  const panel = page.locator('[data-testid="effect-preview"][data-state="ready"]');
  await panel.waitFor({ timeout: 60_000 });
  return panel
    .locator('tr[data-indicator]')
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-indicator'), r.getAttribute('data-before'), r.getAttribute('data-after')]),
    );
}

/**
 * The Overview's card value once it reads `expected` (or, after a wait, whatever it reads). A card
 * shows its last figure while it asks again after a change (the query cache), so it is waited for.
 */
async function cardValue(page: Page, id: string, expected: string) {
  await openPage(page, 'Overview');
  const card = page.locator(`.score-card[data-indicator-id="${id}"][data-state="ready"]`);
  await card.waitFor({ timeout: 60_000 });
  await page
    .waitForFunction(
      ([i, v]) =>
        document.querySelector(`.score-card[data-indicator-id="${i}"]`)?.getAttribute('data-latest-value') === v,
      [id, expected],
      { timeout: 20_000 },
    )
    .catch(() => undefined);
  return card.getAttribute('data-latest-value');
}

describe('the quarterly cycle, in the built app', () => {
  it('next quarter’s extract: changed records listed and counted, downloadable as CSV', async () => {
    const { page } = app;
    await loadFiles(page, [fixture('q1.csv', Q1)]);
    await loadFiles(page, [fixture('q2.csv', Q2)]);
    const report = page.getByTestId('load-report');
    expect(await reportNumbers(page)).toMatchObject({ read: 5, loaded: 3, rejected: 0, status: 'ok' });
    expect(await report.getAttribute('data-rows-unchanged')).toBe('2');
    expect(await report.getAttribute('data-rows-updated')).toBe('2');
    await expect(page.getByTestId('conservation').textContent()).resolves.toBe(
      '5 rows read = 1 new + 2 updated + 2 already held unchanged + 0 rejected.',
    );
    await expect(page.getByTestId('update-summary').textContent()).resolves.toContain(
      '2 records updated, 2 values changed; 2 already held unchanged',
    );
    const changes = page.getByTestId('record-changes');
    const rows = await changes
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-field'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
      );
    expect(rows).toEqual([
      ['episode_end_date', '4', 'Episode ID: QX3', 'Episode end date', '(blank)', '15/09/2024'],
      ['end_reason', '5', 'Episode ID: QX4', 'End reason', 'STEP_UP_CSC', 'NEEDS_MET'],
    ]);
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'q01-changes-1366', { fullPage: false });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'q01-changes-1920', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('changes-download').click()]);
    expect(download.suggestedFilename()).toBe('q2 - changes.csv');
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFFFile,Line,Record,Field,Old value,New value,Earlier file,Earlier line',
      'q2.csv,4,Episode ID: QX3,Episode end date,(blank),15/09/2024,q1.csv,4',
      'q2.csv,5,Episode ID: QX4,End reason,STEP_UP_CSC,NEEDS_MET,q1.csv,5',
      '',
    ]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('Remove shows each headline before → after; Cancel changes nothing', async () => {
    const { page } = app;
    expect(await cardValue(page, 'EH3', '100')).toBe('100');
    await openPage(page, 'Data');
    await page.getByTestId('remove-file').click();
    // Worked by hand: Apr–Jun 2024 without q2 — 4 started, 2 open, 1 of 2 closures needs met.
    expect((await effectRows(page)).slice(0, 3)).toEqual([
      ['EH1', '4', '4'],
      ['EH2', '2', '2'],
      ['EH3', '100', '50'],
    ]);
    await screenshot(page, 'q02-remove-preview-1366', { fullPage: false });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'q02-remove-preview-1920', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('effect-cancel').click();
    await page.getByTestId('effect-preview').waitFor({ state: 'detached' });
    expect(await reportNumbers(page)).toMatchObject({ read: 5, loaded: 3, rejected: 0 });
    await expect(page.getByTestId('record-changes').locator('tbody tr').count()).resolves.toBe(2);
    expect(await cardValue(page, 'EH3', '100')).toBe('100');
    expect(await cardValue(page, 'EH1', '4')).toBe('4');
  });

  it('Replace with a new version: the effect first, then the new version in its place', async () => {
    const { page } = app;
    await openPage(page, 'Data');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('replace-file').click()]);
    await chooser.setFiles(fixture('q2-resent.csv', RESENT));
    // Apr–Jun 2024 with the resent file: 5 started, 2 open, 2 of 3 closures needs met.
    expect((await effectRows(page)).slice(0, 3)).toEqual([
      ['EH1', '4', '5'],
      ['EH2', '2', '2'],
      ['EH3', '100', String(200 / 3)],
    ]);
    await expect(page.getByTestId('replacement-summary').textContent()).resolves.toBe(
      'The new version, “q2-resent.csv”: 5 rows read, 2 loaded, of which 1 update earlier records, 3 already held unchanged, 0 rejected.',
    );
    await screenshot(page, 'q03-replace-preview-1366', { fullPage: false });
    await page.getByTestId('effect-confirm').click();
    await page.getByTestId('effect-preview').waitFor({ state: 'detached' });
    await expect(page.getByTestId('file-report').first().getAttribute('data-file-name')).resolves.toBe('q2-resent.csv');
    expect(await cardValue(page, 'EH1', '5')).toBe('5');
    // And a removal confirmed: q1 alone again.
    await openPage(page, 'Data');
    await page.getByTestId('remove-file').click();
    await effectRows(page);
    await page.getByTestId('effect-confirm').click();
    await page.getByTestId('effect-preview').waitFor({ state: 'detached' });
    expect(await cardValue(page, 'EH3', '50')).toBe('50');
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin()).toEqual([]);
  });
});
