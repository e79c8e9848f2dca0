import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles, openPage } from '../e2e/support/app-actions';
import { type AppUnderTest, openApp, screenshot } from '../e2e/support/browser';
import { requireSamples } from './samples-folder';

const SAMPLES = requireSamples();
let app: AppUnderTest;

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

describe('real public files in the built app', () => {
  it('loads an Ofsted Annex A workbook: List 2 as early help', async () => {
    const { page } = app;
    await loadFiles(page, [join(SAMPLES, 'annex-a/liia-annex-a-sample-2020.xlsx')]);
    const dataset = page.getByTestId('dataset-early_help_episodes');
    expect(await dataset.getAttribute('data-rows-loaded')).toBe('5');
    await expect(page.getByTestId('load-report').textContent()).resolves.toContain(
      'liia-annex-a-sample-2020.xlsx › List 2',
    );
    await screenshot(page, 'external-annex-a');
  });

  it('explains that an SSDA903 episodes file is not a partnership extract, and asks nothing off the machine', async () => {
    const { page } = app;
    await loadFiles(page, [join(SAMPLES, 'ssda903/d2i-episodes.csv')]);
    const text = await page.getByTestId('load-report').textContent();
    expect(text).toContain('d2i-episodes.csv');
    expect(text).toMatch(/not a partnership dataset/);
    expect(app.offOrigin()).toEqual([]);
  });

  it('draws Birmingham’s children in need on their own scale, not flat under England’s', async () => {
    const { page } = app;
    await loadFiles(page, [
      join(SAMPLES, 'dfe-statistics/b1_children_in_need_2013_to_2025.csv'),
      join(SAMPLES, 'dfe-statistics/New_Statistical_Neighbour_Groupings_April_2021.csv'),
    ]);
    await openPage(page, 'Published statistics');
    await page.getByTestId('benchmark-la').selectOption('E08000025');
    const row = page.locator('[data-testid="benchmark-latest"][data-measure="Anypoint_child"]');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="benchmark-latest"][data-measure="Anypoint_child"]')
          ?.getAttribute('data-la-value') === '17287',
      undefined,
      { timeout: 60_000 },
    );
    await expect(row.getAttribute('data-scale')).resolves.toBe('count');
    await expect(row.locator('th').textContent()).resolves.toMatch(/^Children in need at any point in the year/);
    await row.getByRole('button', { name: /Show years/ }).click();
    const chart = page.locator('[data-testid="benchmark-detail"] [data-testid="benchmark-chart"][data-scale="count"]');
    await chart.locator('[data-panel="england"] svg.recharts-surface').waitFor();
    const ticks = (panel: string) =>
      chart
        .locator(`[data-panel="${panel}"] .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value`)
        .allTextContents()
        .then((t) => t.map((v) => Number(v.replace(/,/g, ''))));
    // Birmingham (~14,000–18,000 a year) and its ten neighbours' average on a scale that tops out near
    // Birmingham's figures; England's ~700,000 on its own.
    const ours = await ticks('ours');
    expect(ours.length).toBeGreaterThan(2);
    expect(Math.max(...ours)).toBeLessThanOrEqual(25_000);
    expect(Math.max(...(await ticks('england')))).toBeGreaterThanOrEqual(700_000);
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'external-birmingham-count', { fullPage: false });
    expect(app.offOrigin()).toEqual([]);
  });
});
