import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const PASSPHRASE = 'kettle violet harbour pencil';

/** Keeps what is loaded with a passphrase, as a user does after a load, and waits until it is saved. */
export async function keepData(page: Page, passphrase = PASSPHRASE) {
  await page.getByTestId('keep-data').check();
  await page.getByTestId('keep-passphrase').fill(passphrase);
  await page.getByTestId('keep-passphrase-confirm').fill(passphrase);
  await page.getByTestId('keep-confirm').click();
  await waitUntilSaved(page);
}

/** Waits until the kept data is open here and nothing is waiting to be saved. */
export async function waitUntilSaved(page: Page, timeout = 60_000) {
  await page.waitForSelector('[data-testid="kept-status"][data-state="unlocked"][data-busy=""]', { timeout });
}

export async function keptState(page: Page) {
  return page.getByTestId('kept-status').getAttribute('data-state');
}

/** Every Overview card's indicator, state and latest value, once every card has finished. */
export async function overviewValues(page: Page, timeout = 120_000) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByTestId('overview').waitFor({ timeout });
  await page.waitForFunction(
    () => {
      const cards = [...document.querySelectorAll('.score-card')];
      return cards.length > 0 && cards.every((c) => c.getAttribute('data-state') !== 'loading');
    },
    undefined,
    { timeout },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll('.score-card')].map((card) => ({
      id: card.getAttribute('data-indicator-id'),
      state: card.getAttribute('data-state'),
      value: card.getAttribute('data-latest-value'),
      period: card.getAttribute('data-period-label'),
    })),
  );
}

/** Every file under a folder (the browser's profile) whose bytes hold `text`, in UTF-8 or UTF-16. */
export function filesHolding(folder: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      let stats: ReturnType<typeof statSync>;
      try {
        stats = statSync(path);
      } catch {
        continue; // a lock file or socket that went meanwhile
      }
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile()) {
        const bytes = readFileSync(path);
        if (needles.some((needle) => bytes.includes(needle))) found.push(path);
      }
    }
  };
  walk(folder);
  return found;
}

/** The names of the files in the origin's private file storage (the kept data's folder included). */
export function privateFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        names.push(`${prefix}${name}`);
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
      }
    };
    await walk(await navigator.storage.getDirectory(), '');
    return names;
  });
}
