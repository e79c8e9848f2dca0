import { useId, useMemo } from 'react';
import { type Deck, type DeckSlide, deckOfPack } from '../../board/deck';
import type { BoardPack } from '../../board/pack-model';
import { PACK_VIEW_TITLES } from '../../board/pack-views';
import { asAtText } from '../../board/page-footer';
import { MAX_WORDS } from '../../board/report-words';
import { financialYearLabel, financialYearOf, formatLongDate } from '../../indicators/periods';
import { FAMILIES } from '../../indicators/registry';
import { useBoardPack } from '../../session/board-pack';
import { useCompletePreparation } from '../../session/indicator-settings';
import { PrintDeck } from '../../ui/deck/print-deck';
import { usePrintWhenReady, useRecordPrinting } from '../../ui/deck/print-when-ready';
import { Slide } from '../../ui/deck/slide';
import { SuppressionSwitch } from '../../ui/deck/suppression-switch';
import { useDeck } from '../../ui/deck/use-deck';
import { DeckExportButtons, useDeckExports } from '../../ui/deck/use-deck-exports';
import { type CoverContents, ReportCover, reportAnchor } from './report-cover';
import { ReviewCountsSwitch } from './review-counts-switch';
import { YEARLY_SECTIONS } from './sections';

/** The financial years the loaded data covers, latest first; and the one to open with. */
function useYears(chosen: number | undefined) {
  const prepared = useCompletePreparation();
  const firsts = FAMILIES.flatMap((f) => prepared.data?.families[f.id].first ?? []);
  const lasts = FAMILIES.flatMap((f) => prepared.data?.families[f.id].reportDate ?? []);
  if (firsts.length === 0 || lasts.length === 0) return { years: [], year: chosen };
  const from = financialYearOf([...firsts].sort()[0] as string);
  const lastDate = [...lasts].sort().at(-1) as string;
  const to = financialYearOf(lastDate);
  const years = Array.from({ length: to - from + 1 }, (_, i) => to - i);
  // By default the latest year that has ended, as the yearly report covers the previous April to March.
  const ended = lastDate >= `${to + 1}-03-31` ? to : to - 1;
  const year = chosen !== undefined && years.includes(chosen) ? chosen : years.includes(ended) ? ended : years[0];
  return { years, year };
}

/** What the report's cover lists: its title, its pages and the indicators of its sections. */
function coverOf(deck: Deck): CoverContents {
  return {
    title: deck.title,
    pages: deck.slides.filter((slide) => slide.kind === 'section' || slide.kind === 'benchmark'),
    indicatorIds: deck.slides.flatMap((slide) => (slide.kind === 'section' ? slide.indicatorIds : [])),
  };
}

/** A year's report: its deck, figures (protected together) and page footer, and what its cover shows. */
function useYearlyReport(chosen: number | undefined) {
  const { years, year } = useYears(chosen);
  const { evidence, pack, reviewCountsShown } = useBoardPack();
  const deck = useMemo(
    () => yearlyDeck(year ?? 2000, evidence, packComparisons(pack), reviewCountsShown),
    [year, evidence, pack, reviewCountsShown],
  );
  const { figures, footer, facts: deckFacts, hasData } = useDeck(deck);
  const prepared = useCompletePreparation();
  const cover = { contents: coverOf(deck), asAt: asAtText(prepared.data) };
  const period =
    year === undefined ? '' : `${formatLongDate(`${year}-04-01`)} to ${formatLongDate(`${year + 1}-03-31`)} · `;
  const facts = { ...deckFacts, subtitle: `${period}figures as at ${deckFacts.asAt}` };
  return { years, year, deck, figures, footer, facts, hasData, cover };
}

/** The published comparisons of the board pack, as slides of the yearly report (its commentary too). */
function packComparisons(pack: BoardPack): DeckSlide[] {
  return deckOfPack(pack).slides.filter((slide) => slide.kind === 'benchmark');
}

/**
 * The yearly report as a deck: one page per statutory use, each followed by its views, then the
 * published comparisons the board pack carries (our authority against its statistical neighbours).
 */
export function yearlyDeck(
  year: number,
  evidence: Readonly<Record<string, string>>,
  comparisons: readonly DeckSlide[] = [],
  reviewCountsShown = false,
): Deck {
  const slides: DeckSlide[] = YEARLY_SECTIONS.flatMap((section) => [
    {
      key: `section-${section.id}`,
      kind: 'section' as const,
      title: section.title,
      lead: section.lead,
      evidence: section.evidence,
      indicatorIds: section.indicatorIds,
      needs: section.needs,
      blocks: section.blocks.map((b) => {
        const key = narrativeKey(year, section.id, b.id);
        return { key, heading: b.heading, text: evidence[key] ?? '' };
      }),
    },
    ...section.views.map((view) => ({
      key: `view-${section.id}-${view}`,
      kind: 'view' as const,
      view,
      title: PACK_VIEW_TITLES[view],
      commentary: '',
    })),
  ]);
  return {
    title: `Yearly report ${year} to ${year + 1}`,
    granularity: 'year',
    to: `${year + 1}-03-31`,
    reviewCountsShown,
    slides: [...slides, ...comparisons],
  };
}

