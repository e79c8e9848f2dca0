import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { comparisonSentence, filtersLabel, measureLabel } from '../../benchmarks/comparison-words';
import { type Authority, compareAuthority, type Direction, type MeasureChoice } from '../../benchmarks/published-store';
import { useAppData } from '../../session/app-data';
import { ComparisonChart } from './comparison-chart';
import { ComparisonCells, ComparisonHeads, ComparisonTable } from './comparison-table';

export function useComparison(choice: MeasureChoice, la: string, direction: Direction, neighbours: readonly string[]) {
  const { getEngine, dataVersion } = useAppData();
  return useQuery({
    queryKey: ['benchmark', choice.file_id, choice.measure, choice.filters, la, direction, neighbours, dataVersion],
    queryFn: async () =>
      compareAuthority(await getEngine(), {
        fileId: choice.file_id,
        measure: choice.measure,
        filters: choice.filters,
        la,
        direction,
        neighbours,
      }),
  });
}

/** One measure year by year: the comparison in words, its direction of good, the chart and the table. */
export function MeasureDetail({
  choice,
  la,
  neighbours,
  name,
  direction,
  onDirection,
}: {
  choice: MeasureChoice;
  la: string;
  neighbours: readonly string[];
  name: string;
  direction: Direction;
  onDirection: (direction: Direction) => void;
}) {
  const directionId = useId();
  const points = useComparison(choice, la, direction, neighbours).data ?? [];
  const latest = points.at(-1);
  const label = measureLabel(choice.measure);
  const breakdown = filtersLabel(choice.filters);
  if (!latest) return null;
  return (
    <section className="benchmark-detail" aria-label={`${label}, year by year`} data-testid="benchmark-detail">
      <h2 className="heading-m">
        {label}
        {breakdown && <span className="hint"> — {breakdown}</span>}
      </h2>
      <p className="chart-summary">{comparisonSentence(name, label, latest, direction)}</p>
      <div className="form-group">
        <label className="label" htmlFor={directionId}>
          Direction of good for {label}
        </label>
        <select
          id={directionId}
          className="select"
          value={direction}
          onChange={(e) => onDirection(e.target.value as Direction)}
        >
          <option value="down">Lower is better</option>
          <option value="up">Higher is better</option>
          <option value="neutral">Neither (not ranked)</option>
        </select>
      </div>
      <ComparisonChart points={points} name={name} title={`${label}${breakdown ? ` — ${breakdown}` : ''}`} />
      <ComparisonTable points={points} name={name} />
    </section>
  );
}

export function MeasureRow({
  choice,
  la,
  neighbours,
  direction,
  open,
  onOpen,
}: {
  choice: MeasureChoice;
  la: string;
  neighbours: readonly string[];
  direction: Direction;
  open: boolean;
  onOpen: () => void;
}) {
  const points = useComparison(choice, la, direction, neighbours).data ?? [];
  const latest = points.at(-1);
  const label = measureLabel(choice.measure);
  const breakdown = filtersLabel(choice.filters);
  return (
    <tr
      data-testid="benchmark-latest"
      data-measure={choice.measure}
      data-time-period={latest?.timePeriod ?? ''}
      data-la-value={latest?.laValue ?? ''}
      data-neighbour-average={latest?.neighbourAverage ?? ''}
      data-region-value={latest?.regionValue ?? ''}
      data-england-value={latest?.englandValue ?? ''}
      data-rank={latest?.rank ?? ''}
    >
      <th scope="row">
        {label}
        {breakdown && <span className="hint"> — {breakdown}</span>}
      </th>
      <td>{latest?.timePeriod ?? '–'}</td>
      <ComparisonCells point={latest} />
      <td>
        <button type="button" className="link-button" aria-expanded={open} onClick={onOpen}>
          {open ? 'Hide' : 'Show'} years<span className="visually-hidden">: {label}</span>
        </button>
      </td>
    </tr>
  );
}

/** Every measure's latest year for one authority, file by file. */
export function LatestTable({
  authority,
  code,
  measures,
  neighbours,
  directionOf,
  open,
  onOpen,
}: {
  authority: Authority;
  code: string;
  measures: readonly MeasureChoice[];
  neighbours: readonly string[];
  directionOf: (measure: string) => Direction;
  open: string | null;
  onOpen: (key: string) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table table--compact benchmark-table">
        <caption className="visually-hidden">
          {authority.la_name}: each measure’s latest year against its neighbours, region and England
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <ComparisonHeads name={authority.la_name} />
            <th scope="col">
              <span className="visually-hidden">Years</span>
            </th>
          </tr>
        </thead>
        {groupByFile(measures).map(([file, choices]) => (
          <tbody key={file}>
            <tr>
              <th scope="rowgroup" colSpan={9} className="benchmark-file">
                {file}
              </th>
            </tr>
            {choices.map((choice) => {
              const key = `${choice.file_id}|${choice.measure}|${choice.filters}`;
              return (
                <MeasureRow
                  key={key}
                  choice={choice}
                  la={code}
                  neighbours={neighbours}
                  direction={directionOf(choice.measure)}
                  open={open === key}
                  onOpen={() => onOpen(key)}
                />
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export function groupByFile(measures: readonly MeasureChoice[]): [string, MeasureChoice[]][] {
  const groups = new Map<string, MeasureChoice[]>();
  for (const m of measures) groups.set(m.file_name, [...(groups.get(m.file_name) ?? []), m]);
  return [...groups];
}
