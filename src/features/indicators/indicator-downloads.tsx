import { useEffect, useRef, useState } from 'react';
import { indicatorCsvRows, type TablePoint } from '../../board/indicator-csv';
import type { FigurePoint, IndicatorFigures } from '../../board/pack-figures';
import { publishedSpc } from '../../board/publish';
import { SpcChart, spcLegend } from '../../charts/spc-chart';
import { countsAboutChildren } from '../../indicators/disclosure-scope';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import { type IndicatorSpc, warmUpOf } from '../../indicators/indicator-spc';
import { GRANULARITY_LABELS, type Granularity } from '../../indicators/periods';
import type { TargetSpec } from '../../indicators/trajectory';
import { useBoardPack } from '../../session/board-pack';
import { useChartNotes } from '../../session/chart-notes';
import { usePreparedIndicators } from '../../session/indicator-settings';
import { useRecordExport } from '../../session/use-load-history';
import { axisBounds, formatValue, UNIT_AXIS_LABELS } from '../../shared/format';
import { ChartDownloads } from '../../ui/chart-downloads';
import { usePackFigures } from '../../ui/deck/use-pack-figures';
import { downloadCsv } from '../../ui/download';

interface Props {
  indicator: IndicatorDefinition;
  granularity: Granularity;
  /** The points on screen (as computed, with this page's filters and dates). */
  points: readonly TablePoint[];
  /** The chart on screen. */
  chart: React.RefObject<HTMLElement | null>;
  /** The SPC of the chart on screen. */
  spc: IndicatorSpc;
  target: TargetSpec | null;
  filtered: boolean;
}

function fileBase(indicator: IndicatorDefinition, granularity: Granularity, suppressed: boolean) {
  return `${indicator.id}-by-${granularity}${suppressed ? '-small-numbers-suppressed' : ''}`;
}

function chartTitle(indicator: IndicatorDefinition, granularity: Granularity) {
  return `${indicator.id} ${indicator.title}, by ${GRANULARITY_LABELS[granularity].toLowerCase()}`;
}

/**
 * Downloads for one indicator on an area page: its chart as PNG or SVG and its table as CSV. With
 * small-number suppression on (the default) and counts about children, what is downloaded is what the
 * board pack publishes — the whole partnership, hidden counts as `c`, limits from the published values —
 * so that no file saved here lets a hidden count be worked out from another.
 */
export function IndicatorDownloads(props: Props) {
  const { suppress } = useBoardPack();
  const guarded = suppress && countsAboutChildren(props.indicator);
  if (guarded && props.filtered) {
    return (
      <p className="hint" data-testid="download-unavailable">
        Small-number suppression is on, so downloads show the whole partnership as the board pack publishes it. Clear
        the filters to download this chart or table, or switch suppression off on the{' '}
        <a href="#/board-pack">Board pack</a> page.
      </p>
    );
  }
  return guarded ? <PublishedDownloads {...props} /> : <AsShownDownloads {...props} />;
}

function AsShownDownloads({ indicator, granularity, points, chart, spc }: Props) {
  const format = (v: number | null) => formatValue(v, indicator.unit);
  const record = useRecordExport();
  // Shown as they are: suppression is off, or there are no counts about children to hide.
  const suppressed = countsAboutChildren(indicator) ? false : null;
  const file = `${fileBase(indicator, granularity, false)}.csv`;
  return (
    <div className="download-row">
      <ChartDownloads
        chart={chart}
        title={chartTitle(indicator, granularity)}
        legend={spcLegend(spc, format, spc.changes)}
        fileName={fileBase(indicator, granularity, false)}
        suppressed={suppressed}
      />{' '}
      <CsvButton
        onClick={() => {
          downloadCsv(file, indicatorCsvRows(indicator, points, spc));
          record(`Figures of “${chartTitle(indicator, granularity)}” saved as CSV`, { file, suppressed });
        }}
      />
    </div>
  );
}

/** The published series at this page's granularity, limited to the periods on screen. */
function publishedAt(
  figures: IndicatorFigures,
  granularity: Granularity,
  shown: readonly TablePoint[],
): FigurePoint[] | null {
  const series = figures.published.get(granularity);
  if (!series) return null;
  const starts = new Set(shown.map((p) => p.periodStart));
  return series.filter((p) => starts.has(p.periodStart));
}

function PublishedDownloads({ indicator, granularity, points, target }: Props) {
  const { pack } = useBoardPack();
  const [wanted, setWanted] = useState(false);
  const figures = usePackFigures({ granularity: pack.granularity, enabled: wanted });
  const outcome = figures.data?.indicators.get(indicator.id);
  const published = outcome?.status === 'ok' ? publishedAt(outcome, granularity, points) : null;
  const { changesFor, minDenominatorFor, fixAfterFor } = useChartNotes();
  const prepared = usePreparedIndicators().data;
  const spc = published
    ? publishedSpc(indicator, granularity, published, {
        target,
        changes: changesFor(indicator.id),
        minDenominator: minDenominatorFor(indicator.id),
        fixAfter: fixAfterFor(indicator.id),
        warmUp: prepared ? warmUpOf(indicator, prepared) : null,
      })
    : null;
  const chart = useRef<HTMLDivElement>(null);
  const format = (v: number | null) => formatValue(v, indicator.unit);
  const record = useRecordExport();
  const file = `${fileBase(indicator, granularity, true)}.csv`;
  if (!wanted) {
    return (
      <div className="download-row">
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="prepare-downloads"
          onClick={() => setWanted(true)}
        >
          Download chart or table<span className="visually-hidden">: {indicator.title}</span>
        </button>{' '}
        <span className="hint">Small numbers suppressed, as in the board pack.</span>
      </div>
    );
  }
  if (figures.isError) return <p className="error-text">{String(figures.error)}</p>;
  if (!published || !spc) return <p role="status">Preparing the published figures…</p>;
  return (
    <div className="download-row" data-testid="published-downloads">
      <ChartDownloads
        chart={chart}
        title={chartTitle(indicator, granularity)}
        legend={spcLegend(spc, format, spc.changes)}
        fileName={fileBase(indicator, granularity, true)}
        suppressed
      />{' '}
      <CsvButton
        onClick={() => {
          downloadCsv(file, indicatorCsvRows(indicator, published, spc));
          record(`Figures of “${chartTitle(indicator, granularity)}” saved as CSV`, { file, suppressed: true });
        }}
      />{' '}
      <span className="hint">Small numbers suppressed (c), as in the board pack.</span>
      {/* The chart as published, drawn off screen for the image files. */}
      <div ref={chart} className="offscreen-chart" aria-hidden="true">
        <SpcChart
          points={published}
          spc={spc}
          changes={spc.changes}
          filling={spc.warmUp}
          valueLabel={UNIT_AXIS_LABELS[indicator.unit]}
          title={chartTitle(indicator, granularity)}
          format={format}
          width={900}
          bounds={axisBounds(indicator.unit)}
        />
      </div>
    </div>
  );
}

function CsvButton({ onClick }: { onClick: () => void }) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(false), 3000);
    return () => clearTimeout(timer);
  }, [done]);
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      data-testid="download-csv"
      onClick={() => {
        onClick();
        setDone(true);
      }}
    >
      Download CSV{done ? ' ✓' : ''}
    </button>
  );
}
