import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { AssuranceIcon, VariationIcon } from '../../charts/spc-chart';
import { findDataset } from '../../datasets/registry';
import { eventsByPeriod, eventsFor, type PartnershipEvent } from '../../indicators/events';
import { runIndicatorBatched } from '../../indicators/indicator-batcher';
import { DIMENSION_LABELS, type IndicatorDefinition } from '../../indicators/indicator-definition';
import { type IndicatorSpc, indicatorSpc, warmUpOf } from '../../indicators/indicator-spc';
import { formatUkDate, GRANULARITY_LABELS } from '../../indicators/periods';
import type { PreparedState } from '../../indicators/prepare-indicators';
import type { IndicatorPoint, IndicatorQuery } from '../../indicators/run-indicator';
import { POINT_TYPE_LABELS, type SpcPoint } from '../../indicators/spc';
import { useEngine } from '../../session/app-data';
import { useChartNotes } from '../../session/chart-notes';
import { useEvents } from '../../session/events';
import { usePreparedFor } from '../../session/indicator-settings';
import { useTargets } from '../../session/targets';
import { axisBounds, describeChange, formatValue, formatWithCount, UNIT_AXIS_LABELS } from '../../shared/format';
import { type FigureColumns, FigureTable } from '../../ui/figure-table';
import { SpcChartNavigator } from '../../ui/spc-chart-navigator';
import { TableToggle } from '../../ui/table-toggle';
import { ChangePoints } from './change-points';
import { ChartEvents } from './chart-events';
import { IndicatorDownloads } from './indicator-downloads';
import { PublishedBeside } from './published-beside';
import { RareEventView } from './rare-event-view';

/** A point's variation in the table's words: its type, or why it has none. */
function variationText(point: SpcPoint | undefined): string {
  if (!point || point.value === null) return '–';
  if (point.excluded) return 'Not judged: the period is not finished';
  return point.type ? POINT_TYPE_LABELS[point.type] : '–';
}

/** The latest complete period in words, with the count it rests on; a half-finished period is never summed up. */
function summary(indicator: IndicatorDefinition, points: IndicatorPoint[], minDenominator: number | null): string {
  const complete = points.filter((p) => !p.partial && p.value !== null);
  const latest = complete.at(-1);
  const previous = complete.at(-2);
  if (!latest) return 'Not enough data for a complete period yet.';
  const unit = indicator.unit;
  const base = `${formatWithCount(latest, unit)} in ${latest.label}`;
  if (!previous || previous.value === null || latest.value === null) return `${base}.`;
  return `${base}, ${describeChange(unit, latest, previous, minDenominator)}.${
    indicator.direction === 'neutral' ? ' Read in context: neither up nor down is good in itself.' : ''
  }`;
}

/** What the count chart's points and lines rest on, under it. */
function ChartNotes({
  indicator,
  spc,
  latest,
}: {
  indicator: IndicatorDefinition;
  spc: IndicatorSpc;
  latest: IndicatorPoint | undefined;
}) {
  return (
    <>
      <p className="hint">{spc.note}</p>
      {spc.warmUp && spc.warmUp.note !== spc.note && (
        <p className="hint" data-testid={`warm-up-note-${indicator.id}`}>
          {spc.warmUp.note}
        </p>
      )}
      {latest?.partial && (
        <p className="hint">
          {latest.label} is not finished: its point (hollow) runs to the report date,{' '}
          {formatUkDate(latest.effectiveEnd)}.
        </p>
      )}
    </>
  );
}

