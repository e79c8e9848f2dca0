import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { choiceLabel, comparisonSentence, filtersLabel } from '../../benchmarks/comparison-words';
import { choiceScale } from '../../benchmarks/measure-scale';
import { type Authority, compareAuthority, type Direction, type MeasureChoice } from '../../benchmarks/published-store';
import { ComparisonChart } from '../../charts/comparison-chart';
import { useDataVersion, useEngine } from '../../session/app-data';
import { ComparisonCells, ComparisonHeads, ComparisonTable } from '../../ui/comparison-table';
import { FileName } from '../../ui/file-name';

export function useComparison(choice: MeasureChoice, la: string, direction: Direction, neighbours: readonly string[]) {
  const getEngine = useEngine();
  const dataVersion = useDataVersion();
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
  rate,
  onOpenRate,
}: {
  choice: MeasureChoice;
  la: string;
  neighbours: readonly string[];
  name: string;
  direction: Direction;
  onDirection: (direction: Direction) => void;
  /** The rate or share the file publishes beside this count, to compare instead. */
  rate?: MeasureChoice;
  onOpenRate?: () => void;
}) {
  const directionId = useId();
  const scale = choiceScale(choice);
  const shownDirection = scale === 'count' ? 'neutral' : direction;
  const points = useComparison(choice, la, shownDirection, neighbours).data ?? [];
  const latest = points.at(-1);
  const label = choiceLabel(choice);
  const breakdown = filtersLabel(choice.filters);
  if (!latest) return null;
  return (
    <section
      className="benchmark-detail"
      aria-label={`${label}, year by year`}
      data-testid="benchmark-detail"
      data-measure={choice.measure}
    >
      <h2 className="heading-m">
        {label}
        {breakdown && <span className="hint"> — {breakdown}</span>}
      </h2>
      <p className="chart-summary">{comparisonSentence(name, label, latest, shownDirection, scale)}</p>
      {scale === 'count' ? (
        <p className="hint" data-testid="count-note">
          A count depends on the size of the authority: it is not ranked, and the region’s and England’s figures are
          their totals.{' '}
          {rate && onOpenRate && (
            <button type="button" className="link-button" onClick={onOpenRate} data-testid="open-rate">
              See the rate instead: {choiceLabel(rate)}
            </button>
          )}
        </p>
      ) : (
        <DirectionChoice id={directionId} label={label} direction={direction} onDirection={onDirection} />
      )}
      <ComparisonChart
        points={points}
        name={name}
        title={`${label}${breakdown ? ` — ${breakdown}` : ''}`}
        scale={scale}
      />
      <ComparisonTable points={points} name={name} />
    </section>
  );
}

function DirectionChoice({
  id: directionId,
  label,
  direction,
  onDirection,
}: {
  id: string;
  label: string;
  direction: Direction;
  onDirection: (direction: Direction) => void;
}) {
  return (
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
  const scale = choiceScale(choice);
  const points = useComparison(choice, la, scale === 'count' ? 'neutral' : direction, neighbours).data ?? [];
  const latest = points.at(-1);
  const label = choiceLabel(choice);
  const breakdown = filtersLabel(choice.filters);
  return (
    <tr
      data-testid="benchmark-latest"
      data-measure={choice.measure}
      data-scale={scale}
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
        {scale === 'count' && <span className="hint"> (a count: region and England are totals)</span>}
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
                <FileName name={file} />
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
