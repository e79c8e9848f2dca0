// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { analyseSpc, type PointType, SPC_COLOURS } from '../indicators/spc';
import { TooltipBox } from './chart-tooltip';
import { contrastRatio, textOn } from './contrast';
import * as palette from './palette';
import { INK, MEANING_COLOURS, SECONDARY_INK, TEXT_COLOURS, WHITE } from './palette';
import { AssuranceIcon, SpcChart, VariationIcon } from './spc-chart';
import { CATEGORY_COLOURS, StackedBarChart } from './stacked-bar-chart';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function draw(element: React.ReactElement): string {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(element));
  const html = container.innerHTML;
  act(() => root.unmount());
  container.remove();
  return html;
}

/** The colour of every piece of text a chart draws: SVG text fills and HTML colours. */
function textColours(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const colours = new Set<string>();
  for (const text of doc.querySelectorAll('text, tspan')) {
    const fill = text.getAttribute('fill') ?? text.closest('[fill]')?.getAttribute('fill');
    if (fill && fill !== 'none') colours.add(fill.toLowerCase());
  }
  for (const element of doc.querySelectorAll<HTMLElement>('[style]')) {
    if (element.style.color) colours.add(element.style.color);
  }
  return [...colours];
}

const rgbToHex = (colour: string) => {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(colour);
  return m
    ? `#${m
        .slice(1)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('')}`
    : colour;
};

describe('text in charts is readable (WCAG 4.5:1)', () => {
  it('works out contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // GOV.UK's secondary text on white: 7.0:1.
    expect(contrastRatio(SECONDARY_INK, WHITE)).toBeCloseTo(7.04, 1);
    // The yellow of the categorical palette fails as text on white: it may colour a shape, never words.
    expect(contrastRatio('#F0E442', WHITE)).toBeLessThan(4.5);
  });

  it('the ink colours pass on white', () => {
    for (const colour of [INK, SECONDARY_INK]) expect(contrastRatio(colour, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it('every colour of the palette has a role, and meets it on white', () => {
    const {
      TEXT_COLOURS: _t,
      MEANING_COLOURS: _m,
      DECORATION_COLOURS,
      CATEGORY_COLOURS,
      CATEGORY_GREY,
      ...named
    } = palette;
    const roles = new Set([
      ...Object.keys(TEXT_COLOURS),
      ...Object.keys(MEANING_COLOURS),
      ...Object.keys(DECORATION_COLOURS),
    ]);
    // A colour added to the palette without a role would escape the checks below.
    expect(Object.keys(named).filter((name) => !roles.has(name))).toEqual([]);
    expect(CATEGORY_COLOURS).toContain(CATEGORY_GREY);
    for (const [name, colour] of Object.entries(TEXT_COLOURS))
      expect({ name, passes: contrastRatio(colour, WHITE) >= 4.5 }).toEqual({ name, passes: true });
    for (const [name, colour] of Object.entries(MEANING_COLOURS))
      expect({ name, passes: contrastRatio(colour, WHITE) >= 3 }).toEqual({ name, passes: true });
  });

  it('every text an SPC chart and a stacked chart draw is in a colour that passes on white', () => {
    const values = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 30];
    const spc = analyseSpc(values, { direction: 'up', target: 20 });
    const points = values.map((value, i) => ({ label: `P${i + 1}`, partial: false, value }));
    const spcHtml = draw(
      <SpcChart points={points} spc={spc} valueLabel="Per cent" title="T" format={String} width={800} />,
    );
    const series = CATEGORY_COLOURS.map((_, i) => ({ key: `s${i}`, label: `Series ${i}` }));
    const rows = [1, 2, 3].map((n) => ({ label: `P${n}`, ...Object.fromEntries(series.map((s) => [s.key, n])) }));
    const stackedHtml = draw(
      <StackedBarChart rows={rows} series={series} title="T" valueLabel="Number" categoryLabel="Period" width={800} />,
    );
    const colours = [...textColours(spcHtml), ...textColours(stackedHtml)].map(rgbToHex);
    expect(colours.length).toBeGreaterThan(0);
    for (const colour of colours)
      expect({ colour, ratio: contrastRatio(colour, WHITE) >= 4.5 }).toEqual({ colour, ratio: true });
  });

  it('a tooltip writes its figures in ink, with colour only in the swatch', () => {
    const html = renderToStaticMarkup(
      <TooltipBox label="2025-26 Q1" lines={[{ key: 'a', text: 'Moved away: 4', swatch: <svg /> }]} />,
    );
    expect(textColours(html)).toEqual([]);
  });

  it('every icon letter reads on its disc', () => {
    const types: (PointType | null)[] = [...(Object.keys(SPC_COLOURS) as PointType[]), null];
    const icons = [
      ...types.map((t) => renderToStaticMarkup(<VariationIcon type={t} />)),
      ...(['consistent_pass', 'consistent_fail', 'inconsistent'] as const).map((t) =>
        renderToStaticMarkup(<AssuranceIcon type={t} />),
      ),
    ];
    for (const icon of icons) {
      const background = /<(?:circle|rect)[^>]*fill="([^"]+)"/.exec(icon)?.[1] as string;
      const letter = /<text[^>]*fill="([^"]+)"/.exec(icon)?.[1] as string;
      expect(contrastRatio(letter, background)).toBeGreaterThanOrEqual(4.5);
      expect(letter).toBe(textOn(background));
    }
  });
});
