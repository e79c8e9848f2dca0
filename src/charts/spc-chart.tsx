import { type ReactElement, useEffect } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatUkDate } from '../indicators/periods';
import {
  ASSURANCE_LABELS,
  type AssuranceType,
  POINT_TYPE_LABELS,
  type PointType,
  SPC_COLOURS,
  type SpcResult,
} from '../indicators/spc';
import type { LegendItem } from './chart-image';

export interface SpcChartPoint {
  label: string;
  partial: boolean;
  value: number | null;
}

interface Row extends SpcChartPoint {
  target: number | null;
  type: PointType | null;
  /** centre0, upper0, lower0, centre1, …: one set of lines per phase, so lines break at a marked change. */
  [phaseLine: `${'centre' | 'upper' | 'lower'}${number}`]: number | null;
}

export interface ChartChange {
  index: number;
  label: string;
}

const NAVY = '#0b0c0c';

/** A limit drawn no further than the measure can go (a percentage's limits stop at 0 and 100). */
function clamp(value: number | null, bounds: { min?: number; max?: number } | undefined): number | null {
  if (value === null || !bounds) return value;
  const low = bounds.min ?? Number.NEGATIVE_INFINITY;
  const high = bounds.max ?? Number.POSITIVE_INFINITY;
  return Math.min(high, Math.max(low, value));
}
const LINE = '#505a5f';
export const TARGET_COLOUR = '#de1b1b';

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Row;
}

/** A point in its Making Data Count colour; the unfinished last period hollow. */
function SpcDot({ cx, cy, payload }: DotProps): ReactElement | null {
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return null;
  const colour = payload.type ? SPC_COLOURS[payload.type] : LINE;
  return payload.partial ? (
    <circle
      cx={cx}
      cy={cy}
      r={5}
      fill="#ffffff"
      stroke={colour}
      strokeWidth={2}
      data-point-type={payload.type ?? 'none'}
    />
  ) : (
    <circle
      cx={cx}
      cy={cy}
      r={payload.type && payload.type !== 'common_cause' ? 5 : 3.5}
      fill={colour}
      data-point-type={payload.type ?? 'none'}
    />
  );
}

const SHORT_VARIATION: Record<PointType, string> = {
  common_cause: 'No significant change',
  special_cause_improvement: 'Improvement',
  special_cause_concern: 'Concern',
  special_cause_neutral_high: 'Higher (neutral)',
  special_cause_neutral_low: 'Lower (neutral)',
};
const SHORT_ASSURANCE: Record<AssuranceType, string> = {
  consistent_pass: 'Will meet target',
  consistent_fail: 'Will miss target',
  inconsistent: 'May meet or miss',
};

/**
 * The variation icon: a disc in the point-type colour with a letter, and always a text label beside it
 * (`short` for a summary table's narrow column).
 */
export function VariationIcon({
  type,
  short = false,
  unjudged,
}: {
  type: PointType | null;
  short?: boolean;
  /** Why there is no judgement, when it is not too few points (a figure still filling). */
  unjudged?: string;
}) {
  const letter =
    type === null
      ? '–'
      : type === 'common_cause'
        ? '~'
        : type.endsWith('_high') || type === 'special_cause_improvement'
          ? 'H'
          : 'L';
  const colour = type ? SPC_COLOURS[type] : '#b1b4b6';
  return (
    <span className="spc-icon" data-testid="variation-icon" data-variation={type ?? 'none'}>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="11" fill={colour} />
        <text x="12" y="16.5" textAnchor="middle" fontSize="13" fontWeight="700" fill="#ffffff">
          {letter}
        </text>
      </svg>
      <span>
        {type
          ? short
            ? SHORT_VARIATION[type]
            : POINT_TYPE_LABELS[type]
          : short
            ? 'Not judged'
            : (unjudged ?? 'Too few points to judge variation')}
      </span>
    </span>
  );
}

/** The assurance icon against a target, with its text label. */
export function AssuranceIcon({ type, short = false }: { type: AssuranceType; short?: boolean }) {
  const colour =
    type === 'consistent_pass'
      ? SPC_COLOURS.special_cause_improvement
      : type === 'consistent_fail'
        ? SPC_COLOURS.special_cause_concern
        : '#a6a6a6';
  const letter = type === 'consistent_pass' ? 'P' : type === 'consistent_fail' ? 'F' : '?';
  return (
    <span className="spc-icon" data-testid="assurance-icon" data-assurance={type}>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="22" height="22" rx="4" fill={colour} />
        <text x="12" y="16.5" textAnchor="middle" fontSize="13" fontWeight="700" fill="#ffffff">
          {letter}
        </text>
      </svg>
      <span>{short ? SHORT_ASSURANCE[type] : ASSURANCE_LABELS[type]}</span>
    </span>
  );
}

