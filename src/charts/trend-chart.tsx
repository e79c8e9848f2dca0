import { useEffect } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IndicatorPoint } from '../indicators/run-indicator';
import { formatNumber } from '../ui/format';

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: IndicatorPoint;
}

/** Complete periods get a filled point; the unfinished last period a hollow one. */
function PeriodDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return payload.partial ? (
    <circle cx={cx} cy={cy} r={5} fill="#ffffff" stroke="#1d70b8" strokeWidth={2} />
  ) : (
    <circle cx={cx} cy={cy} r={3.5} fill="#1d70b8" />
  );
}

/** A presentational line chart of indicator points. No SQL here: it draws what it is given. */
export function TrendChart({
  points,
  valueLabel,
  title,
}: {
  points: IndicatorPoint[];
  valueLabel: string;
  title: string;
}) {
  useEffect(() => {
    // Read by `npm run bench`: when a chart with data was last drawn.
    if (points.length > 0) performance.mark('pi-chart-drawn');
  }, [points]);
  return (
    <figure
      className="chart"
      data-testid="trend-chart"
      aria-label={`${title}: line chart. Use “Show as table” for the values.`}
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={points} margin={{ top: 12, right: 40, bottom: 28, left: 12 }}>
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 13, fill: '#0b0c0c' }}
            interval="preserveStartEnd"
            minTickGap={16}
            label={{ value: 'Period', position: 'insideBottom', offset: -16, fill: '#505a5f', fontSize: 13 }}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 13, fill: '#0b0c0c' }}
            tickFormatter={(v: number) => formatNumber(v)}
            width={64}
            label={{
              value: valueLabel,
              angle: -90,
              position: 'insideLeft',
              offset: 0,
              dy: 60,
              fill: '#505a5f',
              fontSize: 13,
            }}
          />
          <Tooltip
            formatter={(value) => [formatNumber(Number(value)), valueLabel]}
            labelFormatter={(label, payload) => {
              const point = payload?.[0]?.payload as IndicatorPoint | undefined;
              return point?.partial ? `${String(label)} (to date)` : String(label);
            }}
          />
          <Line
            type="linear"
            dataKey="value"
            stroke="#1d70b8"
            strokeWidth={2.5}
            dot={<PeriodDot />}
            activeDot={{ r: 6 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
