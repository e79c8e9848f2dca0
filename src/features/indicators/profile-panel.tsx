import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Heatmap } from '../../charts/heatmap';
import { StackedBarChart } from '../../charts/stacked-bar-chart';
import { dimensionValueLabel, orderCategoryKeys } from '../../indicators/dimension-values';
import type { Dimension } from '../../indicators/indicator-definition';
import type { PreparedState } from '../../indicators/prepare-indicators';
import type { ProfileDefinition } from '../../indicators/profiles';
import { type IndicatorQuery, runProfile } from '../../indicators/run-indicator';
import { useEngine } from '../../session/app-data';
import { usePreparedFor } from '../../session/indicator-settings';
import { formatNumber } from '../../shared/format';
import { TableToggle } from '../../ui/table-toggle';

/**
 * A profile as a stacked bar chart over periods, or as a heatmap table of two categories. Clicking a
 * filterable row or column filters the page by it (cross-filter), by mouse or keyboard.
 */
export function ProfilePanel({
  profile,
  prepared,
  query,
  onFilter,
  selected,
  coverage,
}: {
  profile: ProfileDefinition;
  prepared: PreparedState;
  query: IndicatorQuery;
  /** What the table covers, when not the page's periods (one cycle of yearly returns). */
  coverage?: string;
  onFilter: (dimension: Dimension, value: string | undefined) => void;
  selected: Partial<Record<Dimension, string[]>>;
}) {
  const getEngine = useEngine();
  const [asTable, setAsTable] = useState(false);
  const state = usePreparedFor(profile, prepared, query.filters);
  const result = useQuery({
    queryKey: ['profile', profile.id, query, state],
    queryFn: async () => runProfile(await getEngine(), state as PreparedState, profile, query),
    enabled: state !== undefined,
  });
  const data = result.data;
  if (data?.status === 'missing_data') return null;
  const cells = data?.status === 'ok' ? data.cells : [];
  const labelOf = (dimension: Dimension | undefined, key: string, known: readonly { key: string; label: string }[]) =>
    known.find((c) => c.key === key)?.label ?? (dimension ? dimensionValueLabel(dimension, key) : key);
  const columnKeys = [
    ...profile.columns.map((c) => c.key).filter((k) => cells.some((c) => c.column === k)),
    ...orderCategoryKeys(
      profile.columnDimension,
      cells.map((c) => c.column).filter((k) => !profile.columns.some((c) => c.key === k)),
    ),
  ];
  const columns = columnKeys.map((key) => ({ key, label: labelOf(profile.columnDimension, key, profile.columns) }));
  const rowKeys =
    profile.rows === 'periods'
      ? data?.status === 'ok'
        ? data.periods.map((p) => p.start)
        : []
      : orderCategoryKeys(
          profile.rowDimension,
          cells.map((c) => c.row),
        );
  const rowLabel = (key: string) =>
    profile.rows === 'periods' && data?.status === 'ok'
      ? (data.periods.find((p) => p.start === key)?.label ?? key)
      : profile.rowDimension
        ? dimensionValueLabel(profile.rowDimension, key)
        : key;
  const rows = rowKeys.map((key) => ({ key, label: rowLabel(key) }));
  const find = (row: string, column: string) => cells.find((c) => c.row === row && c.column === column);
  const max = Math.max(1, ...cells.map((c) => c.n));
  const toggle = (dimension: Dimension | undefined, key: string) => {
    if (!dimension) return;
    onFilter(dimension, selected[dimension]?.[0] === key ? undefined : key);
  };
  const heatmapCell = (row: string, column: string) => {
    const c = find(row, column);
    if (!c)
      return {
        text: '–',
        intensity: null,
        description: `${rowLabel(row)}, ${labelOf(profile.columnDimension, column, profile.columns)}: none`,
      };
    const share = c.total !== null && c.total > 0 ? c.n / c.total : null;
    const text =
      share !== null
        ? `${Math.round(share * 100)}% (${formatNumber(c.n)} of ${formatNumber(c.total)})`
        : formatNumber(c.n);
    return {
      text,
      intensity: share ?? c.n / max,
      description: `${rowLabel(row)}, ${labelOf(profile.columnDimension, column, profile.columns)}: ${text}`,
    };
  };

  /** One line in words: the largest group in the latest period, or the highest and lowest cells. */
  const summarise = (): string => {
    if (profile.rows === 'periods') {
      const last = [...rows].reverse().find((r) => cells.some((c) => c.row === r.key));
      if (!last) return '';
      const inLast = cells.filter((c) => c.row === last.key);
      const total = inLast.reduce((a, c) => a + c.n, 0);
      const top = [...inLast].sort((a, b) => b.n - a.n)[0];
      if (!top) return '';
      return `${last.label}: ${formatNumber(total)} in all; the largest group was “${labelOf(profile.columnDimension, top.column, profile.columns)}” (${formatNumber(top.n)}, ${Math.round((100 * top.n) / Math.max(1, total))}%).`;
    }
    const shares = cells.filter((c) => c.total !== null && c.total > 0);
    if (shares.length > 0) {
      const sorted = [...shares].sort((a, b) => a.n / (a.total ?? 1) - b.n / (b.total ?? 1));
      const low = sorted[0];
      const high = sorted.at(-1);
      if (!low || !high) return '';
      const describe = (c: (typeof cells)[number]) =>
        `${rowLabel(c.row)} for ${labelOf(profile.columnDimension, c.column, profile.columns)} (${Math.round((100 * c.n) / (c.total ?? 1))}%)`;
      return `Highest: ${describe(high)}. Lowest: ${describe(low)}.`;
    }
    const total = cells.reduce((a, c) => a + c.n, 0);
    const byColumn = columns.map((c) => ({
      label: c.label,
      n: cells.filter((x) => x.column === c.key).reduce((a, x) => a + x.n, 0),
    }));
    return `${formatNumber(total)} in all: ${byColumn.map((c) => `${c.label} ${formatNumber(c.n)}`).join(', ')}.`;
  };

  return (
    <article
      className="indicator-card indicator-card--wide"
      data-testid={`profile-${profile.id}`}
      aria-label={profile.title}
    >
      <h3 className="heading-m">{profile.title}</h3>
      <p className="hint">{profile.description}</p>
      {coverage && (
        <p className="hint" data-testid={`profile-coverage-${profile.id}`}>
          Covers {coverage}
        </p>
      )}
      {result.isPending && <p role="status">Calculating…</p>}
      {result.isError && (
        <p className="error-text" role="alert">
          Could not be calculated: {result.error.message}
        </p>
      )}
      {data?.status === 'ok' && cells.length === 0 && <p className="inset-text">Nothing to show for this selection.</p>}
      {data?.status === 'ok' && cells.length > 0 && (
        <>
          <p className="chart-summary">{summarise()}</p>
          {data.ignoredFilters.length > 0 && (
            <p className="hint">Not broken down by the active filter: showing everyone.</p>
          )}
          {profile.rows === 'periods' && !asTable ? (
            <StackedBarChart
              rows={rows.map((r) => ({
                label: r.label,
                ...Object.fromEntries(columns.map((c) => [c.key, find(r.key, c.key)?.n ?? 0])),
              }))}
              series={columns}
              title={profile.title}
              valueLabel="Number"
              categoryLabel={profile.rowLabel}
            />
          ) : (
            <Heatmap
              caption={profile.title}
              rowLabel={profile.rowLabel}
              rows={rows}
              columns={columns}
              cell={heatmapCell}
              onRow={profile.rowDimension ? (key) => toggle(profile.rowDimension, key) : undefined}
              onColumn={profile.columnDimension ? (key) => toggle(profile.columnDimension, key) : undefined}
              selectedRow={profile.rowDimension ? selected[profile.rowDimension]?.[0] : undefined}
              selectedColumn={profile.columnDimension ? selected[profile.columnDimension]?.[0] : undefined}
              testId={`heatmap-${profile.id}`}
            />
          )}
          {profile.rows === 'periods' && <TableToggle asTable={asTable} onToggle={() => setAsTable((v) => !v)} />}
        </>
      )}
    </article>
  );
}
