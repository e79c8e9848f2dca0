import { useEffect, useState } from 'react';
import { type BenchmarkItem, benchmarkKey } from '../../board/benchmark-item';
import type { IndicatorFigures, PackFigures } from '../../board/pack-figures';
import { SpcChart } from '../../charts/spc-chart';
import { GRANULARITY_LABELS } from '../../indicators/periods';
import { axisBounds, formatValue, UNIT_AXIS_LABELS } from '../../ui/format';
import { ComparisonChart } from '../benchmarks/comparison-chart';
import { ComparisonTable } from '../benchmarks/comparison-table';
import { BoardSummary } from './board-summary';
import type { DeckSlide } from './deck';
import { HEADLINES } from './deck';
import { shownBasis, shownValue } from './published-format';
import { PRINT_CHART, type SlideMode } from './slide-sizes';
import { SpcIconKey } from './spc-icon-key';
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

function useChartHeight(mode: SlideMode): number {
  const [height, setHeight] = useState(() => (typeof window === 'undefined' ? 600 : window.innerHeight));
  useEffect(() => {
    const update = () => setHeight(window.innerHeight);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  if (mode === 'print') return PRINT_CHART.height;
  if (mode === 'present') return Math.max(260, Math.round(height * 0.56));
  return 320;
}

function IndicatorBody({ figures, mode }: { figures: IndicatorFigures; mode: SlideMode }) {
  const { indicator, spc } = figures;
  const height = useChartHeight(mode);
  const hidden = figures.points.filter((p) => p.suppressed).length;
  return (
    <>
      <p className="slide__narrative">{figures.narrative}</p>
      <div className="slide__chart" data-slide-chart="">
        <SpcChart
          points={figures.points}
          spc={spc}
          changes={spc.changes}
          filling={spc.warmUp}
          target={figures.target}
          valueLabel={UNIT_AXIS_LABELS[indicator.unit]}
          title={`${indicator.title}, by ${GRANULARITY_LABELS[figures.granularity].toLowerCase()}`}
          format={(v) => formatValue(v, indicator.unit)}
          width={mode === 'print' ? PRINT_CHART.width : undefined}
          height={height}
          bounds={axisBounds(indicator.unit)}
        />
      </div>
      {hidden > 0 && (
        <p className="slide__note">
          {hidden} {hidden === 1 ? 'period is' : 'periods are'} not shown (c): small numbers, or figures that would let
          one be worked out. The limits are drawn from the periods shown.
        </p>
      )}
    </>
  );
}

/** A statutory use of data in the yearly report: the year's figures in a table, and the partnership's words. */
function SectionBody({ slide, figures }: { slide: Extract<DeckSlide, { kind: 'section' }>; figures: PackFigures }) {
  const rows = slide.indicatorIds.flatMap((id) => {
    const outcome = figures.indicators.get(id);
    return outcome?.status === 'ok' ? [outcome] : [];
  });
  return (
    <>
      <p className="slide__lead">{slide.lead}</p>
      <table className="table table--compact section-table">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Year</th>
            <th scope="col" className="numeric">
              Value
            </th>
            <th scope="col" className="numeric">
              Year before
            </th>
            <th scope="col">In words</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => {
            const latest = f.points[f.latestIndex];
            const before = f.points[f.latestIndex - 1];
            const basis = shownBasis(latest, f.indicator.unit);
            return (
              <tr key={f.indicator.id} data-indicator-id={f.indicator.id}>
                <th scope="row">
                  <span className="indicator-id">{f.indicator.id}</span> {f.indicator.title}
                </th>
                <td>{latest?.label ?? '–'}</td>
                <td className="numeric">
                  {shownValue(latest, f.indicator.unit)}
                  {basis && <span className="board-summary__basis">{basis}</span>}
                </td>
                <td className="numeric">{shownValue(before, f.indicator.unit)}</td>
                <td>{f.yearOnYear}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
  counter,
}: {
  slide: DeckSlide;
  figures: PackFigures;
  mode: SlideMode;
  deckTitle: string;
  /** "3 of 9", in presentation mode. */
  counter?: string;
}) {
  const indicatorId = slide.kind === 'indicator' ? slide.indicatorId : undefined;
  const outcome = indicatorId ? figures.indicators.get(indicatorId) : undefined;
  return (
    <section
      className={`slide slide--${mode}`}
      data-testid="slide"
      data-indicator-id={indicatorId}
      data-slide-kind={slide.kind}
      aria-label={slide.title}
    >
      <header className="slide__header">
        <p className="slide__deck">{deckTitle}</p>
        <h2 className="slide__title">{slide.title}</h2>
      </header>
      <div className="slide__body">
        {slide.kind === 'summary' && (
          <>
            <BoardSummary
              outcomes={HEADLINES.flatMap((i) => {
                const o = figures.indicators.get(i.id);
                return o ? [o] : [];
              })}
              caption={`Every headline indicator for its latest complete ${figures.granularity === 'month' ? 'month' : figures.granularity} (areas with yearly returns by year).`}
            />
            {mode !== 'present' && <SpcIconKey compact />}
          </>
        )}
        {slide.kind === 'indicator' &&
          (outcome?.status === 'ok' ? (
            <IndicatorBody figures={outcome} mode={mode} />
          ) : (
            <p className="slide__narrative">
              Not loaded: this indicator needs{' '}
              {outcome?.status === 'missing_data' ? outcome.missingDatasets.join(', ') : 'data'}.
            </p>
          ))}
        {slide.kind === 'view' && <ViewBody view={slide.view} figures={figures} mode={mode} />}
        {slide.kind === 'benchmark' && <BenchmarkBody item={slide.benchmark} figures={figures} mode={mode} />}
        {slide.kind === 'section' && <SectionBody slide={slide} figures={figures} />}
        {slide.kind !== 'section' && <Commentary text={slide.commentary} />}
      </div>
      {counter && <p className="slide__counter">{counter}</p>}
    </section>
  );
}
