import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, loadFiles, openPage, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

// Published statistics in the built app (issue 13): an EES file and a statistical-neighbour file
// dropped with the partners' files give the comparison for a chosen authority.
const dir = mkdtempSync(join(tmpdir(), 'pi-bench-'));

// 2025, lower is better: A 20, B 10, C c, D 30 · A's neighbours B, C, D → (10 + 30) / 2 = 20 on 2;
// region R1 19; England 21.5; rank B 1, A 2, D 3 of 3.
const EES = [
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,CPP_subsequent_percent,CPP_start',
  '2024,Reporting year,National,E92000001,England,,,,,,All,22,1000',
  '2024,Reporting year,Regional,E92000001,England,R1,North,,,,All,20,300',
  '2024,Reporting year,Local authority,E92000001,England,R1,North,201,E09000001,Aston,All,24,80',
  '2024,Reporting year,Local authority,E92000001,England,R1,North,202,E09000002,Bury,All,12,90',
  '2024,Reporting year,Local authority,E92000001,England,R1,North,203,E09000003,Crewe,All,14,70',
  '2024,Reporting year,Local authority,E92000001,England,R1,North,204,E09000004,Derby,All,28,60',
  '2025,Reporting year,National,E92000001,England,,,,,,All,21.5,1100',
  '2025,Reporting year,Regional,E92000001,England,R1,North,,,,All,19,310',
  '2025,Reporting year,Local authority,E92000001,England,R1,North,201,E09000001,Aston,All,20,85',
  '2025,Reporting year,Local authority,E92000001,England,R1,North,202,E09000002,Bury,All,10,95',
  '2025,Reporting year,Local authority,E92000001,England,R1,North,203,E09000003,Crewe,All,c,4',
  '2025,Reporting year,Local authority,E92000001,England,R1,North,204,E09000004,Derby,All,30,65',
].join('\n');
const NEIGHBOURS =
  '\uFEFFLA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP,SN3,SNP,SN4,SNP,SN5,SNP,SN6,SNP,SN7,SNP,SN8,SNP,SN9,SNP,SN10,SNP,\n201,Aston,201,1,North,202,Close,203,Close,204,Close,,,,,,,,,,,,,,,\n';

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

