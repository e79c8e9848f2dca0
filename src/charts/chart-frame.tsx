import type { ReactElement } from 'react';
import { CartesianGrid, XAxis, type XAxisProps, YAxis } from 'recharts';
import { valueAxisLabel } from './chart-font';
import { GRID, INK, SECONDARY_INK } from './palette';

/**
 * The frame a chart of periods is drawn in: the value grid, the periods along the bottom with their name,
 * the values up the side with theirs above. The SPC chart and the stacked bars share it, so their axes
 * read alike. Elements, not a component: recharts finds its axes among the chart's own children.
 */
export function chartFrame({
  fontSize,
  axisWidth,
  format,
  valueLabel,
  categoryLabel,
  categoryOffset,
  categoryAxis,
}: {
  fontSize: number;
  axisWidth: number;
  format: (value: number) => string;
  valueLabel: string;
  /** The name under the periods ("Period"), at this offset from the axis' bottom. */
  categoryLabel: string;
  categoryOffset: number;
  /** What one chart sets for its own period axis (padding, height). */
  categoryAxis?: Pick<XAxisProps, 'padding' | 'height'>;
}): ReactElement[] {
  const tick = { fontSize, fill: INK };
  return [
    <CartesianGrid key="grid" stroke={GRID} vertical={false} />,
    <XAxis
      key="periods"
      dataKey="label"
      tick={tick}
      tickMargin={Math.round(fontSize * 0.5)}
      interval="preserveStartEnd"
      minTickGap={fontSize}
      {...categoryAxis}
      label={{ value: categoryLabel, position: 'insideBottom', offset: categoryOffset, fill: SECONDARY_INK, fontSize }}
    />,
    <YAxis
      key="values"
      tick={tick}
      tickFormatter={(v: number) => format(v)}
      width={axisWidth}
      label={valueAxisLabel(valueLabel, axisWidth, fontSize, SECONDARY_INK)}
    />,
  ];
}
