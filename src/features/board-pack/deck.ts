import { filtersLabel, measureLabel } from '../../benchmarks/comparison-words';
import type { BenchmarkItem } from '../../board/pack-figures';
import type { BoardPack } from '../../board/pack-model';
import type { PackGranularity, PackViewId } from '../../board/pack-views';
import { PACK_VIEW_TITLES } from '../../board/pack-views';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import { getIndicator, INDICATORS } from '../../indicators/registry';

/**
 * What is shown, slide by slide, whatever made it: a board pack, or the yearly report. The screens,
 * the presentation, the print view and the PowerPoint all draw the same deck from the same figures.
 */
export type DeckSlide =
  | { key: string; kind: 'summary'; title: string; commentary: string }
  | { key: string; kind: 'indicator'; indicatorId: string; title: string; commentary: string }
  | { key: string; kind: 'view'; view: PackViewId; title: string; commentary: string }
  | {
      key: string;
      kind: 'benchmark';
      /** Which published comparison (benchmarkKey of the item). */
      benchmark: BenchmarkItem;
      title: string;
      commentary: string;
    }
  | {
      key: string;
      kind: 'section';
      title: string;
      /** What the statutory guidance asks of this use of data. */
      lead: string;
      indicatorIds: readonly string[];
      /** The partnership's own words: what it did, and the evidence of impact. */
      blocks: readonly { heading: string; text: string }[];
    };

export interface Deck {
  title: string;
  granularity: PackGranularity;
  /** The last date shown (a yearly report stops at its year's end). */
  to?: string;
  /** Serious incident and rapid review counts shown as they are (a yearly report, if the partnership chose). */
  reviewCountsShown?: boolean;
  slides: readonly DeckSlide[];
}

export const HEADLINES: readonly IndicatorDefinition[] = INDICATORS.filter((i) => i.headline);

export function deckOfPack(pack: BoardPack): Deck {
  return {
    title: pack.title,
    granularity: pack.granularity,
    slides: pack.items.map((item): DeckSlide => {
      switch (item.kind) {
        case 'summary':
          return { key: item.key, kind: 'summary', title: 'Board summary', commentary: item.commentary };
        case 'indicator': {
          const indicator = getIndicator(item.indicatorId);
          return {
            key: item.key,
            kind: 'indicator',
            indicatorId: indicator.id,
            title: `${indicator.id} ${indicator.title}`,
            commentary: item.commentary,
          };
        }
        case 'benchmark':
          return {
            key: item.key,
            kind: 'benchmark',
            benchmark: { file: item.file, measure: item.measure, filters: item.filters },
            title: `${measureLabel(item.measure)}${filtersLabel(item.filters) ? ` — ${filtersLabel(item.filters)}` : ''}: against statistical neighbours, region and England`,
            commentary: item.commentary,
          };
        default:
          return {
            key: item.key,
            kind: 'view',
            view: item.view,
            title: PACK_VIEW_TITLES[item.view],
            commentary: item.commentary,
          };
      }
    }),
  };
}

/** The published comparisons a deck shows. */
export function deckBenchmarks(deck: Deck): BenchmarkItem[] {
  return deck.slides.flatMap((slide) => (slide.kind === 'benchmark' ? [slide.benchmark] : []));
}
