import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEarlyHelpLines } from '../../sample-data/early-help-generator.mjs';
import { areaTestId } from '../../src/app/routes';
import { FAMILIES, INDICATORS } from '../../src/indicators/registry';
import {
  axeProblems,
  currentLoadSeq,
  loadFiles,
  openPage,
  reportNumbers,
  waitForChart,
  waitForNewReport,
  writeFixture,
} from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';

const dir = mkdtempSync(join(tmpdir(), 'pi-e2e-'));
const fixture = (name: string, content: string | Uint8Array) => writeFixture(dir, name, content);

// 10 rows over two financial years; line 6 has an impossible date and is rejected.
const GOOD = fixture(
  'early_help_agency_a.csv',
  [
    'episode_id,child_id,assessment_start_date,episode_end_date,lead_agency',
    'E1,C1,15/01/2024,,SCHOOL',
    'E2,C2,20/02/2024,10/05/2024,Police',
    'E3,C3,31/03/2024,,Health visitor',
    'E4,C4,01/04/2024,30/06/2024,SCHOOL',
    'E5,C5,31/02/2024,,SCHOOL',
    'E6,C6,12/05/2024,,VCS',
    'E7,C7,2024-06-03,,LA_EARLY_HELP',
    'E8,C8,04/07/24,01/09/2024,SCHOOL',
    'E9,C9,19/08/2024,,GP',
    'E10,C10,30/09/2024,,SCHOOL',
  ].join('\r\n'),
);

