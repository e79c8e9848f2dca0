import type { IndicatorFigures, IndicatorOutcome } from '../../board/pack-figures';
import { shownBasis, shownValue } from '../../board/published-format';
import { Sparkline } from '../../charts/sparkline';
import { AssuranceIcon, VariationIcon } from '../../charts/spc-chart';
import type { IndicatorFamily } from '../../indicators/indicator-definition';
import { getFamily } from '../../indicators/registry';
import { formatValue } from '../../shared/format';
import { FigureCells, type FigureColumns, FigureHeads } from '../figure-table';

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

/** The summary's columns, over one indicator's figures. */
function summaryColumns(columns: ReturnType<typeof columnsOf>, layout: SummaryLayout): FigureColumns<IndicatorFigures> {
  const latestOf = (figures: IndicatorFigures) => figures.points[figures.latestIndex];
  const hidden = (figures: IndicatorFigures) => latestOf(figures)?.suppressed ?? false;
  return [
    {
      key: 'indicator',
      head: 'Indicator',
      cell: ({ indicator }) => (
        <>
          <span className="indicator-id">{indicator.id}</span> {indicator.title}
        </>
      ),
    },
    {
      key: 'period',
      head: 'Latest period',
      className: 'board-summary__period',
      cell: (figures) => latestOf(figures)?.label ?? '–',
    },
    {
      key: 'value',
      head: 'Value',
      numeric: true,
      className: 'board-summary__value',
      cell: (figures) => {
        const latest = latestOf(figures);
        const basis = shownBasis(latest, figures.indicator.unit);
        return (
          <>
            <strong>{shownValue(latest, figures.indicator.unit)}</strong>
            {basis && <span className="board-summary__basis">{basis}</span>}
          </>
        );
      },
    },
    columns.target && {
      key: 'target',
      head: 'Target',
      numeric: true,
      cell: (figures) => (figures.target === null ? '–' : formatValue(figures.target, figures.indicator.unit)),
    },
    {
      key: 'variation',
      head: 'Variation',
      className: 'board-summary__icon',
      cell: (figures) => (hidden(figures) ? '–' : <VariationIcon type={figures.spc.variation} short />),
    },
    columns.assurance && {
      key: 'assurance',
      head: 'Assurance',
      className: 'board-summary__icon',
      cell: (figures) =>
        hidden(figures) || !figures.spc.assurance ? '–' : <AssuranceIcon type={figures.spc.assurance} short />,
    },
    {
      key: 'trend',
      head: 'Trend',
      className: 'board-summary__trend',
      cell: (figures) => {
        const spark = figures.points.slice(Math.max(0, figures.latestIndex - 11), figures.latestIndex + 1);
        return (
          <Sparkline
            values={spark.map((p) => p.value)}
            label={`${figures.indicator.title}, last ${spark.length} periods`}
            width={layout === 'slide' ? 150 : 120}
            height={layout === 'slide' ? 40 : 30}
          />
        );
      },
    },
    { key: 'words', head: 'In words', cell: (figures) => figures.trend },
  ];
}

function Row({ figures, columns }: { figures: IndicatorFigures; columns: FigureColumns<IndicatorFigures> }) {
  const { indicator, spc } = figures;
  const latest = figures.points[figures.latestIndex];
  const hidden = latest?.suppressed ?? false;
  return (
    <tr
      data-indicator-id={indicator.id}
      data-latest-value={latest && !latest.suppressed && latest.value !== null ? latest.value : ''}
      data-variation={hidden ? '' : (spc.variation ?? '')}
      data-assurance={hidden ? '' : (spc.assurance ?? '')}
    >
      <FigureCells columns={columns} row={figures} rowHead />
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
  const cells = summaryColumns(columns, layout);
  const width = cells.filter(Boolean).length;
  return (
    <div className="table-scroll">
      <table className={`table board-summary board-summary--${layout}`} data-testid="board-summary">
        <caption className="board-summary__caption">{caption}</caption>
        <thead>
          <tr>
            <FigureHeads columns={cells} />
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
                <Row key={outcome.indicator.id} figures={outcome} columns={cells} />
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
