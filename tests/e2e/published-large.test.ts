import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeEes } from '../support/large-ees';
import { currentLoadSeq, openPage, waitForNewReport } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Issue 28: a 60 MB DfE published-statistics (EES) file froze the page while it was read whole in it.
// It is now read like every other file (scanned in a worker, read by DuckDB): the page keeps running,
// shows progress, and the comparison is there afterwards. The file is made here, never committed.
const dir = mkdtempSync(join(tmpdir(), 'pi-ees-large-'));
const BYTES = 60 * 1024 * 1024;

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Sample {
  ticks: number;
  clicks: number;
  loading: boolean;
  label: string;
  /** The longest wait between two ticks of the page's own timer so far, in ms (reported, not asserted). */
  longestGap: number;
}

describe('a large DfE published-statistics file, in the built app', () => {
  it('loads with progress shown while the page keeps answering, and the comparison appears', async () => {
    const { page } = app;
    const path = join(dir, 'large_ees.csv');
    const made = writeLargeEes(path, BYTES);
    await openPage(page, 'Data');
    // A timer and a click listener of the page's own: they run only while the page's thread is free.
    await page.evaluate(() => {
      const w = window as unknown as { piTicks: number; piClicks: number; piLast: number; piGap: number };
      Object.assign(w, { piTicks: 0, piClicks: 0, piLast: performance.now(), piGap: 0 });
      setInterval(() => {
        const now = performance.now();
        w.piGap = Math.max(w.piGap, now - w.piLast);
        w.piLast = now;
        w.piTicks += 1;
      }, 50);
      document.querySelector('h1')?.addEventListener('click', () => {
        w.piClicks += 1;
      });
    });
    const sample = () =>
      page.evaluate((): Sample => {
        const w = window as unknown as { piTicks: number; piClicks: number; piGap: number };
        const progress = document.querySelector('[data-testid="load-progress"]');
        return {
          ticks: w.piTicks,
          clicks: w.piClicks,
          loading: progress !== null,
          label: progress?.querySelector('[role="status"]')?.textContent ?? '',
          longestGap: Math.round(w.piGap),
        };
      });
    const before = await currentLoadSeq(page);
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('load-progress').waitFor({ timeout: 30_000 });

    // While the file loads: the timer keeps ticking and a click is handled, each seen with the
    // progress still on the page.
    const samples: Sample[] = [];
    let shot = false;
    for (let i = 0; i < 2000; i += 1) {
      const seen = await sample();
      if (!seen.loading) break;
      samples.push(seen);
      if (i === 2) await page.getByRole('heading', { level: 1 }).click();
      // The progress as a user sees it while the file is read (not while the engine starts).
      if (!shot && /% read/.test(seen.label)) {
        await screenshot(page, 'b10-large-ees-progress');
        shot = true;
      }
      await page.waitForTimeout(250);
    }
    const whileLoading = samples.filter((s) => s.loading);
    expect(whileLoading.length).toBeGreaterThanOrEqual(4);
    const ticks = whileLoading.map((s) => s.ticks);
    expect(new Set(ticks).size).toBeGreaterThanOrEqual(4);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    expect(whileLoading.some((s) => s.clicks > 0)).toBe(true);
    // Progress names the file and says how much of it is read.
    expect(whileLoading.some((s) => /Reading “large_ees\.csv” — \d+% read/.test(s.label))).toBe(true);
    console.info(
      `large EES (${made.bytes} bytes, ${made.rows} rows): ${whileLoading.length} samples while loading, longest gap between ticks ${Math.max(...whileLoading.map((s) => s.longestGap))} ms`,
    );

    await waitForNewReport(page, before, 280_000);
    console.info(`large EES loaded in ${Date.now() - started} ms (reported, not asserted)`);
    const report = page.getByTestId('load-report');
    await expect(report.getAttribute('data-status')).resolves.toBe('ok');
    await expect(report.textContent()).resolves.toContain(
      `DfE published statistics: ${made.rows} rows; measures children, percent, rate by characteristic, sex, note.`,
    );

    await openPage(page, 'Published statistics');
    await page.getByTestId('benchmarks').waitFor();
    await page.getByTestId('benchmark-la').selectOption('E09000007');
    // The first breakdown (Characteristic 1, Female): authority 7's children in the latest year are
    // 1000 × (years − 1) + 10 × 7 + 0 by the generator's rule (tests/support/large-ees.ts).
    const row = page.locator('[data-testid="benchmark-latest"][data-measure="children"]').first();
    await expect(row.locator('th').textContent()).resolves.toContain('Characteristic 1, Female');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="benchmark-latest"][data-measure="children"]')
          ?.getAttribute('data-la-value'),
      undefined,
      { timeout: 120_000 },
    );
    await expect(row.getAttribute('data-time-period')).resolves.toBe(String(1900 + made.years - 1));
    await expect(row.getAttribute('data-la-value')).resolves.toBe(String(1000 * (made.years - 1) + 70));
    await screenshot(page, 'b11-large-ees-benchmarks', { fullPage: true });
    expect(app.offOrigin()).toEqual([]);
  }, 400_000);
});