describe('published statistics, in the built app', () => {
  it('recognises DfE files as published statistics, not as a partnership dataset', async () => {
    const { page } = app;
    await loadFiles(page, [
      writeFixture(dir, 'cpp_subsequent.csv', EES),
      writeFixture(dir, 'neighbours.csv', NEIGHBOURS),
    ]);
    const report = (await page.getByTestId('load-report').textContent()) ?? '';
    expect(report).toContain('DfE published statistics');
    expect(report).toContain('DfE statistical neighbours');
    expect(report).not.toMatch(/not a partnership dataset/);
  });

  it('compares the chosen authority with its neighbours, region and England, with rank and quartile', async () => {
    const { page } = app;
    await openPage(page, 'Published statistics');
    await page.getByTestId('benchmarks').waitFor();
    await page.getByTestId('benchmark-la').selectOption('E09000001');
    const row = page.locator('[data-testid="benchmark-latest"][data-measure="CPP_subsequent_percent"]');
    await row.waitFor({ timeout: 60_000 });
    await page.waitForFunction(() =>
      document.querySelector('[data-measure="CPP_subsequent_percent"]')?.getAttribute('data-la-value'),
    );
    expect(
      await row.evaluate((el) =>
        [
          'data-time-period',
          'data-la-value',
          'data-neighbour-average',
          'data-region-value',
          'data-england-value',
          'data-rank',
        ].map((a) => el.getAttribute(a)),
      ),
    ).toEqual(['2025', '20', '20', '19', '21.5', '2']);
    // A count is never ranked: CPP_start has no direction of good.
    const starts = page.locator('[data-testid="benchmark-latest"][data-measure="CPP_start"]');
    await expect(starts.getAttribute('data-rank')).resolves.toBe('');
    // The address carries the authority, and the setting is remembered.
    expect(page.url()).toContain('la=E09000001');
    await row.getByRole('button', { name: /Show years/ }).click();
    await page.getByTestId('benchmark-chart').waitFor();
    await expect(page.locator('.chart-summary').first().textContent()).resolves.toContain(
      'Child protection plans that were a second or subsequent plan (%), Aston: 20 in 2025, against 20 on average for 2 statistical neighbours; 19 for its region and 21.5 for England. Ranked 2 of 3 (lower is better), quartile B.',
    );
    // Names in words, never column names.
    await expect(row.locator('th').textContent()).resolves.toMatch(
      /^Child protection plans that were a second or subsequent plan \(%\)/,
    );
    await screenshot(page, 'b01-published-statistics', { fullPage: true });
    expect(await axeProblems(page, 'Published statistics')).toEqual([]);
  });

  it('draws a count on its own scale: ours with the neighbours, the region’s and England’s totals apart', async () => {
    const { page } = app;
    const starts = page.locator('[data-testid="benchmark-latest"][data-measure="CPP_start"]');
    await expect(starts.getAttribute('data-scale')).resolves.toBe('count');
    await starts.getByRole('button', { name: /Show years/ }).click();
    const detail = page.locator('[data-testid="benchmark-detail"][data-measure="CPP_start"]');
    const chart = detail.locator('[data-testid="benchmark-chart"][data-scale="count"]');
    await chart.locator('[data-panel="england"] svg.recharts-surface').waitFor();
    const ticks = (panel: string) =>
      chart
        .locator(`[data-panel="${panel}"] .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value`)
        .allTextContents()
        .then((t) => t.map((v) => Number(v.replace(/,/g, ''))));
    // Aston 80–85 and its neighbours' average (90 and 65, with Crewe's 4 in 2025) on a scale of ~100;
    // England's 1,000–1,100 on its own: on one axis Aston's line would lie flat at the bottom.
    expect((await ticks('ours')).length).toBeGreaterThan(2);
    expect(Math.max(...(await ticks('ours')))).toBeLessThanOrEqual(120);
    expect(Math.max(...(await ticks('england')))).toBeGreaterThanOrEqual(1000);
    await expect(chart.locator('[data-panel="ours"] .recharts-line').count()).resolves.toBe(2);
    await expect(detail.getByTestId('count-note').textContent()).resolves.toContain('it is not ranked');
    await expect(detail.locator('.chart-summary').textContent()).resolves.toContain('(totals)');
    await starts.getByRole('button', { name: /Hide years/ }).click();
  });

  it('uses neighbours chosen by hand instead of the file’s, and goes back', async () => {
    const { page } = app;
    const row = page.locator('[data-testid="benchmark-latest"][data-measure="CPP_subsequent_percent"]');
    await page.getByTestId('neighbour-picker').locator('summary').click();
    await page.getByTestId('neighbour-picker').getByLabel('Derby').check();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-measure="CPP_subsequent_percent"]')?.getAttribute('data-neighbour-average') ===
        '30',
    );
    await expect(page.getByTestId('neighbour-status').textContent()).resolves.toContain('1 neighbour chosen by hand');
    await page.getByRole('button', { name: 'Use the neighbour file’s again' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-measure="CPP_subsequent_percent"]')?.getAttribute('data-neighbour-average') ===
        '20',
    );
    await expect(row.getAttribute('data-rank')).resolves.toBe('2');
  });

  it('shows another authority the partnership covers after ours, each with its own comparison', async () => {
    const { page } = app;
    await page.getByTestId('benchmark-other-la').selectOption('E09000002');
    const bury = page.locator(
      '[data-la="E09000002"] [data-testid="benchmark-latest"][data-measure="CPP_subsequent_percent"]',
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-la="E09000002"] [data-measure="CPP_subsequent_percent"]')
          ?.getAttribute('data-la-value') === '10',
    );
    await expect(bury.getAttribute('data-rank')).resolves.toBe('1');
    // Ours stays first.
    await expect(
      page
        .locator('[data-testid="benchmark-latest"][data-measure="CPP_subsequent_percent"]')
        .first()
        .getAttribute('data-la-value'),
    ).resolves.toBe('20');
    await page.getByRole('button', { name: 'Remove E09000002' }).click();
    await expect(page.locator('[data-la="E09000002"]').count()).resolves.toBe(0);
  });

  it('puts the comparison in the board pack, with its sentence and chart', async () => {
    const { page } = app;
    await page.evaluate(() => {
      window.location.hash = '#/board-pack';
    });
    await page.getByTestId('board-pack').waitFor();
    const choice = page.getByTestId('add-item-choice');
    const value = await choice
      .locator('option', {
        hasText: 'Child protection plans that were a second or subsequent plan (%) — All (cpp_subsequent.csv)',
      })
      .getAttribute('value');
    await choice.selectOption(value as string);
    await page.getByTestId('add-item').click();
    const slide = page.locator('[data-testid="slide"][data-slide-kind="benchmark"]').last();
    await slide.waitFor({ timeout: 60_000 });
    await expect(slide.textContent()).resolves.toContain(
      'Child protection plans that were a second or subsequent plan (%), Aston: 20 in 2025',
    );
    await slide.locator('svg.recharts-surface').first().waitFor();
  });

  it('opens on the authority in the address', async () => {
    const { page } = app;
    await page.evaluate(() => {
      window.location.hash = '#/benchmarks?la=202';
    });
    const row = page.locator(
      '[data-testid="benchmark-latest"][data-measure="CPP_subsequent_percent"][data-la-value="10"]',
    );
    await row.waitFor({ timeout: 60_000 });
    await expect(row.getAttribute('data-rank')).resolves.toBe('1');
    expect(app.offOrigin()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('the sample published statistics file, as a new user meets it', () => {
  let fresh: AppUnderTest;
  beforeAll(async () => {
    fresh = await openApp({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('offers the sample on an empty page, says Fernshire is fictional, and compares a North East authority', async () => {
    const { page } = fresh;
    await openPage(page, 'Published statistics');
    await page.getByTestId('benchmarks-empty').waitFor();
    await expect(page.getByTestId('sample-attribution').textContent()).resolves.toContain(
      'Contains public sector information licensed under the Open Government Licence v3.0.',
    );
    await page.getByRole('button', { name: 'Try with a sample published statistics file' }).click();
    const firstRun = page.getByTestId('sample-first-run');
    await firstRun.waitFor({ timeout: 60_000 });
    await expect(firstRun.textContent()).resolves.toContain('Fernshire, the sample partnership, is fictional');
    await screenshot(page, 'b02-sample-first-run-1366', { fullPage: false });
    await page.getByTestId('sample-example-la').click();
    const share = page.locator('[data-testid="benchmark-latest"][data-measure="rereferral_percent"]');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="benchmark-latest"][data-measure="rereferral_percent"]')
          ?.getAttribute('data-rank') === '1',
      undefined,
      { timeout: 60_000 },
    );
    expect(
      await share.evaluate((el) =>
        ['data-time-period', 'data-la-value', 'data-region-value', 'data-england-value', 'data-scale'].map((a) =>
          el.getAttribute(a),
        ),
      ),
    ).toEqual(['2025', '13', '20.7', '22.6', 'rate']);
    await expect(share.locator('th').textContent()).resolves.toMatch(
      /^Re-referrals within 12 months of a previous referral \(%\)/,
    );
    // Referrals: a count, on its own scale, pointing to the share beside it.
    const referrals = page.locator('[data-testid="benchmark-latest"][data-measure="rereferral_count"]');
    await expect(referrals.getAttribute('data-scale')).resolves.toBe('count');
    await referrals.getByRole('button', { name: /Show years/ }).click();
    const detail = page.locator('[data-testid="benchmark-detail"][data-measure="rereferral_count"]');
    await detail.locator('[data-panel="england"] svg.recharts-surface').waitFor();
    await detail.scrollIntoViewIfNeeded();
    await screenshot(page, 'b03-sample-count-1366', { fullPage: false });
    await screenshot(page, 'b04-sample-page-full', { fullPage: true });
    await detail.getByTestId('open-rate').click();
    await page
      .locator('[data-testid="benchmark-detail"][data-measure="rereferral_percent"] [data-scale="rate"]')
      .waitFor();
    expect(await axeProblems(page, 'Published statistics with the sample')).toEqual([]);
    expect(fresh.offOrigin()).toEqual([]);
    expect(fresh.consoleErrors).toEqual([]);
  });
});
