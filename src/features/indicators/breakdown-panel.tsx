import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ComparisonBarChart } from '../../charts/bar-chart';
import { dimensionValueLabel } from '../../indicators/dimension-values';
import { DIMENSION_LABELS, type Dimension, type IndicatorDefinition } from '../../indicators/indicator-definition';
import type { PreparedState } from '../../indicators/prepare-indicators';
import { type IndicatorQuery, runBreakdown } from '../../indicators/run-indicator';
import { useEngine } from '../../session/app-data';
import { usePreparedFor } from '../../session/indicator-settings';
import { formatNumber, formatValue, UNIT_AXIS_LABELS } from '../../shared/format';
import { TableToggle } from '../../ui/table-toggle';

/**
 * One indicator compared across the values of a dimension (e.g. partners) for the latest complete
 * period. Clicking a bar — or its "Filter" button in the table — filters the whole page by it.
 */
export function BreakdownPanel({
  indicator,
  dimension,
  prepared,
  query,
  selected,
  onSelect,
}: {
  indicator: IndicatorDefinition;
  dimension: Dimension;
  prepared: PreparedState;
  query: IndicatorQuery;
  selected: string | undefined;
  onSelect: (value: string | undefined) => void;
}) {
  const getEngine = useEngine();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  // Every value of the compared dimension, within the page's other filters.
  const others = { ...query.filters };
  delete others[dimension];
  const baseQuery = { ...query, filters: others };
  // Each value of the dimension is a filter on it: the full tables (or their roll-ups) answer it.
  const state = usePreparedFor(indicator, prepared, { ...others, [dimension]: ['each value'] });
  const result = useQuery({
    queryKey: ['breakdown', indicator.id, dimension, baseQuery, state],
    queryFn: async () => runBreakdown(await getEngine(), state as PreparedState, indicator, baseQuery, dimension),
    enabled: state !== undefined,
  });
  const rows = (result.data ?? []).flatMap((row) => {
    if (row.result.status !== 'ok') return [];
    const points = row.result.points;
    const point = points.filter((p) => !p.partial).at(-1) ?? points.at(-1);
    return point ? [{ value: row.value, point }] : [];
  });
  const period = rows[0]?.point.label ?? '';
  const bars = rows
    .map(({ value, point }) => ({
      key: value,
      label: dimensionValueLabel(dimension, value),
      value: point.value,
      detail:
        indicator.denominator && point.denominator !== null
          ? `${formatNumber(point.numerator)} of ${formatNumber(point.denominator)}`
          : undefined,
    }))
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const title = `${indicator.id} ${indicator.title} by ${DIMENSION_LABELS[dimension].toLowerCase()}${period ? `, ${period}` : ''}`;
  const top = bars.find((b) => b.value !== null);
  const select = (key: string) => onSelect(selected === key ? undefined : key);

  return (
    <article className="indicator-card indicator-card--wide" aria-labelledby={headingId} data-testid="breakdown-panel">
      <h3 id={headingId} className="heading-m">
        {title}
      </h3>
      {result.isPending && <p role="status">Calculating…</p>}
      {result.isError && (
        <p className="error-text" role="alert">
          The comparison could not be calculated: {result.error.message}
        </p>
      )}
      {result.isSuccess && bars.length === 0 && <p className="hint">Nothing to compare for this selection.</p>}
      {bars.length > 0 && (
        <>
          <p className="chart-summary">
            {top
              ? `Highest: ${top.label}, ${formatValue(top.value, indicator.unit)}${top.detail ? ` (${top.detail})` : ''}.`
              : ''}{' '}
            Select {/^[aeiou]/i.test(DIMENSION_LABELS[dimension]) ? 'an' : 'a'}{' '}
            {DIMENSION_LABELS[dimension].toLowerCase()} to filter every chart on this page
            {selected ? '; select it again to clear the filter' : ''}.
          </p>
          {asTable ? (
            <div className="table-scroll">
              <table className="table table--compact" data-testid={`breakdown-table-${indicator.id}`}>
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{DIMENSION_LABELS[dimension]}</th>
                    <th scope="col" className="numeric">
                      {indicator.title}
                    </th>
                    {indicator.denominator && <th scope="col">Of</th>}
                    <th scope="col">Filter</th>
                  </tr>
                </thead>
                <tbody>
                  {bars.map((bar) => (
                    <tr key={bar.key}>
                      <th scope="row">{bar.label}</th>
                      <td className="numeric">{formatValue(bar.value, indicator.unit)}</td>
                      {indicator.denominator && <td>{bar.detail ?? '–'}</td>}
                      <td>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-pressed={selected === bar.key}
                          onClick={() => select(bar.key)}
                        >
                          {selected === bar.key ? 'Clear filter' : `Filter by ${bar.label}`}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <ComparisonBarChart
              bars={bars}
              title={title}
              valueLabel={UNIT_AXIS_LABELS[indicator.unit]}
              format={(v) => formatValue(v, indicator.unit)}
              selected={selected}
              onSelect={select}
            />
          )}
          <TableToggle
            asTable={asTable}
            onToggle={() => setAsTable((v) => !v)}
            testId={`toggle-breakdown-table-${indicator.id}`}
          />
        </>
      )}
    </article>
  );
}
