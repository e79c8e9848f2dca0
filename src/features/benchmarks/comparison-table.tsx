import { shownNumber as number } from '../../benchmarks/comparison-words';
import type { ComparisonPoint } from '../../benchmarks/published-store';

/** The chart's figures, year by year: what a screen reader reads and what a board member checks. */
export function ComparisonTable({ points, name }: { points: ComparisonPoint[]; name: string }) {
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="visually-hidden">{name} against its neighbours, region and England, by year</caption>
        <thead>
          <tr>
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
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.timePeriod}>
              <th scope="row">{p.timePeriod}</th>
              <td className="numeric">
                {p.laValue === null ? (p.laMarker ? `${p.laMarker} (not published)` : 'no figure') : number(p.laValue)}
              </td>
              <td className="numeric">
                {number(p.neighbourAverage)}
                {p.neighbourAverage !== null && ` (${p.neighbourCount})`}
              </td>
              <td className="numeric">{number(p.regionValue)}</td>
              <td className="numeric">{number(p.englandValue)}</td>
              <td className="numeric">{p.rank ? `${p.rank} of ${p.rankOf}` : '–'}</td>
              <td>{p.quartile ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
