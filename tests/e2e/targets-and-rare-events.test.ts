import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, goTo, loadSampleData, waitForChart, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Issue 32 §4 and §5: targets that change over time (a trajectory, drawn stepped, judged at the latest
// period) and the charts made for rare events (days between them: t-chart and g-chart).

let app: AppUnderTest;
const dir = mkdtempSync(join(tmpdir(), 'pi-targets-'));
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
  await loadSampleData(app.page);
}, 150_000);
afterAll(async () => {
  await app?.close();
});

/** The mean and process limits the chart's summary states, as numbers. */
async function limitsOf(id: string) {
  const card = await waitForChart(app.page, id);
  const summary = (await card.getByTestId('chart-summary').textContent()) ?? '';
  const found = /Mean ([\d.]+)%, process limits ([\d.]+)% to ([\d.]+)%\./.exec(summary);
  if (!found) throw new Error(`No limits in: ${summary}`);
  return { mean: Number(found[1]), lower: Number(found[2]), upper: Number(found[3]), card };
}

/** Sets EH3's trajectory on the Definitions page: 50% from 01/04/2022, then `last` from 01/04/2024. */
async function setTrajectory(last: number) {
  const { page } = app;
  await goTo(page, '#/definitions');
  const field = page.getByTestId('target-field-EH3');
  await field.locator('summary').click();
  await page.getByTestId('target-kind-EH3-trajectory').check();
  await page.getByTestId('step-from-EH3-0').fill('01/04/2022');
  await page.getByTestId('step-value-EH3-0').fill('50');
  await page.getByTestId('step-from-EH3-1').fill('01/04/2024');
  await page.getByTestId('step-value-EH3-1').fill(String(last));
  await page.getByTestId('save-target-def-EH3').click();
  await expect
    .poll(() => page.getByTestId('target-now-EH3').textContent())
    .toContain(`a trajectory: 50.0% from 1 April 2022, then ${last.toFixed(1)}% from 1 April 2024`);
}

describe('a target that changes over time', () => {
  it('is drawn as a stepped line and judged at the latest period, in hand-worked cases', async () => {
    const { page } = app;
    await goTo(page, '#/early-help?period=quarter');
    const { lower, upper } = await limitsOf('EH3');
    // EH3: higher is better. The latest step decides, whatever the first (50%) says:
    // above the upper limit → will consistently miss; below the lower → will consistently meet; between → may.
    const cases = [
      [Math.ceil(upper + 2), 'consistent_fail', 'will consistently miss the target'],
      [Math.floor(lower - 2), 'consistent_pass', 'will consistently meet the target'],
      [Math.round((lower + upper) / 2), 'inconsistent', 'may meet or miss the target'],
    ] as const;
    for (const [last, icon, words] of cases) {
      await setTrajectory(last);
      await goTo(page, '#/early-help?period=quarter');
      const card = await waitForChart(page, 'EH3');
      await expect(card.getByTestId('assurance-icon').getAttribute('data-assurance')).resolves.toBe(icon);
      const summary = (await card.getByTestId('chart-summary').textContent()) ?? '';
      expect(summary).toMatch(
        new RegExp(
          `Target trajectory: ${last.toFixed(1)}% at 20\\d\\d-\\d\\d Q[1-4], judged against the process limits: ${words}\\.`,
        ),
      );
      await expect(card.locator('[data-testid="target-line"]').count()).resolves.toBeGreaterThan(0);
      await expect(card.getByTestId('target-key').textContent()).resolves.toContain('Target trajectory (stepped line)');
    }
    await screenshot(page, 'trajectory-eh3-1366');
  });

  it('shows each period’s step in the chart’s table and in the words of each period', async () => {
    const { page } = app;
    const card = page.locator('[data-indicator-id="EH3"]');
    await card.getByTestId('chart-focus').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => card.getByTestId('chart-live').textContent()).toMatch(/Target 50\.0%\./);
    await page.keyboard.press('t');
    const table = card.getByTestId('chart-table');
    const heads = await table.locator('th[scope="col"]').allTextContents();
    expect(heads).toContain('Target');
    const column = heads.indexOf('Target');
    const targets = await table
      .locator(`tbody tr td:nth-child(${column + 1}), tbody tr th:nth-child(${column + 1})`)
      .allTextContents();
    expect(new Set(targets).size).toBe(2); // two steps: 50.0% and the latest
    expect(targets[0]).toBe('50.0%');
  });

  it('travels in the board pack file as a trajectory', async () => {
    const { page } = app;
    await goTo(page, '#/board-pack');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pack-json').click()]);
    const pack = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(pack.targets).toContainEqual({
      indicator: 'EH3',
      trajectory: [
        { from: '2022-04-01', value: 50 },
        { from: '2024-04-01', value: expect.any(Number) },
      ],
    });
  });

  it('comes from a CSV file: every row taken or refused, with line, column and reason', async () => {
    const { page } = app;
    await goTo(page, '#/definitions');
    const csv = ['indicator,from,target', 'EH3,01/04/2023,60', 'EH3,01/01/2025,65', 'EH3,04/13/2025,70', 'TR1,,400'];
    await page.getByTestId('import-targets').setInputFiles(writeFixture(dir, 'targets.csv', csv.join('\n')));
    const report = page.getByTestId('targets-import-report');
    await expect(report.getAttribute('data-taken')).resolves.toBe('3');
    await expect(report.getAttribute('data-refused')).resolves.toBe('1');
    await expect(page.getByTestId('targets-import-problems').textContent()).resolves.toContain(
      '“04/13/2025” is not a date as dd/mm/yyyy or yyyy-mm-dd',
    );
    await expect(page.getByTestId('target-now-EH3').textContent()).resolves.toContain(
      'a trajectory: 60.0% from 1 April 2023, then 65.0% from 1 January 2025',
    );
    await expect(page.getByTestId('target-now-TR1').textContent()).resolves.toContain('The target is 400');
    expect(await axeProblems(page, 'definitions with targets')).toEqual([]);
  });
});

