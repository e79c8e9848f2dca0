// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { analyseSpc, SPC_COLOURS } from '../indicators/spc';
import { formatValue } from '../shared/format';
import { AssuranceIcon, SpcChart, tooltipLines, VariationIcon } from './spc-chart';

// Rendered in jsdom at a fixed width: the colours and labels are read from the SVG and HTML.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const labels = (n: number) => Array.from({ length: n }, (_, i) => `P${i + 1}`);

function render(
  values: number[],
  direction: 'up' | 'down' | 'neutral',
  target?: number,
  bounds?: { min?: number; max?: number },
) {
  const spc = analyseSpc(values, { direction, target });
  const points = values.map((value, i) => ({ label: labels(values.length)[i] as string, partial: false, value }));
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => {
    root.render(
      <SpcChart
        points={points}
        spc={spc}
        valueLabel="Per cent"
        title="Test"
        format={String}
        width={800}
        bounds={bounds}
      />,
    );
  });
  const html = container.innerHTML;
  act(() => root.unmount());
  container.remove();
  // The chart's own marks (the key under it draws one of each too).
  const drawing = html.slice(0, html.indexOf('<figcaption'));
  const marks = [...drawing.matchAll(/<(circle|path|rect)[^>]*data-point-type="([a-z_]+)"[^>]*>/g)];
  const dots = marks.map((m) => ({ type: m[2], fill: /fill="([^"]+)"/.exec(m[0])?.[1] }));
  const shapes = marks.map((m) => m[1]);
  return { spc, html, dots, shapes };
}

describe('the SPC chart', () => {
  // 14 ordinary points and one far above the upper limit (worked in spc.test.ts: UPL 19.51).
  const series = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 12, 30];

  it('colours a special-cause improvement blue and common cause grey', () => {
    const { dots } = render(series, 'up');
    expect(dots).toHaveLength(15);
    expect(dots.slice(0, 14).every((d) => d.type === 'common_cause' && d.fill === SPC_COLOURS.common_cause)).toBe(true);
    expect(dots[14]).toEqual({ type: 'special_cause_improvement', fill: SPC_COLOURS.special_cause_improvement });
  });

  it('never tells variation by colour alone: improvement a triangle, concern a square, common cause a disc', () => {
    const up = render(series, 'up');
    expect(up.shapes.slice(0, 14).every((shape) => shape === 'circle')).toBe(true);
    expect(up.shapes[14]).toBe('path');
    expect(render(series, 'down').shapes[14]).toBe('rect');
    // The key draws each mark as the chart does, in its own SVG.
    expect(up.html).toMatch(
      /<figcaption[\s\S]*<svg class="spc-key__swatch"[^>]*><path[^>]*data-point-type="special_cause_improvement"/,
    );
  });

  it('has limits and a mean in its key', () => {
    const { html } = render(series, 'up');
    expect(html).toContain('data-spc-chart="xmr"');
    expect(html).toContain('Process limits');
    expect(html).toContain('Mean');
  });

  it('the same point is orange (concern) when lower is better, purple when there is no direction', () => {
    expect(render(series, 'down').dots[14]).toEqual({
      type: 'special_cause_concern',
      fill: SPC_COLOURS.special_cause_concern,
    });
    expect(render(series, 'neutral').dots[14]?.fill).toBe(SPC_COLOURS.special_cause_neutral_high);
  });

  it('a short series is a run chart: median, no limits, no judgement', () => {
    const { html, dots } = render([3, 5, 4, 6], 'up');
    expect(html).toContain('data-spc-chart="run"');
    expect(html).toContain('Median');
    expect(html).not.toContain('Process limits');
    expect(dots.every((d) => d.type === 'none')).toBe(true);
  });

  it('draws the target and names it in the key', () => {
    const { html } = render(series, 'up', 25);
    expect(html).toContain('Target 25');
  });

  it('icons always carry a text label, not colour alone', () => {
    const variation = renderToStaticMarkup(<VariationIcon type="special_cause_concern" />);
    expect(variation).toContain('Special cause: concern');
    expect(variation).toContain(`fill="${SPC_COLOURS.special_cause_concern}"`);
    expect(renderToStaticMarkup(<VariationIcon type={null} />)).toContain('Too few points to judge variation');
    expect(renderToStaticMarkup(<AssuranceIcon type="consistent_fail" />)).toContain(
      'Will consistently miss the target',
    );
  });

  it('a percentage’s limits stop at 0 and 100, so the axis does too', () => {
    // Wild swings between 0 and 100: the unclipped limits would run far beyond both.
    const swings = [0, 100, 0, 100, 50, 0, 100, 0, 100, 50, 0, 100, 0, 100, 50];
    const ticks = (html: string) => [...html.matchAll(/<tspan[^>]*>(-?[0-9.]+)<\/tspan>/g)].map((m) => Number(m[1]));
    const clipped = ticks(render(swings, 'up', undefined, { min: 0, max: 100 }).html);
    expect(Math.max(...clipped)).toBeLessThanOrEqual(100);
    expect(Math.min(...clipped)).toBeGreaterThanOrEqual(0);
    const unclipped = ticks(render(swings, 'up').html);
    expect(Math.max(...unclipped)).toBeGreaterThan(100);
  });
});

describe('the SPC chart’s tooltip', () => {
  it('writes the limits and the mean at the value’s own precision, the limits on one line', () => {
    const format = (v: number | null) => formatValue(v, 'percent');
    const lines = tooltipLines(
      { value: 62.63, type: 'common_cause', centre: 59.312, upper: 68.798, lower: 49.8261, target: null },
      'xmr',
      'Per cent',
      format,
    ).map((l) => l.text);
    expect(lines).toEqual(['Per cent: 62.6%', 'Mean: 59.3%', 'Process limits: 49.8% to 68.8%']);
  });

  it('says a hidden value is not shown, and names the median on a run chart', () => {
    const lines = tooltipLines(
      { value: null, type: null, centre: 4, upper: null, lower: null, target: 5 },
      'run',
      'Number',
      (v) => formatValue(v, 'count'),
    ).map((l) => l.text);
    expect(lines).toEqual(['Number: not shown', 'Median: 4', 'Target: 5']);
  });
});