let app: AppUnderTest;

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the built app in headless Chromium', () => {
  it('loads a dropped CSV, reports every row and draws EH1 and EH2', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Partnership data', level: 1 }).waitFor();
    await screenshot(page, '01-start');
    await loadFiles(page, [GOOD]);
    expect(await reportNumbers(page)).toEqual({ read: 10, loaded: 9, rejected: 1, status: 'partial' });
    await expect(page.getByTestId('load-report').textContent()).resolves.toContain('line 6: “31/02/2024”');
    const dataset = page.getByTestId('dataset-early_help_episodes');
    expect(await dataset.getAttribute('data-rows-loaded')).toBe('9');
    expect(await dataset.getAttribute('data-rows-rejected')).toBe('1');

    const eh1 = await waitForChart(page, 'EH1');
    const eh2 = await waitForChart(page, 'EH2');
    // Monthly from Jan 2024 to the report date 30/09/2024 (the latest date in the data).
    expect(await eh1.getAttribute('data-period-label')).toBe('Sep 2024');
    expect(await eh1.getAttribute('data-latest-value')).toBe('1');
    // Open on 30/09/2024: E1, E3, E6, E7, E9, E10 (E2, E4 and E8 have ended).
    expect(await eh2.getAttribute('data-latest-value')).toBe('6');
    await screenshot(page, '02-loaded-month');

    await page.getByTestId('granularity-quarter').check();
    await page.waitForFunction(() =>
      document.querySelector('[data-indicator-id="EH1"]')?.getAttribute('data-period-label')?.includes('Q2'),
    );
    expect(await eh1.getAttribute('data-period-label')).toBe('2024-25 Q2');
    expect(await eh1.getAttribute('data-latest-value')).toBe('3'); // E8, E9, E10

    await page.getByTestId('toggle-table-EH1').click();
    const table = page.getByTestId('table-EH1');
    await expect(table.textContent()).resolves.toContain('2023-24 Q4');
    await screenshot(page, '03-quarter-table');
  });

  it('explains bad files by name and still loads every good row', async () => {
    const { page } = app;
    const png = fixture('chart.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const empty = fixture('empty.csv', '');
    const headerOnly = fixture('header-only.csv', 'child_id,assessment_start_date\n');
    const semicolon = fixture('semicolon.csv', 'child_id;assessment_start_date\nS1;13/10/2024\nS2;02/13/2024\n');
    const cp1252 = fixture(
      'windows-1252.csv',
      Uint8Array.from(
        [...'child_id,assessment_start_date,locality\nW1,03/10/2024,St Mary’s – £\n'].map((c) =>
          c === '’' ? 0x92 : c === '–' ? 0x96 : c === '£' ? 0xa3 : c.charCodeAt(0),
        ),
      ),
    );
    const titled = fixture(
      'annex-a-list-2.csv',
      'List 2: Early Help,,,\nChild Unique ID,Gender,Assessment start date,Organisation completing assessment\nA1,a) Male,05/10/2024,Police\n',
    );
    await loadFiles(page, [png, empty, headerOnly, semicolon, cp1252, titled]);
    // Good rows: S1, W1, A1. Rejected: S2 (US date).
    expect(await reportNumbers(page)).toEqual({ read: 4, loaded: 3, rejected: 1, status: 'partial' });
    const messages = await page.getByTestId('error-message').allTextContents();
    const text = messages.join('\n');
    expect(text).toContain('“chart.csv” looks like a PNG image');
    expect(text).toContain('“empty.csv” is empty');
    expect(text).toContain('“header-only.csv” has a header row but no data rows');
    expect(text).toContain('“semicolon.csv”');
    await expect(page.getByTestId('load-report').textContent()).resolves.toContain('looks like a US month/day date');
    await screenshot(page, '04-bad-files');
    // The page is still usable: the charts now include the new rows.
    await waitForChart(page, 'EH1');
    expect(app.consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('shows data quality per dataset and downloads the rejected rows', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Data quality' }).click();
    const section = page.getByTestId('quality-early_help_episodes');
    await section.waitFor();
    // So far: 9 + 3 rows loaded, 1 + 1 rejected (tests above).
    expect(await section.getAttribute('data-rows-loaded')).toBe('12');
    expect(await section.getAttribute('data-rows-rejected')).toBe('2');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-rejections-early_help_episodes').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('early_help_agency_a.csv,6,assessment_start_date,31/02/2024,No such date in the calendar');
    expect(csv).toContain('semicolon.csv,3,assessment_start_date,02/13/2024');
    await screenshot(page, '04-data-quality');
    await openPage(page, 'Data');
  });

  it('recognises other partnership datasets and reports rows per dataset', async () => {
    const { page } = app;
    const attendance = fixture(
      'training bookings export.csv',
      'Event ID,Delegate ID,Organisation,Attendance status\nEV1,P1,Police,Attended\nEV1,P2,School,DNA\nEV2,P3,ICB,maybe\n',
    );
    const audits = fixture(
      'audit_grades.csv',
      'audit_id,case_id,agency,domain,grade\nA1,C1,MULTI,OVERALL,GOOD\nA1,C2,MULTI,OVERALL,Requires improvement\n',
    );
    await loadFiles(page, [attendance, audits]);
    const training = page.getByTestId('dataset-training_attendance');
    expect(await training.getAttribute('data-rows-loaded')).toBe('3');
    expect(await training.getAttribute('data-rows-rejected')).toBe('0');
    const grades = page.getByTestId('dataset-audit_grades');
    expect(await grades.getAttribute('data-rows-loaded')).toBe('2');
    await expect(page.getByTestId('load-report').textContent()).resolves.toContain('Training attendance');
    await expect(page.getByTestId('load-report').textContent()).resolves.toContain('“maybe”');
    await screenshot(page, '05-other-datasets');
  });

  it('maps a local code once, remembers it, and shares it as a mapping profile', async () => {
    const { page } = app;
    const local = fixture(
      'eh_local_codes.csv',
      'child_id,assessment_start_date,episode_end_date,end_reason\nL1,01/05/2024,01/07/2024,Escalated to social care\nL2,02/05/2024,02/07/2024,Escalated to social care\nL3,03/05/2024,03/07/2024,Outcomes achieved\n',
    );
    await loadFiles(page, [local]);
    const select = page.getByLabel('What “Escalated to social care” (End reason) means');
    await select.selectOption('STEP_UP_CSC');
    await select.waitFor({ state: 'detached' });
    await expect(page.getByTestId('mapping-profile').textContent()).resolves.toContain('1 saved');
    await screenshot(page, '05-value-mapped');

    // The next file with the same local code needs no mapping.
    const next = fixture(
      'eh_local_codes_next_month.csv',
      'child_id,assessment_start_date,episode_end_date,end_reason\nL4,01/06/2024,01/08/2024,Escalated to social care\n',
    );
    await loadFiles(page, [next]);
    expect(await page.getByTestId('value-mapping').count()).toBe(0);

    // Export, then import a broken profile and see a clear message.
    await page.getByTestId('mapping-profile').locator('summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export mapping profile' }).click(),
    ]);
    const profile = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(profile.values.early_help_episodes.end_reason['Escalated to social care']).toBe('STEP_UP_CSC');
    const broken = fixture('broken-profile.json', JSON.stringify({ ...profile, version: 7 }));
    await page.getByTestId('mapping-profile-input').setInputFiles(broken);
    await expect(page.getByTestId('mapping-profile').getByTestId('error-message').textContent()).resolves.toContain(
      'version 7; this app reads version 1',
    );
  });

  it('maps the columns of an unfamiliar file by hand, and reuses the mapping for the next one', async () => {
    const { page } = app;
    const odd = fixture(
      'case system export.csv',
      'Ref,Kid,Began,Finished\nR1,K1,01/04/2024,01/05/2024\nR2,K2,02/04/2024,\n',
    );
    await loadFiles(page, [odd]);
    expect((await reportNumbers(page)).status).toBe('failed');
    // One sentence, and the form to map its columns straight away (no button to find first).
    expect(await page.getByTestId('load-report').getByTestId('error-message').textContent()).toBe(
      '“case system export.csv” is not a partnership dataset this app recognises.',
    );
    const form = page.getByTestId('column-mapping');
    await form.getByLabel('This file is').selectOption('early_help_episodes');
    await form.getByLabel('Child ID').selectOption('Kid');
    await form.getByLabel('Assessment start date').selectOption('Began');
    await form.getByLabel('Episode end date').selectOption('Finished');
    await screenshot(page, '05-column-mapping');
    const before = await currentLoadSeq(page);
    await form.getByRole('button', { name: 'Load with these columns' }).click();
    await waitForNewReport(page, before);
    expect(await page.getByTestId('dataset-early_help_episodes').getAttribute('data-rows-loaded')).toBe('2');

    const nextMonth = fixture('case system export (2).csv', 'Ref,Kid,Began,Finished\nR3,K3,03/04/2024,\n');
    await loadFiles(page, [nextMonth]);
    expect(await page.getByTestId('dataset-early_help_episodes').getAttribute('data-rows-loaded')).toBe('1');
  });

  it('loads the bundled sample data with one click', async () => {
    const { page } = app;
    const before = await currentLoadSeq(page);
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await waitForNewReport(page, before);
    const numbers = await reportNumbers(page);
    expect(numbers).toMatchObject({ rejected: 0, status: 'ok' });
    expect(numbers.loaded).toBe(numbers.read);
    expect(await page.getByTestId('dataset-early_help_episodes').getAttribute('data-rows-loaded')).toBe('6571');
    // Eleven partnership datasets and the seven lists of the child protection system.
    expect(await page.locator('[data-testid^="dataset-"]').count()).toBe(18);
    expect(await page.getByTestId('dataset-child_protection_plans').getAttribute('data-rows-loaded')).toBe('165');
    await waitForChart(page, 'EH2');
    await screenshot(page, '05-sample-data');
  });

  it('computes every indicator of every area the sample data covers; the others say what they need', async () => {
    const { page } = app;
    const samples = new Set(readdirSync('sample-data').map((name) => name.replace(/\.csv$/, '')));
    for (const family of FAMILIES) {
      await openPage(page, family.title);
      await page.getByTestId(areaTestId(family.id)).waitFor();
      if (!family.indicators.some((i) => i.datasets.every((d) => samples.has(d)))) {
        // An area whose lists the sample data does not have yet (child protection, for now).
        await page.getByTestId('area-empty').waitFor();
        continue;
      }
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-indicator-id][data-state="ready"]').length === n,
        family.indicators.length,
        { timeout: 90_000 },
      );
      const cards = await page.evaluate(() =>
        [...document.querySelectorAll('[data-indicator-id]')].map((e) => ({
          id: e.getAttribute('data-indicator-id'),
          value: e.getAttribute('data-latest-value'),
          label: e.getAttribute('data-period-label'),
        })),
      );
      expect(cards.map((c) => c.id)).toEqual(family.indicators.map((i) => i.id));
      expect(cards.every((c) => c.label !== '')).toBe(true);
      // Nearly every latest value is a number; a lagged cohort or an empty quarter may have none.
      expect(cards.filter((c) => c.value !== '' && Number.isFinite(Number(c.value))).length).toBeGreaterThan(
        family.indicators.length / 2,
      );
      await screenshot(page, `09-area-${family.id}`);
    }
  });

  it('filters every chart on a page by clicking a bar, lists the filter, and clears it in one click', async () => {
    const { page } = app;
    await openPage(page, 'Early help');
    await page.getByTestId('granularity-year').check();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-indicator-id="EH1"][data-state="ready"]')?.getAttribute('data-period-label') ===
        '2026-27',
      undefined,
      { timeout: 60_000 },
    );
    const ids = ['EH1', 'EH2', 'EH3', 'EH5'];
    await page.waitForFunction(
      (list) =>
        list.every((id) => {
          const card = document.querySelector(`[data-indicator-id="${id}"]`);
          return card?.getAttribute('data-state') === 'ready' && card.getAttribute('data-period-label') === '2026-27';
        }),
      ids,
      { timeout: 60_000 },
    );
    const values = () =>
      page.evaluate(
        (list) =>
          list.map((id) => document.querySelector(`[data-indicator-id="${id}"]`)?.getAttribute('data-latest-value')),
        ids,
      );
    const before = await values();
    const breakdown = page.getByTestId('breakdown-panel');
    await breakdown.getByTestId('comparison-chart').waitFor({ timeout: 60_000 });
    await screenshot(page, '11-cross-filter-before', { fullPage: false });
    // Click the bar for schools.
    await breakdown.locator('[data-bar-key="SCHOOL"]').click();
    await page.waitForFunction(() => window.location.hash.includes('agency=SCHOOL'));
    await page.getByTestId('active-filters').waitFor();
    await expect(page.getByTestId('active-filters').textContent()).resolves.toContain('Agency: Schools');
    await page.waitForFunction(
      (list) =>
        list.every(
          (id) => document.querySelector(`[data-indicator-id="${id}"]`)?.getAttribute('data-state') === 'ready',
        ),
      ids,
    );
    await page.waitForFunction(
      ([list, old]) =>
        list.every(
          (id, i) =>
            document.querySelector(`[data-indicator-id="${id}"]`)?.getAttribute('data-latest-value') !== old[i],
        ),
      [ids, before] as const,
      { timeout: 60_000 },
    );
    const filtered = await values();
    // Every chart changed: school-led episodes are fewer than all episodes.
    for (let i = 0; i < ids.length; i += 1) expect(filtered[i], ids[i]).not.toBe(before[i]);
    expect(Number(filtered[0])).toBeLessThan(Number(before[0]));
    await screenshot(page, '11-cross-filter-applied');
    await page.getByTestId('clear-filter-agency').click();
    await page.waitForFunction(() => !window.location.hash.includes('agency='));
    await page.waitForFunction(
      ([list, old]) =>
        list.every(
          (id, i) =>
            document
              .querySelector(`[data-indicator-id="${id}"][data-state="ready"]`)
              ?.getAttribute('data-latest-value') === old[i],
        ),
      [ids, before] as const,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('active-filters').count()).toBe(0);
  });

  it('filters a page from a heatmap cell, by keyboard', async () => {
    const { page } = app;
    await openPage(page, 'Statutory obligations');
    const cell = page.getByTestId('heatmap-OBP1').locator('[data-testid$="-POLICE"]').first();
    await cell.waitFor({ timeout: 60_000 });
    await page.locator('[data-indicator-id="OB3"][data-state="ready"]').waitFor({ timeout: 60_000 });
    const before = await page.locator('[data-indicator-id="OB3"]').getAttribute('data-latest-value');
    await cell.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.location.hash.includes('agency=POLICE'));
    await page.waitForFunction(
      (old) => {
        const card = document.querySelector('[data-indicator-id="OB3"][data-state="ready"]');
        return card !== null && card.getAttribute('data-latest-value') !== old;
      },
      before,
      { timeout: 60_000 },
    );
    await screenshot(page, '11-heatmap-filter');
    await page.getByTestId('clear-filter-agency').click();
    await page.waitForFunction(() => !window.location.hash.includes('agency='));
  });

  it('restores a view from its address: page, period and filters', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/training?period=year&agency=POLICE`);
    await page.getByTestId('area-training').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () =>
        document.querySelector('[data-indicator-id="TR2"][data-state="ready"]')?.getAttribute('data-period-label') ===
        '2026-27',
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('granularity-year').isChecked()).toBe(true);
    expect(await page.getByTestId('filter-agency').inputValue()).toBe('POLICE');
    await expect(page.getByTestId('active-filters').textContent()).resolves.toContain('Agency: Police');
    // The same as choosing it on screen from an unfiltered page.
    const fromLink = await page.evaluate(() =>
      document.querySelector('[data-indicator-id="TR2"]')?.getAttribute('data-latest-value'),
    );
    await page.getByTestId('clear-filter-agency').click();
    await page.waitForFunction(() => !window.location.hash.includes('agency='));
    await page.getByTestId('filter-agency').selectOption('POLICE');
    await page.waitForFunction(
      (v) =>
        document.querySelector('[data-indicator-id="TR2"][data-state="ready"]')?.getAttribute('data-latest-value') ===
        v,
      fromLink,
      { timeout: 60_000 },
    );
    // A filter value the data does not have says so, and is left out rather than drawing empty charts.
    await page.goto(`${app.url}#/training?period=year&agency=NO_SUCH_AGENCY`);
    await page.getByTestId('area-training').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-indicator-id="TR1"][data-state="ready"]') !== null,
      undefined,
      { timeout: 60_000 },
    );
    await expect(page.getByTestId('address-note').textContent()).resolves.toContain(
      'No data for this selection: “agency NO_SUCH_AGENCY” is not in the loaded data',
    );
    expect(await page.locator('[data-indicator-id="TR1"]').getAttribute('data-latest-value')).not.toBe('');
  });

  it('shows the overview scorecard with SPC icons, change and a target with its RAG rating', async () => {
    const { page } = app;
    await openPage(page, 'Overview');
    await page.getByTestId('overview').waitFor();
    const headline = INDICATORS.filter((i) => i.headline).length;
    await page.waitForFunction(
      (n) => document.querySelectorAll('.score-card[data-state="ready"]').length === n,
      headline,
      { timeout: 90_000 },
    );
    const card = page.locator('.score-card[data-indicator-id="EH3"]');
    expect(await card.getAttribute('data-period-label')).toBe('2026-27 Q2');
    await expect(card.textContent()).resolves.toMatch(/Same period last year: (up|down|the same)/);
    expect(await card.getByTestId('variation-icon').count()).toBe(1);
    await card.getByText('Set a target').click();
    await card.getByTestId('target-input-EH3').fill('70');
    await card.getByTestId('save-target-EH3').click();
    await card.getByTestId('rag-EH3').waitFor();
    expect(await card.getByTestId('rag-EH3').getAttribute('data-rag')).toBe('red');
    await expect(card.getByTestId('assurance-icon').textContent()).resolves.toMatch(/target/);
    await screenshot(page, '12-overview');
    // Another period: 2025-26 Q4 is the third complete quarter back from the report date 30/09/2026.
    await page.getByTestId('overview-period').selectOption({ label: '2025-26 Q4' });
    await page.waitForFunction(
      () =>
        document
          .querySelector('.score-card[data-indicator-id="EH3"][data-state="ready"]')
          ?.getAttribute('data-period-label') === '2025-26 Q4',
      undefined,
      { timeout: 60_000 },
    );
    expect(page.url()).toContain('to=2026-03-31');
    await page.getByTestId('overview-period').selectOption('');
    await page.waitForFunction(
      () =>
        document
          .querySelector('.score-card[data-indicator-id="EH3"][data-state="ready"]')
          ?.getAttribute('data-period-label') === '2026-27 Q2',
    );
    // Print: no navigation or controls, cards kept whole.
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '12-overview-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, '12-overview-1366', { fullPage: false });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, '12-overview-1920', { fullPage: false });
    await openPage(page, 'Early help');
    await page.locator('[data-indicator-id="EH1"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await screenshot(page, '12-early-help-1920', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 768 });
    // Remove the target again for the tests that follow.
    await openPage(page, 'Overview');
    const again = page.locator('.score-card[data-indicator-id="EH3"]');
    await again.getByText('Change the target').click();
    await again.getByTestId('target-input-EH3').fill('');
    await again.getByTestId('save-target-EH3').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="rag-EH3"]') === null);
  });

  it('has no serious or critical accessibility problems (axe-core, WCAG 2.2 AA) on any page', async () => {
    const { page } = app;
    const pages = ['Data', 'Overview', ...FAMILIES.map((f) => f.title), 'Definitions', 'Data quality', 'Templates'];
    const problems: string[] = [];
    const check = async (name: string) => {
      problems.push(...(await axeProblems(page, name)));
    };
    for (const name of pages) {
      await openPage(page, name);
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-state="loading"]').length === 0 &&
          !document.querySelector('[role="status"]')?.textContent?.includes('Preparing'),
        undefined,
        { timeout: 90_000 },
      );
      await check(name);
    }
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    await page.getByTestId('accessibility-statement').waitFor();
    await check('Accessibility statement');
    await screenshot(page, '13-accessibility-statement');
    expect(problems).toEqual([]);
  });

  it('explains every indicator on the Definitions page, and applies a local setting', async () => {
    const { page } = app;
    await openPage(page, 'Definitions');
    expect(await page.locator('[data-testid^="definition-"]').count()).toBe(INDICATORS.length);
    await expect(page.getByTestId('definition-PR2').textContent()).resolves.toContain(
      'Notification standard (working days): 5',
    );
    await screenshot(page, '10-definitions-top', { fullPage: false });
    await page.getByTestId('definition-EH6').scrollIntoViewIfNeeded();
    await screenshot(page, '10-definitions-eh6', { fullPage: false });
    await page.getByTestId('settings-form').scrollIntoViewIfNeeded();
    await screenshot(page, '10-definitions-settings', { fullPage: false });
    await page.getByTestId('setting-reportDate').fill('31/02/2025');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('settings-errors').textContent()).resolves.toContain('Report date must be a date');
    await page.getByTestId('setting-reportDate').fill('31/03/2025');
    await page.getByTestId('save-settings').click();
    await page.getByText('Saved. Every figure now uses these settings.').waitFor();
    await openPage(page, 'Early help');
    await page.getByTestId('granularity-month').check();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-indicator-id="EH1"][data-state="ready"]')?.getAttribute('data-period-label') ===
        'Mar 2025',
      undefined,
      { timeout: 60_000 },
    );
    await expect(page.getByTestId('area-early_help').textContent()).resolves.toContain('Figures as at 31/03/2025');
    // Back to the default for the tests that follow.
    await openPage(page, 'Definitions');
    await page.getByTestId('setting-reportDate').fill('');
    await page.getByTestId('save-settings').click();
    await page.getByText('Saved. Every figure now uses these settings.').waitFor();
  });

  it('shows progress while a large file loads, and loads all of it', async () => {
    const { page } = app;
    const lines = [...generateEarlyHelpLines({ seed: 5, startsPerMonth: 1300 })];
    const big = fixture('large_extract.csv', `${lines.join('\n')}\n`);
    await openPage(page, 'Data');
    // Its episode IDs are the sample's (the same generator): start afresh so none is already loaded.
    await page.getByTestId('clear-data').click();
    await page.getByTestId('confirm-clear-data').click();
    await page.getByTestId('load-report').waitFor({ state: 'detached' });
    const before = await currentLoadSeq(page);
    await page.getByTestId('file-input').setInputFiles(big);
    const progress = page.getByTestId('load-progress');
    await progress.waitFor({ timeout: 30_000 });
    await expect(progress.textContent()).resolves.toMatch(/large_extract\.csv|Starting/);
    // Beside the button that started it: in view on a 1366 × 768 laptop screen, not below the fold.
    const box = await progress.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 768).toBe(true);
    await screenshot(page, '06-large-file-progress');
    await waitForNewReport(page, before, 120_000);
    expect(await reportNumbers(page)).toEqual({
      read: lines.length - 1,
      loaded: lines.length - 1,
      rejected: 0,
      status: 'ok',
    });
    // A file this big is scanned in its own worker while DuckDB reads it (issue 12).
    expect(statSync(big).size).toBeGreaterThan(4 * 1024 * 1024);
    expect(app.requests.some((url) => /\/scan-worker-[\w-]+\.js$/.test(url))).toBe(true);
  });

  it('offers a template and guidance for every dataset, downloaded without any request', async () => {
    const { page } = app;
    const before = app.requests.length;
    await page.getByRole('link', { name: 'Templates' }).first().click();
    await page.getByRole('heading', { name: 'Templates for partner agencies' }).waitFor();
    expect(await page.locator('[data-testid^="template-"]').count()).toBe(18);
    for (const id of ['contacts', 'section47_enquiries', 'child_protection_plans', 'cp_visits']) {
      await page.getByTestId(`template-${id}`).getByRole('table').waitFor();
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-template-training_attendance').click(),
    ]);
    expect(download.suggestedFilename()).toBe('training_attendance.csv');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toMatch(/^\uFEFFevent_id,attendee_id,agency,booking_status\r\n/);
    await screenshot(page, '08-templates');
    expect(app.requests.slice(before).filter((u) => !u.startsWith('blob:'))).toEqual([]);
    await openPage(page, 'Data');
    await page.getByRole('heading', { name: 'Partnership data', level: 1 }).waitFor();
  });

  it('removes all loaded data on request', async () => {
    const { page } = app;
    await page.getByTestId('clear-data').click();
    await page.getByTestId('confirm-clear-data').click();
    await page.getByTestId('load-report').waitFor({ state: 'detached' });
    await openPage(page, 'Early help');
    await page.getByText('No early help data is loaded yet.').waitFor();
    expect(await page.locator('[data-indicator-id]').count()).toBe(0);
    expect(await page.getByTestId('load-report').count()).toBe(0);
  });

  it('never asks any other origin for anything', () => {
    expect(app.requests.length).toBeGreaterThan(5);
    expect(app.offOrigin()).toEqual([]);
  });

  it('on a returning visit streams DuckDB’s wasm through the browser’s HTTP cache, where Chromium keeps its compiled code', async () => {
    const { page, context } = app;
    await openPage(page, 'Data');
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.ready).active?.state === 'activated',
      undefined,
      { timeout: 90_000 },
    );
    const askedByServiceWorker: string[] = [];
    const listen = (request: import('playwright-core').Request) => {
      if (request.serviceWorker() && request.url().endsWith('.wasm')) askedByServiceWorker.push(request.url());
    };
    context.on('request', listen);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => performance.getEntriesByName('pi-engine-ready').length > 0, undefined, {
      timeout: 60_000,
    });
    context.off('request', listen);
    // Served from the service worker's own copy, the wasm would be compiled afresh on every visit.
    expect(askedByServiceWorker).toHaveLength(1);
    expect(askedByServiceWorker[0]).toMatch(/\/assets\/duckdb-eh-[\w-]+\.wasm$/);
    // duckdb-wasm streams the fetched response itself only where TransformStream is missing.
    const duckdbWorker = page.workers().find((worker) => worker.url().includes('/duckdb-worker'));
    expect(await duckdbWorker?.evaluate(() => typeof TransformStream)).toBe('undefined');
  });

  it('works offline after one visit: reload with the server gone, load a file, see the chart', async () => {
    const { page, context } = app;
    await openPage(page, 'Data');
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.state === 'activated';
      },
      undefined,
      { timeout: 90_000 },
    );
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await app.stopServer();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Partnership data', level: 1 }).waitFor();
    await loadFiles(page, [GOOD]);
    expect(await reportNumbers(page)).toEqual({ read: 10, loaded: 9, rejected: 1, status: 'partial' });
    await waitForChart(page, 'EH1');
    await screenshot(page, '07-offline');
    expect(app.offOrigin()).toEqual([]);
  });
});
