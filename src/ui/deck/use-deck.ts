import { useMemo } from 'react';
import { type Deck, deckBenchmarks } from '../../board/deck';
import type { DeckFigures } from '../../board/deck-figures';
import type { PackFigures } from '../../board/pack-figures';
import type { PackGranularity } from '../../board/pack-views';
import { asAtText, footerText } from '../../board/page-footer';
import type { ReportFacts } from '../../board/report-document';
import { DATASETS } from '../../datasets/registry';
import { formatLongDate } from '../../indicators/periods';
import { useLoadedAt } from '../../session/app-data';
import { useBoardPack } from '../../session/board-pack';
import { useEvents } from '../../session/events';
import { useCompletePreparation } from '../../session/indicator-settings';
import { usePackFigures } from './use-pack-figures';

/** What a deck's figures come from, in words: the partners' files loaded, and published statistics compared. */
function sourcesOf(deck: Deck, rows: Readonly<Record<string, number>> | undefined): string[] {
  const files = DATASETS.filter((d) => (rows?.[d.id] ?? 0) > 0).map((d) => d.title);
  const published = [...new Set(deckBenchmarks(deck).map((b) => b.file))];
  return [
    ...(files.length > 0 ? [`the partners’ files: ${files.join(', ')}`] : []),
    ...published.map((file) => `the Department for Education’s published statistics (${file})`),
  ];
}

const PERIOD_WORDS = { month: 'By month', quarter: 'By financial quarter', year: 'By financial year' } as const;

/** The deck's figures, once worked out, or why not (shaped as react-query's answer, which it stands for). */
type DeckFiguresState =
  | { data: DeckFigures; isError: false; error: null }
  | { data: undefined; isError: true; error: Error }
  | { data: undefined; isError: false; error: null };

/** Periods other than the deck's that its items ask for by name. */
function otherPeriods(deck: Deck): Set<PackGranularity> {
  const wanted = new Set<PackGranularity>();
  for (const slide of deck.slides) {
    if (slide.kind !== 'indicator' || !slide.granularity || slide.granularity === 'auto') continue;
    if (slide.granularity !== deck.granularity) wanted.add(slide.granularity);
  }
  return wanted;
}

/**
 * A deck's figures (protected together when suppression is on) and the footer of its pages. With
 * suppression off, an item at periods of its own has them worked out on their own: nothing is hidden,
 * so there is nothing for two computations to give away between them.
 */
export function useDeck(deck: Deck) {
  const figures = usePackFigures({
    granularity: deck.granularity,
    to: deck.to,
    benchmarks: deckBenchmarks(deck),
    reviewCountsShown: deck.reviewCountsShown,
  });
  const loadedAt = useLoadedAt();
  const prepared = useCompletePreparation();
  const { suppress } = useBoardPack();
  const { events } = useEvents();
  const wanted = suppress ? new Set<PackGranularity>() : otherPeriods(deck);
  const month = usePackFigures({ granularity: 'month', to: deck.to, enabled: wanted.has('month') }).data;
  const quarter = usePackFigures({ granularity: 'quarter', to: deck.to, enabled: wanted.has('quarter') }).data;
  const year = usePackFigures({ granularity: 'year', to: deck.to, enabled: wanted.has('year') }).data;
  const data = useMemo((): DeckFigures | undefined => {
    if (!figures.data) return undefined;
    const atPeriods = new Map<PackGranularity, PackFigures>();
    for (const [granularity, value] of [
      ['month', month],
      ['quarter', quarter],
      ['year', year],
    ] as const) {
      // Only open figures beside open ones: a protected computation is never mixed with another.
      if (value && !value.suppressed && !figures.data.suppressed) atPeriods.set(granularity, value);
    }
    return { ...figures.data, atPeriods };
  }, [figures.data, month, quarter, year]);
  const footer = footerText({
    loadedAt,
    prepared: prepared.data,
    period: `${PERIOD_WORDS[deck.granularity]}${deck.to ? ` to ${deck.to.split('-').reverse().join('/')}` : ''} (yearly returns by year)`,
    filters: 'none (the whole partnership)',
    suppressed: figures.data?.suppressed ?? suppress,
    reviewCountsShown: figures.data?.reviewCountsShown ?? false,
  });
  const hasData = prepared.data ? Object.values(prepared.data.datasetRows).some((n) => n > 0) : false;
  // In words, as GOV.UK writes dates in prose ("30 September 2026").
  const asAt = asAtText(prepared.data, formatLongDate);
  const facts: ReportFacts = {
    subtitle: `${PERIOD_WORDS[deck.granularity]}${deck.to ? ` to ${formatLongDate(deck.to)}` : ''} · figures as at ${asAt}`,
    asAt,
    footer,
    sources: sourcesOf(deck, prepared.data?.datasetRows),
    events,
  };
  const state: DeckFiguresState = data
    ? { data, isError: false, error: null }
    : figures.isError
      ? { data: undefined, isError: true, error: figures.error }
      : { data: undefined, isError: false, error: null };
  return {
    figures: state,
    footer,
    facts,
    hasData,
    preparing: prepared.isPending,
  };
}
