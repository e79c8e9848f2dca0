import type { IndicatorFigures, IndicatorOutcome } from '../../board/pack-figures';
import { shownBasis, shownValue } from '../../board/published-format';
import { Sparkline } from '../../charts/sparkline';
import { AssuranceIcon, VariationIcon } from '../../charts/spc-chart';
import type { IndicatorFamily } from '../../indicators/indicator-definition';
import { getFamily } from '../../indicators/registry';
import { formatValue } from '../../shared/format';

/** How the summary is drawn: on a page (the builder, print) or on a projected slide (large, fewer columns). */
type SummaryLayout = 'page' | 'slide';

/** Rows area by area, in the order given (the registry's). */
function byArea(outcomes: readonly IndicatorOutcome[]): { area: IndicatorFamily; rows: IndicatorOutcome[] }[] {
  const groups: { area: IndicatorFamily; rows: IndicatorOutcome[] }[] = [];
  for (const outcome of outcomes) {
    const area = outcome.indicator.family;
    const last = groups.at(-1);
    if (last?.area === area) last.rows.push(outcome);
    else groups.push({ area, rows: [outcome] });
  }
  return groups;
}

/** A slide leaves out the target and assurance columns when no row has a target (nothing but dashes). */
function columnsOf(outcomes: readonly IndicatorOutcome[], layout: SummaryLayout) {
  const targets = outcomes.some((o) => o.status === 'ok' && o.target !== null);
  return { target: layout === 'page' || targets, assurance: layout === 'page' || targets };
}

function Row({
  figures,
  columns,
  layout,
}: {
  figures: IndicatorFigures;
  columns: ReturnType<typeof columnsOf>;
  layout: SummaryLayout;
}) {
  const { indicator, spc } = figures;
  const latest = figures.points[figures.latestIndex];
  const basis = shownBasis(latest, indicator.unit);
  const spark = figures.points.slice(Math.max(0, figures.latestIndex - 11), figures.latestIndex + 1);
  const hidden = latest?.suppressed ?? false;
  return (
    <tr
      data-indicator-id={indicator.id}
      data-latest-value={latest && !latest.suppressed && latest.value !== null ? latest.value : ''}
      data-variation={hidden ? '' : (spc.variation ?? '')}
      data-assurance={hidden ? '' : (spc.assurance ?? '')}
    >
      <th scope="row">
        <span className="indicator-id">{indicator.id}</span> {indicator.title}
      </th>
      <td className="board-summary__period">{latest?.label ?? '–'}</td>
      <td className="numeric board-summary__value">
        <strong>{shownValue(latest, indicator.unit)}</strong>
        {basis && <span className="board-summary__basis">{basis}</span>}
      </td>
      {columns.target && (
        <td className="numeric">{figures.target === null ? '–' : formatValue(figures.target, indicator.unit)}</td>
      )}
      <td className="board-summary__icon">{hidden ? '–' : <VariationIcon type={spc.variation} short />}</td>
      {columns.assurance && (
        <td className="board-summary__icon">
          {hidden || !spc.assurance ? '–' : <AssuranceIcon type={spc.assurance} short />}
        </td>
      )}
      <td className="board-summary__trend">
        <Sparkline
          values={spark.map((p) => p.value)}
          label={`${indicator.title}, last ${spark.length} periods`}
          width={layout === 'slide' ? 150 : 120}
          height={layout === 'slide' ? 40 : 30}
        />
      </td>
      <td>{figures.trend}</td>
    </tr>
  );
}

/**
 * The board summary in the format of NHS integrated performance reports: every headline indicator, area
 * by area under the area's name, with its latest complete period, value and count, target, variation and
 * assurance icons (with text), a sparkline and the judgement in words. Everything is as published: with
 * suppression on, a hidden figure shows `c` and takes its icons with it.
 */
export function BoardSummary({
  outcomes,
  caption,
  layout = 'page',
}: {
  outcomes: readonly IndicatorOutcome[];
  caption: string;
  layout?: SummaryLayout;
}) {
  const columns = columnsOf(outcomes, layout);
  const width = 6 + Number(columns.target) + Number(columns.assurance);
  return (
    <div className="table-scroll">
      <table className={`table board-summary board-summary--${layout}`} data-testid="board-summary">
        <caption className="board-summary__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Latest period</th>
            <th scope="col" className="numeric">
              Value
            </th>
            {columns.target && (
              <th scope="col" className="numeric">
                Target
              </th>
            )}
            <th scope="col">Variation</th>
            {columns.assurance && <th scope="col">Assurance</th>}
            <th scope="col">Trend</th>
            <th scope="col">In words</th>
          </tr>
        </thead>
        {byArea(outcomes).map(({ area, rows }) => (
          <tbody key={area} data-area={area}>
            <tr className="board-summary__area-row">
              <th scope="colgroup" colSpan={width}>
                {getFamily(area).title}
              </th>
            </tr>
            {rows.map((outcome) =>
              outcome.status === 'ok' ? (
                <Row key={outcome.indicator.id} figures={outcome} columns={columns} layout={layout} />
              ) : (
                <tr
                  key={outcome.indicator.id}
                  data-indicator-id={outcome.indicator.id}
                  data-latest-value=""
                  data-variation=""
                  data-assurance=""
                >
                  <th scope="row">
                    <span className="indicator-id">{outcome.indicator.id}</span> {outcome.indicator.title}
                  </th>
                  <td colSpan={width - 1} className="hint">
                    Not loaded: needs {outcome.missingDatasets.join(', ')}.
                  </td>
                </tr>
              ),
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}
