import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BLUE, FADED_BLUE, GRID, INK, SECONDARY_INK } from './palette';

export interface BarDatum {
  key: string;
  label: string;
  value: number | null;
  /** Shown after the value, e.g. "716 of 1,213". */
  detail?: string;
}

/**
 * Horizontal bars, one per category (partner comparison). A click on a bar calls `onSelect`; the
 * selected bar is dark and the others light. Presentational: no SQL.
 */
export function ComparisonBarChart({
  bars,
  title,
  valueLabel,
  format,
  selected,
  onSelect,
}: {
  bars: BarDatum[];
  title: string;
  valueLabel: string;
  format: (value: number | null) => string;
  selected?: string;
  onSelect?: (key: string) => void;
}) {
  const height = Math.max(120, bars.length * 34 + 60);
  return (
    <figure
      className="chart"
      data-testid="comparison-chart"
      aria-label={`${title}: bar chart. Use “Show as table” for the values.`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={bars}
          layout="vertical"
          margin={{ top: 8, right: 60, bottom: 28, left: 8 }}
          // No tab stop of recharts' own: the table view's "Filter by" buttons are the keyboard route.
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={GRID} horizontal={false} />
          <XAxis
            type="number"
            tick={{ fontSize: 13, fill: INK }}
            tickFormatter={(v: number) => format(v)}
            label={{ value: valueLabel, position: 'insideBottom', offset: -16, fill: SECONDARY_INK, fontSize: 13 }}
          />
          <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 13, fill: INK }} />
          <Tooltip formatter={(value) => [format(Number(value)), valueLabel]} />
          <Bar
            dataKey="value"
            isAnimationActive={false}
            cursor={onSelect ? 'pointer' : undefined}
            onClick={(data) => {
              const key = (data as unknown as { payload?: BarDatum }).payload?.key;
              if (onSelect && key) onSelect(key);
            }}
            label={{ position: 'right', fontSize: 13, fill: INK, formatter: (v: unknown) => format(Number(v)) }}
            shape={(props: unknown) => {
              const { x, y, width, height, payload } = props as {
                x: number;
                y: number;
                width: number;
                height: number;
                payload: BarDatum;
              };
              return (
                <rect
                  x={x}
                  y={y}
                  width={Math.max(0, width)}
                  height={Math.max(0, height)}
                  fill={selected === undefined || selected === payload.key ? BLUE : FADED_BLUE}
                  data-bar-key={payload.key}
                  data-selected={selected === payload.key ? 'true' : undefined}
                />
              );
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
