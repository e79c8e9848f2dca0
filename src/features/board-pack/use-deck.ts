import { footerText } from '../../board/page-footer';
import { useAppData } from '../../session/app-data';
import { useBoardPack } from '../../session/board-pack';
import { useCompletePreparation } from '../../session/indicator-settings';
import { type Deck, deckBenchmarks } from './deck';
import { usePackFigures } from './use-pack-figures';

const PERIOD_WORDS = { month: 'By month', quarter: 'By financial quarter', year: 'By financial year' } as const;

/** A deck's figures (protected together when suppression is on) and the footer of its pages. */
export function useDeck(deck: Deck) {
  const figures = usePackFigures({
    granularity: deck.granularity,
    to: deck.to,
    benchmarks: deckBenchmarks(deck),
    reviewCountsShown: deck.reviewCountsShown,
  });
  const { loadedAt } = useAppData();
  const prepared = useCompletePreparation();
  const { suppress } = useBoardPack();
  const footer = footerText({
    loadedAt,
    prepared: prepared.data,
    period: `${PERIOD_WORDS[deck.granularity]}${deck.to ? ` to ${deck.to.split('-').reverse().join('/')}` : ''} (yearly returns by year)`,
    filters: 'none (the whole partnership)',
    suppressed: figures.data?.suppressed ?? suppress,
    reviewCountsShown: figures.data?.reviewCountsShown ?? false,
  });
  const hasData = prepared.data ? Object.values(prepared.data.datasetRows).some((n) => n > 0) : false;
  return { figures, footer, hasData, preparing: prepared.isPending };
}
