import { type BenchmarkItem, benchmarkKey } from '../../board/benchmark-item';
import type { DeckSlide } from '../../board/deck';
import { HEADLINES } from '../../board/deck';
import { type DeckFigures, slideIndicator } from '../../board/deck-figures';
import type { IndicatorFigures, PackFigures } from '../../board/pack-figures';
import { eventsLine } from '../../board/report-events';
import { sectionEvidence } from '../../board/report-evidence';
import { indicatorTable } from '../../board/report-tables';
import { ComparisonChart } from '../../charts/comparison-chart';
import { SpcChart } from '../../charts/spc-chart';
import { eventMarks, eventsByPeriod, eventsFor } from '../../indicators/events';
import { GRANULARITY_LABELS, PERIOD_NOUNS } from '../../indicators/periods';
import { useEvents } from '../../session/events';
import { axisBounds, formatValue, UNIT_AXIS_LABELS } from '../../shared/format';
import { ComparisonTable } from '../comparison-table';
import { ReportTableView } from '../report-table';
import { SpcChartNavigator } from '../spc-chart-navigator';
import { SlideIconKey, SpcIconKey } from '../spc-icon-key';
import { BoardSummary } from './board-summary';
import { PRESENT_CHART_TEXT, PRINT_CHART, type SlideMode } from './slide-sizes';
import { ViewBody } from './view-body';

/** A published comparison: the sentence, the chart (ours against neighbours, region, England) and the years. */
function BenchmarkBody({ item, figures, mode }: { item: BenchmarkItem; figures: PackFigures; mode: SlideMode }) {
  const found = figures.benchmarks.get(benchmarkKey(item));
  if (!found || 'missing' in found) {
    return <p className="slide__narrative">{found?.missing ?? 'Not loaded.'}</p>;
  }
  return (
    <>
      <p className="slide__narrative">{found.sentence}</p>
      <div className="slide__chart" data-slide-chart="">
        <ComparisonChart
          points={found.points}
          name={found.laName}
          title={found.label}
          scale={found.scale}
          width={mode === 'print' ? PRINT_CHART.width : undefined}
        />
      </div>
      {mode !== 'present' && <ComparisonTable points={found.points.slice(-5)} name={found.laName} />}
    </>
  );
}

/** A chart's height: its box's on a projected slide (what the words leave), fixed on paper and on the page. */
function chartHeight(mode: SlideMode): number | 'fill' {
  if (mode === 'print') return PRINT_CHART.height;
  return mode === 'present' ? 'fill' : 320;
}

function IndicatorBody({ figures, mode }: { figures: IndicatorFigures; mode: SlideMode }) {
  const { indicator, spc } = figures;
  const events = eventsFor(indicator, useEvents().events);
  const byPeriod = eventsByPeriod(figures.points, events);
  const marks = eventMarks(byPeriod);
  const periods = figures.points.filter((p) => !p.partial && (p.value !== null || p.suppressed));
  const hidden = periods.filter((p) => p.suppressed).length;
  const periodWords = PERIOD_NOUNS[figures.granularity].one;
  const chart = {
    changes: spc.changes,
    filling: spc.warmUp,
    valueLabel: UNIT_AXIS_LABELS[indicator.unit],
    title: `${indicator.title}, by ${GRANULARITY_LABELS[figures.granularity].toLowerCase()}`,
    format: (v: number | null) => formatValue(v, indicator.unit),
    width: mode === 'print' ? PRINT_CHART.width : undefined,
    height: chartHeight(mode),
    fontSize: mode === 'present' ? PRESENT_CHART_TEXT : mode === 'print' ? 13 : undefined,
    bounds: axisBounds(indicator.unit),
  };
  // Nothing but `c`: empty axes would say nothing; the sentence says why.
  const nothingShown = periods.length > 0 && hidden === periods.length;
  const yearly = figures.granularity === 'year' || figures.granularity === 'academic_year';
  return (
    <>
      <p className="slide__narrative">{figures.narrative}</p>
      {nothingShown ? (
        <p className="slide__note" data-testid="nothing-shown">
          No {periodWords} can be shown: every one is hidden (c) to protect small numbers.
          {yearly ? '' : ' Longer periods may show more: choose them for this item in the board pack.'}
        </p>
      ) : (
        <div className="slide__chart" data-slide-chart="">
          {mode === 'print' ? (
            <SpcChart points={figures.points} spc={spc} {...chart} events={marks} />
          ) : (
            // On screen and projected, the chart is one tab stop its keys move through (the words of
            // its summary for screen readers; on a projected slide they are not shown).
            <SpcChartNavigator
              indicator={indicator}
              points={figures.points}
              spc={spc}
              events={events}
              quiet={mode === 'present'}
              table={<ReportTableView table={indicatorTable(figures, `${indicator.title} by period`)} />}
              {...chart}
            />
          )}
        </div>
      )}
      {marks.length > 0 && (
        <p className="slide__note" data-testid="slide-events">
          {eventsLine(marks)}
        </p>
      )}
      {hidden > 0 && !nothingShown && (
        <p className="slide__note">
          {hidden} of {periods.length} {hidden === 1 ? 'period is' : 'periods are'} not shown (c): small numbers, or
          figures that would let one be worked out. The limits are drawn from the periods shown.
        </p>
      )}
    </>
  );
}

