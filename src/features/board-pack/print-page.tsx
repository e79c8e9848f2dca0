import { deckOfPack } from '../../board/deck';
import { useBoardPack } from '../../session/board-pack';
import { PrintDeck } from '../../ui/deck/print-deck';
import { usePrintWhenReady, useRecordPrinting } from '../../ui/deck/print-when-ready';
import { useDeck } from '../../ui/deck/use-deck';

/** The pack as printed pages: what "Download PDF" prints (Save as PDF in the print dialog). */
export function PrintPage() {
  const { pack } = useBoardPack();
  const deck = deckOfPack(pack);
  const { figures, footer } = useDeck(deck);
  usePrintWhenReady(figures.data !== undefined);
  useRecordPrinting(`Board pack “${deck.title.trim()}”`, figures.data?.suppressed);
  return (
    <div className="print-view" data-testid="board-pack-print" data-state={figures.data ? 'ready' : 'loading'}>
      <div className="print-view__toolbar screen-only">
        <a href="#/board-pack">Back to the board pack</a>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          Print, or save as PDF
        </button>
        <p className="hint">
          Choose “Save as PDF” as the printer for a PDF. Pages are A4 landscape, one slide to a page; each page’s footer
          says: {footer}
        </p>
      </div>
      {figures.data ? (
        <PrintDeck deck={deck} figures={figures.data} footer={footer} />
      ) : (
        <p role="status">Preparing the pages…</p>
      )}
    </div>
  );
}
