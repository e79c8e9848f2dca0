import type { PartnershipEvent } from '../indicators/events';
import { formatValue } from '../shared/format';
import { benchmarkKey } from './benchmark-item';
import type { Deck, DeckSlide } from './deck';
import { HEADLINES } from './deck';
import { type DeckFigures, slideIndicator } from './deck-figures';
import type { IndicatorFigures } from './pack-figures';
import { aboutSection } from './report-about';
import { chartEvents, eventsBetween, eventsLine } from './report-events';
import { sectionEvidence } from './report-evidence';
import { proseYears, type ReportBlock, type ReportDocument, type ReportSection } from './report-model';
import { comparisonTable, indicatorTable, summaryTable, timelineTable, viewTable } from './report-tables';

const COMMENTARY = 'What the partnership is doing';

/** What the document is made from: the deck's figures, the events register and, for a yearly report, its year. */
interface Context {
  figures: DeckFigures;
  events: readonly PartnershipEvent[];
  year: { from: string; to: string } | null;
}

function indicatorBlocks(
  slide: Extract<DeckSlide, { kind: 'indicator' }>,
  { figures, events }: Context,
): ReportBlock[] {
  const outcome = slideIndicator(slide, figures);
  if (outcome?.status !== 'ok') {
    const needs = outcome ? `needs ${outcome.missingDatasets.join(', ')}` : 'still being worked out';
    return [{ kind: 'text', tone: 'note', text: `Not loaded: this indicator ${needs}.` }];
  }
  const periods = outcome.points.filter((p) => !p.partial && (p.value !== null || p.suppressed));
  const hidden = periods.filter((p) => p.suppressed).length;
  const note =
    hidden > 0
      ? ` ${hidden} of ${periods.length} periods are not shown (c): small numbers, or figures that would let one be worked out.`
      : '';
  const happened = chartEvents(outcome.indicator, outcome.points, events);
  const said = happened.length > 0 ? ` ${eventsLine(happened)}` : '';
  const chart = { key: slide.key, title: slide.title, description: `${outcome.narrative}${note}${said}` };
  const table = indicatorTable(outcome, `${slide.title}: each period as published`);
  return [
    { kind: 'text', tone: 'lead', text: outcome.narrative },
    { kind: 'chart', chart, table },
    ...(happened.length > 0 ? [{ kind: 'text' as const, tone: 'body' as const, text: eventsLine(happened) }] : []),
  ];
}

function viewBlocks(slide: Extract<DeckSlide, { kind: 'view' }>, figures: DeckFigures): ReportBlock[] {
  const table = figures.tables.get(slide.view);
  if (table) {
    const description = `${table.description} ${table.coverage}.`;
    const chart = { key: slide.key, title: slide.title, description };
    return [
      { kind: 'text', tone: 'lead', text: description },
      { kind: 'chart', chart, table: viewTable(table) },
    ];
  }
  if (slide.view === 'review_timeline' && figures.timeline) {
    const description = `Each practice review's steps from notification, in date order, and whether each was on time.`;
    const chart = { key: slide.key, title: slide.title, description };
    return [{ kind: 'chart', chart, table: timelineTable(figures.timeline, `${slide.title}: each review's steps`) }];
  }
  return [{ kind: 'text', tone: 'note', text: 'Not loaded: the data this view counts is not loaded.' }];
}

function benchmarkBlocks(slide: Extract<DeckSlide, { kind: 'benchmark' }>, figures: DeckFigures): ReportBlock[] {
  const found = figures.benchmarks.get(benchmarkKey(slide.benchmark));
  if (!found || 'missing' in found) return [{ kind: 'text', tone: 'note', text: found?.missing ?? 'Not loaded.' }];
  const format = (v: number | null) =>
    v === null ? 'x' : formatValue(v, found.scale === 'rate' ? 'percent' : 'count');
  const caption = `${found.label}: ${found.laName} against its statistical neighbours, region and England`;
  return [
    { kind: 'text', tone: 'lead', text: found.sentence },
    {
      kind: 'chart',
      chart: { key: slide.key, title: slide.title, description: found.sentence },
      table: comparisonTable(found.points, found.laName, caption, format),
    },
  ];
}

function sectionBlocks(
  slide: Extract<DeckSlide, { kind: 'section' }>,
  { figures, events, year }: Context,
): ReportBlock[] {
  const { table, note } = sectionEvidence(slide, figures, 'published');
  const indicators = slide.indicatorIds.flatMap((id) => figures.indicators.get(id)?.indicator ?? []);
  // The events of the year beside the figures they explain.
  const happened = year ? eventsBetween(indicators, year.from, year.to, events) : [];
  return [
    { kind: 'text', tone: 'lead', text: slide.lead },
    ...(note ? [{ kind: 'text' as const, tone: 'note' as const, text: note }] : []),
    ...(table ? [{ kind: 'table' as const, table }] : []),
    ...(happened.length > 0 ? [{ kind: 'text' as const, tone: 'body' as const, text: eventsLine(happened) }] : []),
    ...slide.blocks.map((b) => ({ kind: 'words' as const, heading: b.heading, text: b.text })),
  ];
}

