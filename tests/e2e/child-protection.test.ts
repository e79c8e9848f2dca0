import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, CHILD_LEVEL_IDS, goTo, loadSampleData, waitForChart } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Issue 33: the child protection system's lists (Annex A Lists 1, 3–7; SSD) as an area of indicators,
// and the local, up-to-date figure beside the DfE's last published one.

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
  await loadSampleData(app.page);
}, 150_000);
afterAll(async () => {
  await app?.close();
});

describe('the child protection area', () => {
  it('draws every CP indicator from the sample, with no child id on the page', async () => {
    const { page } = app;
    await goTo(page, '#/child-protection?period=quarter');
    await page.getByTestId('area-child-protection').waitFor();
    for (const id of ['CP1', 'CP2', 'CP4', 'CP6', 'CP7']) {
      const card = await waitForChart(page, id);
      await expect(card.getAttribute('data-latest-value')).resolves.toMatch(/^\d/);
    }
    const text = (await page.locator('body').textContent()) ?? '';
    for (const pattern of CHILD_LEVEL_IDS) expect(text).not.toMatch(pattern);
    expect(await axeProblems(page, 'child protection area')).toEqual([]);
    await screenshot(page, 'p33-child-protection-1366', { fullPage: false });
  });

  it('sets CP2 beside the DfE’s published re-referral rate for our authority, region and England', async () => {
    const { page } = app;
    await goTo(page, '#/benchmarks');
    await page.getByRole('button', { name: 'Try with a sample published statistics file' }).click();
    await page.getByTestId('sample-example-la').click();
    await page
      .locator('[data-testid="benchmark-latest"][data-measure="rereferral_percent"]')
      .waitFor({ timeout: 60_000 });
    await goTo(page, '#/child-protection?period=quarter');
    const card = await waitForChart(page, 'CP2');
    const beside = card.getByTestId('published-beside');
    await expect(beside.getAttribute('data-state')).resolves.toBe('shown');
    // From the DfE's C1 file, 2025: Darlington 13, North East 20.7, England 22.6 (sample-data/published).
    const words = (await beside.textContent()) ?? '';
    expect(words).toContain('Published, 2025: Darlington 13.0%');
    expect(words).toContain('region 20.7%; England 22.6%');
    expect(words).toContain('The published figure is for the reporting year 2025 (to 31 March)');
    // A measure the DfE's sample file does not hold is not set beside anything.
    await expect((await waitForChart(page, 'CP4')).getByTestId('published-beside').count()).resolves.toBe(0);
    expect(await axeProblems(page, 'child protection beside published')).toEqual([]);
  });

  it('is in the board pack’s summary and under the yearly report’s heading on the effectiveness of help', async () => {
    const { page } = app;
    await goTo(page, '#/board-pack');
    await page.locator('[data-testid="board-summary"] tr[data-indicator-id="CP2"]').waitFor({ timeout: 90_000 });
    await goTo(page, '#/yearly-report');
    const help = page.locator('[data-heading="The effectiveness of help, including early help"]');
    await help.waitFor({ timeout: 90_000 });
    await expect.poll(() => help.textContent(), { timeout: 90_000 }).toContain('Re-referrals within 12 months');
    const text = (await page.locator('body').textContent()) ?? '';
    for (const pattern of CHILD_LEVEL_IDS) expect(text).not.toMatch(pattern);
  });
});
