import { shownNumber } from '../benchmarks/comparison-words';
import type { ComparisonPoint } from '../benchmarks/published-store';
import { FigureCells, type FigureColumn, type FigureColumns, FigureHeads, FigureTable } from './figure-table';

/** A year's comparison: ours, the neighbours, region, England, rank and quartile. */
function comparisonColumns(name: string): FigureColumns<ComparisonPoint> {
  return [
    {
      key: 'ours',
      head: name,
      numeric: true,
      cell: (point) => (
        <strong>
          {point.laValue === null
            ? point.laMarker
              ? `${point.laMarker} (not published)`
              : 'no figure'
            : shownNumber(point.laValue)}
        </strong>
      ),
    },
    {
      key: 'neighbours',
      head: 'Neighbours (how many)',
      numeric: true,
      cell: (point) => (
        <>
          {shownNumber(point.neighbourAverage)}
          {point.neighbourAverage !== null && <span className="hint"> ({point.neighbourCount})</span>}
        </>
      ),
    },
    { key: 'region', head: 'Region', numeric: true, cell: (point) => shownNumber(point.regionValue) },
    { key: 'england', head: 'England', numeric: true, cell: (point) => shownNumber(point.englandValue) },
    {
      key: 'rank',
      head: 'Rank',
      numeric: true,
      cell: (point) => (point.rank ? `${point.rank} of ${point.rankOf}` : '–'),
    },
    { key: 'quartile', head: 'Quartile', cell: (point) => point.quartile ?? '–' },
  ];
}

const YEAR: FigureColumn<ComparisonPoint> = { key: 'year', head: 'Year', cell: (point) => point.timePeriod };

/** The header cells of a comparison: the year, ours, the neighbours, region, England, rank and quartile. */
export function ComparisonHeads({ name }: { name: string }) {
  return <FigureHeads columns={[YEAR, ...comparisonColumns(name)]} />;
}

/** One year's comparison under those headers (after the year's own cell), or dashes while it is worked out. */
export function ComparisonCells({ point }: { point: ComparisonPoint | undefined }) {
  if (!point) {
    return (
      <>
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: six fixed, empty cells
          <td key={i}>–</td>
        ))}
      </>
    );
  }
  return <FigureCells columns={comparisonColumns('')} row={point} />;
}

/** The chart's figures, year by year: what a screen reader reads and what a board member checks. */
export function ComparisonTable({ points, name }: { points: ComparisonPoint[]; name: string }) {
  const region = `${name} against its neighbours, region and England, by year (table)`;
  return (
    // Thirteen years and more scroll: the region takes the keyboard focus so it can be scrolled without a mouse.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={region}>
      <FigureTable
        caption={`${name} against its neighbours, region and England, by year`}
        captionHidden
        columns={[YEAR, ...comparisonColumns(name)]}
        rows={points}
        rowKey={(p) => p.timePeriod}
      />
    </section>
  );
}