function slideBlocks(slide: DeckSlide, context: Context): ReportBlock[] {
  const { figures } = context;
  switch (slide.kind) {
    case 'section':
      return sectionBlocks(slide, context);
    case 'indicator':
      return indicatorBlocks(slide, context);
    case 'view':
      return viewBlocks(slide, figures);
    case 'benchmark':
      return benchmarkBlocks(slide, figures);
    default: {
      const ids = slide.indicatorIds ?? HEADLINES.map((i) => i.id);
      const outcomes = ids.flatMap((id) => figures.indicators.get(id) ?? []);
      const caption = 'Each headline indicator for its latest complete period, with its Making Data Count variation';
      return [{ kind: 'table', table: summaryTable(outcomes, caption) }];
    }
  }
}

function asSection(slide: DeckSlide, context: Context): ReportSection {
  const blocks = slideBlocks(slide, context);
  if (slide.kind !== 'section') blocks.push({ kind: 'words', heading: COMMENTARY, text: slide.commentary });
  return { key: slide.key, heading: slide.title, blocks, parts: [] };
}

const COMPARISONS = 'How we compare with our statistical neighbours';
/** The document's own headings' keys start with `_`, which no pack item's key can (pack-model.ts). */
const COMPARISONS_KEY = '_comparisons';

/**
 * The headings of a deck: a yearly report's headings with their views one level down and the
 * comparisons together under one heading; a board pack's items each a heading of its own.
 */
function sectionsOf(deck: Deck, context: Context): ReportSection[] {
  const report = deck.slides.some((s) => s.kind === 'section');
  const sections: ReportSection[] = [];
  for (const slide of deck.slides) {
    const section = asSection(slide, context);
    const current = sections.at(-1);
    if (!report || slide.kind === 'section') sections.push(section);
    else if (slide.kind === 'benchmark') {
      if (current?.key !== COMPARISONS_KEY)
        sections.push({ key: COMPARISONS_KEY, heading: COMPARISONS, blocks: [], parts: [] });
      sections.at(-1)?.parts.push(section);
    } else current?.parts.push(section);
  }
  if (report && !sections.some((s) => s.key === COMPARISONS_KEY)) {
    const text =
      'This report does not compare the partnership with its statistical neighbours: none of the Department for Education’s published statistics were chosen for it.';
    sections.push({
      key: COMPARISONS_KEY,
      heading: COMPARISONS,
      blocks: [{ kind: 'text', tone: 'note', text }],
      parts: [],
    });
  }
  return sections;
}

/** The indicators whose figures a document shows (each once, at the periods it shows them). */
function indicatorsOf(deck: Deck, figures: DeckFigures): IndicatorFigures[] {
  const shown = new Map<string, IndicatorFigures>();
  const add = (outcome: IndicatorFigures | undefined) => {
    if (outcome && !shown.has(outcome.indicator.id)) shown.set(outcome.indicator.id, outcome);
  };
  for (const slide of deck.slides) {
    if (slide.kind === 'indicator') {
      const outcome = slideIndicator(slide, figures);
      add(outcome?.status === 'ok' ? outcome : undefined);
    }
    const ids =
      slide.kind === 'section'
        ? slide.indicatorIds
        : slide.kind === 'summary'
          ? (slide.indicatorIds ?? HEADLINES.map((i) => i.id))
          : [];
    for (const id of ids) {
      const outcome = figures.indicators.get(id);
      add(outcome?.status === 'ok' ? outcome : undefined);
    }
  }
  return [...shown.values()];
}

export interface ReportFacts {
  subtitle: string;
  asAt: string;
  footer: string;
  /** The data the figures come from, in words (the partners' files, published statistics). */
  sources: readonly string[];
  /** The events register: each event on the charts it concerns, and in a yearly report beside its year's figures. */
  events?: readonly PartnershipEvent[];
}

/** A heading's prose with its years as GOV.UK writes them (tables and the partnership's own words as they are). */
function inProse(section: ReportSection): ReportSection {
  const blocks = section.blocks.map((block): ReportBlock => {
    if (block.kind === 'text') return { ...block, text: proseYears(block.text) };
    if (block.kind === 'chart')
      return { ...block, chart: { ...block.chart, description: proseYears(block.chart.description) } };
    if (block.kind === 'definitions')
      return { ...block, items: block.items.map((d) => ({ ...d, detail: proseYears(d.detail) })) };
    return block;
  });
  return { ...section, blocks, parts: section.parts.map(inProse) };
}

/** The document of a deck, closed by "About these figures" (report-about.ts). */
export function reportDocument(deck: Deck, figures: DeckFigures, facts: ReportFacts): ReportDocument {
  const indicators = indicatorsOf(deck, figures);
  // A yearly report (a deck to the end of a financial year, by year) gathers each year's events.
  const to = deck.granularity === 'year' ? deck.to : undefined;
  const year = to ? { from: `${Number(to.slice(0, 4)) - 1}-04-01`, to } : null;
  const sections = sectionsOf(deck, { figures, events: facts.events ?? [], year });
  sections.push(
    aboutSection({
      indicators,
      suppressed: figures.suppressed,
      reviewCountsShown: figures.reviewCountsShown,
      ...facts,
    }),
  );
  return {
    title: deck.title,
    subtitle: facts.subtitle,
    asAt: facts.asAt,
    footer: facts.footer,
    suppressed: figures.suppressed,
    reviewCountsShown: figures.reviewCountsShown,
    sections: sections.map(inProse),
    indicators,
  };
}
