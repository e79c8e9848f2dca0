import type { Deck } from '../../board/deck';
import type { DeckFigures } from '../../board/deck-figures';
import { cssString } from '../../shared/css-string';
import { Slide } from './slide';

/**
 * The page rules of a printed deck: A4 landscape, and on every page a footer saying what the figures
 * are (version, load time, as-at date, period, filters, suppression) with "Page x of y" on one line (the
 * boxes are given their widths: left to share, the page number squeezed to two lines). Chromium, Edge
 * and Firefox 138+ draw these margin boxes.
 */
export function PrintPageStyle({ footer }: { footer: string }) {
  const css = `@page {
  size: A4 landscape;
  margin: 10mm 11mm 17mm 11mm;
  @bottom-left { content: ${cssString(footer)}; width: 240mm; font: 7.5pt Arial, sans-serif; color: #0b0c0c; vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); width: 30mm; white-space: nowrap; font: 8pt Arial, sans-serif; color: #0b0c0c; text-align: right; vertical-align: top; padding-top: 3mm; }
}`;
  return <style data-testid="print-page-style">{css}</style>;
}

/** Every slide of a deck, one to a printed page (long tables run on with their header repeated). */
export function PrintDeck({ deck, figures, footer }: { deck: Deck; figures: DeckFigures; footer: string }) {
  return (
    <div className="print-deck" data-testid="print-deck">
      <PrintPageStyle footer={footer} />
      {deck.slides.map((slide) => (
        <Slide key={slide.key} slide={slide} figures={figures} mode="print" deckTitle={deck.title} />
      ))}
    </div>
  );
}
