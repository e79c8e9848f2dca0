import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo, loadSampleData, openPage } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// What a board sees must be right (issue 27): no view lets a reader count what another hides, figures
// still filling from the start of the data are not judged, and a card opens its area as it shows it.

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1920, height: 1080 });
  await loadSampleData(app.page);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

interface TimelineReading {
  /** Reviews drawn one by one, by the date they were notified. */
  marks: string[];
  /** The timeline's table by period: period label → the notifications cell as shown. */
  notified: Record<string, string>;
  /** The timeline counts reviews by period rather than drawing each. */
  grouped: boolean;
}

/**
 * What an attacker reads off every review timeline in view: the marks it can count (each review's
 * notification date) and, when reviews are counted by period, each period's count as published.
 */
async function readTimelines(page: Page, scope: string): Promise<TimelineReading> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector) ?? document;
    const marks = [...root.querySelectorAll('[data-review]')].map((m) => m.getAttribute('data-notified') ?? '');
    const notified: Record<string, string> = {};
    for (const cell of root.querySelectorAll('[data-testid="pack-table-review_timeline"] [data-testid$="-NOTIFIED"]')) {
      const row = cell.closest('tr')?.querySelector('th')?.textContent ?? '';
      notified[row] = cell.textContent ?? '';
    }
    return { marks, notified, grouped: root.querySelector('[data-testid="timeline-grouped"]') !== null };
  }, scope);
}

function expectNothingToCount(reading: TimelineReading, where: string) {
  // With small numbers hidden, no review is drawn on its own anywhere: every period's reviews are a count,
  // and where that count is hidden (c) there is nothing else to count them from.
  expect(reading.marks, where).toEqual([]);
  expect(reading.grouped, where).toBe(true);
  const shown = Object.values(reading.notified);
  expect(shown.length, where).toBeGreaterThan(3);
  expect(
    shown.some((v) => v === 'c'),
    `${where}: some period's notifications are hidden`,
  ).toBe(true);
  for (const v of shown) expect(v, where).toMatch(/^(c|0|[6-9]|\d\d+)$/);
}

