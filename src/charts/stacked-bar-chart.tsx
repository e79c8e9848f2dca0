import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../ui/format';

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
}

/** Stacked bars: one bar per row (e.g. period), one segment per series (e.g. end reason). Presentational. */
export function StackedBarChart({
  rows,
  series,
  title,
  valueLabel,
  categoryLabel,
  width,
}: {
  rows: ({ label: string } & Record<string, number | string>)[];
  series: StackedSeries[];
  title: string;
  valueLabel: string;
  categoryLabel: string;
  width?: number;
}) {
  const chart = (
    <BarChart
      data={rows}
      margin={{ top: 8, right: 24, bottom: 28, left: 12 }}
      width={width}
      height={width ? 340 : undefined}
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
      <Legend verticalAlign="top" wrapperStyle={{ fontSize: 13, paddingBottom: 8 }} />
      {series.map((s, i) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId="stack"
          fill={CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]}
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
        <ResponsiveContainer width="100%" height={340}>
          {chart}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
