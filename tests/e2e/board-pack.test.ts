import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES } from '../../src/indicators/registry';
import { axeProblems, CHILD_LEVEL_IDS, openPage, writeFixture } from './support/app-actions';
import { type AppUnderTest, openApp, SCREENSHOTS, screenshot } from './support/browser';
import {
  paragraphProblems,
  pdfPageTexts,
  shapesOutside,
  slideLayout,
  smallSummaryText,
  tableTextSizes,
} from './support/deck-checks';

// The board pack in the built app (issue 11): the summary, presentation, PDF, PowerPoint, chart and
// table downloads, suppression on by default, and no child-level identifier anywhere a board sees.

const dir = mkdtempSync(join(tmpdir(), 'pi-pack-'));

/** Every area's name, in the registry's order: the summary groups its rows under them. */
const AREA_TITLES = FAMILIES.map((f) => f.title);

let app: AppUnderTest;
beforeAll(async () => {
  app = await openApp({ width: 1920, height: 1080 });
  // Every progress message shown while the sample loads (issue 12: "file n of N").
  await app.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="load-progress"] [role="status"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await app.page.getByRole('button', { name: 'Try with sample data' }).click();
  await app.page.getByTestId('go-to-overview').waitFor({ timeout: 90_000 });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

async function go(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

async function summaryRows(page: Page) {
  await page.locator('[data-testid="board-summary"] tr[data-indicator-id]').first().waitFor({ timeout: 90_000 });
  return page.locator('[data-testid="board-summary"] tr[data-indicator-id]');
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

function expectNoChildIdentifiers(text: string) {
  for (const pattern of CHILD_LEVEL_IDS) expect(text).not.toMatch(pattern);
}

describe('the board pack, in the built app', () => {
  it('said which file of how many it was loading, and the step', async () => {
    const seen = await app.page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(
      seen.some((text) => /^File \d+ of 18: (Reading|Loading into the database|Checking every row) “/.test(text)),
    ).toBe(true);
  });

  it('shows every headline indicator in one summary, with small numbers suppressed by default', async () => {
    const { page } = app;
    await openPage(page, 'Board pack');
    const rows = await summaryRows(page);
    expect(await rows.count()).toBeGreaterThanOrEqual(20);
    await expect(page.getByTestId('suppression-toggle').getAttribute('aria-checked')).resolves.toBe('true');
    // Serious incident notifications are a handful a year: withheld, and their icons with them.
    const pr1 = page.locator('[data-testid="board-summary"] tr[data-indicator-id="PR1"]');
    await expect(pr1.getAttribute('data-latest-value')).resolves.toBe('');
    await expect(pr1.locator('.board-summary__value').textContent()).resolves.toMatch(/^c/);
    // Area by area, under each area's name.
    await expect(page.locator('.board-summary__area-row').allTextContents()).resolves.toEqual(AREA_TITLES);
    // Counts of professionals are not about children: TR1 attendances are shown.
    const tr1 = page.locator('[data-testid="board-summary"] tr[data-indicator-id="TR1"]');
    await expect(tr1.getAttribute('data-latest-value')).resolves.toMatch(/^\d+$/);
    await expect(page.getByTestId('icon-key').first().textContent()).resolves.toContain('No significant change');
    expectNoChildIdentifiers((await page.getByTestId('board-pack').textContent()) ?? '');
    await screenshot(page, 'p01-board-pack-1920', { fullPage: false });
    expect(await axeProblems(page, 'Board pack')).toEqual([]);
  });

  it('says when suppression is off, and shows the small numbers only then', async () => {
    const { page } = app;
    await page.getByTestId('suppression-toggle').click();
    await page.getByTestId('suppression-off-warning').waitFor();
    const pr1 = page.locator('[data-testid="board-summary"] tr[data-indicator-id="PR1"]');
    await page.waitForFunction(
      () => document.querySelector('tr[data-indicator-id="PR1"]')?.getAttribute('data-latest-value') !== '',
      undefined,
      { timeout: 60_000 },
    );
    await expect(pr1.getAttribute('data-latest-value')).resolves.toMatch(/^\d+$/);
    await page.getByTestId('suppression-toggle').click();
    await expect(page.getByTestId('suppression-off-warning').count()).resolves.toBe(0);
    await page.waitForFunction(
      () => document.querySelector('tr[data-indicator-id="PR1"]')?.getAttribute('data-latest-value') === '',
      undefined,
      { timeout: 60_000 },
    );
  });

  it('presents one slide at a time, readable from the back of the room, with the keyboard', async () => {
    const { page } = app;
    const summaryKey = await page.getByTestId('pack-item').first().getAttribute('data-item-key');
    const items = await page.getByTestId('pack-item').count();
    const headlines = await (await summaryRows(page)).count();
    await page.getByTestId(`commentary-${summaryKey}`).fill('The board asked for this summary every quarter.');
    await page.getByTestId('present-pack').click();
    await page.getByTestId('presentation').waitFor();
    const counter = page.getByTestId('slide-counter');
    const total = Number(((await counter.textContent()) ?? '').match(/of (\d+)/)?.[1]);
    await expect(counter.textContent()).resolves.toMatch(/^Slide 1 of/);
    // Every slide in turn: inside the screen, nothing under the controls; the summary by area at 24 px.
    const seen: string[] = [];
    let summaryRowsShown = 0;
    const commented: (string | null)[] = [];
    for (let n = 1; n <= total; n += 1) {
      await expect(counter.textContent()).resolves.toBe(`Slide ${n} of ${total}`);
      const layout = await slideLayout(page);
      expect({ slide: n, title: layout.title, outside: layout.outside }).toEqual({
        slide: n,
        title: layout.title,
        outside: [],
      });
      seen.push(layout.kind);
      if (layout.kind === 'summary') {
        expect(layout.zoom).toBe(1);
        expect(await smallSummaryText(page, 24)).toEqual([]);
        const summary = page.getByTestId('slide-summary');
        await expect(summary.getByTestId('icon-key').count()).resolves.toBe(1);
        summaryRowsShown += await summary.locator('tr[data-indicator-id]').count();
        // The summary's commentary after its figures, on its last slide.
        commented.push(await page.getByTestId('presentation').textContent());
        // Icons as large as the words beside them.
        const icon = await summary.locator('.spc-icon svg').first().boundingBox();
        expect(icon?.height ?? 0).toBeGreaterThanOrEqual(24);
        if (n === 1) await screenshot(page, 'p02-presentation-summary-1920', { fullPage: false });
      }
      if (layout.kind === 'indicator' && !seen.slice(0, -1).includes('indicator')) {
        // An indicator slide: the narrative in large type, the chart taking most of the slide (once drawn).
        await page.locator('[data-slide-chart] svg.recharts-surface').waitFor();
        const sizes = await page.evaluate(() => {
          const narrative = document.querySelector('.slide__narrative');
          const chart = document.querySelector('[data-slide-chart] svg.recharts-surface');
          return {
            font: narrative ? Number.parseFloat(getComputedStyle(narrative).fontSize) : 0,
            chartHeight: chart?.getBoundingClientRect().height ?? 0,
          };
        });
        expect(sizes.font).toBeGreaterThanOrEqual(24);
        expect(sizes.chartHeight).toBeGreaterThan(1080 * 0.4);
        await screenshot(page, 'p02-presentation-indicator-1920', { fullPage: false });
      }
      if (n === total) await screenshot(page, 'p02-presentation-last-1920', { fullPage: false });
      if (n < total) await page.keyboard.press('ArrowRight');
    }
    // The summary split by area over its slides, every headline on one of them; the rest one slide an item.
    const summaries = seen.filter((k) => k === 'summary').length;
    expect(summaries).toBeGreaterThanOrEqual(2);
    expect(summaryRowsShown).toBe(headlines);
    expect(commented.map((text) => text?.includes('every quarter'))).toEqual([
      ...new Array(summaries - 1).fill(false),
      true,
    ]);
    expect(total).toBe(items - 1 + summaries);
    await page.keyboard.press('ArrowRight');
    await expect(counter.textContent()).resolves.toBe(`Slide ${total} of ${total}`);
    await page.keyboard.press('Home');
    await expect(counter.textContent()).resolves.toMatch(/^Slide 1 of/);
    await page.keyboard.press('PageDown');
    await expect(counter.textContent()).resolves.toMatch(/^Slide 2 of/);
    await page.keyboard.press('PageUp');
    await expect(counter.textContent()).resolves.toMatch(/^Slide 1 of/);
    await page.keyboard.press('End');
    await expect(counter.textContent()).resolves.toBe(`Slide ${total} of ${total}`);
    await page.keyboard.press('Home');
    expect(await axeProblems(page, 'Presentation')).toEqual([]);
    expectNoChildIdentifiers((await page.getByTestId('presentation').textContent()) ?? '');
    await page.keyboard.press('Escape');
    await page.getByTestId('board-pack').waitFor();
  });

  it('fits every slide on a 1366 × 768 screen too, nothing under the controls', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await page.getByTestId('present-pack').click();
      await page.getByTestId('presentation').waitFor();
      const counter = page.getByTestId('slide-counter');
      const total = Number(((await counter.textContent()) ?? '').match(/of (\d+)/)?.[1]);
      for (let n = 1; n <= total; n += 1) {
        await expect(counter.textContent()).resolves.toBe(`Slide ${n} of ${total}`);
        const layout = await slideLayout(page);
        expect({ slide: n, title: layout.title, outside: layout.outside }).toEqual({
          slide: n,
          title: layout.title,
          outside: [],
        });
        // Scaled down, if at all, no further than a 1366 screen is smaller than a 1920 one (and a little).
        if (layout.kind === 'summary') expect(layout.zoom).toBeGreaterThanOrEqual(0.6);
        await screenshot(page, `p02-presentation-1366-${String(n).padStart(2, '0')}`, { fullPage: false });
        if (n < total) await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Escape');
      await page.getByTestId('board-pack').waitFor();
    } finally {
      await page.setViewportSize({ width: 1920, height: 1080 });
    }
  });

  it('warns of a chart suppression mostly hides, and offers it by year', async () => {
    const { page } = app;
    const aq2 = page.locator('[data-testid="pack-item"][data-item-key="indicator-aq2"]');
    // The suggested pack shows each chart at the finest periods not mostly hidden: AQ2 by year.
    await expect(aq2.getByTestId('item-periods-indicator-aq2').inputValue()).resolves.toBe('auto');
    await expect(aq2.locator('option[value="auto"]').textContent()).resolves.toContain('now years');
    await expect(aq2.getByTestId('mostly-hidden-indicator-aq2').count()).resolves.toBe(0);
    // By quarter, most of AQ2's quarters are hidden: said, with the rule, and years offered.
    await aq2.getByTestId('item-periods-indicator-aq2').selectOption('quarter');
    const warning = aq2.getByTestId('mostly-hidden-indicator-aq2');
    await expect(warning.textContent()).resolves.toMatch(
      /(\d+) of (\d+) quarters are not shown \(c\).*more than half of its complete periods are hidden/,
    );
    await aq2.getByTestId('show-by-year-indicator-aq2').click();
    await expect(aq2.getByTestId('item-periods-indicator-aq2').inputValue()).resolves.toBe('year');
    await expect(warning.count()).resolves.toBe(0);
    await aq2.getByTestId('item-periods-indicator-aq2').selectOption('auto');
    // PR3 is hidden even by year: the slide says so instead of drawing empty axes.
    const pr3 = page.locator('[data-testid="pack-item"][data-item-key="indicator-pr3"]');
    await expect(pr3.getByTestId('mostly-hidden-indicator-pr3').textContent()).resolves.toContain('Even by year');
    await expect(pr3.getByTestId('nothing-shown').count()).resolves.toBe(1);
    await expect(pr3.locator('[data-slide-chart]').count()).resolves.toBe(0);
    await pr3.scrollIntoViewIfNeeded();
    await screenshot(page, 'p01-board-pack-mostly-hidden', { fullPage: false });
  });

  it('prints A4 landscape, a slide a page, every page saying what it shows and page x of y', async () => {
    const { page } = app;
    const deckTitle = await page.getByTestId('pack-title').inputValue();
    await go(page, '#/board-pack/print');
    await page.locator('[data-testid="board-pack-print"][data-state="ready"]').waitFor({ timeout: 90_000 });
    const slides = await page.locator('.slide--print').count();
    const style = (await page.getByTestId('print-page-style').textContent()) ?? '';
    expect(style).toContain('A4 landscape');
    expect(style).toMatch(/counter\(page\).*counter\(pages\)/s);
    for (const words of [
      'Partnership Insight',
      'Data loaded',
      'Figures as at',
      'Filters: none',
      'Small numbers suppressed',
    ])
      expect(style).toContain(words);
    await page.waitForTimeout(500);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    // One page a slide; a long table runs on to the next page (its header repeated), never cut off.
    expect(pages).toBeGreaterThanOrEqual(slides);
    expect(pages).toBeLessThanOrEqual(slides + 6);
    expectNoChildIdentifiers((await page.getByTestId('print-deck').textContent()) ?? '');
    // Every page as printed: the pictures to look at, and its words checked.
    const file = join(SCREENSHOTS, 'board-pack.pdf');
    writeFileSync(file, pdf);
    for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('board-pack-page-')))
      rmSync(join(SCREENSHOTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SCREENSHOTS, 'board-pack-page')]);
    const texts = pdfPageTexts(file);
    expect(texts).toHaveLength(pages);
    texts.forEach((text, i) => {
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      // "Page x of y" on one line, at the foot of every page.
      expect(lines.some((l) => l.includes(`Page ${i + 1} of ${pages}`))).toBe(true);
      const body = lines.filter((l) => !/Partnership Insight|Page \d+ of|Small numbers suppressed/.test(l));
      if (body[0]?.includes(deckTitle)) {
        // A slide's first page: its heading never alone (the chart or table came with it).
        expect({ page: i + 1, headingAlone: body.length <= 4 }).toEqual({ page: i + 1, headingAlone: false });
      } else {
        // A table run on: more than its header and one lone row.
        expect({ page: i + 1, loneRow: body.length <= 3 }).toEqual({ page: i + 1, loneRow: false });
      }
    });
    // The summary, area by area.
    for (const area of AREA_TITLES) expect(texts[0]).toMatch(new RegExp(`^\\s*${area}\\s*$`, 'm'));
  });

  it('saves the pack as PowerPoint: charts as images, the narrative on the slide, the commentary in the notes', async () => {
    const { page } = app;
    await go(page, '#/board-pack'); // the print view has no navigation, as on paper
    await summaryRows(page);
    const slides = await page.getByTestId('pack-item').count();
    const file = await download(page, () => page.getByTestId('export-pptx').click());
    expect(file.name).toMatch(/\.pptx$/);
    const zip = unzipSync(new Uint8Array(file.bytes));
    const names = Object.keys(zip);
    const slideFiles = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    // A cover, then one slide per item, the summary by area; a long table runs on to a further slide.
    expect(slideFiles.length).toBeGreaterThanOrEqual(slides + 3);
    expect(slideFiles.length).toBeLessThanOrEqual(slides + 10);
    const slideXml = (i: number) => strFromU8(zip[`ppt/slides/slide${i}.xml`] as Uint8Array);
    for (let i = 1; i <= slideFiles.length; i += 1) {
      const xml = slideXml(i);
      // Numbered as the slides are; a file PowerPoint opens without offering to repair it.
      expect(xml).toContain(`<a:t>${i} of ${slideFiles.length}</a:t>`);
      expect({ slide: i, problems: paragraphProblems(xml) }).toEqual({ slide: i, problems: [] });
      // Table text at 14 pt or more; nothing past the slide's edges or over the footer.
      expect(tableTextSizes(xml).filter((pt) => pt < 14)).toEqual([]);
      expect({ slide: i, outside: shapesOutside(xml) }).toEqual({ slide: i, outside: [] });
    }
    const tables = slideFiles.map((_, i) => tableTextSizes(slideXml(i + 1))).filter((sizes) => sizes.length > 0);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    const images = names.filter((n) => /^ppt\/media\/.+\.png$/.test(n));
    expect(images.length).toBeGreaterThanOrEqual(3);
    const notes = names
      .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
      .map((n) => strFromU8(zip[n] as Uint8Array));
    expect(notes.join('\n')).toContain('The board asked for this summary every quarter.');
    const xml = slideFiles.map((n) => strFromU8(zip[n] as Uint8Array)).join('\n');
    expect(xml).toMatch(/Early help closures with needs met: [\d.]+% \(\d+ of \d+\)/);
    for (const area of AREA_TITLES) expect(xml).toContain(`<a:t>${area}</a:t>`);
    // A chart with nothing to show is not drawn: PR3 (every period hidden) has words, not a blank image.
    const pr3 = slideFiles
      .map((_, i) => slideXml(i + 1))
      .find((x) => x.includes('<a:t>PR3 Rapid reviews within 15 working days</a:t>') && !x.includes('<a:tbl>'));
    expect(pr3).toContain('every one is hidden (c)');
    expect(pr3).not.toContain('<p:pic>');
    expect(xml).toContain('<a:t>c</a:t>');
    expect(xml).toContain('Small numbers suppressed');
    expectNoChildIdentifiers(xml + notes.join('\n'));
    // Projector resolution: the first chart image is at least 1600 pixels wide (PNG header).
    const png = zip[images[0] as string] as Uint8Array;
    const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(width).toBeGreaterThanOrEqual(1600);
    // With suppression off, the same file shows every count and says it is not for publication.
    await page.getByTestId('suppression-toggle').click();
    await page.getByTestId('suppression-off-warning').waitFor();
    const open = await download(page, () => page.getByTestId('export-pptx').click());
    const openZip = unzipSync(new Uint8Array(open.bytes));
    const openXml = Object.keys(openZip)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .map((n) => strFromU8(openZip[n] as Uint8Array))
      .join('\n');
    expect(openXml).not.toContain('<a:t>c</a:t>');
    expect(openXml).toContain('NOT SUPPRESSED');
    await page.getByTestId('suppression-toggle').click();
    await expect(page.getByTestId('suppression-off-warning').count()).resolves.toBe(0);
  });

  it('exports the pack as a small JSON file and imports it back, refusing a file that is not a pack', async () => {
    const { page } = app;
    await page.getByTestId('pack-title').fill('Board pack for the March board');
    const file = await download(page, () => page.getByTestId('export-pack-json').click());
    const pack = JSON.parse(file.bytes.toString('utf8'));
    expect(pack.format).toBe('partnership-insight-board-pack');
    expect(file.bytes.length).toBeLessThan(20_000);
    expectNoChildIdentifiers(file.bytes.toString('utf8'));
    pack.title = 'Imported pack';
    await page.getByTestId('import-pack').setInputFiles(writeFixture(dir, 'pack.json', JSON.stringify(pack)));
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="pack-title"]') as HTMLInputElement | null)?.value === 'Imported pack',
    );
    await page.getByTestId('import-pack').setInputFiles(
      writeFixture(
        dir,
        'bad.json',
        JSON.stringify({
          ...pack,
          items: [{ key: 'item-1', kind: 'indicator', indicatorId: 'NOPE', commentary: '' }],
        }),
      ),
    );
    await expect
      .poll(() => page.getByTestId('pack-file-message').textContent())
      .toMatch(/not a board pack this version can read: item 1: indicatorId is not an indicator of this tool/);
    await expect(page.getByTestId('pack-title').inputValue()).resolves.toBe('Imported pack');
  });

  it('draws the closure reasons stacked: one shape per end reason, a segment for each period it has, values on hover', async () => {
    const { page } = app;
    await go(page, '#/early-help');
    const stacked = page.locator('article[data-testid^="profile-"]').filter({ has: page.getByTestId('stacked-chart') });
    await stacked.locator('.stacked-segments path').first().waitFor({ timeout: 90_000 });
    // The card by its own name: it keeps it when it shows the table instead of the chart.
    const card = page.getByTestId((await stacked.getAttribute('data-testid')) ?? '');
    const shapes = card.locator('.stacked-segments path');
    const legend = await card.locator('.chart-legend-text').allTextContents();
    const drawn = await shapes.evaluateAll((paths) =>
      paths.map((p) => ({
        key: p.getAttribute('data-series'),
        segments: (p.getAttribute('d') ?? '').split('M').length - 1,
      })),
    );
    expect(drawn).toHaveLength(legend.length);
    // The same figures as a table: a segment for every period with a closure of that reason.
    await card.getByRole('button', { name: /table/i }).click();
    const table = card.locator('table.heatmap');
    await table.waitFor({ timeout: 10_000 });
    const columns = (await table.locator('thead th').allTextContents()).slice(1).map((t) => t.trim());
    expect(columns).toEqual(legend);
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    const withClosures = columns.map((_, j) => cells.filter((row) => !['', '–', '0'].includes(row[j] ?? '')).length);
    expect(drawn.map((d) => d.segments)).toEqual(withClosures);
    expect(withClosures.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    await card.getByRole('button', { name: /chart/i }).click();
    const box = await card.getByTestId('stacked-chart').boundingBox();
    if (!box) throw new Error('the stacked chart is not on the page');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    const tooltip = card.locator('.chart-tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    expect(await tooltip.locator('li').count()).toBe(legend.length);
    // No more than a third of the chart, its words in ink; Esc puts it away until the pointer moves on.
    const tip = await tooltip.boundingBox();
    expect(tip?.width ?? 0).toBeLessThanOrEqual(box.width / 3 + 1);
    const colours = await tooltip.locator('li').evaluateAll((items) => items.map((li) => getComputedStyle(li).color));
    expect(new Set(colours)).toEqual(new Set(['rgb(11, 12, 12)']));
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip.count()).toBe(0);
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await tooltip.waitFor({ timeout: 10_000 });
    await page.mouse.move(0, 0);
  });

  it('downloads an area chart as PNG and SVG and its table as CSV, as published when counts are about children', async () => {
    const { page } = app;
    await go(page, '#/case-file-audits');
    const card = page.locator('article[data-indicator-id="AQ2"][data-state="ready"]');
    await card.waitFor({ timeout: 90_000 });
    await card.getByTestId('prepare-downloads').click();
    await card.getByTestId('published-downloads').waitFor({ timeout: 90_000 });
    const csv = await download(page, () => card.getByTestId('download-csv').click());
    expect(csv.name).toBe('AQ2-by-quarter-small-numbers-suppressed.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFindicator_id,indicator,period,from,to,complete,numerator,denominator,value,unit,variation',
    );
    expect(text).toMatch(/,c,/);
    expectNoChildIdentifiers(text);
    const png = await download(page, () => card.getByTestId('download-png').click());
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1800); // 900 px drawn, saved at 2x
    const svg = (await download(page, () => card.getByTestId('download-svg').click())).bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*\?><svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('AQ2 Audited cases graded good or better overall');
    expect(svg).toMatch(/Median|Mean/);
    // Counts of professionals are downloaded as shown, at once.
    await go(page, '#/training');
    const tr1 = page.locator('article[data-indicator-id="TR1"][data-state="ready"]');
    await tr1.waitFor({ timeout: 90_000 });
    const tr1Csv = (await download(page, () => tr1.getByTestId('download-csv').click())).bytes.toString('utf8');
    expect(tr1Csv).toContain('TR1,Multi-agency training attendances,');
    expect(tr1Csv).not.toMatch(/,c,/);
  });

  it('refuses a suppressed download of a filtered page, saying why', async () => {
    const { page } = app;
    await go(page, '#/early-help?agency=POLICE');
    const card = page.locator('article[data-indicator-id="EH1"][data-state="ready"]');
    await card.waitFor({ timeout: 90_000 });
    await expect(card.getByTestId('download-unavailable').textContent()).resolves.toContain('Clear the filters');
  });

  it('gives the yearly report a page per statutory use of data, printable', async () => {
    const { page } = app;
    await openPage(page, 'Yearly report');
    await page.getByTestId('yearly-report').waitFor();
    await page.locator('[data-testid="yearly-report"] [data-testid="slide"]').first().waitFor({ timeout: 90_000 });
    const text = (await page.getByTestId('yearly-report').textContent()) ?? '';
    for (const words of ['early help', 'statutory', 'audit', 'training', 'review'])
      expect(text.toLowerCase()).toContain(words);
    expectNoChildIdentifiers(text);
    await screenshot(page, 'p03-yearly-report', { fullPage: false });
    expect(await axeProblems(page, 'Yearly report')).toEqual([]);
    await go(page, '#/yearly-report/print');
    await page.locator('[data-testid="yearly-report-print"][data-state="ready"]').waitFor({ timeout: 90_000 });
    expect(await page.locator('.slide--print').count()).toBeGreaterThanOrEqual(5);
    expect(app.offOrigin()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('carries targets and marked changes in the pack file, and asks before taking them on another laptop', async () => {
    // Last in this file: the targets and change it takes stay for the rest of the visit.
    const { page } = app;
    await go(page, '#/board-pack');
    const eh3 = page.locator('[data-testid="board-summary"] tr[data-indicator-id="EH3"]');
    await (await summaryRows(page)).first().waitFor();
    await expect(eh3.getAttribute('data-assurance')).resolves.toBe('');
    const file = await download(page, () => page.getByTestId('export-pack-json').click());
    const pack = JSON.parse(file.bytes.toString('utf8'));
    expect(pack.version).toBe(3);
    // As if saved on the chair's laptop: a target and a change marked on EH3.
    pack.targets = [{ indicator: 'EH3', value: 1 }];
    pack.changes = [{ indicator: 'EH3', date: '2021-04-01', label: 'Family hubs opened' }];
    await page.getByTestId('import-pack').setInputFiles(writeFixture(dir, 'chair.json', JSON.stringify(pack)));
    const choice = page.getByTestId('pack-notes-choice');
    await choice.waitFor();
    await expect(choice.textContent()).resolves.toContain('The pack also brings 1 target and 1 marked change');
    await choice.scrollIntoViewIfNeeded();
    await screenshot(page, 'p09-pack-notes-choice', { fullPage: false });
    // Nothing is taken before the user chooses.
    await expect(eh3.getAttribute('data-assurance')).resolves.toBe('');
    await page.getByTestId('pack-notes-replace').click();
    await page.waitForFunction(
      () =>
        (document
          .querySelector('[data-testid="board-summary"] tr[data-indicator-id="EH3"]')
          ?.getAttribute('data-assurance') ?? '') !== '',
      undefined,
      { timeout: 90_000 },
    );
    await expect(page.getByTestId('pack-file-message').textContent()).resolves.toBe(
      'The pack’s 1 target and 1 marked change are now used in this browser.',
    );
    // A second pack that disagrees: the difference is named, and adding keeps ours.
    pack.targets = [
      { indicator: 'EH3', value: 2 },
      { indicator: 'TR7', value: 90 },
    ];
    await page.getByTestId('import-pack').setInputFiles(writeFixture(dir, 'other.json', JSON.stringify(pack)));
    await choice.waitFor();
    await expect(page.getByTestId('pack-notes-conflicts').textContent()).resolves.toContain(
      'your target 1.0%, the pack’s 2.0%',
    );
    await page.getByTestId('pack-notes-merge').click();
    await expect(page.getByTestId('pack-file-message').textContent()).resolves.toMatch(
      /added to yours; yours were kept in the 1 place where both had one/,
    );
    const saved = await download(page, () => page.getByTestId('export-pack-json').click());
    const again = JSON.parse(saved.bytes.toString('utf8'));
    expect(again.targets).toEqual([
      { indicator: 'EH3', value: 1 },
      { indicator: 'TR7', value: 90 },
    ]);
    expect(again.changes).toEqual([{ indicator: 'EH3', date: '2021-04-01', label: 'Family hubs opened' }]);
  });
});