/** Where a heading's words are saved: by year, heading and block. */
const narrativeKey = (year: number, section: string, block: string) => `${year}:${section}:${block}`;

/** A heading's words, each block its own box, saved as they are typed (kept with the data when it is). */
function NarrativeFields({
  slide,
  evidence,
  onChange,
}: {
  slide: Extract<DeckSlide, { kind: 'section' }>;
  evidence: Readonly<Record<string, string>>;
  onChange: (key: string, text: string) => void;
}) {
  const id = useId();
  return slide.blocks.map((block) => {
    const key = block.key ?? '';
    const text = evidence[key] ?? '';
    return (
      <div className="form-group" key={key}>
        <label className="label" htmlFor={`${id}-${key}`}>
          {block.heading}
        </label>
        <textarea
          id={`${id}-${key}`}
          className="textarea textarea--wide"
          rows={5}
          maxLength={MAX_WORDS}
          value={text}
          onChange={(e) => onChange(key, e.target.value)}
          data-testid="report-narrative"
          data-narrative={key.split(':').slice(1).join('-')}
        />
        {text.trim() === '' && (
          <p className="hint" data-testid="evidence-reminder">
            Not written yet: left out of the web page until it is; the Word document shows where it goes.
          </p>
        )}
      </div>
    );
  });
}

/**
 * The yearly report: for a financial year, one page per statutory use of data with the year's figures
 * against the year before, and room for what the partnership did and the evidence of its impact.
 */
export function YearlyReportPage({
  year: chosen,
  onYear,
}: {
  year: number | undefined;
  onYear: (year: number) => void;
}) {
  const { years, year, deck, figures, facts, hasData, cover } = useYearlyReport(chosen);
  const { evidence, setEvidence, suppress } = useBoardPack();
  const exports = useDeckExports(
    deck,
    figures.data,
    facts,
    `#/yearly-report/print?year=${year ?? ''}`,
    'Yearly report',
  );
  const id = useId();
  return (
    <div data-testid="yearly-report">
      <h1 className="heading-xl">Yearly report</h1>
      <p className="lead">
        The partnership’s yearly report, under the headings Working Together 2023 asks for: a summary, the priorities
        and where there was little or no progress, each statutory use of data (help including early help, statutory
        obligations, practice quality, training), practice reviews, feedback from children and families, and independent
        scrutiny. Each has its figures and room for what the partnership did and the evidence of its impact — most
        published yearly reports leave that out. Download it as a web page to publish on the partnership’s website, or
        as a Word document for partners to edit and sign off.
      </p>
      <SuppressionSwitch />
      {suppress && <ReviewCountsSwitch />}
      {!hasData || year === undefined ? (
        <p className="inset-text">
          Nothing is loaded yet: <a href="#/">load your partners’ files</a>, or try the sample data.
        </p>
      ) : (
        <>
          <div className="form-group">
            <label className="label" htmlFor={`${id}-year`}>
              Financial year (April to March)
            </label>
            <select
              id={`${id}-year`}
              className="select"
              value={year}
              onChange={(e) => onYear(Number(e.target.value))}
              data-testid="report-year"
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {financialYearLabel(y)}
                </option>
              ))}
            </select>
          </div>
          <DeckExportButtons exports={exports} ready={figures.data !== undefined} />
          {figures.data && <ReportCover {...cover} figures={figures.data} year={year} mode="screen" />}
          {figures.data ? (
            deck.slides.map((slide) => (
              <div
                key={slide.key}
                className="report-section"
                id={reportAnchor(slide.key)}
                data-testid="report-section"
                data-heading={slide.title}
              >
                <Slide slide={slide} figures={figures.data} mode="screen" deckTitle={deck.title} />
                {slide.kind === 'section' && (
                  <NarrativeFields slide={slide} evidence={evidence} onChange={setEvidence} />
                )}
              </div>
            ))
          ) : (
            <p role="status">Calculating…</p>
          )}
        </>
      )}
      {exports.offscreen}
    </div>
  );
}

/** The yearly report as printed pages (what its "Download PDF" prints). */
export function YearlyReportPrintPage({ year: chosen }: { year: number | undefined }) {
  const { year, deck, figures, footer, cover } = useYearlyReport(chosen);
  usePrintWhenReady(figures.data !== undefined && year !== undefined);
  useRecordPrinting(
    year === undefined ? 'Yearly report' : `Yearly report ${year}-${String(year + 1).slice(2)}`,
    figures.data?.suppressed,
  );
  return (
    <div className="print-view" data-testid="yearly-report-print" data-state={figures.data ? 'ready' : 'loading'}>
      <div className="print-view__toolbar screen-only">
        <a href={`#/yearly-report?year=${year ?? ''}`}>Back to the yearly report</a>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          Print, or save as PDF
        </button>
      </div>
      {figures.data && year !== undefined ? (
        <>
          <ReportCover {...cover} figures={figures.data} year={year} mode="print" />
          <PrintDeck deck={deck} figures={figures.data} footer={footer} />
        </>
      ) : (
        <p role="status">Preparing the pages…</p>
      )}
    </div>
  );
}
