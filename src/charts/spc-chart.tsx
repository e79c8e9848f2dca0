import { type ReactElement, useEffect } from 'react';
import { Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip } from 'recharts';
import { formatUkDate } from '../indicators/periods';
import {
  ASSURANCE_LABELS,
  type AssuranceType,
  centreName,
  POINT_TYPE_LABELS,
  type PointType,
  SPC_COLOURS,
  type SpcResult,
  type SpcTarget,
} from '../indicators/spc';
import { useChartFontSize } from './chart-font';
import { chartFrame } from './chart-frame';
import type { LegendItem } from './chart-image';
import { TooltipBox, useDismissibleTooltip } from './chart-tooltip';
import { textOn } from './contrast';
import { CENTRE_LINE, FILLING, INK, MID_GREY, SECONDARY_INK, TARGET } from './palette';
import { Swatch as KeySwatch, type MarkKind, PointMark } from './spc-marks';

export interface SpcChartPoint {
  label: string;
  partial: boolean;
  value: number | null;
}

interface Row extends SpcChartPoint {
  target: number | null;
  type: PointType | null;
  /** The centre line and limits at this point, as drawn (for the tooltip). */
  centre: number | null;
  upper: number | null;
  lower: number | null;
  /** centre0, upper0, lower0, centre1, …: one set of lines per phase, so lines break at a marked change. */
  [phaseLine: `${'centre' | 'upper' | 'lower'}${number}`]: number | null;
}

/** An event on the chart: the period it falls in, when it happened and what. */
export interface ChartEvent {
  index: number;
  date: string;
  title: string;
}

const EVENT_COLOUR = INK;

/** An event's flag at the foot of its line: a marker and its title (reachable by keyboard through the chart's words). */
function EventFlag({
  event,
  fontSize,
  viewBox,
}: {
  event: ChartEvent;
  fontSize: number;
  viewBox?: { x?: number; y?: number; height?: number };
}) {
  const x = viewBox?.x ?? 0;
  const y = (viewBox?.y ?? 0) + (viewBox?.height ?? 0) - fontSize * 1.6;
  const short = event.title.length > 24 ? `${event.title.slice(0, 23)}…` : event.title;
  return (
    <g data-testid="event-marker" data-event-date={event.date}>
      <path d={`M${x},${y - 6} l6,6 l-6,6 l-6,-6 Z`} fill={INK} />
      <text x={x + 9} y={y + 4} fontSize={fontSize * 0.85} fill={INK}>
        {short}
      </text>
    </g>
  );
}

export interface ChartChange {
  index: number;
  label: string;
}

/** The values are the strongest line; the mean and limits are drawn lighter behind them. */
const VALUE_LINE = INK;

/** A limit drawn no further than the measure can go (a percentage's limits stop at 0 and 100). */
function clamp(value: number | null, bounds: { min?: number; max?: number } | undefined): number | null {
  if (value === null || !bounds) return value;
  const low = bounds.min ?? Number.NEGATIVE_INFINITY;
  const high = bounds.max ?? Number.POSITIVE_INFINITY;
  return Math.min(high, Math.max(low, value));
}
export const TARGET_COLOUR = TARGET;

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Row;
}

