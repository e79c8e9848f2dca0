import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { benchmarkKey } from '../../board/benchmark-item';
import type { Deck, DeckSlide } from '../../board/deck';
import { type DeckFigures, slideIndicator } from '../../board/deck-figures';
import type { ChartImage } from '../../board/pptx-export';
import { chartSvgIn, drawnLegend, type LegendItem, standaloneSvg, svgToPng } from '../../charts/chart-image';
import { comparisonLegend } from '../../charts/comparison-chart';
import { spcLegend } from '../../charts/spc-chart';
import { useRecordExport } from '../../session/use-load-history';
import { formatValue } from '../../shared/format';
import { downloadBlob } from '../download';
import { PrintDeck } from './print-deck';
import { PRINT_NOW_KEY } from './print-when-ready';
import { viewLegend } from './view-body';

function legendOf(slide: DeckSlide, figures: DeckFigures): LegendItem[] {
  if (slide.kind === 'view') return viewLegend(slide.view, figures);
  if (slide.kind === 'benchmark') {
    const found = figures.benchmarks.get(benchmarkKey(slide.benchmark));
    return comparisonLegend(found && 'scale' in found ? found.scale : 'rate');
  }
  if (slide.kind !== 'indicator') return [];
  const outcome = slideIndicator(slide, figures);
  if (outcome?.status !== 'ok') return [];
  return spcLegend(outcome.spc, outcome.target, (v) => formatValue(v, outcome.indicator.unit), outcome.spc.changes);
}

/**
 * Each slide's chart, drawn for print, as a PNG at twice its size with its key: the chart's own key when
 * it draws its swatches (the review timeline's markers), else the key its kind of chart has.
 */
async function chartImages(container: HTMLElement, deck: Deck, figures: DeckFigures): Promise<Map<string, ChartImage>> {
  const images = new Map<string, ChartImage>();
  const byKey = new Map(deck.slides.map((slide) => [slide.key, slide]));
  for (const element of container.querySelectorAll<HTMLElement>('[data-testid="slide"]')) {
    const slide = byKey.get(element.dataset.slideKey ?? '');
    const holder = element.querySelector('[data-slide-chart]');
    const svg = holder ? chartSvgIn(holder) : null;
    if (!slide || !holder || !svg) continue;
    const text = standaloneSvg(svg, '', drawnLegend(holder) ?? legendOf(slide, figures));
    const png = await svgToPng(text, 2);
    const size = /width="(\d+)" height="(\d+)"/.exec(text);
    const data = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(new Error('The chart image could not be read.'));
      reader.readAsDataURL(png);
    });
    images.set(slide.key, { data, width: Number(size?.[1] ?? 1000), height: Number(size?.[2] ?? 400) });
  }
  return images;
}

/**
 * "Download PDF" (the print view, then the browser's Save as PDF) and "Download PowerPoint" (the deck
 * drawn off screen for print, its charts captured as images, then pptxgenjs). `what` names the deck in
 * the load history ("Board pack"); the PDF is recorded by the print view, when it is printed.
 */
export function useDeckExports(
  deck: Deck,
  figures: DeckFigures | undefined,
  footer: string,
  printHash: string,
  what: string,
) {
  const record = useRecordExport();
  // The latest, without drawing the slides again when the figures' date arrives.
  const recordRef = useRef(record);
  recordRef.current = record;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const holder = useRef<HTMLDivElement>(null);
  const fileName = deck.title.replace(/[^\w\- ]+/g, '').trim() || 'board-pack';

  const exportPdf = useCallback(() => {
    sessionStorage.setItem(PRINT_NOW_KEY, '1');
    window.location.hash = printHash;
  }, [printHash]);

  const exportPptx = useCallback(() => {
    setError(null);
    setBusy(true);
    setDrawing(true);
  }, []);

  useEffect(() => {
    if (!drawing || !figures) return undefined;
    let cancelled = false;
    // Two frames: the charts are drawn once the off-screen slides are in the page.
    requestAnimationFrame(() =>
      requestAnimationFrame(async () => {
        try {
          const container = holder.current;
          if (!container) throw new Error('The slides could not be drawn.');
          const images = await chartImages(container, deck, figures);
          const { buildPptx } = await import('../../board/pptx-export');
          const blob = await buildPptx(deck, figures, images, footer);
          if (!cancelled) {
            downloadBlob(`${fileName}.pptx`, blob);
            recordRef.current(`${what} “${deck.title.trim()}” saved as PowerPoint`, {
              file: `${fileName}.pptx`,
              suppressed: figures.suppressed,
            });
          }
        } catch (e) {
          if (!cancelled)
            setError(`The PowerPoint file could not be made: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          if (!cancelled) {
            setDrawing(false);
            setBusy(false);
          }
        }
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [drawing, figures, deck, footer, fileName, what]);

  const offscreen =
    drawing && figures ? (
      <div className="offscreen" ref={holder} aria-hidden="true">
        <PrintDeck deck={deck} figures={figures} footer={footer} />
      </div>
    ) : null;
  return { exportPdf, exportPptx, busy, error, offscreen };
}

/**
 * "Download PDF" and "Download PowerPoint" for a deck (the board pack, the yearly report), with what
 * went wrong underneath. `before` goes first in the row (the pack's "Present").
 */
export function DeckExportButtons({
  exports,
  ready,
  empty = false,
  before,
}: {
  exports: ReturnType<typeof useDeckExports>;
  /** The figures are worked out (the PowerPoint draws them). */
  ready: boolean;
  /** Nothing to export yet. */
  empty?: boolean;
  before?: ReactNode;
}) {
  return (
    <>
      <div className="pack-actions">
        {before}
        <button
          type="button"
          className="button button--secondary"
          onClick={exports.exportPdf}
          data-testid="export-pdf"
          disabled={empty}
        >
          Download PDF
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={exports.exportPptx}
          data-testid="export-pptx"
          disabled={!ready || exports.busy || empty}
        >
          {exports.busy ? 'Making the PowerPoint…' : 'Download PowerPoint'}
        </button>
      </div>
      {exports.error && (
        <p className="error-text" role="alert">
          {exports.error}
        </p>
      )}
    </>
  );
}
