import { shownNumber } from '../benchmarks/comparison-words';
import type { ComparisonPoint } from '../benchmarks/published-store';

/** The header cells of a comparison: the year, ours, the neighbours, region, England, rank and quartile. */
export function ComparisonHeads({ name }: { name: string }) {
  return (
    <>
      <th scope="col">Year</th>
      <th scope="col" className="numeric">
        {name}
      </th>
      <th scope="col" className="numeric">
        Neighbours (how many)
      </th>
      <th scope="col" className="numeric">
        Region
      </th>
      <th scope="col" className="numeric">
        England
      </th>
      <th scope="col" className="numeric">
        Rank
      </th>
      <th scope="col">Quartile</th>
    </>
  );
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
  return (
    <>
      <td className="numeric">
        <strong>
          {point.laValue === null
            ? point.laMarker
              ? `${point.laMarker} (not published)`
              : 'no figure'
            : shownNumber(point.laValue)}
        </strong>
      </td>
      <td className="numeric">
        {shownNumber(point.neighbourAverage)}
        {point.neighbourAverage !== null && <span className="hint"> ({point.neighbourCount})</span>}
      </td>
      <td className="numeric">{shownNumber(point.regionValue)}</td>
      <td className="numeric">{shownNumber(point.englandValue)}</td>
      <td className="numeric">{point.rank ? `${point.rank} of ${point.rankOf}` : '–'}</td>
      <td>{point.quartile ?? '–'}</td>
    </>
  );
}

/** The chart's figures, year by year: what a screen reader reads and what a board member checks. */
export function ComparisonTable({ points, name }: { points: ComparisonPoint[]; name: string }) {
  const region = `${name} against its neighbours, region and England, by year (table)`;
  return (
    // Thirteen years and more scroll: the region takes the keyboard focus so it can be scrolled without a mouse.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={region}>
      <table className="table table--compact">
        <caption className="visually-hidden">{name} against its neighbours, region and England, by year</caption>
        <thead>
          <tr>
            <ComparisonHeads name={name} />
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.timePeriod}>
              <th scope="row">{p.timePeriod}</th>
              <ComparisonCells point={p} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