/** One indicator: a trend chart with a plain-English summary and a table alternative. */
export function IndicatorPanel({
  indicator,
  prepared,
  query,
}: {
  indicator: IndicatorDefinition;
  prepared: PreparedState;
  query: IndicatorQuery;
}) {
  const getEngine = useEngine();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const chart = useRef<HTMLDivElement>(null);
  const state = usePreparedFor(indicator, prepared, query.filters);
  const result = useQuery({
    queryKey: ['indicator', indicator.id, query, state],
    queryFn: async () => runIndicatorBatched(await getEngine(), state as PreparedState, indicator, query),
    enabled: state !== undefined,
  });
  const data = result.data;
  const points = data?.status === 'ok' ? data.points : [];
  const latest = points.at(-1);
  const granularity = data?.status === 'ok' ? data.granularity : query.granularity;
  const { targets } = useTargets();
  const target = targets[indicator.id] ?? null;
  // A selection that leaves nothing: say so instead of drawing a flat line at zero.
  const empty =
    points.length > 0 && points.every((p) => p.value === null || (indicator.unit === 'count' && p.value === 0));
  const filtered = Object.values(query.filters ?? {}).some((values) => (values?.length ?? 0) > 0);
  const { changesFor, minDenominatorFor, fixAfterFor } = useChartNotes();
  const events = eventsFor(indicator, useEvents().events);
  const spc = indicatorSpc(
    indicator,
    { granularity, points },
    {
      target,
      changes: changesFor(indicator.id),
      minDenominator: minDenominatorFor(indicator.id),
      fixAfter: fixAfterFor(indicator.id),
      warmUp: warmUpOf(indicator, prepared),
    },
  );

  return (
    <article
      className="indicator-card"
      aria-labelledby={headingId}
      data-indicator-id={indicator.id}
      data-latest-value={latest?.value ?? ''}
      data-period-label={latest?.label ?? ''}
      data-state={
        result.isSuccess ? (data?.status === 'ok' ? 'ready' : 'missing-data') : result.isError ? 'error' : 'loading'
      }
    >
      <h3 id={headingId} className="heading-m">
        <span className="indicator-id">{indicator.id}</span> {indicator.title}
      </h3>
      <p className="hint">{indicator.definition}</p>
      {result.isPending && <p role="status">Calculating…</p>}
      {result.isError && (
        <p className="error-text" data-testid="error-message" role="alert">
          {indicator.id} could not be calculated: {result.error.message}
        </p>
      )}
      {data?.status === 'missing_data' && (
        <p className="inset-text" data-testid={`missing-${indicator.id}`}>
          Needs{' '}
          {data.missingDatasets.map((id, i) => (
            <span key={id}>
              {i > 0 ? (i === data.missingDatasets.length - 1 ? ' and ' : ', ') : ''}
              <strong>{findDataset(id)?.fileName ?? id}</strong>
            </span>
          ))}
          . <a href="#/templates">See the templates</a> for the columns.
        </p>
      )}
      {data?.status === 'ok' && (
        <>
          <p className="chart-summary">{summary(indicator, points, spc.minDenominator)}</p>
          <PublishedBeside indicator={indicator} latest={points.findLast((p) => !p.partial && p.value !== null)} />
          {data.ignoredFilters.length > 0 && (
            <p className="hint">
              Not broken down by {data.ignoredFilters.map((d) => DIMENSION_LABELS[d].toLowerCase()).join(' or ')}:
              showing everyone.
            </p>
          )}
          <div className="spc-icons">
            <VariationIcon
              type={spc.variation}
              unjudged={
                spc.warmUp && spc.chart === 'none' ? 'Still filling from the start of the data: not judged' : undefined
              }
            />
            {spc.assurance && <AssuranceIcon type={spc.assurance} />}
          </div>
          {empty ? (
            <p className="inset-text" data-testid={`empty-${indicator.id}`}>
              {filtered
                ? 'No data for this selection: the filters leave nothing to count in these periods. Remove a filter above to see more.'
                : 'No data in these periods.'}
            </p>
          ) : asTable ? (
            <>
              <IndicatorTable indicator={indicator} points={points} spc={spc} events={events} />
              <ChartNotes indicator={indicator} spc={spc} latest={latest} />
            </>
          ) : (
            <RareEventView indicator={indicator} prepared={prepared} query={query} points={points}>
              <div ref={chart}>
                <SpcChartNavigator
                  indicator={indicator}
                  points={points}
                  spc={spc}
                  changes={spc.changes}
                  filling={spc.warmUp}
                  valueLabel={UNIT_AXIS_LABELS[indicator.unit]}
                  title={`${indicator.title}, by ${GRANULARITY_LABELS[granularity].toLowerCase()}`}
                  format={(v) => formatValue(v, indicator.unit)}
                  bounds={axisBounds(indicator.unit)}
                  events={events}
                  table={<IndicatorTable indicator={indicator} points={points} spc={spc} events={events} />}
                />
              </div>
              <ChartNotes indicator={indicator} spc={spc} latest={latest} />
            </RareEventView>
          )}
          {indicator.caveat && <p className="hint">{indicator.caveat}</p>}
          <TableToggle
            asTable={asTable}
            onToggle={() => setAsTable((v) => !v)}
            testId={`toggle-table-${indicator.id}`}
          />
          {!empty && (
            <IndicatorDownloads
              indicator={indicator}
              granularity={granularity}
              points={points}
              chart={chart}
              spc={spc}
              target={target}
              filtered={filtered}
            />
          )}
          <ChangePoints indicator={indicator} periods={points} spc={spc} />
          <ChartEvents indicator={indicator} events={events} defaultDate={latest?.periodStart ?? ''} />
        </>
      )}
    </article>
  );
}