/** The chart's key as legend items, for an image of the chart (chart-image.ts). */
export function spcLegend(
  spc: Pick<SpcResult, 'chart'>,
  target: number | null | undefined,
  format: (value: number | null) => string,
  changes: readonly ChartChange[] = [],
): LegendItem[] {
  const items: LegendItem[] =
    spc.chart === 'xmr'
      ? [
          { label: 'Mean', colour: NAVY, shape: 'line' },
          { label: 'Process limits', colour: LINE, shape: 'dashed' },
        ]
      : [{ label: 'Median', colour: NAVY, shape: 'line' }];
  if (target !== null && target !== undefined) {
    items.push({ label: `Target ${format(target)}`, colour: TARGET_COLOUR, shape: 'dashed' });
  }
  for (const change of changes) items.push({ label: change.label, colour: NAVY, shape: 'line' });
  items.push(
    { label: 'Improvement', colour: SPC_COLOURS.special_cause_improvement, shape: 'dot' },
    { label: 'Concern', colour: SPC_COLOURS.special_cause_concern, shape: 'dot' },
    { label: 'Special cause, no direction', colour: SPC_COLOURS.special_cause_neutral_high, shape: 'dot' },
    { label: 'Common cause', colour: SPC_COLOURS.common_cause, shape: 'dot' },
  );
  return items;
}

/**
 * An SPC chart (NHS Making Data Count): the values, the mean (or the median on a run chart), process
 * limits, an optional target, and each point coloured by its variation type. Presentational: it draws
 * the analysis it is given. `width` renders at a fixed size (tests, print) instead of filling its box.
 */
