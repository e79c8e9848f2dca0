import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_PATHS, PAGE_PATHS } from '../../src/app/routes';
import { axeProblems, CHILD_IDS, goTo, loadSampleData, waitForChart } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Issue 32: an SPC chart anyone can use without a mouse or without sight — one tab stop, keys that move
// through periods and signals, each move said in a live region, and the chart summed up in words.

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
  await loadSampleData(app.page);
}, 150_000);
afterAll(async () => {
  await app?.close();
});

const PERIOD = /^20\d\d-\d\d Q[1-4]( \(to date\))?: /;

describe('an SPC chart by keyboard and in words', () => {
  it('is summed up in words above it: the latest period with its count, variation and signals', async () => {
    const { page } = app;
    await goTo(page, '#/early-help?period=quarter');
    const card = await waitForChart(page, 'EH3');
    const summary = (await card.getByTestId('chart-summary').textContent()) ?? '';
    expect(summary).toMatch(/^Latest: 20\d\d-\d\d Q[1-4]: [\d.]+%, [\d,]+ of [\d,]+\. /);
    expect(summary).toMatch(/(No special-cause signals\.|Signals: .+\.)/);
    // The drawing is hidden from screen readers: the words say it all.
    await expect(card.locator('.chart__drawing').getAttribute('aria-hidden')).resolves.toBe('true');
  });

  it('is one tab stop; arrows, Home, End and Page keys move through it, each move said', async () => {
    const { page } = app;
    const card = page.locator('[data-indicator-id="EH3"]');
    const focus = card.getByTestId('chart-focus');
    const live = card.getByTestId('chart-live');
    await focus.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => live.textContent()).toMatch(PERIOD);
    const first = (await live.textContent()) ?? '';
    expect(first).toMatch(/^20\d\d-\d\d Q1: .+\. (Not judged|Common cause|Special cause)/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => live.textContent()).not.toBe(first);
    const second = (await live.textContent()) ?? '';
    expect(second.slice(0, 10)).not.toBe(first.slice(0, 10));
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => live.textContent()).toBe(first);
    await page.keyboard.press('End');
    await expect.poll(() => live.textContent()).toMatch(PERIOD);
    await expect(card.getByTestId('chart-focus-line').count()).resolves.toBeGreaterThan(0);
    await page.keyboard.press('PageUp');
    await expect.poll(() => live.textContent()).toMatch(/(Special cause|No signals on this chart|Limits|: )/);
    await screenshot(page, 'p32-chart-keyboard-1366', { fullPage: false });
    // Nothing inside the chart takes a tab stop of its own: Tab leaves the chart.
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="chart-focus"]')));
    expect(inside).toBe(false);
    expect(await card.locator('[data-testid="chart-focus"] [tabindex]:not([tabindex="-1"])').count()).toBe(0);
    // No chart on the page keeps recharts' own unnamed tab stop (bars, stacked bars, comparisons).
    expect(await page.locator('svg[tabindex]:not([tabindex="-1"]), .recharts-wrapper[tabindex]').count()).toBe(0);
  });

  it('T shows the table in place and hides it again; Esc leaves the periods', async () => {
    const { page } = app;
    const card = page.locator('[data-indicator-id="EH3"]');
    const focus = card.getByTestId('chart-focus');
    await focus.focus();
    await page.keyboard.press('t');
    await card.getByTestId('chart-table').waitFor();
    expect(await card.locator('[data-testid="chart-table"] tbody tr').count()).toBeGreaterThan(8);
    await page.keyboard.press('t');
    await expect(card.getByTestId('chart-table').count()).resolves.toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.getByTestId('chart-live').textContent()).toMatch(/^Left the periods/);
    await expect(card.getByTestId('chart-focus-line').count()).resolves.toBe(0);
    expect(await axeProblems(page, 'Early help with a chart focused')).toEqual([]);
  });

  it('keeps every mark in Windows high contrast and reflows at 320 px', async () => {
    const { page } = app;
    await page.emulateMedia({ forcedColors: 'active' });
    await screenshot(page, 'p32-chart-forced-colors', { fullPage: false });
    await page.emulateMedia({ forcedColors: 'none' });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.locator('[data-indicator-id="EH3"] [data-testid="chart-summary"]').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'p32-chart-320', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('is the same on a projected slide: its arrows move through periods, not slides, and Tab leaves it', async () => {
    const { page } = app;
    await goTo(page, '#/board-pack/present');
    const counter = page.getByTestId('slide-counter');
    await counter.waitFor();
    // Forward to the first slide with an SPC chart (the summary slides come first).
    const charted = page.locator('[data-indicator-id] [data-testid="chart-focus"]');
    for (let i = 0; i < 12; i += 1) {
      const found = await charted
        .first()
        .waitFor({ timeout: 4000 })
        .then(() => true)
        .catch(() => false);
      if (found) break;
      await page.keyboard.press('ArrowRight');
    }
    const slide = page.locator('[data-indicator-id]').filter({ has: page.getByTestId('chart-focus') });
    const where = await counter.textContent();
    await slide.getByTestId('chart-focus').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slide.getByTestId('chart-live').textContent()).toMatch(PERIOD);
    await page.keyboard.press('End');
    await expect(counter.textContent()).resolves.toBe(where);
    // The words are there for a screen reader, not on the projected slide.
    await expect(slide.getByTestId('chart-summary').getAttribute('class')).resolves.toBe('visually-hidden');
    await page.keyboard.press('Escape');
    await expect.poll(() => slide.getByTestId('chart-live').textContent()).toMatch(/^Left the periods/);
    await screenshot(page, 'p32-present-chart-focused', { fullPage: false });
  });
});

