import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles, loadSampleData, openPage, reportNumbers } from './support/app-actions';
import { type AppUnderTest, openApp, screenshot } from './support/browser';
import {
  filesHolding,
  keepData,
  keptState,
  overviewValues,
  PASSPHRASE,
  privateFiles,
  waitUntilSaved,
} from './support/kept-actions';

// Issue 30: the partnership's year kept on this computer, encrypted. The whole cycle, as a business
// manager lives it: load, keep, close the browser, come back offline, unlock; a wrong passphrase, a
// second tab, a save cut short, a backup moved to another computer (and a tampered one), the next
// quarter's extract, lock and delete.

/** Ids no file the app ships holds: if any byte of the profile holds one, a record leaked. */
const MARK = 'QZKEPT';
const dir = mkdtempSync(join(tmpdir(), 'pi-kept-'));
const sample = readFileSync(resolve(import.meta.dirname, '../../sample-data/early_help_episodes.csv'), 'utf8')
  .trimEnd()
  .split('\n');

/** An early help extract of 60 of the sample's episodes under distinctive ids; `change` edits rows. */
function quarterFile(name: string, change: (cells: string[], index: number) => string[] = (c) => c): string {
  const rows = sample.slice(1, 61).map((line, i) => {
    const cells = line.split(',');
    cells[0] = `${MARK}E${String(i + 1).padStart(4, '0')}`;
    cells[1] = `${MARK}C${String(i + 1).padStart(4, '0')}`;
    return change(cells, i).join(',');
  });
  const path = join(dir, name);
  writeFileSync(path, `${[sample[0], ...rows].join('\n')}\n`);
  return path;
}

let app: AppUnderTest;
let before: Awaited<ReturnType<typeof overviewValues>>;
let profileBefore: string;