describe('published views, in the built app', () => {
  it('the board pack, its presentation and its printed pages count reviews by period when small numbers are hidden', async () => {
    const { page } = app;
    await openPage(page, 'Board pack');
    await page.locator('[data-testid="board-summary"] tr[data-indicator-id]').first().waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="pack-table-review_timeline"]').first().waitFor({ timeout: 90_000 });
    expectNothingToCount(await readTimelines(page, '[data-testid="board-pack"]'), 'board pack');
    // The summary's serious incident notifications for the latest quarter are hidden, and so is the
    // timeline's count for that quarter: the same protection in both.
    const pr1 = page.locator('[data-testid="board-summary"] tr[data-indicator-id="PR1"]');
    const pr1Period = ((await pr1.locator('td').nth(1).textContent()) ?? '').trim();
    const reading = await readTimelines(page, '[data-testid="board-pack"]');
    if (((await pr1.locator('td').nth(2).textContent()) ?? '').startsWith('c')) {
      expect(reading.notified[pr1Period]).toBe('c');
    }
    await page.locator('[data-slide-kind="view"]').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'p27-timeline-grouped-1920', { fullPage: false });

    await goTo(page, '#/board-pack/print');
    await page.locator('[data-testid="pack-table-review_timeline"]').first().waitFor({ timeout: 90_000 });
    expectNothingToCount(await readTimelines(page, 'body'), 'printed pack');

    await goTo(page, '#/board-pack/present');
    await page.getByTestId('presentation').waitFor();
    await page.keyboard.press('End');
    await page.locator('[data-testid="pack-table-review_timeline"]').first().waitFor({ timeout: 60_000 });
    expectNothingToCount(await readTimelines(page, '[data-testid="presentation"]'), 'presentation');
    await page.keyboard.press('Escape');
  });

  it('the yearly report counts reviews by year too, and only with suppression off draws each review', async () => {
    const { page } = app;
    await openPage(page, 'Yearly report');
    await page.locator('[data-testid="pack-table-review_timeline"]').first().waitFor({ timeout: 90_000 });
    expectNothingToCount(await readTimelines(page, '[data-testid="yearly-report"]'), 'yearly report');
    await goTo(page, '#/yearly-report/print');
    await page.locator('[data-testid="yearly-report-print"][data-state="ready"]').waitFor({ timeout: 90_000 });
    expectNothingToCount(await readTimelines(page, 'body'), 'printed yearly report');

    // For the partnership's own use (suppression off) each review is drawn, dated by its notification.
    await goTo(page, '#/board-pack');
    await page.getByTestId('suppression-toggle').click();
    await page.getByTestId('suppression-off-warning').waitFor();
    await page.locator('[data-testid="board-pack"] [data-review]').first().waitFor({ timeout: 90_000 });
    const open = await readTimelines(page, '[data-testid="board-pack"]');
    expect(open.grouped).toBe(false);
    expect(open.marks.length).toBeGreaterThan(10);
    for (const date of open.marks) expect(date).toMatch(/^\d{4}-\d\d-\d\d$/);
    await page.getByTestId('suppression-toggle').click();
    await page.locator('[data-testid="board-pack"] [data-testid="timeline-grouped"]').waitFor({ timeout: 90_000 });
  });

  it('does not judge figures still filling from the start of the data, and says why', async () => {
    const { page } = app;
    await openPage(page, 'Overview');
    // TR4's 36-month window fills by April 2025: its climb before then is no improvement.
    const card = page.locator('.score-card[data-indicator-id="TR4"][data-state="ready"]');
    await card.waitFor({ timeout: 90_000 });
    await expect(card.getByTestId('variation-icon').getAttribute('data-variation')).resolves.toBe('none');
    await openPage(page, 'Board pack');
    const tr4 = page.locator('[data-testid="board-summary"] tr[data-indicator-id="TR4"]');
    await tr4.waitFor({ timeout: 90_000 });
    await expect(tr4.getAttribute('data-variation')).resolves.not.toMatch(/improvement/);
    await expect(tr4.textContent()).resolves.toMatch(/since it filled|Still filling/);

    await goTo(page, '#/training?period=quarter');
    const panel = page.locator('article[data-indicator-id="TR4"][data-state="ready"]');
    await panel.waitFor({ timeout: 90_000 });
    await expect(panel.getByTestId('filling-key').textContent()).resolves.toContain('not judged');
    await expect(panel.getByTestId('warm-up-note-TR4').textContent()).resolves.toContain('before 03/04/2025'); // the first course: 04/04/2022
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'p27-tr4-filling', { fullPage: false });
    // EH2 builds up from zero in its first year: those months are drawn, with no judgement on them.
    await goTo(page, '#/early-help?period=month');
    const eh2 = page.locator('article[data-indicator-id="EH2"][data-state="ready"]');
    await eh2.waitFor({ timeout: 90_000 });
    const types = await eh2
      .locator('[data-point-type]')
      .evaluateAll((dots) => dots.map((d) => d.getAttribute('data-point-type')));
    expect(types.length).toBeGreaterThan(40);
    expect(types.slice(0, 11)).toEqual(new Array(11).fill('none'));
    await openPage(page, 'Definitions');
    await expect(page.getByTestId('warm-up-TR4').textContent()).resolves.toContain('36 months');
  });

  it('a card opens its area at the card’s period and granularity, with the same figure', async () => {
    const { page } = app;
    await openPage(page, 'Overview');
    const card = page.locator('.score-card[data-indicator-id="EH3"][data-state="ready"]');
    await card.waitFor({ timeout: 90_000 });
    const value = await card.getAttribute('data-latest-value');
    const label = await card.getAttribute('data-period-label');
    await card.getByTestId('card-link-EH3').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/early-help?period=quarter'));
    const panel = page.locator('article.indicator-card[data-indicator-id="EH3"][data-state="ready"]');
    await panel.waitFor({ timeout: 90_000 });
    await expect(panel.getAttribute('data-period-label')).resolves.toBe(label);
    await expect(panel.getAttribute('data-latest-value')).resolves.toBe(value);
  });

  it('shows one Section 11 cycle, the last complete one, on the area page and in the pack', async () => {
    const { page } = app;
    await goTo(page, '#/statutory-obligations');
    const coverage = page.getByTestId('profile-coverage-OBP1');
    await coverage.waitFor({ timeout: 90_000 });
    await expect(coverage.textContent()).resolves.toMatch(/^Covers 2024-25 \(the last complete cycle\)/);
    await openPage(page, 'Board pack');
    const table = page.locator('[data-testid="pack-table-OBP1"]').first();
    await table.waitFor({ timeout: 90_000 });
    await expect(table.locator('caption').textContent()).resolves.toMatch(/: 2024-25$/);
    expect(app.offOrigin()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('the yearly report reads as a report: a cover, contents, the key once, no empty words, review counts by choice', async () => {
    const { page } = app;
    await goTo(page, '#/yearly-report');
    const cover = page.getByTestId('report-cover');
    await cover.waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('report-contents').locator('li').count()).toBeGreaterThanOrEqual(5);
    await expect(page.getByTestId('c-key').textContent()).resolves.toMatch(/^c — not shown/);
    // "Too few years to judge" is said once, listing the measures, not on every row.
    await expect(page.getByTestId('unjudged-note').textContent()).resolves.toContain('EH1');
    const words = await page.locator('.section-table td:last-child').allTextContents();
    expect(words.length).toBeGreaterThan(20);
    expect(words.filter((w) => /too few/i.test(w))).toEqual([]);
    // Nothing written yet: a reminder on screen, and nothing in the report itself.
    expect(await page.getByTestId('evidence-reminder').count()).toBeGreaterThanOrEqual(10);
    const report = (await page.locator('[data-testid="yearly-report"] [data-testid="slide"]').allTextContents()).join(
      ' ',
    );
    expect(report).not.toContain('Not written yet');
    await page.locator('[data-narrative="help-did"]').fill('Family hubs opened in every locality.');
    await expect(page.locator('[data-slide-key="section-help"]').textContent()).resolves.toContain(
      'Family hubs opened in every locality.',
    );
    await screenshot(page, 'p27-yearly-cover', { fullPage: false });

    // Serious incident counts: hidden by default, shown when the partnership chooses, the footer saying so.
    const pr1 = page.locator('[data-slide-kind="section"] tr[data-indicator-id="PR1"] td.numeric').first();
    await expect(pr1.textContent()).resolves.toBe('c');
    await page.getByTestId('review-counts-toggle').click();
    await page.waitForFunction(
      () =>
        /^\d+$/.test(
          document.querySelector('[data-slide-kind="section"] tr[data-indicator-id="PR1"] td.numeric')?.textContent ??
            '',
        ),
      undefined,
      { timeout: 90_000 },
    );
    const shown = await readTimelines(page, '[data-testid="yearly-report"]');
    expect(Object.values(shown.notified).every((v) => /^\d+$/.test(v))).toBe(true);
    await goTo(page, '#/yearly-report/print');
    await page.locator('[data-testid="yearly-report-print"][data-state="ready"]').waitFor({ timeout: 90_000 });
    const style = (await page.getByTestId('print-page-style').textContent()) ?? '';
    expect(style).toContain('shown as agreed by the partners');
    expect((await page.locator('body').textContent()) ?? '').not.toContain('Not written yet');
    // The board pack keeps them hidden.
    await goTo(page, '#/board-pack');
    const packPr1 = page.locator('[data-testid="board-summary"] tr[data-indicator-id="PR1"]');
    await packPr1.waitFor({ timeout: 90_000 });
    await expect(packPr1.getAttribute('data-latest-value')).resolves.toBe('');
    await goTo(page, '#/yearly-report');
    await page.getByTestId('review-counts-toggle').click();
    await expect(page.getByTestId('review-counts-toggle').getAttribute('aria-checked')).resolves.toBe('false');
  });
});
