import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparisonPoint } from '../../benchmarks/published-store';
import type { LegendItem } from '../../charts/chart-image';

/** Four lines told apart by colour and by dash (never colour alone): ours solid and thick. */
const SERIES = [
  { key: 'laValue', colour: '#1d70b8', dash: undefined, width: 3 },
  { key: 'neighbourAverage', colour: '#d4351c', dash: '6 3', width: 2 },
  { key: 'regionValue', colour: '#00703c', dash: '2 3', width: 2 },
  { key: 'englandValue', colour: '#0b0c0c', dash: '10 4 2 4', width: 2 },
] as const;

/** The chart's key for saved images (the legend drawn by recharts is HTML, not part of the SVG). */
export const COMPARISON_LEGEND: LegendItem[] = [
  { label: 'Our authority', colour: SERIES[0].colour, shape: 'line' },
  { label: 'Statistical neighbours (average)', colour: SERIES[1].colour, shape: 'dashed' },
  { label: 'Region', colour: SERIES[2].colour, shape: 'dashed' },
  { label: 'England', colour: SERIES[3].colour, shape: 'dashed' },
];

/** Our authority, its neighbours' average, its region and England, year by year. */
export function ComparisonChart({
  points,
  name,
  title,
  width,
}: {
  points: ComparisonPoint[];
  name: string;
  title: string;
  /** Fixed width in pixels (print and images); else the width of its box. */
  width?: number;
}) {
  const labels = {
    laValue: name,
    neighbourAverage: 'Statistical neighbours (average)',
    regionValue: 'Region',
    englandValue: 'England',
  };
  return (
    <figure
      className="chart"
      data-testid="benchmark-chart"
      aria-label={`${title}: ${name}, its statistical neighbours, its region and England by year. The table below gives the values.`}
    >
      <figcaption className="heading-s">{title}, by year</figcaption>
      <div>
        <ResponsiveContainer width={width ?? '100%'} height={300}>
          <LineChart data={points} margin={{ top: 12, right: 24, bottom: 12, left: 12 }}>
            <CartesianGrid stroke="#e5e5e5" vertical={false} />
            <XAxis dataKey="timePeriod" tick={{ fill: '#0b0c0c', fontSize: 13 }} />
            <YAxis tick={{ fill: '#0b0c0c', fontSize: 13 }} width={64} />
            <Tooltip />
            <Legend formatter={(value: string) => <span style={{ color: '#0b0c0c' }}>{value}</span>} />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={labels[s.key]}
                stroke={s.colour}
                strokeWidth={s.width}
                strokeDasharray={s.dash}
                dot={{ r: 3 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