describe('rare events: the days between them', () => {
  it('defaults to a t-chart where notifications average under 2 a quarter, saying why', async () => {
    const { page } = app;
    await goTo(page, '#/practice-reviews?period=quarter');
    const card = await waitForChart(page, 'PR1');
    const view = card.getByTestId('rare-event-view');
    await expect(view.getAttribute('data-chart-kind')).resolves.toBe('t');
    await expect(card.getByTestId('rare-event-reason').textContent()).resolves.toMatch(
      /^Serious incident notifications average [01]\.\d a quarter: too few for a chart of counts to show change, so this shows the days between them \(t-chart\)\.$/,
    );
    const gaps = card.getByTestId('gap-chart');
    // 23 notifications in the sample, all in the quarters shown: 22 gaps.
    await expect(gaps.getAttribute('data-gaps')).resolves.toBe('22');
    await expect(gaps.getByTestId('trend-chart').getAttribute('data-spc-chart')).resolves.toBe('xmr');
    await expect(gaps.textContent()).resolves.toContain('t-chart: when you know the date of each event.');
    await screenshot(page, 'rare-events-t-chart-1366');
  });

  it('is navigable by keyboard like any SPC chart, and switches to a g-chart or back to counts', async () => {
    const { page } = app;
    const card = page.locator('[data-indicator-id="PR1"]');
    await card.getByTestId('chart-focus').focus();
    await page.keyboard.press('End');
    await expect
      .poll(() => card.getByTestId('chart-live').textContent())
      .toMatch(/^\d{1,2} [A-Z][a-z]+ 20\d\d: [\d,.]+ days\. (Common cause|Special cause)/);
    await card.getByTestId('chart-kind-g').check();
    await expect(card.getByTestId('rare-event-view').getAttribute('data-chart-kind')).resolves.toBe('g');
    await expect(card.getByTestId('gap-chart').textContent()).resolves.toContain(
      'g-chart: each point is the days between events.',
    );
    await card.getByTestId('chart-kind-counts').check();
    await expect(card.getByTestId('gap-chart').count()).resolves.toBe(0);
    await expect(card.getByTestId('trend-chart').count()).resolves.toBe(1);
    expect(await axeProblems(page, 'practice reviews with rare-event chart')).toEqual([]);
  });
});
