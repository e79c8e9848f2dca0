import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { benchmarkKey } from '../../board/benchmark-item';
import type { Deck, DeckSlide } from '../../board/deck';
import { type DeckFigures, slideIndicator } from '../../board/deck-figures';
import type { ChartImage } from '../../board/pptx-export';
import { type ReportFacts, reportDocument } from '../../board/report-document';
import type { DocxImage } from '../../board/report-docx';
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
  return spcLegend(outcome.spc, (v: number | null) => formatValue(v, outcome.indicator.unit), outcome.spc.changes);
}

/**
 * Each slide's chart as drawn for print, as a standalone SVG with its key: the chart's own key when it
 * draws its swatches (the review timeline's markers), else the key its kind of chart has.
 */
function chartSvgs(container: HTMLElement, deck: Deck, figures: DeckFigures): Map<string, string> {
  const svgs = new Map<string, string>();
  const byKey = new Map(deck.slides.map((slide) => [slide.key, slide]));
  for (const element of container.querySelectorAll<HTMLElement>('[data-testid="slide"]')) {
    const slide = byKey.get(element.dataset.slideKey ?? '');
    const holder = element.querySelector('[data-slide-chart]');
    const svg = holder ? chartSvgIn(holder) : null;
    if (!slide || !holder || !svg) continue;
    svgs.set(slide.key, standaloneSvg(svg, '', drawnLegend(holder) ?? legendOf(slide, figures)));
  }
  return svgs;
}

/** Each chart as a PNG at twice its drawn size, with that size. */
async function chartPngs(svgs: ReadonlyMap<string, string>): Promise<Map<string, DocxImage>> {
  const images = new Map<string, DocxImage>();
  for (const [key, text] of svgs) {
    const png = new Uint8Array(await (await svgToPng(text, 2)).arrayBuffer());
    const size = /width="(\d+)" height="(\d+)"/.exec(text);
    images.set(key, { png, width: Number(size?.[1] ?? 1000), height: Number(size?.[2] ?? 400) });
  }
  return images;
}

function dataUrl(png: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < png.length; i += 0x8000) binary += String.fromCharCode(...png.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}

type FileKind = 'pptx' | 'html' | 'docx';

/** Each kind of file: its name in a sentence, its button, and its button while it is being made. */
const FILE_KINDS: Record<FileKind, { words: string; button: string; busy: string }> = {
  pptx: { words: 'PowerPoint', button: 'Download PowerPoint', busy: 'Making the PowerPoint…' },
  html: { words: 'a web page', button: 'Download as a web page', busy: 'Making the web page…' },
  docx: { words: 'a Word document', button: 'Download as a Word document', busy: 'Making the Word document…' },
};

/** The file of a deck drawn off screen: its charts captured, then written as the kind asked for. */
async function deckFile(
  kind: FileKind,
  container: HTMLElement,
  deck: Deck,
  figures: DeckFigures,
  facts: ReportFacts,
): Promise<Blob> {
  const svgs = chartSvgs(container, deck, figures);
  if (kind === 'html') {
    const { reportHtml } = await import('../../board/report-html');
    return new Blob([reportHtml(reportDocument(deck, figures, facts), svgs)], { type: 'text/html;charset=utf-8' });
  }
  const pngs = await chartPngs(svgs);
  if (kind === 'docx') {
    const { buildDocx } = await import('../../board/report-docx');
    const bytes = await buildDocx(reportDocument(deck, figures, facts), pngs);
    return new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  }
  const images = new Map<string, ChartImage>();
  for (const [key, image] of pngs)
    images.set(key, { data: dataUrl(image.png), width: image.width, height: image.height });
  const { buildPptx } = await import('../../board/pptx-export');
  return buildPptx(deck, figures, images, facts.footer, facts.events);
}

/**
 * "Download PDF" (the print view, then the browser's Save as PDF); "Download PowerPoint", "Download as
 * a web page" and "Download as a Word document" (the deck drawn off screen for print, its charts
 * captured, then written). `what` names the deck in the load history ("Board pack"); the PDF is
 * recorded by the print view, when it is printed.
 */
export function useDeckExports(
  deck: Deck,
  figures: DeckFigures | undefined,
  facts: ReportFacts,
  printHash: string,
  what: string,
) {
  const record = useRecordExport();
  // The latest, without drawing the slides again when the figures' date arrives.
  const recordRef = useRef(record);
  recordRef.current = record;
  const factsRef = useRef(facts);
  factsRef.current = facts;
  const [error, setError] = useState<string | null>(null);
  const [drawing, setDrawing] = useState<FileKind | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  const fileName = deck.title.replace(/[^\w\- ]+/g, '').trim() || 'board-pack';

  const exportPdf = useCallback(() => {
    sessionStorage.setItem(PRINT_NOW_KEY, '1');
    window.location.hash = printHash;
  }, [printHash]);

  const start = useCallback((kind: FileKind) => {
    setError(null);
    setDrawing(kind);
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
          const blob = await deckFile(drawing, container, deck, figures, factsRef.current);
          if (!cancelled) {
            downloadBlob(`${fileName}.${drawing}`, blob);
            recordRef.current(`${what} “${deck.title.trim()}” saved as ${FILE_KINDS[drawing].words}`, {
              file: `${fileName}.${drawing}`,
              suppressed: figures.suppressed,
            });
          }
        } catch (e) {
          if (!cancelled)
            setError(
              `The ${FILE_KINDS[drawing].words} file could not be made: ${e instanceof Error ? e.message : String(e)}`,
            );
        } finally {
          if (!cancelled) setDrawing(null);
        }
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [drawing, figures, deck, fileName, what]);

  const offscreen =
    drawing && figures ? (
      <div className="offscreen" ref={holder} aria-hidden="true">
        <PrintDeck deck={deck} figures={figures} footer={facts.footer} />
      </div>
    ) : null;
  return {
    exportPdf,
    exportFile: start,
    busy: drawing !== null,
    drawing,
    error,
    offscreen,
  };
}

/**
 * "Download PDF", "Download PowerPoint", "Download as a web page" and "Download as a Word document" for a deck (the board pack, the yearly report), with what
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
        {(['pptx', 'html', 'docx'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button--secondary"
            onClick={() => exports.exportFile(kind)}
            data-testid={`export-${kind}`}
            disabled={!ready || exports.busy || empty}
          >
            {exports.drawing === kind ? FILE_KINDS[kind].busy : FILE_KINDS[kind].button}
          </button>
        ))}
      </div>
      {exports.error && (
        <p className="error-text" role="alert">
          {exports.error}
        </p>
      )}
    </>
  );
}
