import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Issue 30 §3: the service worker takes control on the first visit, so a reload straight after it
// works with the network gone (before, only a later visit was served offline).
let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

describe('offline from the first visit', () => {
  it('controls the first page once installed; offline, a reload opens the app and the sample data loads', async () => {
    const { page, context } = app;
    // Installed (everything cached) and controlling this very page, without a second visit.
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.ready).active?.state === 'activated',
      undefined,
      { timeout: 120_000 },
    );
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await app.stopServer();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Partnership data', level: 1 }).waitFor();
    await loadSampleData(page, 120_000);
    const report = page.getByTestId('load-report');
    expect(Number(await report.getAttribute('data-rows-loaded'))).toBeGreaterThan(1000);
    await screenshot(page, 'o01-offline-first-visit', { fullPage: false });
    expect(app.offOrigin()).toEqual([]);
  });
});