export function SpcChart({
  points,
  spc,
  target,
  valueLabel,
  title,
  format,
  width,
  height = 300,
  bounds,
  changes = [],
  filling = null,
}: {
  points: SpcChartPoint[];
  spc: SpcResult;
  /** The first points still filling from the start of the data (drawn, not judged), and until when. */
  filling?: { points: number; filledFrom: string } | null;
  /** Changes marked by the user: a vertical line and its label where each new phase starts. */
  changes?: readonly ChartChange[];
  target?: number | null;
  valueLabel: string;
  title: string;
  format: (value: number | null) => string;
  width?: number;
  /** Height in pixels (300; a slide gives more). */
  height?: number;
  /** Values the measure cannot go beyond (0–100 for a percentage): limit lines are drawn up to them. */
  bounds?: { min?: number; max?: number };
}) {
  useEffect(() => {
    // Read by `npm run bench`: when a chart with data was last drawn.
    if (points.length > 0) performance.mark('pi-chart-drawn');
  }, [points]);
  const phases = [...new Set(spc.points.map((p) => p.phase))];
  const rows: Row[] = points.map((p, i) => {
    const s = spc.points[i];
    const row: Row = { ...p, target: target ?? null, type: s?.type ?? null };
    for (const phase of phases) {
      const mine = s?.phase === phase;
      row[`centre${phase}`] = mine ? (s?.centre ?? null) : null;
      row[`upper${phase}`] = mine ? clamp(s?.upperLimit ?? null, bounds) : null;
      row[`lower${phase}`] = mine ? clamp(s?.lowerLimit ?? null, bounds) : null;
    }
    return row;
  });
  const lineProps = { dot: false, isAnimationActive: false, connectNulls: false } as const;
  const chart = (
    <LineChart
      data={rows}
      margin={{ top: 12, right: 40, bottom: 28, left: 12 }}
      width={width}
      height={width ? height : undefined}
    >
      <CartesianGrid stroke="#e5e5e5" vertical={false} />
      <XAxis
        dataKey="label"
        tick={{ fontSize: 13, fill: NAVY }}
        interval="preserveStartEnd"
        minTickGap={16}
        label={{ value: 'Period', position: 'insideBottom', offset: -16, fill: LINE, fontSize: 13 }}
      />
      <YAxis
        tick={{ fontSize: 13, fill: NAVY }}
        tickFormatter={(v: number) => format(v)}
        width={72}
        label={{ value: valueLabel, angle: -90, position: 'insideLeft', offset: 0, dy: 60, fill: LINE, fontSize: 13 }}
      />
      <Tooltip
        formatter={(value, name) => [format(Number(value)), String(name)]}
        labelFormatter={(label, payload) => {
          const row = payload?.[0]?.payload as Row | undefined;
          const type = row?.type ? ` — ${POINT_TYPE_LABELS[row.type]}` : '';
          return `${String(label)}${row?.partial ? ' (to date)' : ''}${type}`;
        }}
      />
      {phases.flatMap((phase) => [
        spc.chart === 'xmr' && (
          <Line
            key={`upper${phase}`}
            name="Upper process limit"
            dataKey={`upper${phase}`}
            stroke={LINE}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            {...lineProps}
          />
        ),
        spc.chart === 'xmr' && (
          <Line
            key={`lower${phase}`}
            name="Lower process limit"
            dataKey={`lower${phase}`}
            stroke={LINE}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            {...lineProps}
          />
        ),
        <Line
          key={`centre${phase}`}
          name={spc.chart === 'xmr' ? 'Mean' : 'Median'}
          dataKey={`centre${phase}`}
          stroke={NAVY}
          strokeWidth={1.5}
          {...lineProps}
        />,
      ])}
      {filling && filling.points > 0 && points[0] && (
        <ReferenceArea
          x1={points[0].label}
          x2={points[Math.min(filling.points, points.length) - 1]?.label}
          fill="#f3f2f1"
          fillOpacity={1}
          stroke="none"
          ifOverflow="extendDomain"
          label={{ value: 'Still filling: not judged', position: 'insideTop', fill: NAVY, fontSize: 13 }}
        />
      )}
      {changes.map((change) => {
        const at = points[change.index]?.label;
        return at === undefined ? null : (
          <ReferenceLine
            key={`${change.index}-${change.label}`}
            x={at}
            stroke={NAVY}
            strokeWidth={2}
            label={{ value: change.label, position: 'insideTopLeft', fill: NAVY, fontSize: 13 }}
          />
        );
      })}
      {target !== null && target !== undefined && (
        <Line
          name="Target"
          dataKey="target"
          stroke={TARGET_COLOUR}
          strokeDasharray="2 3"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      )}
      <Line
        name={valueLabel}
        type="linear"
        dataKey="value"
        stroke="#7f8c96"
        strokeWidth={2}
        dot={<SpcDot />}
        activeDot={{ r: 6 }}
        isAnimationActive={false}
        connectNulls={false}
      />
    </LineChart>
  );
  return (
    <figure
      className="chart"
      data-testid="trend-chart"
      data-spc-chart={spc.chart}
      aria-label={`${title}: ${spc.chart === 'xmr' ? 'SPC chart with process limits' : 'run chart'}. Use “Show as table” for the values.`}
    >
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
      <figcaption className="spc-key">
        {spc.chart === 'xmr' ? (
          <>
            <span className="spc-key__item">
              <span className="spc-swatch spc-swatch--mean" aria-hidden="true" /> Mean
            </span>
            <span className="spc-key__item">
              <span className="spc-swatch spc-swatch--limit" aria-hidden="true" /> Process limits
            </span>
          </>
        ) : (
          <span className="spc-key__item">
            <span className="spc-swatch spc-swatch--mean" aria-hidden="true" /> Median
          </span>
        )}
        {target !== null && target !== undefined && (
          <span className="spc-key__item">
            <span className="spc-swatch spc-swatch--target" aria-hidden="true" /> Target {format(target)}
          </span>
        )}
        {filling && filling.points > 0 && (
          <span className="spc-key__item" data-testid="filling-key">
            <span className="spc-swatch spc-swatch--filling" aria-hidden="true" /> Still filling from the start of the
            data: not judged (periods ending before {formatUkDate(filling.filledFrom)})
          </span>
        )}
        {changes.map((change) => (
          <span className="spc-key__item" key={`key-${change.index}-${change.label}`} data-testid="change-mark">
            <span className="spc-swatch spc-swatch--change" aria-hidden="true" /> {change.label} (from{' '}
            {points[change.index]?.label}; limits worked out again from there)
          </span>
        ))}
        <span className="spc-key__item">
          <span className="spc-dot" style={{ background: SPC_COLOURS.special_cause_improvement }} aria-hidden="true" />{' '}
          Improvement
        </span>
        <span className="spc-key__item">
          <span className="spc-dot" style={{ background: SPC_COLOURS.special_cause_concern }} aria-hidden="true" />{' '}
          Concern
        </span>
        <span className="spc-key__item">
          <span className="spc-dot" style={{ background: SPC_COLOURS.special_cause_neutral_high }} aria-hidden="true" />{' '}
          Special cause, no direction
        </span>
        <span className="spc-key__item">
          <span className="spc-dot" style={{ background: SPC_COLOURS.common_cause }} aria-hidden="true" /> Common cause
        </span>
      </figcaption>
    </figure>
  );
}
