import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, loadFiles, openPage, reportNumbers } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Issue 27 §6: the start page says what this browser keeps (choices and words) and what it does not
// (the loaded data), and removes what is kept, starting afresh.
let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

const keptKeys = (app: AppUnderTest) =>
  app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('partnership-insight:')));

describe('what this browser keeps, on the start page', () => {
  it('says that loaded data is not kept, and that nothing is kept yet', async () => {
    const { page } = app;
    const notice = page.getByTestId('kept-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Not kept: the files you load and every figure worked out from them');
    expect(text).toContain('gone when it is closed or reloaded');
    await expect(page.getByTestId('kept-none').textContent()).resolves.toMatch(/^Kept: nothing yet\. /);
    await expect(page.getByTestId('remove-kept').count()).resolves.toBe(0);
    await screenshot(page, 'k01-start-page-1366', { fullPage: false });
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, 'k01b-kept-notice-1366', { fullPage: false });
    expect(await axeProblems(page, 'Start page')).toEqual([]);
  });

  it('lists what the user has saved, and removes it all (with the loaded data) without a second question', async () => {
    const { page } = app;
    await openPage(page, 'Board pack');
    await page.getByTestId('pack-title').fill('March board');
    await loadFiles(page, [resolve(import.meta.dirname, '../../sample-data/schools.csv')]);
    expect((await reportNumbers(page)).loaded).toBeGreaterThan(0);
    await expect(page.getByTestId('kept-list').textContent()).resolves.toContain('the board pack and its commentary');
    expect(await keptKeys(app)).toEqual(['partnership-insight:board-pack']);
    await page.getByTestId('remove-kept').click();
    const question = page.getByRole('alertdialog');
    await expect(question.textContent()).resolves.toMatch(
      /Remove the board pack and its commentary from this browser\? The page then starts afresh, without the \d+ rows loaded in this tab/,
    );
    await screenshot(page, 'k02-remove-kept', { fullPage: false });
    await Promise.all([page.waitForEvent('load'), page.getByTestId('confirm-remove-kept').click()]);
    await expect(page.getByTestId('kept-none').textContent({ timeout: 30_000 })).resolves.toContain(
      '(what was kept has been removed)',
    );
    expect(await keptKeys(app)).toEqual([]);
    await openPage(page, 'Board pack');
    await expect(page.getByTestId('pack-title').inputValue()).resolves.toBe('Safeguarding partnership board pack');
    expect(app.offOrigin()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
