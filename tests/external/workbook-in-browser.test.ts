import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../e2e/support/app-actions';
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
});
