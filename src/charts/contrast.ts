/**
 * WCAG 2 contrast between colours, so every piece of text a chart draws can be checked (and chosen) to
 * be readable: 4.5:1 or more for ordinary text.
 */

import { INK, WHITE } from './palette';

/** A `#rrggbb` (or `#rgb`) colour as its red, green and blue, 0–255. */
function channels(hex: string): [number, number, number] {
  const digits = hex.replace('#', '');
  const full =
    digits.length === 3
      ? digits
          .split('')
          .map((d) => d + d)
          .join('')
      : digits;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.x). */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Ink or white, whichever reads better on `background` (a letter on an icon's disc). */
export function textOn(background: string): string {
  return contrastRatio(INK, background) >= contrastRatio(WHITE, background) ? INK : WHITE;
}