describe('events on the timeline', () => {
  const date = '2024-10-01';
  it('are added in the register and shown on every chart of the area, reachable and announced', async () => {
    const { page } = app;
    await goTo(page, '#/events');
    await page.getByTestId('events-page').waitFor();
    await page.getByTestId('event-date').fill(date);
    await page.getByTestId('event-title').fill('New front door opened');
    await page.getByTestId('event-area-early_help').check();
    await page.getByTestId('event-add').click();
    await expect(page.getByTestId('events-table').locator('tbody tr').count()).resolves.toBe(1);
    expect(await axeProblems(page, 'Events')).toEqual([]);

    await goTo(page, '#/early-help?period=quarter');
    const card = await waitForChart(page, 'EH3');
    const marker = card.locator(`[data-testid="event-marker"][data-event-date="${date}"]`);
    await marker.waitFor();
    await expect(card.getByTestId('chart-summary').textContent()).resolves.toContain(
      'Events on this chart: New front door opened (1 October 2024).',
    );
    await card.getByTestId('chart-focus').focus();
    await page.keyboard.press('Home');
    // Page Down stops at each signal, change and event in turn: the event's period is one of them.
    let said = '';
    for (let i = 0; i < 12 && !said.includes('Event: New front door opened'); i += 1) {
      await page.keyboard.press('PageDown');
      said = (await card.getByTestId('chart-live').textContent()) ?? '';
    }
    expect(said).toMatch(/^2024-25 Q3: .* Event: New front door opened, 1 October 2024\.$/);
    await screenshot(page, 'p32-event-on-chart', { fullPage: false });
  });

  it('appear in the printed pack, the PowerPoint notes and beside the yearly report’s figures', async () => {
    const { page } = app;
    await goTo(page, '#/board-pack/print');
    await page.locator('[data-testid="board-pack-print"][data-state="ready"]').waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('slide-events').first().textContent()).resolves.toContain(
      'New front door opened (1 October 2024)',
    );
    await goTo(page, '#/board-pack');
    const pptxButton = page.getByTestId('export-pptx');
    await expect.poll(() => pptxButton.isEnabled(), { timeout: 90_000 }).toBe(true);
    const [pptx] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), pptxButton.click()]);
    const parts = unzipSync(new Uint8Array(readFileSync(await pptx.path())));
    const notes = Object.entries(parts)
      .filter(([name]) => name.startsWith('ppt/notesSlides/'))
      .map(([, data]) => strFromU8(data))
      .join(' ');
    expect(notes).toContain('Events: New front door opened (1 October 2024).');
    await goTo(page, '#/yearly-report?year=2024');
    const htmlButton = page.locator('[data-testid="yearly-report"] [data-testid="export-html"]');
    await expect.poll(() => htmlButton.isEnabled(), { timeout: 90_000 }).toBe(true);
    const [html] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), htmlButton.click()]);
    const page2 = readFileSync(await html.path(), 'utf8');
    expect(page2).toMatch(
      /data-heading="The effectiveness of help, including early help">[\s\S]*?Events: New front door opened \(1 October 2024\)\./,
    );
  });

  it('travel in the board pack file and come back from it', async () => {
    const { page } = app;
    await goTo(page, '#/board-pack');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pack-json').click()]);
    const text = readFileSync(await file.path(), 'utf8');
    expect(JSON.parse(text).events).toEqual([
      expect.objectContaining({ date, title: 'New front door opened', areas: ['early_help'] }),
    ]);
    await goTo(page, '#/events');
    await page.getByRole('button', { name: 'Remove the event “New front door opened”' }).click();
    await expect(page.getByTestId('events-table').count()).resolves.toBe(0);
    const path = join(mkdtempSync(join(tmpdir(), 'pi-events-')), 'pack.json');
    writeFileSync(path, text);
    await goTo(page, '#/board-pack');
    await page.getByTestId('import-pack').setInputFiles(path);
    await expect.poll(() => page.getByTestId('pack-file-message').textContent()).toContain('1 event was added');
    await goTo(page, '#/events');
    await expect(page.getByTestId('events-table').locator('tbody tr').count()).resolves.toBe(1);
  });

  it('are changed in place in the register, and every chart says the new words', async () => {
    const { page } = app;
    await goTo(page, '#/events');
    await page.getByTestId('event-change').click();
    await page.getByTestId('events-table').getByTestId('event-title').fill('New front door opened (phase 1)');
    await page.getByTestId('event-save').click();
    await expect(page.getByTestId('events-table').textContent()).resolves.toContain('New front door opened (phase 1)');
    expect(await axeProblems(page, 'events register after a change')).toEqual([]);
    await goTo(page, '#/early-help?period=quarter');
    const card = await waitForChart(page, 'EH3');
    await expect(card.getByTestId('chart-summary').textContent()).resolves.toContain(
      'New front door opened (phase 1) (1 October 2024)',
    );
  });
});

