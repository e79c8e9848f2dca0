import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles, reportNumbers, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Extra columns never weaken an exact match (issue 28): a file that names every early-help column is
// loaded however many columns of its own it carries, and the report lists those left aside.
const dir = mkdtempSync(join(tmpdir(), 'pi-wide-'));
const sample = readFileSync(resolve(import.meta.dirname, '../../sample-data/early_help_episodes.csv'), 'utf8')
  .trim()
  .split(/\r?\n/);
const [header = '', ...rows] = sample;

/** The sample's early-help rows with `extra` columns of the extract's own, after or around them. */
function wideFile(idPrefix: string, rowCount: number, extra: number, split = extra): string {
  const before = Array.from({ length: extra - split }, (_, i) => `Partner field ${i + 1}`);
  const after = Array.from({ length: split }, (_, i) => `Local note ${i + 1}`);
  const lines = [[...before, header, ...after].join(',')];
  const fillBefore = before.map(() => 'x').join(',');
  const fillAfter = after.map(() => 'y').join(',');
  for (let i = 0; i < rowCount; i += 1) {
    const row = (rows[i % rows.length] ?? '').replace(/^EH(\d+)/, `${idPrefix}${i + 1}`);
    lines.push([fillBefore, row, fillAfter].filter((part) => part !== '').join(','));
  }
  return `${lines.join('\n')}\n`;
}

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a file with every required column by name, and more', () => {
  it('loads 200,000 rows × 30 columns at once and names the 16 columns left aside', async () => {
    const { page } = app;
    const path = writeFixture(dir, 'rows_200k_cols_30.csv', wideFile('W', 200_000, 16));
    await loadFiles(page, [path], 120_000);
    const row = page.locator('[data-testid="file-report"][data-file-name="rows_200k_cols_30.csv"]');
    expect(await row.getAttribute('data-status')).toBe('loaded');
    expect(await row.textContent()).toContain('Early help episodes (14 of 30 columns)');
    expect(await reportNumbers(page)).toMatchObject({ read: 200_000, loaded: 200_000, rejected: 0 });
    const aside = page.getByTestId('left-aside-columns');
    expect(await aside.getAttribute('data-count')).toBe('16');
    const text = (await aside.textContent()) ?? '';
    expect(text).toContain('16 columns were left aside, not being part of early help episodes');
    expect(text).toContain('“Local note 1”');
    expect(text).toContain('“Local note 16”');
    await screenshot(page, 'wide-01-left-aside', { fullPage: false });
  });

  it('loads a 5,000-column file with the 14 columns in the middle, listing 30 names and a count', async () => {
    const { page } = app;
    const path = writeFixture(dir, 'cols_5000.csv', wideFile('V', 20, 4_986, 2_000));
    await loadFiles(page, [path]);
    const row = page.locator('[data-testid="file-report"][data-file-name="cols_5000.csv"]');
    expect(await row.getAttribute('data-status')).toBe('loaded');
    expect(await row.textContent()).toContain('Early help episodes (14 of 5,000 columns)');
    expect(await reportNumbers(page)).toMatchObject({ read: 20, loaded: 20, rejected: 0 });
    const aside = page.getByTestId('left-aside-columns');
    expect(await aside.getAttribute('data-count')).toBe('4986');
    expect(await aside.textContent()).toMatch(/“Partner field 30” and 4,956 more\.$/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1366);
    await screenshot(page, 'wide-02-5000-columns', { fullPage: false });
  });
});