/** The early help profile's summary in words: it reads the full summary pi_eh_flow (put back last on unlock). */
async function profileSummary(page: AppUnderTest['page']): Promise<string> {
  await openPage(page, 'Early help');
  const summary = page.locator('[data-testid="profile-EHP1"] .chart-summary');
  await summary.waitFor({ timeout: 120_000 });
  await expect(page.locator('[data-testid="profile-EHP1"] [role="alert"]').count()).resolves.toBe(0);
  return (await summary.textContent()) ?? '';
}
beforeAll(async () => {
  app = await openApp({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

describe('data kept on this computer, encrypted', () => {
  it('is offered after a load, off by default, and keeps everything under a passphrase', async () => {
    const { page } = app;
    await expect(page.getByTestId('kept-status').getAttribute('data-state')).resolves.toBe('none');
    await expect(page.getByTestId('data-not-kept').textContent()).resolves.toContain('unless you choose');
    await loadSampleData(page);
    await loadFiles(page, [quarterFile('early-help-q1.csv')]);
    before = await overviewValues(page);
    expect(before.filter((c) => c.state === 'ready').length).toBeGreaterThan(10);
    profileBefore = await profileSummary(page);
    expect(profileBefore).toMatch(/in all/);
    await openPage(page, 'Data');
    await expect(page.getByTestId('keep-data').isChecked()).resolves.toBe(false);
    await page.getByTestId('keep-data').check();
    await expect(page.getByTestId('keep-offer').textContent()).resolves.toContain(
      'A forgotten passphrase cannot be recovered',
    );
    await page.getByTestId('keep-passphrase').fill('short');
    await expect(page.getByTestId('keep-confirm').isDisabled()).resolves.toBe(true);
    await page.getByTestId('keep-passphrase').fill(PASSPHRASE);
    await page.getByTestId('keep-passphrase-confirm').fill(`${PASSPHRASE}x`);
    await expect(page.getByTestId('keep-confirm').isDisabled()).resolves.toBe(true);
    await page.getByTestId('keep-offer').scrollIntoViewIfNeeded();
    await screenshot(page, 'kd01-keep-offer-1366', { fullPage: false });
    await page.getByTestId('keep-data').uncheck();
    await keepData(page);
    await expect(page.getByTestId('data-kept').textContent()).resolves.toContain('Kept, encrypted');
    await page.getByTestId('kept-controls').scrollIntoViewIfNeeded();
    await screenshot(page, 'kd02-kept-1366', { fullPage: false });
    const files = await privateFiles(page);
    expect(files.some((name) => name.endsWith('.sealed'))).toBe(true);
  });

  it('comes back offline, locked; no byte of the profile holds a kept record', async () => {
    await app.reopen({ offline: true });
    expect(filesHolding(app.profile, MARK)).toEqual([]);
    const { page } = app;
    await page.getByTestId('unlock-panel').waitFor({ timeout: 30_000 });
    await expect(keptState(page)).resolves.toBe('locked');
    await screenshot(page, 'kd03-unlock-1366', { fullPage: false });
  });

  it('refuses a wrong passphrase, changing nothing, and the right one brings back every Overview card', async () => {
    const { page } = app;
    const kept = await privateFiles(page);
    await page.getByTestId('unlock-passphrase').fill('kettle violet harbour pencils');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('error-message').textContent()).resolves.toContain('does not open');
    await expect(keptState(page)).resolves.toBe('locked');
    expect(await privateFiles(page)).toEqual(kept);
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await page.waitForSelector('[data-testid="kept-status"][data-state="unlocked"]', { timeout: 60_000 });
    const after = await overviewValues(page);
    expect(after).toEqual(before);
    // The indicators' prepared tables came back with the data: nothing was built again for the Overview.
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toContain('pi-prepared-kept');
    expect(marks).not.toContain('pi-prepared-first');
    // The full summaries, put back after the Overview was drawn, give the same figures.
    expect(await profileSummary(page)).toBe(profileBefore);
    // The load history came back with the data: the loads, the keep and this unlock.
    await openPage(page, 'Load history');
    const actions = await page
      .locator('[data-testid="load-history"] [data-action]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.slice(0, 2)).toEqual(['unlock', 'keep']);
    // The sample's eighteen files and the quarter's extract, one load each.
    expect(actions.filter((a) => a === 'load').length).toBe(19);
    expect(app.offOrigin()).toEqual([]);
  });

  it('tells a second tab that the data is open elsewhere, and that tab cannot open it', async () => {
    const second = await app.context.newPage();
    await second.goto(app.url);
    await second.getByTestId('kept-elsewhere').waitFor({ timeout: 30_000 });
    await second.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await second.getByTestId('unlock-submit').click();
    await expect(second.getByTestId('error-message').textContent()).resolves.toContain('open in another tab');
    await expect(keptState(second)).resolves.toBe('locked');
    await screenshot(second, 'kd04-second-tab-1366', { fullPage: false });
    await second.close();
    await expect(keptState(app.page)).resolves.toBe('unlocked');
  });

  it('adds the next quarter: unchanged records are not counted twice, changed ones replace and are listed', async () => {
    const { page } = app;
    const q2 = quarterFile('early-help-q2.csv', (cells, i) => {
      // Episode 3 has closed since: its end date and end reason are filled in.
      if (i === 2) return [...cells.slice(0, 5), '31/03/2026', 'NEEDS_MET', ...cells.slice(7)];
      return cells;
    });
    await loadFiles(page, [q2]);
    const changes = page.getByTestId('record-changes');
    await changes.waitFor();
    await expect(changes.textContent()).resolves.toContain(`${MARK}E0003`);
    await waitUntilSaved(page);
  });

  it('leaves the previous complete version when the tab closes in the middle of a save', async () => {
    const { page } = app;
    await openPage(page, 'Data');
    const report = await reportNumbers(page);
    await page.getByTestId('file-input').setInputFiles([
      quarterFile('early-help-q3.csv', (cells, i) => {
        cells[0] = `${MARK}N${String(i + 1).padStart(4, '0')}`;
        return cells;
      }),
    ]);
    await page.waitForSelector('[data-testid="kept-status"][data-saving="true"]', { timeout: 60_000 });
    await app.reopen();
    await app.page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await app.page.getByTestId('unlock-submit').click();
    await app.page.waitForSelector('[data-testid="kept-status"][data-state="unlocked"]', { timeout: 60_000 });
    expect(await reportNumbers(app.page)).toEqual(report);
  });

  let backup: Buffer;
  it('saves a backup file that holds nothing readable', async () => {
    const { page } = app;
    await openPage(page, 'Data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-save').click()]);
    backup = readFileSync((await download.path()) as string);
    expect(download.suggestedFilename()).toMatch(/^partnership-insight-backup-\d{4}-\d{2}-\d{2}\.pibackup$/);
    expect(backup.includes(Buffer.from(MARK))).toBe(false);
    before = await overviewValues(page);
  });

  it('deletes everything kept, after asking', async () => {
    const { page } = app;
    await openPage(page, 'Data');
    await page.getByTestId('delete-kept').click();
    await page.getByTestId('delete-kept-confirm').click();
    await page.waitForSelector('[data-testid="kept-status"][data-state="none"][data-busy=""]', { timeout: 30_000 });
    expect((await privateFiles(page)).filter((name) => name.endsWith('.sealed') || name.endsWith('.json'))).toEqual([]);
  });

  it('refuses a damaged backup, saying why, and restores the real one on another computer', async () => {
    const other = await openApp({ width: 1920, height: 1080 });
    try {
      const { page } = other;
      const tampered = Buffer.from(backup);
      const middle = Math.floor(tampered.length / 2);
      tampered[middle] = (tampered[middle] ?? 0) ^ 0xff;
      const restore = async (bytes: Buffer) => {
        await page.getByText('Restore from a backup file').click();
        await page.getByTestId('backup-restore').setInputFiles({
          name: 'backup.pibackup',
          mimeType: 'application/octet-stream',
          buffer: bytes,
        });
        await page.getByTestId('backup-restore-passphrase').fill(PASSPHRASE);
        await page.getByTestId('backup-restore-submit').click();
      };
      await restore(tampered);
      await expect(page.getByTestId('error-message').textContent({ timeout: 30_000 })).resolves.toMatch(
        /changed or damaged|ends early/,
      );
      await expect(keptState(page)).resolves.toBe('none');
      await screenshot(page, 'kd05-backup-refused-1920', { fullPage: false });
      await page.reload();
      await restore(backup);
      await page.waitForSelector('[data-testid="kept-status"][data-state="unlocked"]', { timeout: 60_000 });
      expect(await overviewValues(page)).toEqual(before);
      await page.getByTestId('lock-now').click();
      await page.waitForSelector('[data-testid="kept-status"][data-state="locked"]', { timeout: 30_000 });
      // Locked from the Overview: the start page, with the unlock panel, is where the app goes.
      await page.getByTestId('unlock-panel').waitFor();
      await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#/');
      // The load history (file names, rows) went with the data; it is kept with it, encrypted.
      await openPage(page, 'Load history');
      await page.getByTestId('load-history').waitFor();
      await expect(page.locator('[data-testid="load-history"] [data-action]').count()).resolves.toBe(0);
      expect(other.offOrigin()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
