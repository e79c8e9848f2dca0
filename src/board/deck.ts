import { filtersLabel, measureLabel } from '../benchmarks/comparison-words';
import type { IndicatorDefinition } from '../indicators/indicator-definition';
import { FAMILIES, getIndicator, INDICATORS } from '../indicators/registry';
import type { ItemGranularity } from './item-figures';
import type { BenchmarkItem } from './pack-figures';
import type { BoardPack } from './pack-model';
import type { PackGranularity, PackViewId } from './pack-views';
import { PACK_VIEW_TITLES } from './pack-views';

/**
 * What is shown, slide by slide, whatever made it: a board pack, or the yearly report. The screens,
 * the presentation, the print view and the PowerPoint all draw the same deck from the same figures.
 */
export type DeckSlide =
  | {
      key: string;
      kind: 'summary';
      title: string;
      commentary: string;
      /** The headline indicators this slide lists (a presentation splits the summary by area); all when absent. */
      indicatorIds?: readonly string[];
    }
  | {
      key: string;
      kind: 'indicator';
      indicatorId: string;
      title: string;
      commentary: string;
      /** Its own periods (the pack's when absent). */
      granularity?: ItemGranularity;
    }
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
      /** What the statutory guidance asks of this heading. */
      lead: string;
      /** Its figures: its indicators (year against year before), the headlines, progress, or none. */
      evidence?: SectionEvidence;
      indicatorIds: readonly string[];
      /** What data would support the heading, said when none of its figures is loaded. */
      needs?: string;
      /** The partnership's own words under their headings (`key`: where they are saved). */
      blocks: readonly { key?: string; heading: string; text: string }[];
    };

export type SectionEvidence = 'indicators' | 'headlines' | 'progress' | 'none';

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
            ...(item.granularity ? { granularity: item.granularity } : {}),
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

/**
 * The most headline indicators one summary slide lists: at 24 px text and more, eight rows, the caption
 * and the key fill a 1920 × 1080 screen above the slide controls (and a 16:9 PowerPoint slide at 14 pt).
 */
export const SUMMARY_ROWS_PER_SLIDE = 8;

/**
 * The headline indicators in groups of whole areas (registry order) of at most `perSlide` rows: areas
 * share a slide while they fit; an area longer than a slide is split.
 */
function summaryGroups(perSlide = SUMMARY_ROWS_PER_SLIDE): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const family of FAMILIES) {
    const ids = family.indicators.filter((i) => i.headline).map((i) => i.id);
    for (let i = 0; i < ids.length; i += perSlide) {
      const chunk = ids.slice(i, i + perSlide);
      if (current.length > 0 && current.length + chunk.length > perSlide) {
        groups.push(current);
        current = [];
      }
      current.push(...chunk);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The areas of some indicators, in order, in words ("Early help and Training"). */
function areasInWords(ids: readonly string[]): string {
  const titles = [...new Set(ids.map((id) => FAMILIES.find((f) => f.id === getIndicator(id).family)?.title ?? ''))];
  return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
}

/**
 * The slides as shown on a screen or a PowerPoint slide: the board summary split by area over as many
 * slides as it needs (at most `rowsPerSlide` indicators each), its commentary on the last; every other
 * slide as it is.
 */
export function projectedSlides(deck: Deck, rowsPerSlide = SUMMARY_ROWS_PER_SLIDE): DeckSlide[] {
  return deck.slides.flatMap((slide): DeckSlide[] => {
    if (slide.kind !== 'summary' || slide.indicatorIds) return [slide];
    const groups = summaryGroups(rowsPerSlide);
    return groups.map((ids, i) => ({
      ...slide,
      key: `${slide.key}-part-${i + 1}`,
      title: `${slide.title}${groups.length > 1 ? ` (${i + 1} of ${groups.length})` : ''}: ${areasInWords(ids)}`,
      // After the figures it speaks of, on the last (at most as full as the others).
      commentary: i === groups.length - 1 ? slide.commentary : '',
      indicatorIds: ids,
    }));
  });
}
