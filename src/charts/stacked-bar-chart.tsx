import {
  Bar,
  BarChart,
  DefaultZIndexes,
  Legend,
  ResponsiveContainer,
  Tooltip,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  ZIndexLayer,
} from 'recharts';
import { formatNumber } from '../shared/format';
import { useChartFontSize } from './chart-font';
import { chartFrame } from './chart-frame';
import type { LegendItem } from './chart-image';
import { TooltipBox, useDismissibleTooltip } from './chart-tooltip';
import { CATEGORY_COLOURS, CATEGORY_GREY } from './palette';

export { CATEGORY_COLOURS };

export interface StackedSeries {
  key: string;
  label: string;
  /** Its own colour (e.g. grey for "not shown"); otherwise the next of the palette. */
  colour?: string;
}

const colourOf = (series: readonly StackedSeries[], i: number) =>
  series[i]?.colour ?? CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] ?? CATEGORY_GREY;

/** The chart's legend as items, for an image of it. */
export function stackedLegend(series: readonly StackedSeries[]): LegendItem[] {
  return series.map((s, i) => ({ label: s.label, colour: colourOf(series, i), shape: 'block' as const }));
}

type StackedRow = { label: string } & Record<string, number | string>;

/** The key of each row's stack total, drawn by no shape: it gives the value axis its range and the tooltip its rows. */
const TOTAL = '__stack_total';

/** A row's value for a series (missing or not a number: 0). */
const seriesValue = (row: StackedRow, key: string) => {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/** Recharts' default gap between categories, each side of a bar: 10 % of the category's band. */
const BAR_GAP = 0.1;

/**
 * Each series' segments as one SVG path, placed by the chart's own scales: one element per series
 * instead of recharts' several components per segment. With a recharts `Bar` per series, mounting the
 * Early help page's closure reasons (54 months × 8 reasons) held the main thread long enough to delay
 * the page's first chart. Counts: a zero or missing value draws nothing.
 */
function StackedPaths({ rows, series }: { rows: readonly StackedRow[]; series: readonly StackedSeries[] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot || rows.length === 0) return null;
  const starts = rows.map((r) => Number(x(r.label)));
  const band = rows.length > 1 ? Math.abs((starts[1] ?? 0) - (starts[0] ?? 0)) : plot.width;
  const width = band * (1 - 2 * BAR_GAP);
  const paths = series.map(() => [] as string[]);
  rows.forEach((row, i) => {
    const left = (starts[i] ?? 0) + band * BAR_GAP;
    let base = 0;
    series.forEach((s, j) => {
      const v = seriesValue(row, s.key);
      if (v <= 0) return;
      const bottom = Number(y(base));
      const top = Number(y(base + v));
      base += v;
      paths[j]?.push(
        `M${left.toFixed(2)},${top.toFixed(2)}h${width.toFixed(2)}V${bottom.toFixed(2)}h${(-width).toFixed(2)}Z`,
      );
    });
  });
  // In recharts' layer for bars: above the tooltip's highlight of the hovered period, as its bars are.
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.bar}>
      <g className="stacked-segments">
        {series.map((s, j) => (
          <path key={s.key} d={paths[j]?.join('') ?? ''} fill={colourOf(series, j)} data-series={s.key} />
        ))}
      </g>
    </ZIndexLayer>
  );
}

/** The tooltip of a bar: each series' value in that row, in the stack's order, top first; colour only in the swatch. */
function StackTooltip({ row, series }: { row: StackedRow | undefined; series: readonly StackedSeries[] }) {
  if (!row) return null;
  return (
    <TooltipBox
      label={row.label}
      lines={series
        .map((s, j) => ({ s, j }))
        .reverse()
        .map(({ s, j }) => ({
          key: s.key,
          text: `${s.label}: ${formatNumber(seriesValue(row, s.key))}`,
          swatch: (
            <svg width="14" height="14" aria-hidden="true" focusable="false" className="chart-tooltip__swatch">
              <rect width="14" height="14" fill={colourOf(series, j)} />
            </svg>
          ),
        }))}
    />
  );
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
  fontSize: givenFontSize,
}: {
  rows: StackedRow[];
  series: StackedSeries[];
  title: string;
  valueLabel: string;
  categoryLabel: string;
  width?: number;
  /** Height in pixels, or the whole height of the chart's box (a slide). */
  height?: number | 'fill';
  /** Text size in pixels (16 on a wide screen, else 13; a slide gives more). */
  fontSize?: number;
}) {
  const fontSize = useChartFontSize(givenFontSize);
  const tooltip = useDismissibleTooltip();
  const axisWidth = Math.round(fontSize * 4.2);
  const data = rows.map((row) => ({ ...row, [TOTAL]: series.reduce((sum, s) => sum + seriesValue(row, s.key), 0) }));
  const legend = series.map((s, i) => ({ value: s.label, type: 'rect' as const, color: colourOf(series, i) }));
  const chart = (
    <BarChart
      data={data}
      // On the right, room for half the last period's label (centred under its bar).
      margin={{ top: Math.round(fontSize * 1.8), right: Math.round(fontSize * 3), bottom: 4, left: 12 }}
      width={width}
      height={width ? (height === 'fill' ? 340 : height) : undefined}
      // No tab stop of recharts' own, which moved nothing: the table gives every count.
      accessibilityLayer={false}
      {...tooltip.chartProps}
    >
      {chartFrame({
        fontSize,
        axisWidth,
        format: formatNumber,
        valueLabel,
        categoryLabel,
        categoryOffset: 0,
        // The axis' name within the axis' own height, so the key below never runs into it.
        categoryAxis: { height: Math.round(fontSize * 3.2) },
      })}
      <Tooltip
        {...tooltip.tooltipProps}
        isAnimationActive={false}
        content={({ active, label }) =>
          active ? <StackTooltip row={rows.find((r) => r.label === label)} series={series} /> : null
        }
      />
      {/* The key in ink (a pale series colour is not readable as text), below the chart: above it, a
          second row of the key would run into the value axis' name. */}
      <Legend
        verticalAlign="bottom"
        wrapperStyle={{ fontSize, paddingTop: 4 }}
        content={() => (
          <ul className="recharts-default-legend stacked-legend">
            {legend.map((item) => (
              <li key={item.value} className="recharts-legend-item">
                <svg width="14" height="14" aria-hidden="true" focusable="false">
                  <rect width="14" height="14" fill={item.color} />
                </svg>
                <span className="chart-legend-text">{item.value}</span>
              </li>
            ))}
          </ul>
        )}
      />
      <Bar dataKey={TOTAL} legendType="none" isAnimationActive={false} shape={() => <g />} />
      <StackedPaths rows={rows} series={series} />
    </BarChart>
  );
  return (
    <figure
      className={`chart chart--sized${height === 'fill' ? ' chart--fill' : ''}`}
      style={{ fontSize }}
      data-testid="stacked-chart"
      aria-label={`${title}: stacked bar chart. Use “Show as table” for the values.`}
    >
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={height === 'fill' ? '100%' : height}>
          {chart}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
