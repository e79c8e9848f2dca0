import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { TrendChart } from '../../charts/trend-chart';
import type { IndicatorDefinition, IndicatorQuery } from '../../indicators/indicator-definition';
import { formatUkDate } from '../../indicators/periods';
import { type IndicatorPoint, runIndicator } from '../../indicators/run-indicator';
import { useAppData } from '../../session/app-data';
import { formatNumber } from '../../ui/format';

function summary(indicator: IndicatorDefinition, points: IndicatorPoint[]): string {
  const complete = points.filter((p) => !p.partial && p.value !== null);
  const latest = complete.at(-1);
  const previous = complete.at(-2);
  if (!latest) return 'Not enough data for a complete period yet.';
  const base = `${formatNumber(latest.value)} in ${latest.label}`;
  if (!previous || previous.value === null || latest.value === null) return `${base}.`;
  const change = latest.value - previous.value;
  const direction =
    change === 0 ? 'the same as' : change > 0 ? `up ${formatNumber(change)} on` : `down ${formatNumber(-change)} on`;
  return `${base}, ${direction} ${previous.label} (${formatNumber(previous.value)}).${
    indicator.direction === 'neutral' ? ' Read in context: neither up nor down is good in itself.' : ''
  }`;
}

/** One indicator: a trend chart with a plain-English summary and a table alternative. */
export function IndicatorPanel({ indicator, query }: { indicator: IndicatorDefinition; query: IndicatorQuery }) {
  const { getEngine, dataVersion } = useAppData();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const result = useQuery({
    queryKey: ['indicator', indicator.id, query, dataVersion],
    queryFn: async () => runIndicator(await getEngine(), indicator, query),
  });
  const points = result.data ?? [];
  const latest = points.at(-1);

  return (
    <article
      className="indicator-card"
      aria-labelledby={headingId}
      data-indicator-id={indicator.id}
      data-latest-value={latest?.value ?? ''}
      data-period-label={latest?.label ?? ''}
      data-state={result.isSuccess ? 'ready' : result.isError ? 'error' : 'loading'}
    >
      <h3 id={headingId} className="heading-m">
        <span className="indicator-id">{indicator.id}</span> {indicator.title}, by {query.granularity}
      </h3>
      <p className="hint">{indicator.definition}</p>
      {result.isPending && <p role="status">Calculating…</p>}
      {result.isError && (
        <p className="error-text" data-testid="error-message" role="alert">
          {indicator.id} could not be calculated: {result.error.message}
        </p>
      )}
      {result.isSuccess && (
        <>
          <p className="chart-summary">{summary(indicator, points)}</p>
          {asTable ? (
            <IndicatorTable indicator={indicator} points={points} />
          ) : (
            <TrendChart
              points={points}
              valueLabel={indicator.unit === 'count' ? 'Number of episodes' : indicator.unit}
              title={`${indicator.title} by ${query.granularity}`}
            />
          )}
          {indicator.periodRule === 'stock_at_period_end' && (
            <p className="hint">
              Only episodes in the loaded files are counted: if the extract leaves out episodes that started before{' '}
              {formatUkDate(query.from)}, the first periods show fewer open episodes than there were.
            </p>
          )}
          {latest?.partial && (
            <p className="hint">
              {latest.label} is not finished: its point (hollow) runs to the report date,{' '}
              {formatUkDate(latest.effectiveEnd)}.
            </p>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
            data-testid={`toggle-table-${indicator.id}`}
          >
            {asTable ? 'Show as chart' : 'Show as table'}
          </button>
        </>
      )}
    </article>
  );
}

function IndicatorTable({ indicator, points }: { indicator: IndicatorDefinition; points: IndicatorPoint[] }) {
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid={`table-${indicator.id}`}>
        <caption className="visually-hidden">{indicator.title} by period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col" className="numeric">
              {indicator.title}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.periodStart}>
              <th scope="row">
                {p.label}
                {p.partial ? ' (to date)' : ''}
              </th>
              <td>{formatUkDate(p.periodStart)}</td>
              <td>{formatUkDate(p.effectiveEnd)}</td>
              <td className="numeric">{formatNumber(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
