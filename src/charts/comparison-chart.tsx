import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MeasureScale } from '../benchmarks/measure-scale';
import type { ComparisonPoint } from '../benchmarks/published-store';
import { formatNumber } from '../shared/format';
import type { LegendItem } from './chart-image';
import { BLUE, GREEN, GRID, INK, RED } from './palette';

/** Four lines told apart by colour and by dash (never colour alone): ours solid and thick. */
const SERIES = [
  { key: 'laValue', colour: BLUE, dash: undefined, width: 3 },
  { key: 'neighbourAverage', colour: RED, dash: '6 3', width: 2 },
  { key: 'regionValue', colour: GREEN, dash: '2 3', width: 2 },
  { key: 'englandValue', colour: INK, dash: '10 4 2 4', width: 2 },
] as const;
type SeriesKey = (typeof SERIES)[number]['key'];

/** The chart's key for saved images (the legend drawn by recharts is HTML, not part of the SVG). */
export const COMPARISON_LEGEND: LegendItem[] = [
  { label: 'Our authority', colour: SERIES[0].colour, shape: 'line' },
  { label: 'Statistical neighbours (average)', colour: SERIES[1].colour, shape: 'dashed' },
  { label: 'Region', colour: SERIES[2].colour, shape: 'dashed' },
  { label: 'England', colour: SERIES[3].colour, shape: 'dashed' },
];

/** The key of a saved image: a count's main chart has only ours and the neighbours' average (the totals are drawn apart). */
export const comparisonLegend = (scale: MeasureScale = 'rate'): LegendItem[] =>
  scale === 'count' ? COMPARISON_LEGEND.slice(0, 2) : COMPARISON_LEGEND;

const TICK = { fill: INK, fontSize: 13 };
const tickNumber = (v: number) => formatNumber(v);

function Lines({
  points,
  keys,
  labels,
  height,
  width,
  legend,
}: {
  points: ComparisonPoint[];
  keys: readonly SeriesKey[];
  labels: Record<SeriesKey, string>;
  height: number;
  width?: number;
  legend: boolean;
}) {
  return (
    <ResponsiveContainer width={width ?? '100%'} height={height}>
      <LineChart
        data={points}
        margin={{ top: 12, right: 24, bottom: 12, left: 12 }}
        // No unnamed tab stop of recharts' own: the table beside the chart gives every value.
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="timePeriod" tick={TICK} />
        <YAxis tick={TICK} width={72} tickFormatter={tickNumber} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatNumber(value) : String(value))} />
        {legend && <Legend formatter={(value: string) => <span style={{ color: INK }}>{value}</span>} />}
        {SERIES.filter((s) => keys.includes(s.key)).map((s) => (
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
  );
}

/**
 * Our authority, its neighbours' average, its region and England, year by year. A rate or share on one
 * scale. A count on its own scales: ours with the neighbours' average (authorities of a similar kind)
 * large, and the region's and England's totals each small beside it, to compare how they change — on
 * one axis ours would be a flat line under England's.
 */
export function ComparisonChart({
  points,
  name,
  title,
  width,
  scale = 'rate',
}: {
  points: ComparisonPoint[];
  name: string;
  title: string;
  /** Fixed width in pixels (print and images); else the width of its box. */
  width?: number;
  scale?: MeasureScale;
}) {
  const labels: Record<SeriesKey, string> = {
    laValue: name,
    neighbourAverage: 'Statistical neighbours (average)',
    regionValue: 'Region',
    englandValue: 'England',
  };
  if (scale === 'count') {
    const hasNeighbours = points.some((p) => p.neighbourAverage !== null);
    const half = width === undefined ? undefined : Math.floor(width / 2) - 8;
    return (
      <figure
        className="chart comparison-count"
        data-testid="benchmark-chart"
        data-scale="count"
        aria-label={`${title}: a count. ${name}${hasNeighbours ? ' and the average of its statistical neighbours' : ''} by year on one scale; the region's and England's totals by year, each on its own scale. The table below gives the values.`}
      >
        <figcaption className="heading-s">{title}, by year</figcaption>
        <p className="hint comparison-count__why">
          A count grows with the size of the area, so each total is drawn on its own scale: compare how they change, not
          their height.
        </p>
        <div data-panel="ours">
          <p className="comparison-count__panel">
            {name}
            {hasNeighbours ? ' and its statistical neighbours (average)' : ''}
          </p>
          <Lines
            points={points}
            keys={hasNeighbours ? ['laValue', 'neighbourAverage'] : ['laValue']}
            labels={labels}
            height={260}
            width={width}
            legend
          />
        </div>
        <div className="comparison-count__totals">
          <div data-panel="region">
            <p className="comparison-count__panel">Its region, in total (own scale)</p>
            <Lines points={points} keys={['regionValue']} labels={labels} height={180} width={half} legend={false} />
          </div>
          <div data-panel="england">
            <p className="comparison-count__panel">England, in total (own scale)</p>
            <Lines points={points} keys={['englandValue']} labels={labels} height={180} width={half} legend={false} />
          </div>
        </div>
      </figure>
    );
  }
  return (
    <figure
      className="chart"
      data-testid="benchmark-chart"
      data-scale="rate"
      aria-label={`${title}: ${name}, its statistical neighbours, its region and England by year. The table below gives the values.`}
    >
      <figcaption className="heading-s">{title}, by year</figcaption>
      <div>
        <Lines
          points={points}
          keys={['laValue', 'neighbourAverage', 'regionValue', 'englandValue']}
          labels={labels}
          height={300}
          width={width}
          legend
        />
      </div>
    </figure>
  );
}
