import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** Writes a fixture file into `dir` and returns its path. */
export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The load report's sequence number now, without waiting for a report to exist. */
export function currentLoadSeq(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('[data-testid="load-report"]')?.getAttribute('data-load-seq') ?? null,
  );
}

/** Waits until a load report newer than `before` is on the page. */
export async function waitForNewReport(page: Page, before: string | null, timeout = 60_000) {
  await page.waitForFunction(
    (previous) => {
      const report = document.querySelector('[data-testid="load-report"]');
      return report !== null && report.getAttribute('data-load-seq') !== previous;
    },
    before,
    { timeout },
  );
}

/** Goes to a view by its address, as a bookmark or a pasted link would (print views have no navigation). */
export async function goTo(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Presses "Try with sample data" and waits until the load report offers the Overview. */
export async function loadSampleData(page: Page, timeout = 90_000) {
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('go-to-overview').waitFor({ timeout });
}

/** Follows a link of the main navigation, as a user would. */
export async function openPage(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** Chooses files with the file input of the Data page and waits for their load report. */
export async function loadFiles(page: Page, paths: string[], timeout = 60_000) {
  await openPage(page, 'Data');
  const before = await currentLoadSeq(page);
  await page.getByTestId('file-input').setInputFiles(paths);
  await waitForNewReport(page, before, timeout);
}

export async function reportNumbers(page: Page) {
  const report = page.getByTestId('load-report');
  return {
    read: Number(await report.getAttribute('data-rows-read')),
    loaded: Number(await report.getAttribute('data-rows-loaded')),
    rejected: Number(await report.getAttribute('data-rows-rejected')),
    status: await report.getAttribute('data-status'),
  };
}

/** Waits for an indicator's card to be computed and its trend chart drawn. */
export async function waitForChart(page: Page, id: string) {
  if (id.startsWith('EH') && !(await page.evaluate(() => window.location.hash.startsWith('#/early-help')))) {
    await openPage(page, 'Early help');
  }
  const card = page.locator(`[data-indicator-id="${id}"][data-state="ready"]`);
  await card.waitFor({ timeout: 60_000 });
  await card.locator('[data-testid="trend-chart"] svg.recharts-surface').first().waitFor({ timeout: 30_000 });
  return card;
}

export { CHILD_IDS, CHILD_LEVEL_IDS } from '../../support/child-level-ids';

const AXE_SOURCE = readFileSync(resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core (WCAG 2.2 AA rules) on the page as it is: each serious or critical problem as
 * "<name>: <rule> (<impact>) <help> — <first elements>". Fails if axe checked too little to mean anything.
 */
export async function axeProblems(page: Page, name: string): Promise<string[]> {
  // evaluate() runs outside the page's Content-Security-Policy, which rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeResults> } }
    ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    if (result.passes.length < 10) throw new Error(`axe checked too little: ${result.passes.length} rules passed`);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(', ')}`);
}