/** The board summary: on a projected slide, the slide's areas at slide size with the key to their icons. */
function SummaryBody({
  slide,
  figures,
  mode,
}: {
  slide: Extract<DeckSlide, { kind: 'summary' }>;
  figures: PackFigures;
  mode: SlideMode;
}) {
  const ids = slide.indicatorIds ?? HEADLINES.map((i) => i.id);
  const outcomes = ids.flatMap((id) => {
    const o = figures.indicators.get(id);
    return o ? [o] : [];
  });
  const period = figures.granularity === 'month' ? 'month' : figures.granularity;
  if (mode === 'present') {
    return (
      <div className="slide-summary" data-testid="slide-summary">
        <BoardSummary
          outcomes={outcomes}
          layout="slide"
          caption={`Each headline indicator for its latest complete ${period} (areas with yearly returns by year).`}
        />
        <SlideIconKey outcomes={outcomes} />
      </div>
    );
  }
  return (
    <>
      <BoardSummary
        outcomes={outcomes}
        caption={`Every headline indicator for its latest complete ${period} (areas with yearly returns by year), area by area.`}
      />
      <SpcIconKey compact />
    </>
  );
}

/** A heading of the yearly report: its figures (or what data would support it), and the partnership's words. */
function SectionBody({
  slide,
  figures,
  mode,
}: {
  slide: Extract<DeckSlide, { kind: 'section' }>;
  figures: PackFigures;
  mode: SlideMode;
}) {
  // On screen the words may say what to do next; printed or presented, only what is so.
  const { table, note } = sectionEvidence(slide, figures, mode === 'screen' ? 'app' : 'published');
  return (
    <>
      <p className="slide__lead">{slide.lead}</p>
      {note && (
        <p className="slide__note" data-testid="section-needs">
          {note}
        </p>
      )}
      {table && <ReportTableView table={table} />}
      {/* Words not written yet are left out: a published report never says "not written yet". */}
      {slide.blocks
        .filter((block) => block.text.trim() !== '')
        .map((block) => (
          <div className="slide__block" key={block.heading}>
            <h3 className="slide__block-heading">{block.heading}</h3>
            <p className="slide__block-text">{block.text}</p>
          </div>
        ))}
    </>
  );
}

/** What the partnership is doing about it: the commentary, on every slide that has one. */
function Commentary({ text }: { text: string }) {
  if (text.trim() === '') return null;
  return (
    <div className="slide__commentary">
      <h3 className="slide__commentary-heading">What the partnership is doing</h3>
      <p>{text}</p>
    </div>
  );
}

/** One slide of a deck: its title, its figures (as published) and its commentary. */
export function Slide({
  slide,
  figures,
  mode,
  deckTitle,
}: {
  slide: DeckSlide;
  figures: DeckFigures;
  mode: SlideMode;
  deckTitle: string;
}) {
  const indicatorId = slide.kind === 'indicator' ? slide.indicatorId : undefined;
  const outcome = slide.kind === 'indicator' ? slideIndicator(slide, figures) : undefined;
  return (
    <section
      className={`slide slide--${mode}`}
      data-testid="slide"
      data-slide-key={slide.key}
      data-indicator-id={indicatorId}
      data-slide-kind={slide.kind}
      aria-label={slide.title}
    >
      <header className="slide__header">
        <p className="slide__deck">{deckTitle}</p>
        <h2 className="slide__title">{slide.title}</h2>
      </header>
      <div className="slide__body">
        {slide.kind === 'summary' && <SummaryBody slide={slide} figures={figures} mode={mode} />}
        {slide.kind === 'indicator' &&
          (outcome?.status === 'ok' ? (
            <IndicatorBody figures={outcome} mode={mode} />
          ) : outcome === undefined ? (
            <p className="slide__narrative" role="status">
              Working out the figures at this item’s periods…
            </p>
          ) : (
            <p className="slide__narrative">Not loaded: this indicator needs {outcome.missingDatasets.join(', ')}.</p>
          ))}
        {slide.kind === 'view' && <ViewBody view={slide.view} figures={figures} mode={mode} />}
        {slide.kind === 'benchmark' && <BenchmarkBody item={slide.benchmark} figures={figures} mode={mode} />}
        {slide.kind === 'section' && <SectionBody slide={slide} figures={figures} mode={mode} />}
        {slide.kind !== 'section' && <Commentary text={slide.commentary} />}
      </div>
    </section>
  );
}
