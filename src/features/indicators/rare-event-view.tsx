import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import type { IndicatorSpc } from '../../indicators/indicator-spc';
import { formatLongDate, formatUkDate } from '../../indicators/periods';
import type { PreparedState } from '../../indicators/prepare-indicators';
import {
  eventGapChart,
  gapDirection,
  meanPerPeriod,
  RARE_EVENT_WHEN,
  type RareEventChart,
  type RareEventResult,
  rareEventChoice,
} from '../../indicators/rare-events';
import { runEventDates } from '../../indicators/run-event-dates';
import type { IndicatorPoint, IndicatorQuery } from '../../indicators/run-indicator';
import { centreName, POINT_TYPE_LABELS } from '../../indicators/spc';
import { useEngine } from '../../session/app-data';
import { usePreparedFor } from '../../session/indicator-settings';
import { formatValue } from '../../shared/format';
import { type FigureColumns, FigureTable } from '../../ui/figure-table';
import { SpcChartNavigator } from '../../ui/spc-chart-navigator';

type Shown = 'counts' | RareEventChart;

const SHOWN_LABELS: Record<Shown, string> = {
  counts: 'Count per period (XmR chart)',
  t: 'Days between events (t-chart)',
  g: 'Days between events (g-chart)',
};

/** The dated events behind a rare-event count, over the query's periods and filters. */
function useEventDates(indicator: IndicatorDefinition, prepared: PreparedState, query: IndicatorQuery) {
  const getEngine = useEngine();
  const reads = indicator.rareEvents?.reads ?? [];
  const state = usePreparedFor({ ...indicator, reads }, prepared, query.filters);
  return useQuery({
    queryKey: ['event-dates', indicator.id, query, state],
    queryFn: async () => runEventDates(await getEngine(), state as PreparedState, indicator, query),
    enabled: state !== undefined && indicator.rareEvents !== undefined,
  });
}

/**
 * A count of rare events (a serious incident notification a quarter or so) drawn the way NHS guidance
 * draws rare events: the days between them, as a t-chart or a g-chart, the default when the count
 * averages below 2 a period, saying why. The count chart (`children`) stays one choice away. On screen
 * only: the dates of single incidents are not for a published pack.
 */
export function RareEventView(props: ViewProps) {
  // Only counts that list their events (rareEvents) read any dates.
  return props.indicator.rareEvents ? <RareEventChoice {...props} /> : props.children;
}

interface ViewProps {
  indicator: IndicatorDefinition;
  prepared: PreparedState;
  query: IndicatorQuery;
  points: readonly IndicatorPoint[];
  children: ReactNode;
}

function RareEventChoice({ indicator, prepared, query, points, children }: ViewProps) {
  const [chosen, setChosen] = useState<Shown | null>(null);
  const name = useId();
  const dates = useEventDates(indicator, prepared, query);
  const rare = indicator.rareEvents;
  const mean = meanPerPeriod(points);
  if (!rare || mean === null) return <>{children}</>;
  const choice = rareEventChoice(mean, { noun: rare.noun, granularity: query.granularity });
  const shown: Shown = chosen ?? choice.chart ?? 'counts';
  return (
    <div data-testid="rare-event-view" data-chart-kind={shown}>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Chart</legend>
        <div className="radios">
          {(['counts', 't', 'g'] as const).map((kind) => (
            <label key={kind} className="radio">
              <input
                type="radio"
                name={name}
                checked={shown === kind}
                onChange={() => setChosen(kind)}
                data-testid={`chart-kind-${kind}`}
              />
              <span>{SHOWN_LABELS[kind]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="hint" data-testid="rare-event-reason">
        {choice.reason}
      </p>
      {shown === 'counts' ? (
        children
      ) : dates.isError ? (
        <p className="error-text">The dates could not be read: {String(dates.error)}</p>
      ) : dates.data === undefined ? (
        <p role="status">Reading the dates…</p>
      ) : (
        <>
          <GapChart indicator={indicator} dates={dates.data} kind={shown} />
          <p className="hint" data-testid="gap-chart-scope">
            The icons above, and the downloads, changes and events below, are those of the count chart: choose “
            {SHOWN_LABELS.counts}” to see it.
          </p>
        </>
      )}
    </div>
  );
}

interface GapPoint {
  label: string;
  periodStart: string;
  periodEnd: string;
  partial: boolean;
  value: number;
}

function GapChart({
  indicator,
  dates,
  kind,
}: {
  indicator: IndicatorDefinition;
  dates: readonly string[];
  kind: RareEventChart;
}) {
  const { gaps, result } = eventGapChart(dates, indicator.direction, kind);
  if (gaps.length === 0) {
    return <p className="inset-text">Fewer than two {indicator.rareEvents?.noun} in these periods: no gap to chart.</p>;
  }
  const points: GapPoint[] = gaps.map((g) => ({
    label: formatLongDate(g.date),
    periodStart: g.date,
    periodEnd: g.date,
    partial: false,
    value: g.days,
  }));
  const spc: IndicatorSpc = { ...result, changes: [], minDenominator: null, warmUp: null };
  const words = { unit: 'days' as const, title: `Days between ${indicator.rareEvents?.noun}` };
  return (
    <div data-testid="gap-chart" data-gaps={gaps.length}>
      <SpcChartNavigator
        indicator={words}
        points={points}
        spc={spc}
        valueLabel="Days since the one before"
        title={`${words.title} (${kind}-chart)`}
        format={(v) => formatValue(v, 'days')}
        bounds={{ min: 0 }}
        categoryLabel="Event date"
        table={<GapTable points={points} result={result} />}
      />
      <p className="hint">{result.note}</p>
      <p className="hint">
        {RARE_EVENT_WHEN[kind]} Longer gaps are {gapWords(indicator)}. Each point is an event, dated; the first event
        has no gap before it.
      </p>
    </div>
  );
}

function gapWords(indicator: IndicatorDefinition): string {
  const direction = gapDirection(indicator.direction);
  return direction === 'neutral' ? 'neither good nor bad in themselves' : direction === 'up' ? 'better' : 'worse';
}

function GapTable({ points, result }: { points: readonly GapPoint[]; result: RareEventResult }) {
  const rows = points.map((point, i) => ({ i, point, spc: result.points[i] }));
  const f = (v: number | null | undefined) => formatValue(v ?? null, 'days');
  const columns: FigureColumns<(typeof rows)[number]> = [
    { key: 'date', head: 'Event date', cell: ({ point }) => formatUkDate(point.periodStart) },
    { key: 'days', head: 'Days since the one before', numeric: true, cell: ({ point }) => point.value },
    {
      key: 'centre',
      head: centreName(result),
      numeric: true,
      cell: (r) => f(r.spc?.centre),
    },
    result.chart === 'xmr' && {
      key: 'limits',
      head: 'Process limits',
      numeric: true,
      cell: (r) => `${f(r.spc?.lowerLimit)} to ${f(r.spc?.upperLimit)}`,
    },
    { key: 'variation', head: 'Variation', cell: (r) => (r.spc?.type ? POINT_TYPE_LABELS[r.spc.type] : '–') },
  ];
  return (
    <FigureTable
      caption="Days between events"
      captionHidden
      scroll
      columns={columns}
      rows={rows}
      rowKey={(r) => String(r.i)}
    />
  );
}
