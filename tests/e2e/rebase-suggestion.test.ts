import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, loadFiles, waitForChart, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp } from './support/browser';

// Issue 32 §3: when a shift has held (7 or more periods in a row on one side of the mean, to the
// latest), the chart suggests a rebase at its start — offered with the reason, never applied by itself —
// and the change, once marked, is logged with when it was marked and travels in the pack file.

/** Assessments started a month: 14 months near 20, then 9 months near 40, then 3 days of March 2025. */
const MONTHS = [
  ...[20, 22, 19, 21, 18, 20, 23, 19, 21, 20, 22, 18, 21, 20],
  ...[39, 41, 40, 42, 38, 40, 41, 39, 40],
  3,
];

function earlyHelpCsv(): string {
  const rows = ['episode_id,child_id,request_date,assessment_start_date,lead_agency'];
  let n = 0;
  MONTHS.forEach((count, m) => {
    const year = 2023 + Math.floor((m + 3) / 12);
    const month = ((m + 3) % 12) + 1;
    for (let i = 0; i < count; i += 1) {
      n += 1;
      const day = String((i % 3) + 1 + (Math.floor(i / 3) % 25)).padStart(2, '0');
      const date = `${day}/${String(month).padStart(2, '0')}/${year}`;
      rows.push(`EP${String(n).padStart(5, '0')},C${String(n).padStart(5, '0')},${date},${date},LA_EARLY_HELP`);
    }
  });
  return rows.join('\n');
}

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
  const dir = mkdtempSync(join(tmpdir(), 'pi-rebase-'));
  await loadFiles(app.page, [writeFixture(dir, 'early_help_episodes.csv', earlyHelpCsv())]);
}, 150_000);
afterAll(async () => {
  await app?.close();
});

describe('a rebase suggested where a shift has held', () => {
  it('is offered at the shift’s start with the reason, and nothing changes until it is marked', async () => {
    const { page } = app;
    await goTo(page, '#/early-help?period=month');
    const card = await waitForChart(page, 'EH1');
    const suggestion = card.getByTestId('rebase-suggestion');
    // By hand: the 23 whole months average 644 / 23 = 28.0; June 2024 to February 2025 (9 months) are all
    // above it, to the latest whole month (March 2025 is not finished, so not judged).
    await expect(suggestion.getAttribute('data-rebase-from')).resolves.toBe('2024-06-01');
    await expect(suggestion.textContent()).resolves.toMatch(/A shift: 9 periods in a row above the mean since /);
    await expect(card.getByTestId('change-mark').count()).resolves.toBe(0);
    await expect(card.getByTestId('trend-chart').getAttribute('data-spc-chart')).resolves.toBe('xmr');
  });

  it('once marked, limits start again there, the suggestion goes, and the log says when and why', async () => {
    const { page } = app;
    const card = page.locator('[data-indicator-id="EH1"]');
    await card.getByTestId('use-rebase-suggestion').click();
    await expect(card.getByTestId('change-label-EH1').inputValue()).resolves.toMatch(/^Shift above the mean from /);
    await card.getByTestId('add-change-EH1').click();
    await expect(card.getByTestId('rebase-suggestion').count()).resolves.toBe(0);
    await expect(card.getByTestId('change-mark').count()).resolves.toBe(1);
    await card.getByTestId('chart-focus').focus();
    await page.keyboard.press('t');
    const table = card.getByTestId('chart-table');
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    await expect(table.textContent()).resolves.toContain(`(marked ${today})`);
  });

  it('travels in the pack file with when it was marked', async () => {
    const { page } = app;
    await goTo(page, '#/board-pack');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pack-json').click()]);
    const pack = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(pack.changes).toEqual([
      {
        indicator: 'EH1',
        date: '2024-06-01',
        label: expect.stringMatching(/^Shift above the mean from /),
        markedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });
});