describe('every page', () => {
  it('has no serious or critical problem axe-core finds, with the sample data and an event', async () => {
    const { page } = app;
    const routes = [
      '#/',
      '#/overview',
      '#/early-help?period=quarter',
      '#/training',
      '#/statutory-obligations',
      '#/case-file-audits',
      '#/practice-reviews?period=quarter',
      '#/definitions',
      '#/data-quality',
      '#/templates',
      '#/accessibility',
      '#/board-pack',
      '#/board-pack/present',
      '#/board-pack/print',
      '#/yearly-report',
      '#/yearly-report/print',
      '#/benchmarks',
      '#/load-history',
      '#/events',
    ];
    const problems: string[] = [];
    for (const route of routes) {
      await goTo(page, route);
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-state="loading"]').length === 0 &&
          !document.body.textContent?.includes('Preparing the published figures') &&
          !document.body.textContent?.includes('Calculating…'),
        undefined,
        { timeout: 90_000 },
      );
      problems.push(...(await axeProblems(page, route)));
    }
    expect(problems).toEqual([]);
  });

  it('names no child, case or child protection record of the sample: every page, its text and markup', async () => {
    const { page } = app;
    // Every address the app has (a new area or page is included as it is added), the Data page with the
    // sample's load report first.
    const routes = ['#/', ...Object.values(AREA_PATHS).map((p) => `#/${p}`), ...PAGE_PATHS.map((p) => `#/${p}`)];
    expect(routes).toEqual(
      expect.arrayContaining(['#/data-quality', '#/templates', '#/board-pack', '#/yearly-report']),
    );
    const found: string[] = [];
    for (const route of routes) {
      await goTo(page, route);
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-state="loading"]').length === 0 &&
          !document.body.textContent?.includes('Preparing the published figures') &&
          !document.body.textContent?.includes('Calculating…'),
        undefined,
        { timeout: 90_000 },
      );
      if (route === '#/') await page.getByTestId('load-report').waitFor();
      // Markup as well as visible text: a closed disclosure, a title or a data attribute counts too.
      const { text, html } = await page.evaluate(() => ({
        text: document.body.textContent ?? '',
        html: document.documentElement.outerHTML,
      }));
      for (const pattern of CHILD_IDS) {
        const match = text.match(pattern) ?? html.match(pattern);
        if (match) found.push(`${route}: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
