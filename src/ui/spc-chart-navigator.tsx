import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { SpcChart } from '../charts/spc-chart';
import { chartSummary, pointWords, signalStops, type WordsPoint } from '../indicators/chart-words';
import { eventMarks, eventsByPeriod, type PartnershipEvent } from '../indicators/events';
import type { IndicatorDefinition } from '../indicators/indicator-definition';
import type { IndicatorSpc } from '../indicators/indicator-spc';

type ChartProps = Omit<Parameters<typeof SpcChart>[0], 'points' | 'spc' | 'focusIndex'>;

/** Where a key moves the focused period, or null when the key is not the chart's. */
function moveFor(key: string, at: number | null, last: number, stops: readonly number[]): number | null {
  const from = at ?? -1;
  switch (key) {
    case 'ArrowRight':
      return at === null ? 0 : Math.min(last, at + 1);
    case 'ArrowLeft':
      return at === null ? last : Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return stops.find((i) => i > from) ?? at ?? stops[0] ?? null;
    case 'PageUp':
      return [...stops].reverse().find((i) => i < (at ?? last + 1)) ?? at ?? stops.at(-1) ?? null;
    default:
      return null;
  }
}

/**
 * An SPC chart anyone can use without a mouse or without sight: one tab stop; ← → move between
 * periods, Home / End to the first and last, Page Up / Page Down between signals (special-cause runs,
 * marked changes, events), T shows or hides the chart's table in place, Esc leaves the periods. Each move is
 * said in words in a polite live region (shown under the chart too), and the chart is summed up in
 * words above it; the drawing itself is hidden from screen readers, which have the words.
 */
export function SpcChartNavigator({
  indicator,
  points,
  spc,
  table,
  events = [],
  quiet = false,
  ...chart
}: Omit<ChartProps, 'events'> & {
  /** Words for screen readers only (a projected slide): the summary and the live region not shown. */
  quiet?: boolean;
  indicator: Pick<IndicatorDefinition, 'unit' | 'title'>;
  points: readonly (WordsPoint & { label: string; periodStart: string; periodEnd: string })[];
  /** The events this chart shows (eventsFor), placed at the periods they fall in. */
  events?: readonly PartnershipEvent[];
  spc: IndicatorSpc;
  /** The chart's table, shown under it by T. */
  table: ReactNode;
}) {
  const [at, setAt] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const [tableShown, setTableShown] = useState(false);
  const id = useId();
  const byPeriod = eventsByPeriod(points, events);
  const marks = eventMarks(byPeriod);
  const stops = signalStops(spc, points, spc.changes, byPeriod);
  const last = points.length - 1;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Browser and system shortcuts (Alt+← back) are never the chart's.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 't' || event.key === 'T') {
      event.preventDefault();
      setTableShown((shown) => !shown);
      setMessage(tableShown ? 'Table hidden.' : 'Table shown under the chart.');
      return;
    }
    if (event.key === 'Escape' && at !== null) {
      event.preventDefault();
      setAt(null);
      setMessage('Left the periods. Arrow keys move through them again.');
      return;
    }
    const paging = event.key === 'PageDown' || event.key === 'PageUp';
    const next = last < 0 ? null : moveFor(event.key, at, last, stops);
    // Page keys are the chart's while it has focus, even with nothing to stop at (a slide stays put).
    if (next === null && !paging) return;
    event.preventDefault();
    if (next === null || (paging && stops.length === 0)) return setMessage('No signals on this chart.');
    setAt(next);
    setMessage(pointWords(indicator, points, spc, next, byPeriod));
  };
  return (
    <div className="chart-navigator">
      <p
        className={quiet ? 'visually-hidden' : 'chart-navigator__summary'}
        id={`${id}-summary`}
        data-testid="chart-summary"
      >
        {chartSummary(indicator, points, spc, spc.changes, byPeriod)}
      </p>
      <div
        className="chart-navigator__focus"
        // One stop for the whole chart; keys it does not use go on as usual (Tab leaves it).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an application region its keys drive
        tabIndex={0}
        role="application"
        aria-roledescription="chart"
        aria-label={`${chart.title}. Left and right arrows move between periods, Home and End to the first and last, Page Up and Page Down between signals, T shows the table, Escape leaves the periods.`}
        aria-describedby={`${id}-summary`}
        onKeyDown={onKeyDown}
        data-testid="chart-focus"
      >
        <SpcChart points={[...points]} spc={spc} focusIndex={at} events={marks} {...chart} />
      </div>
      <p
        className={quiet ? 'visually-hidden' : 'chart-navigator__live'}
        aria-live="polite"
        role="status"
        data-testid="chart-live"
      >
        {message}
      </p>
      <p className="chart-navigator__keys hint" aria-hidden="true">
        ← → periods · Home / End first and last · Page Up / Page Down signals · T table · Esc leave
      </p>
      {tableShown && <div data-testid="chart-table">{table}</div>}
    </div>
  );
}
