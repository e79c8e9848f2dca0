import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../ui/format';
import type { LegendItem } from './chart-image';

/** Okabe–Ito: a palette most people with colour-vision deficiency can tell apart. */
export const CATEGORY_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
  '#999999',
];

export interface StackedSeries {
  key: string;
  label: string;
  /** Its own colour (e.g. grey for "not shown"); otherwise the next of the palette. */
  colour?: string;
}

const colourOf = (series: readonly StackedSeries[], i: number) =>
  series[i]?.colour ?? CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] ?? '#999999';

/** The chart's legend as items, for an image of it. */
export function stackedLegend(series: readonly StackedSeries[]): LegendItem[] {
  return series.map((s, i) => ({ label: s.label, colour: colourOf(series, i), shape: 'block' as const }));
}

/** Stacked bars: one bar per row (e.g. period), one segment per series (e.g. end reason). Presentational. */
export function StackedBarChart({
  rows,
  series,
  title,
  valueLabel,
  categoryLabel,
  width,
  height = 340,
}: {
  rows: ({ label: string } & Record<string, number | string>)[];
  series: StackedSeries[];
  title: string;
  valueLabel: string;
  categoryLabel: string;
  width?: number;
  height?: number;
}) {
  const chart = (
    <BarChart
      data={rows}
      margin={{ top: 8, right: 24, bottom: 28, left: 12 }}
      width={width}
      height={width ? height : undefined}
    >
      <CartesianGrid stroke="#e5e5e5" vertical={false} />
      <XAxis
        dataKey="label"
        tick={{ fontSize: 13, fill: '#0b0c0c' }}
        interval="preserveStartEnd"
        minTickGap={12}
        label={{ value: categoryLabel, position: 'insideBottom', offset: -16, fill: '#505a5f', fontSize: 13 }}
      />
      <YAxis
        tick={{ fontSize: 13, fill: '#0b0c0c' }}
        tickFormatter={(v: number) => formatNumber(v)}
        width={64}
        label={{ value: valueLabel, angle: -90, position: 'insideLeft', dy: 60, fill: '#505a5f', fontSize: 13 }}
      />
      <Tooltip formatter={(value, name) => [formatNumber(Number(value)), String(name)]} />
      {/* Legend text in dark ink: a pale series colour would not be readable as text. */}
      <Legend
        verticalAlign="top"
        wrapperStyle={{ fontSize: 13, paddingBottom: 8 }}
        formatter={(value) => <span className="chart-legend-text">{String(value)}</span>}
      />
      {series.map((s, i) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId="stack"
          fill={colourOf(series, i)}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
  return (
    <figure
      className="chart"
      data-testid="stacked-chart"
      aria-label={`${title}: stacked bar chart. Use “Show as table” for the values.`}
    >
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
