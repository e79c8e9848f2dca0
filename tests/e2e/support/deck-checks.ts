import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';

/**
 * Checks of a deck as the room sees it: a presented slide inside the screen and clear of the controls,
 * the summary's type size, the PowerPoint's XML, the printed pages' text.
 */

export interface SlideLayout {
  kind: string;
  title: string;
  /** The scale the slide is drawn at (1: full size). */
  zoom: number;
  /** Elements drawn outside the screen or under the slide controls. */
  outside: string[];
}

/** Waits for the presented slide to settle (charts drawn, fitted), then measures it. */
export async function slideLayout(page: Page): Promise<SlideLayout> {
  await page.waitForFunction(() => document.querySelector('[data-testid="slide-frame"]')?.hasAttribute('data-zoom'));
  // Fitting runs in the frame after a resize: let charts draw and the fit follow.
  await page.waitForTimeout(400);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLElement>('[data-testid="slide-frame"]');
    const slide = frame?.querySelector<HTMLElement>('[data-testid="slide"]');
    const controls = document.querySelector('.present__controls');
    if (!frame || !slide || !controls) throw new Error('No slide on the screen');
    const bottom = controls.getBoundingClientRect().top;
    const outside: string[] = [];
    for (const element of [slide, ...slide.querySelectorAll<Element>('*')]) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.position === 'fixed') continue;
      if (element.closest('.recharts-tooltip-wrapper, .visually-hidden')) continue;
      if (box.top < -1 || box.left < -1 || box.right > window.innerWidth + 1 || box.bottom > bottom + 1) {
        const name = `${element.tagName.toLowerCase()}.${String(element.getAttribute('class') ?? '').split(' ')[0]}`;
        outside.push(`${name} “${(element.textContent ?? '').trim().slice(0, 40)}” ${JSON.stringify(box.toJSON())}`);
      }
    }
    return {
      kind: slide.dataset.slideKind ?? '',
      title: slide.querySelector('.slide__title')?.textContent ?? '',
      zoom: Number(frame.dataset.zoom),
      outside: outside.slice(0, 5),
    };
  });
}

/** Text on the presented summary slide smaller than `min` px: each element holding words, and its size. */
export function smallSummaryText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const summary = document.querySelector('[data-testid="slide-summary"]');
    const slide = summary?.closest('[data-testid="slide"]');
    if (!summary || !slide) throw new Error('No summary slide on the screen');
    const small: string[] = [];
    for (const element of slide.querySelectorAll<HTMLElement>('*')) {
      // Letters drawn inside an icon are part of the picture; the icon's words are beside it.
      if (element.closest('svg')) continue;
      const words = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (words && size < least) small.push(`${size}px “${element.textContent?.trim().slice(0, 30)}”`);
    }
    return small;
  }, min);
}

/** Paragraphs of a slide's XML that break the schema's rule of at most one <a:pPr>, first in its paragraph. */
export function paragraphProblems(xml: string): string[] {
  const problems: string[] = [];
  for (const match of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
    const body = match[1] ?? '';
    const properties = body.match(/<a:pPr[\s/>]/g)?.length ?? 0;
    if (properties > 1 || (properties === 1 && !body.startsWith('<a:pPr'))) problems.push(body.slice(0, 120));
  }
  return problems;
}

/** The font sizes (points) of the text in a slide's tables. */
export function tableTextSizes(xml: string): number[] {
  return [...xml.matchAll(/<a:tbl>[\s\S]*?<\/a:tbl>/g)].flatMap((table) =>
    [...table[0].matchAll(/<a:rPr[^>]*\bsz="(\d+)"/g)].map((m) => Number(m[1]) / 100),
  );
}

/** Each page's text, laid out as printed (poppler's pdftotext). */
export function pdfPageTexts(path: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1] ?? 0);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }),
  );
}

const EMU = 914400;

/**
 * Shapes of a slide (text boxes, pictures, tables at their rows' heights) that reach past the slide's
 * edges (13.333 × 7.5 in) or, but for the footer itself, into the footer's band at the foot.
 */
export function shapesOutside(xml: string, footerTop = 7.5 - 0.45): string[] {
  const outside: string[] = [];
  const shapes = xml.matchAll(/<(p:sp|p:pic|p:graphicFrame)>([\s\S]*?)<\/\1>/g);
  for (const [, kind, body = ''] of shapes) {
    const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(body);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(body);
    if (!off || !ext) continue;
    const [x, y, w] = [Number(off[1]) / EMU, Number(off[2]) / EMU, Number(ext[1]) / EMU];
    // A table is as tall as its rows (PowerPoint grows a row to its text: the rows were laid out so).
    const rows = [...body.matchAll(/<a:tr h="(\d+)"/g)].map((m) => Number(m[1]) / EMU);
    const h = rows.length > 0 ? rows.reduce((a, b) => a + b, 0) : Number(ext[2]) / EMU;
    const text = /<a:t>([^<]*)<\/a:t>/.exec(body)?.[1] ?? kind ?? '';
    const isFooter = y >= footerTop - 0.01;
    if (x < 0 || y < 0 || x + w > 13.334 || y + h > 7.5 || (!isFooter && y + h > footerTop + 0.01))
      outside.push(`${kind} “${text.slice(0, 40)}” at y ${y.toFixed(2)} in, ${h.toFixed(2)} in tall`);
  }
  return outside;
}
