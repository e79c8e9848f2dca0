import type { IndicatorFigures, IndicatorOutcome } from '../../board/pack-figures';
import { Sparkline } from '../../charts/sparkline';
import { AssuranceIcon, VariationIcon } from '../../charts/spc-chart';
import { getFamily } from '../../indicators/registry';
import { formatValue } from '../../ui/format';
import { shownBasis, shownValue } from './published-format';

/** The headline indicators the summary lists, in the registry's order (area by area). */
export function summaryRows(
  outcomes: ReadonlyMap<string, IndicatorOutcome>,
  ids: readonly string[],
): IndicatorOutcome[] {
  return ids.flatMap((id) => {
    const outcome = outcomes.get(id);
    return outcome ? [outcome] : [];
  });
}

function Row({ figures }: { figures: IndicatorFigures }) {
  const { indicator, spc } = figures;
  const latest = figures.points[figures.latestIndex];
  const basis = shownBasis(latest, indicator.unit);
  const spark = figures.points.slice(Math.max(0, figures.latestIndex - 11), figures.latestIndex + 1);
  return (
    <tr
      data-indicator-id={indicator.id}
      data-latest-value={latest && !latest.suppressed && latest.value !== null ? latest.value : ''}
      data-variation={latest?.suppressed ? '' : (spc.variation ?? '')}
      data-assurance={latest?.suppressed ? '' : (spc.assurance ?? '')}
    >
      <td className="board-summary__area">{getFamily(indicator.family).title}</td>
      <th scope="row">
        <span className="indicator-id">{indicator.id}</span> {indicator.title}
      </th>
      <td>{latest?.label ?? '–'}</td>
      <td className="numeric board-summary__value">
        <strong>{shownValue(latest, indicator.unit)}</strong>
        {basis && <span className="board-summary__basis">{basis}</span>}
      </td>
      <td className="numeric">{figures.target === null ? '–' : formatValue(figures.target, indicator.unit)}</td>
      <td>{latest?.suppressed ? '–' : <VariationIcon type={spc.variation} short />}</td>
      <td>{latest?.suppressed || !spc.assurance ? '–' : <AssuranceIcon type={spc.assurance} short />}</td>
      <td>
        <Sparkline
          values={spark.map((p) => p.value)}
          label={`${indicator.title}, last ${spark.length} periods`}
          width={120}
          height={30}
        />
      </td>
      <td>{figures.trend}</td>
    </tr>
  );
}

/**
 * The board summary in the format of NHS integrated performance reports: every headline indicator in
 * one table with its latest complete period, value and count, target, variation and assurance icons
 * (with text), a sparkline and the judgement in words. Everything is as published: with suppression on,
 * a hidden figure shows `c` and takes its icons with it.
 */
export function BoardSummary({ outcomes, caption }: { outcomes: readonly IndicatorOutcome[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="table board-summary" data-testid="board-summary">
        <caption className="board-summary__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="board-summary__area">
              Area
            </th>
            <th scope="col">Indicator</th>
            <th scope="col">Latest period</th>
            <th scope="col" className="numeric">
              Value
            </th>
            <th scope="col" className="numeric">
              Target
            </th>
            <th scope="col">Variation</th>
            <th scope="col">Assurance</th>
            <th scope="col">Trend</th>
            <th scope="col">In words</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((outcome) =>
            outcome.status === 'ok' ? (
              <Row key={outcome.indicator.id} figures={outcome} />
            ) : (
              <tr
                key={outcome.indicator.id}
                data-indicator-id={outcome.indicator.id}
                data-latest-value=""
                data-variation=""
                data-assurance=""
              >
                <td className="board-summary__area">{getFamily(outcome.indicator.family).title}</td>
                <th scope="row">
                  <span className="indicator-id">{outcome.indicator.id}</span> {outcome.indicator.title}
                </th>
                <td colSpan={7} className="hint">
                  Not loaded: needs {outcome.missingDatasets.join(', ')}.
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