function IndicatorTable({
  indicator,
  points,
  spc,
  events = [],
}: {
  indicator: IndicatorDefinition;
  points: IndicatorPoint[];
  spc: IndicatorSpc;
  events?: readonly PartnershipEvent[];
}) {
  // The audit of a rebase: why (its words) and when it was marked.
  const changeAt = new Map(
    spc.changes.map((c) => [
      c.index,
      c.markedAt ? `${c.label} (marked ${formatUkDate(c.markedAt.slice(0, 10))})` : c.label,
    ]),
  );
  const byPeriod = eventsByPeriod(points, events);
  const rows = points.map((point, i) => ({
    point,
    spc: spc.points[i],
    target: spc.target?.line[i] ?? null,
    change: changeAt.get(i) ?? '',
    events: (byPeriod.get(i) ?? []).map((e) => `${e.title} (${formatUkDate(e.date)})`).join('; '),
  }));
  const columns: FigureColumns<(typeof rows)[number]> = [
    { key: 'period', head: 'Period', cell: ({ point }) => `${point.label}${point.partial ? ' (to date)' : ''}` },
    { key: 'from', head: 'From', cell: ({ point }) => formatUkDate(point.periodStart) },
    { key: 'to', head: 'To', cell: ({ point }) => formatUkDate(point.effectiveEnd) },
    Boolean(indicator.denominator) && {
      key: 'numerator',
      head: 'Numerator',
      numeric: true,
      cell: ({ point }) => formatValue(point.numerator, indicator.unit === 'days' ? 'days' : 'count'),
    },
    Boolean(indicator.denominator) && {
      key: 'denominator',
      head: 'Denominator',
      numeric: true,
      cell: ({ point }) => formatValue(point.denominator, 'count'),
    },
    {
      key: 'value',
      head: indicator.title,
      numeric: true,
      cell: ({ point }) => formatValue(point.value, indicator.unit),
    },
    spc.chart !== 'none' && {
      key: 'centre',
      head: spc.chart === 'xmr' ? 'Mean' : 'Median',
      numeric: true,
      cell: (row) => formatValue(row.spc?.centre ?? null, indicator.unit),
    },
    spc.chart === 'xmr' && {
      key: 'limits',
      head: 'Process limits',
      numeric: true,
      cell: (row) =>
        row.spc?.lowerLimit === null || row.spc?.lowerLimit === undefined
          ? '–'
          : `${formatValue(row.spc.lowerLimit, indicator.unit)} to ${formatValue(row.spc.upperLimit ?? null, indicator.unit)}`,
    },
    Boolean(spc.target) && {
      key: 'target',
      head: 'Target',
      numeric: true,
      cell: (row) => formatValue(row.target, indicator.unit),
    },
    { key: 'variation', head: 'Variation', cell: (row) => variationText(row.spc) },
    spc.changes.length > 0 && { key: 'change', head: 'Change marked', cell: (row) => row.change },
    byPeriod.size > 0 && { key: 'events', head: 'Events', cell: (row) => row.events },
  ];
  return (
    <FigureTable
      caption={`${indicator.title} by period`}
      captionHidden
      scroll
      testId={`table-${indicator.id}`}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.point.periodStart}
    />
  );
}
