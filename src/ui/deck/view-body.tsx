import type { PackFigures } from '../../board/pack-figures';
import type { TableFigures } from '../../board/pack-tables';
import type { PackViewId } from '../../board/pack-views';
import type { LegendItem } from '../../charts/chart-image';
import { Heatmap } from '../../charts/heatmap';
import { ReviewTimelineChart, TIMELINE_COLOURS } from '../../charts/review-timeline-chart';
import { StackedBarChart, type StackedSeries, stackedLegend } from '../../charts/stacked-bar-chart';
import { formatUkDate } from '../../indicators/periods';
import { SUPPRESSED } from '../../indicators/suppression';
import { formatNumber } from '../../shared/format';
import { PRESENT_CHART_TEXT, PRINT_CHART, type SlideMode } from './slide-sizes';

const NOT_SHOWN = '__not_shown';

/** Bars by period: each reason's count, and what the hidden ones add up to as one grey "not shown" block. */
function stackedRows(table: TableFigures) {
  const series: StackedSeries[] = table.columns.map((c) => ({ key: c.key, label: c.label }));
  const anyHidden = table.cells.some((row) => row.some((c) => c.hidden));
  if (anyHidden) series.push({ key: NOT_SHOWN, label: 'Not shown (small numbers)', colour: '#b1b4b6' });
  const rows = table.rows.map((row, r) => {
    const cells = table.cells[r] ?? [];
    const shown = cells.reduce((a, c) => a + (c.hidden ? 0 : (c.n ?? 0)), 0);
    const total = table.totals?.[r];
    const out: { label: string } & Record<string, number | string> = { label: row.label };
    table.columns.forEach((c, i) => {
      out[c.key] = cells[i]?.hidden ? 0 : (cells[i]?.n ?? 0);
    });
    // The hidden counts together are the published total less what is shown (never one hidden count).
    if (anyHidden) out[NOT_SHOWN] = total && !total.hidden && total.value !== null ? total.value - shown : 0;
    return out;
  });
  return { series, rows };
}

/** The review timeline's key as its chart draws it (review-timeline-chart.tsx). */
const TIMELINE_LEGEND: LegendItem[] = [
  { label: 'Notification, on time', colour: TIMELINE_COLOURS.onTime, shape: 'dot' },
  { label: 'Rapid review sent, on time', colour: TIMELINE_COLOURS.onTime, shape: 'square' },
  { label: 'Local review final report, on time', colour: TIMELINE_COLOURS.onTime, shape: 'diamond' },
  { label: 'Late (hollow orange)', colour: TIMELINE_COLOURS.late, shape: 'hollow-dot' },
  { label: 'No standard (grey)', colour: TIMELINE_COLOURS.unjudged, shape: 'dot' },
];

/** The key of a view's chart, for its image. */
export function viewLegend(view: PackViewId, figures: PackFigures): LegendItem[] {
  if (view === 'review_timeline') return figures.tables.has(view) ? [] : TIMELINE_LEGEND;
  const table = figures.tables.get(view);
  return table?.periods ? stackedLegend(stackedRows(table).series) : [];
}

/** A table's cells as text: `c` for a hidden count, a share with what it is out of. */
function cellText(table: TableFigures, r: number, c: number): { text: string; intensity: number | null } {
  const cell = table.cells[r]?.[c];
  if (!cell || (cell.n === null && !cell.hidden)) return { text: '–', intensity: null };
  if (cell.hidden) return { text: SUPPRESSED, intensity: null };
  if (table.shares) {
    const share = cell.total ? (cell.n ?? 0) / cell.total : null;
    return {
      text:
        share === null ? '–' : `${Math.round(share * 100)}% (${formatNumber(cell.n)} of ${formatNumber(cell.total)})`,
      intensity: share,
    };
  }
  const max = Math.max(1, ...table.cells.flat().map((x) => (x.hidden ? 0 : (x.n ?? 0))));
  return { text: formatNumber(cell.n), intensity: (cell.n ?? 0) / max };
}