/** A point in its Making Data Count colour; the unfinished last period hollow. */
function SpcDot({ cx, cy, payload }: DotProps): ReactElement | null {
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return null;
  const colour = payload.type ? SPC_COLOURS[payload.type] : SECONDARY_INK;
  return <PointMark kind={payload.partial ? 'partial' : (payload.type ?? 'none')} cx={cx} cy={cy} colour={colour} />;
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
  const colour = type ? SPC_COLOURS[type] : MID_GREY;
  return (
    <span className="spc-icon" data-testid="variation-icon" data-variation={type ?? 'none'}>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="11" fill={colour} />
        <text x="12" y="16.5" textAnchor="middle" fontSize="13" fontWeight="700" fill={textOn(colour)}>
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
        : SPC_COLOURS.common_cause;
  const letter = type === 'consistent_pass' ? 'P' : type === 'consistent_fail' ? 'F' : '?';
  return (
    <span className="spc-icon" data-testid="assurance-icon" data-assurance={type}>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="22" height="22" rx="4" fill={colour} />
        <text x="12" y="16.5" textAnchor="middle" fontSize="13" fontWeight="700" fill={textOn(colour)}>
          {letter}
        </text>
      </svg>
      <span>{short ? SHORT_ASSURANCE[type] : ASSURANCE_LABELS[type]}</span>
    </span>
  );
}

/** "Target 80%", or for a trajectory "Target (a trajectory, stepped): 85% at the latest period". */
export function targetKey(target: SpcTarget, format: (value: number | null) => string): string {
  if (!target.trajectory) return `Target ${format(target.latest ?? target.line.find((v) => v !== null) ?? null)}`;
  return `Target trajectory (stepped line)${target.latest === null ? '' : `: ${format(target.latest)} at the latest period`}`;
}

/** The chart's key as legend items, for an image of the chart (chart-image.ts). */
export function spcLegend(
  spc: Pick<SpcResult, 'chart' | 'target'> & { warmUp?: { points: number } | null },
  format: (value: number | null) => string,
  changes: readonly ChartChange[] = [],
): LegendItem[] {
  const items: LegendItem[] = [
    { label: 'Value', colour: VALUE_LINE, shape: 'line' },
    ...(spc.chart === 'xmr'
      ? [
          { label: centreName(spc), colour: CENTRE_LINE, shape: 'line' as const },
          { label: 'Process limits', colour: SECONDARY_INK, shape: 'dashed' as const },
        ]
      : [{ label: 'Median', colour: CENTRE_LINE, shape: 'line' as const }]),
  ];
  if (spc.target) items.push({ label: targetKey(spc.target, format), colour: TARGET_COLOUR, shape: 'dashed' });
  if (spc.warmUp && spc.warmUp.points > 0) {
    items.push({ label: 'Still filling: not judged', colour: FILLING, shape: 'block' });
  }
  for (const change of changes) items.push({ label: change.label, colour: INK, shape: 'line' });
  items.push(
    { label: 'Improvement', colour: SPC_COLOURS.special_cause_improvement, shape: 'dot' },
    { label: 'Concern', colour: SPC_COLOURS.special_cause_concern, shape: 'dot' },
    { label: 'Special cause, no direction', colour: SPC_COLOURS.special_cause_neutral_high, shape: 'dot' },
    { label: 'Common cause', colour: SPC_COLOURS.common_cause, shape: 'dot' },
  );
  return items;
}

/** A swatch for the tooltip: a short line in the chart's colour and dash, or a dot. */
function Swatch({ colour, dash, mark }: { colour: string; dash?: string; mark?: MarkKind }) {
  return (
    <svg
      width="22"
      height="14"
      viewBox="0 0 22 14"
      aria-hidden="true"
      focusable="false"
      className="chart-tooltip__swatch"
    >
      {mark ? (
        <PointMark kind={mark} cx={11} cy={7} colour={colour} />
      ) : (
        <line x1="1" y1="7" x2="21" y2="7" stroke={colour} strokeWidth={2.5} strokeDasharray={dash} />
      )}
    </svg>
  );
}

/**
 * The tooltip's lines for a period: its value, the centre line, the limits (one line) and the target,
 * every figure written by the indicator's own `format` (68.8%, never 68.798).
 */
export function tooltipLines(
  row: Pick<Row, 'value' | 'type' | 'centre' | 'upper' | 'lower' | 'target'>,
  chart: SpcResult['chart'] | Pick<SpcResult, 'chart' | 'centreLabel'>,
  valueLabel: string,
  format: (v: number | null) => string,
) {
  const spc = typeof chart === 'string' ? { chart } : chart;
  const lines = [
    {
      key: 'value',
      text: `${valueLabel}: ${row.value === null ? 'not shown' : format(row.value)}`,
      swatch: <Swatch colour={row.type ? SPC_COLOURS[row.type] : SECONDARY_INK} mark={row.type ?? 'none'} />,
    },
  ];
  if (row.centre !== null)
    lines.push({
      key: 'centre',
      text: `${centreName(spc)}: ${format(row.centre)}`,
      swatch: <Swatch colour={CENTRE_LINE} />,
    });
  if (spc.chart === 'xmr' && row.lower !== null && row.upper !== null)
    lines.push({
      key: 'limits',
      text: `Process limits: ${format(row.lower)} to ${format(row.upper)}`,
      swatch: <Swatch colour={SECONDARY_INK} dash="6 4" />,
    });
  if (row.target !== null)
    lines.push({
      key: 'target',
      text: `Target: ${format(row.target)}`,
      swatch: <Swatch colour={TARGET_COLOUR} dash="2 3" />,
    });
  return lines;
}

/** The value axis' width: its longest tick label and a gap (its name is drawn above it, not beside it). */
function valueAxisWidth(rows: readonly Row[], format: (v: number | null) => string, fontSize: number): number {
  const values = rows.flatMap((r) => [r.value, r.upper, r.lower, r.target]).filter((v): v is number => v !== null);
  const top = values.length > 0 ? Math.max(...values.map(Math.abs)) : 0;
  // A tick can be a round number above the largest value (an axis to 120.0% for 104%): one digit more.
  const longest = Math.max(format(top).length + 1, format(0).length);
  return Math.max(48, Math.ceil(longest * fontSize * 0.58) + 14);
}

/**
 * An SPC chart (NHS Making Data Count): the values, the mean (or the median on a run chart), process
 * limits, an optional target, and each point coloured by its variation type. Presentational: it draws
 * the analysis it is given. `width` renders at a fixed size (tests, print) instead of filling its box;
 * `height="fill"` fills its box's height (a slide gives the chart what the words leave).
 */
export function SpcChart({
  points,
  spc,
  valueLabel,
  title,
  format,
  width,
  height = 300,
  bounds,
  changes = [],
  filling = null,
  fontSize: givenFontSize,
  focusIndex = null,
  events = [],
  categoryLabel = 'Period',
}: {
  /** The name under the x axis: "Period", or what each point is ("Event date"). */
  categoryLabel?: string;
  /** Events marked on the chart (the events register): a labelled line at the period each falls in. */
  events?: readonly ChartEvent[];
  points: SpcChartPoint[];
  /** The period a keyboard user is on (spc-chart-navigator.tsx): marked by a solid line across the chart. */
  focusIndex?: number | null;
  spc: SpcResult;
  /** The first points still filling from the start of the data (drawn, not judged), and until when. */
  filling?: { points: number; filledFrom: string } | null;
  /** Changes marked by the user: a vertical line and its label where each new phase starts. */
  changes?: readonly ChartChange[];
  valueLabel: string;
  title: string;
  /** Every figure the chart writes (ticks, tooltip, key) is written by this: the indicator's own precision. */
  format: (value: number | null) => string;
  width?: number;
  /** Height in pixels (300; a slide gives more), or the whole height of the chart's box. */
  height?: number | 'fill';
  /** Values the measure cannot go beyond (0–100 for a percentage): limit lines are drawn up to them. */
  bounds?: { min?: number; max?: number };
  /** Text size in pixels (16 on a wide screen, else 13; a slide gives more). */
  fontSize?: number;
}) {
  useEffect(() => {
    // Read by `npm run bench`: when a chart with data was last drawn.
    if (points.length > 0) performance.mark('pi-chart-drawn');
  }, [points]);
  const fontSize = useChartFontSize(givenFontSize);
  const tooltip = useDismissibleTooltip();
  const phases = [...new Set(spc.points.map((p) => p.phase))];
  const rows: Row[] = points.map((p, i) => {
    const s = spc.points[i];
    const centre = s?.centre ?? null;
    const upper = clamp(s?.upperLimit ?? null, bounds);
    const lower = clamp(s?.lowerLimit ?? null, bounds);
    const row: Row = { ...p, target: spc.target?.line[i] ?? null, type: s?.type ?? null, centre, upper, lower };
    for (const phase of phases) {
      const mine = s?.phase === phase;
      row[`centre${phase}`] = mine ? centre : null;
      row[`upper${phase}`] = mine ? upper : null;
      row[`lower${phase}`] = mine ? lower : null;
    }
    return row;
  });
  const axisWidth = valueAxisWidth(rows, format, fontSize);
  const lineProps = { dot: false, isAnimationActive: false, connectNulls: false } as const;
  const chart = (
    <LineChart
      data={rows}
      // Room above for the value axis' name, below for the periods and their name.
      margin={{ top: Math.round(fontSize * 1.8), right: 40, bottom: Math.round(fontSize * 1.6), left: 12 }}
      width={width}
      height={width ? (height === 'fill' ? 300 : height) : undefined}
      // One tab stop for the whole chart, its own (the navigator's), not recharts' own focusable SVG.
      accessibilityLayer={false}
      {...tooltip.chartProps}
    >
      {chartFrame({
        fontSize,
        axisWidth,
        format,
        valueLabel,
        categoryLabel,
        categoryOffset: -Math.round(fontSize * 1.4),
        // The first period clear of the value axis' lowest label, the last clear of the edge.
        categoryAxis: { padding: { left: Math.round(fontSize * 2.5), right: Math.round(fontSize) } },
      })}
      <Tooltip
        {...tooltip.tooltipProps}
        isAnimationActive={false}
        content={({ active, payload }) => {
          const row = payload?.[0]?.payload as Row | undefined;
          if (!active || !row) return null;
          const type = row.type ? ` — ${POINT_TYPE_LABELS[row.type]}` : '';
          return (
            <TooltipBox
              label={`${row.label}${row.partial ? ' (to date)' : ''}${type}`}
              lines={tooltipLines(row, spc, valueLabel, format)}
            />
          );
        }}
      />
      {phases.flatMap((phase) => [
        spc.chart === 'xmr' && (
          <Line
            key={`upper${phase}`}
            name="Upper process limit"
            dataKey={`upper${phase}`}
            stroke={SECONDARY_INK}
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
            stroke={SECONDARY_INK}
            strokeDasharray="6 4"
            strokeWidth={1.5}
            {...lineProps}
          />
        ),
        <Line
          key={`centre${phase}`}
          name={centreName(spc)}
          dataKey={`centre${phase}`}
          stroke={CENTRE_LINE}
          strokeWidth={1.5}
          {...lineProps}
        />,
      ])}
      {filling && filling.points > 0 && points[0] && (
        <ReferenceArea
          x1={points[0].label}
          x2={points[Math.min(filling.points, points.length) - 1]?.label}
          fill={FILLING}
          fillOpacity={1}
          stroke="none"
          ifOverflow="extendDomain"
          label={{ value: 'Still filling: not judged', position: 'insideTop', fill: INK, fontSize }}
        />
      )}
      {changes.map((change) => {
        const at = points[change.index]?.label;
        return at === undefined ? null : (
          <ReferenceLine
            key={`${change.index}-${change.label}`}
            x={at}
            stroke={INK}
            strokeWidth={2}
            label={{ value: change.label, position: 'insideTopLeft', fill: INK, fontSize }}
          />
        );
      })}
      {events.map((event) => {
        const at = points[event.index]?.label;
        return at === undefined ? null : (
          <ReferenceLine
            key={`event-${event.date}-${event.title}`}
            x={at}
            stroke={EVENT_COLOUR}
            strokeWidth={2}
            strokeDasharray="1 3"
            label={<EventFlag event={event} fontSize={fontSize} />}
          />
        );
      })}
      {focusIndex !== null && points[focusIndex] && (
        <ReferenceLine
          x={points[focusIndex].label}
          stroke={INK}
          strokeWidth={3}
          data-testid="chart-focus-line"
          label={{ value: points[focusIndex].label, position: 'insideTopRight', fill: INK, fontSize }}
        />
      )}
      {spc.target && (
        <Line
          name="Target"
          dataKey="target"
          // A trajectory steps at the boundary between periods: each period's target is its own.
          type={spc.target.trajectory ? 'step' : 'linear'}
          data-testid="target-line"
          data-trajectory={spc.target.trajectory ? 'true' : 'false'}
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
        stroke={VALUE_LINE}
        strokeWidth={2.5}
        dot={<SpcDot />}
        activeDot={{ r: 7, fill: VALUE_LINE }}
        isAnimationActive={false}
        connectNulls={false}
      />
    </LineChart>
  );
  return (
    <figure
      className={`chart chart--sized${height === 'fill' ? ' chart--fill' : ''}`}
      style={{ fontSize }}
      data-testid="trend-chart"
      data-spc-chart={spc.chart}
      aria-label={`${title}: ${spc.chart === 'xmr' ? 'SPC chart with process limits' : 'run chart'}.`}
    >
      {/* The drawing is for the eye: words above it (the summary), beside it (the key) and the table say it all. */}
      <div aria-hidden="true" className="chart__drawing">
        {width ? (
          chart
        ) : (
          <ResponsiveContainer width="100%" height={height === 'fill' ? '100%' : height}>
            {chart}
          </ResponsiveContainer>
        )}
      </div>
      <SpcKey spc={spc} format={format} changes={changes} points={points} filling={filling} events={events.length} />
    </figure>
  );
}

/** The chart's key, under it, in words beside each line's and dot's look. */
function SpcKey({
  spc,
  format,
  changes,
  points,
  filling,
  events,
}: {
  spc: SpcResult;
  format: (value: number | null) => string;
  changes: readonly ChartChange[];
  points: readonly SpcChartPoint[];
  filling: { points: number; filledFrom: string } | null;
  /** How many events the chart marks. */
  events: number;
}) {
  return (
    <figcaption className="spc-key">
      <span className="spc-key__item">
        <KeySwatch line="value" /> Value
      </span>
      {spc.chart === 'xmr' ? (
        <>
          <span className="spc-key__item">
            <KeySwatch line="mean" /> {centreName(spc)}
          </span>
          <span className="spc-key__item">
            <KeySwatch line="limit" /> Process limits
          </span>
        </>
      ) : (
        <span className="spc-key__item">
          <KeySwatch line="mean" /> Median
        </span>
      )}
      {spc.target && (
        <span className="spc-key__item" data-testid="target-key">
          <KeySwatch line="target" /> {targetKey(spc.target, format)}
        </span>
      )}
      {filling && filling.points > 0 && (
        <span className="spc-key__item" data-testid="filling-key">
          <KeySwatch line="filling" /> Still filling from the start of the data: not judged (periods ending before{' '}
          {formatUkDate(filling.filledFrom)})
        </span>
      )}
      {changes.map((change) => (
        <span className="spc-key__item" key={`key-${change.index}-${change.label}`} data-testid="change-mark">
          <KeySwatch line="change" /> {change.label} (from {points[change.index]?.label}; limits worked out again from
          there)
        </span>
      ))}
      {events > 0 && (
        <span className="spc-key__item">
          <KeySwatch line="event" /> {events === 1 ? 'Event' : 'Events'} (named on the chart and in its words)
        </span>
      )}
      <span className="spc-key__item">
        <KeySwatch mark="special_cause_improvement" colour={SPC_COLOURS.special_cause_improvement} /> Improvement
      </span>
      <span className="spc-key__item">
        <KeySwatch mark="special_cause_concern" colour={SPC_COLOURS.special_cause_concern} /> Concern
      </span>
      <span className="spc-key__item">
        <KeySwatch mark="special_cause_neutral_high" colour={SPC_COLOURS.special_cause_neutral_high} /> Special cause,
        no direction
      </span>
      <span className="spc-key__item">
        <KeySwatch mark="common_cause" colour={SPC_COLOURS.common_cause} /> Common cause
      </span>
    </figcaption>
  );
}