function CountTable({ table, shaded = true }: { table: TableFigures; shaded?: boolean }) {
  return (
    <Heatmap
      caption={`${table.title}: ${table.coverage}`}
      rowLabel={table.rowLabel}
      // A period ("2024-25 Q1") kept on one line: a row of two-line periods doubles a printed table.
      rows={table.periods ? table.rows.map((r) => ({ ...r, label: r.label.replace(/ /g, '\u00a0') })) : table.rows}
      columns={[...table.columns, ...(table.totals ? [{ key: '__total', label: 'Total' }] : [])]}
      cell={(row, column) => {
        const r = table.rows.findIndex((x) => x.key === row);
        if (column === '__total') {
          const total = table.totals?.[r];
          return {
            text: total?.hidden ? SUPPRESSED : formatNumber(total?.value),
            intensity: null,
            description: `${table.rows[r]?.label}: total`,
          };
        }
        const c = table.columns.findIndex((x) => x.key === column);
        const shown = cellText(table, r, c);
        return {
          text: shown.text,
          intensity: shaded ? shown.intensity : null,
          description: `${table.rows[r]?.label}, ${table.columns[c]?.label}: ${shown.text}`,
        };
      }}
      testId={`pack-table-${table.id}`}
    />
  );
}

/** An area view in a pack: closure reasons as stacked bars, the other tables as heatmaps, the review timeline. */
export function ViewBody({ view, figures, mode }: { view: PackViewId; figures: PackFigures; mode: SlideMode }) {
  if (view === 'review_timeline') {
    const steps = figures.tables.get('review_timeline');
    if (steps) {
      // With small numbers hidden the reviews are counted by period, never drawn one by one: a mark per
      // review could be counted in a period whose count is `c`.
      return (
        <>
          <p className="slide__narrative" data-testid="timeline-grouped">
            {steps.description} {steps.coverage}. With small numbers hidden, reviews are counted by period rather than
            drawn one by one, so that none can be counted where a count is not shown.
          </p>
          <CountTable table={steps} shaded={false} />
        </>
      );
    }
    const timeline = figures.timeline;
    if (!timeline || timeline.rows.length === 0)
      return <p className="slide__narrative">No practice reviews are loaded.</p>;
    return (
      <>
        <p className="slide__narrative">
          {timeline.rows.length} {timeline.rows.length === 1 ? 'review' : 'reviews'} notified from{' '}
          {formatUkDate(timeline.from)} to {formatUkDate(timeline.to)}, in date order. Reviews are numbered, not named:
          a board pack carries no case reference.
        </p>
        <div className="slide__chart" data-slide-chart="">
          <ReviewTimelineChart
            rows={timeline.rows.map((r) => ({ id: r.label, events: r.events }))}
            from={timeline.from}
            to={timeline.to}
          />
        </div>
      </>
    );
  }
  const table = figures.tables.get(view);
  if (!table) return <p className="slide__narrative">Not loaded: this view needs data that is not loaded yet.</p>;
  if (!table.periods) {
    return (
      <>
        <p className="slide__narrative">
          {table.description} {table.coverage}.
        </p>
        <CountTable table={table} />
      </>
    );
  }
  const { series, rows } = stackedRows(table);
  return (
    <>
      <p className="slide__narrative">
        {table.description} {table.coverage}.
      </p>
      <div className="slide__chart" data-slide-chart="">
        <StackedBarChart
          rows={rows}
          series={series}
          title={table.title}
          valueLabel="Number"
          categoryLabel={table.rowLabel}
          width={mode === 'print' ? PRINT_CHART.width : undefined}
          height={mode === 'present' ? 'fill' : PRINT_CHART.height}
          fontSize={mode === 'present' ? PRESENT_CHART_TEXT : mode === 'print' ? 13 : undefined}
        />
      </div>
      {mode !== 'present' && <CountTable table={table} />}
    </>
  );
}
