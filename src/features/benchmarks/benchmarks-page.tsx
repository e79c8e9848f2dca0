import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { comparisonSentence, filtersLabel, measureLabel, shownNumber } from '../../benchmarks/comparison-words';
import { knownDirection } from '../../benchmarks/directions';
import {
  type Authority,
  compareAuthority,
  type Direction,
  type MeasureChoice,
  neighbourCount,
  publishedAuthorities,
  publishedMeasures,
} from '../../benchmarks/published-store';
import { useAppData } from '../../session/app-data';
import { useBenchmarkSettings } from '../../session/benchmark-settings';
import { ComparisonChart } from './comparison-chart';
import { ComparisonTable } from './comparison-table';

function useComparison(choice: MeasureChoice, la: string, direction: Direction, neighbours: readonly string[]) {
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

/** Neighbours chosen by hand: when there is no neighbour file, or to compare with other authorities. */
function NeighbourPicker({
  authorities,
  la,
  chosen,
  onChange,
}: {
  authorities: readonly Authority[];
  la: string;
  chosen: readonly string[];
  onChange: (codes: string[]) => void;
}) {
  const codeOf = (a: Authority) => a.new_la_code || a.old_la_code || '';
  const others = authorities.filter((a) => a.old_la_code !== la && a.new_la_code !== la);
  return (
    <details className="details" data-testid="neighbour-picker">
      <summary className="details__summary">Choose neighbours by hand ({chosen.length} chosen)</summary>
      <div className="details__text">
        <p className="hint">
          When any are chosen they are used instead of the neighbour file’s. The DfE’s statistical neighbours are the
          usual comparison; choose by hand only with a reason (say so when presenting).
        </p>
        <fieldset className="fieldset neighbour-list">
          <legend className="visually-hidden">Neighbours</legend>
          {others.map((a) => {
            const code = codeOf(a);
            return (
              <label key={`${a.la_name}-${code}`} className="checkbox-label">
                <input
                  type="checkbox"
                  checked={chosen.includes(code)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, code] : chosen.filter((c) => c !== code))}
                />{' '}
                {a.la_name}
              </label>
            );
          })}
        </fieldset>
        {chosen.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Use the neighbour file’s again
          </button>
        )}
      </div>
    </details>
  );
}

/** One measure year by year: the comparison in words, its direction of good, the chart and the table. */
function MeasureDetail({
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

function MeasureRow({
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
    <>
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
        <td className="numeric">
          <strong>
            {latest ? (latest.laValue === null ? (latest.laMarker ?? '–') : shownNumber(latest.laValue)) : '–'}
          </strong>
        </td>
        <td className="numeric">
          {latest ? shownNumber(latest.neighbourAverage) : '–'}
          {latest && latest.neighbourAverage !== null && <span className="hint"> ({latest.neighbourCount})</span>}
        </td>
        <td className="numeric">{latest ? shownNumber(latest.regionValue) : '–'}</td>
        <td className="numeric">{latest ? shownNumber(latest.englandValue) : '–'}</td>
        <td className="numeric">{latest?.rank ? `${latest.rank} of ${latest.rankOf}` : '–'}</td>
        <td>{latest?.quartile ?? '–'}</td>
        <td>
          <button type="button" className="link-button" aria-expanded={open} onClick={onOpen}>
            {open ? 'Hide' : 'Show'} years<span className="visually-hidden">: {label}</span>
          </button>
        </td>
      </tr>
    </>
  );
}

function AuthorityPicker({
  authorities,
  la,
  onChange,
}: {
  authorities: readonly Authority[];
  la: string | undefined;
  onChange: (code: string) => void;
}) {
  const id = useId();
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        Our local authority
      </label>
      <p className="hint">Chosen from the authorities in the files loaded; saved in this browser.</p>
      <select
        id={id}
        className="select"
        value={la ?? ''}
        onChange={(e) => onChange(e.target.value)}
        data-testid="benchmark-la"
      >
        <option value="">Choose…</option>
        {authorities.map((a) => {
          const code = a.new_la_code || a.old_la_code || '';
          return (
            <option key={`${a.la_name}-${code}`} value={code}>
              {a.la_name} ({[a.old_la_code, a.new_la_code].filter(Boolean).join(', ')})
            </option>
          );
        })}
      </select>
    </div>
  );
}

/** Our authority against its statistical neighbours, its region and England, from the DfE's files. */
/** One authority's comparison: where its neighbours come from, every measure's latest year, and a measure's years. */
function AuthorityComparison({
  authority,
  authorities,
  measures,
  settings,
}: {
  authority: Authority;
  authorities: readonly Authority[];
  measures: readonly MeasureChoice[];
  settings: ReturnType<typeof useBenchmarkSettings>;
}) {
  const { getEngine, dataVersion } = useAppData();
  const [open, setOpen] = useState<string | null>(null);
  const code = authority.new_la_code || authority.old_la_code || '';
  const chosen = settings.neighboursOf(code);
  const neighbours = useQuery({
    queryKey: ['neighbour-count', code, dataVersion],
    queryFn: async () => neighbourCount(await getEngine(), code),
  });
  const directionOf = (measure: string) => settings.directionOf(measure) ?? knownDirection(measure).direction;
  return (
    <section className="benchmark-authority" aria-label={authority.la_name} data-la={code}>
      <h2 className="heading-l">{authority.la_name}</h2>
      <p className="hint" data-testid="neighbour-status">
        {chosen.length > 0
          ? `${authority.la_name}: ${chosen.length} ${chosen.length === 1 ? 'neighbour' : 'neighbours'} chosen by hand.`
          : neighbours.data
            ? `${authority.la_name}: ${neighbours.data} statistical neighbours from the neighbour file loaded.`
            : 'No statistical-neighbour file is loaded for this authority: drop the DfE’s statistical-neighbour file on the Data page, or choose neighbours by hand below.'}
      </p>
      <NeighbourPicker
        authorities={authorities}
        la={code}
        chosen={chosen}
        onChange={(codes) => settings.setNeighbours(code, codes)}
      />
      <div className="table-scroll">
        <table className="table table--compact benchmark-table">
          <caption className="visually-hidden">
            {authority.la_name}: each measure’s latest year against its neighbours, region and England
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Year</th>
              <th scope="col" className="numeric">
                {authority.la_name}
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
                    neighbours={chosen}
                    direction={directionOf(choice.measure)}
                    open={open === key}
                    onOpen={() => setOpen(open === key ? null : key)}
                  />
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      {measures
        .filter((choice) => open === `${choice.file_id}|${choice.measure}|${choice.filters}`)
        .map((choice) => (
          <MeasureDetail
            key={open}
            choice={choice}
            la={code}
            neighbours={chosen}
            name={authority.la_name}
            direction={directionOf(choice.measure)}
            onDirection={(d) => settings.setDirection(choice.measure, d)}
          />
        ))}
    </section>
  );
}

/** Another authority the partnership covers: added to the page after ours, each with its own comparison. */
function OtherAuthorities({
  authorities,
  others,
  exclude,
  onChange,
}: {
  authorities: readonly Authority[];
  others: readonly string[];
  exclude: string | undefined;
  onChange: (codes: string[]) => void;
}) {
  const id = useId();
  const codeOf = (a: Authority) => a.new_la_code || a.old_la_code || '';
  const addable = authorities.filter((a) => codeOf(a) !== exclude && !others.includes(codeOf(a)));
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        Another local authority the partnership covers
      </label>
      <select
        id={id}
        className="select"
        value=""
        onChange={(e) => e.target.value && onChange([...others, e.target.value])}
        data-testid="benchmark-other-la"
      >
        <option value="">Add…</option>
        {addable.map((a) => (
          <option key={`${a.la_name}-${codeOf(a)}`} value={codeOf(a)}>
            {a.la_name}
          </option>
        ))}
      </select>
      {others.length > 0 && (
        <ul className="list">
          {others.map((code) => (
            <li key={code}>
              {authorities.find((a) => codeOf(a) === code)?.la_name ?? code}{' '}
              <button type="button" className="link-button" onClick={() => onChange(others.filter((c) => c !== code))}>
                Remove<span className="visually-hidden"> {code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Our authority (and any others the partnership covers) against statistical neighbours, region and England. */
export function BenchmarksPage({ la: addressLa, onLa }: { la?: string; onLa: (la: string) => void }) {
  const { getEngine, dataVersion } = useAppData();
  const settings = useBenchmarkSettings();
  const data = useQuery({
    queryKey: ['published', dataVersion],
    queryFn: async () => {
      const engine = await getEngine();
      return { measures: await publishedMeasures(engine), authorities: await publishedAuthorities(engine) };
    },
  });
  const la = addressLa ?? settings.la ?? undefined;
  const authorities = data.data?.authorities ?? [];
  const find = (code: string | undefined) =>
    code === undefined ? undefined : authorities.find((a) => a.old_la_code === code || a.new_la_code === code);
  const authority = find(la);
  const others = settings.others.flatMap((code) => {
    const other = find(code);
    return other && other !== authority ? [other] : [];
  });
  const choose = (code: string) => {
    settings.setLa(code || null);
    onLa(code);
  };
  const measures = data.data?.measures ?? [];
  return (
    <div data-testid="benchmarks">
      <h1 className="heading-xl">Published statistics</h1>
      <p className="lead">
        Is this high or low for an area like ours? The DfE’s published statistics for our local authority against the
        average of its statistical neighbours, its region and England, year by year, with its rank among all authorities
        (1 = best) and its quartile band (A = best quarter), as the DfE’s Local Authority Interactive Tool shows them.
      </p>
      {data.isPending && <p role="status">Reading the published statistics…</p>}
      {data.data && measures.length === 0 && (
        <div className="inset-text" data-testid="benchmarks-empty">
          <p>No published statistics are loaded.</p>
          <p>
            Download the CSV files of a publication from explore-education-statistics (for example “Children in need”,
            “Characteristics of children in need” or “Children’s social work workforce”) and the DfE’s
            statistical-neighbour file, and drop them on the <a href="#/">Data</a> page with your partners’ files.
          </p>
        </div>
      )}
      {measures.length > 0 && data.data && (
        <>
          <AuthorityPicker authorities={authorities} la={la} onChange={choose} />
          {la && !authority && (
            <p className="error-text" role="alert">
              No local authority has the code {la} in the files loaded.
            </p>
          )}
          {authority && (
            <OtherAuthorities
              authorities={authorities}
              others={settings.others}
              exclude={authority.new_la_code || authority.old_la_code || undefined}
              onChange={settings.setOthers}
            />
          )}
          {[authority, ...others].flatMap((a) =>
            a
              ? [
                  <AuthorityComparison
                    key={a.la_name}
                    authority={a}
                    authorities={authorities}
                    measures={measures}
                    settings={settings}
                  />,
                ]
              : [],
          )}
          <p className="hint">
            Markers stay markers: c (suppressed), x (not available), z (not applicable), u (low reliability), k and low
            (rounds to zero) and older symbols are never read as zero, never averaged and never ranked; a neighbour
            average says how many neighbours it rests on. Ranks are given only where the DfE sets a direction of good
            (re-referrals and second child protection plans: lower; assessments within 45 working days: higher).
          </p>
        </>
      )}
    </div>
  );
}

function groupByFile(measures: readonly MeasureChoice[]): [string, MeasureChoice[]][] {
  const groups = new Map<string, MeasureChoice[]>();
  for (const m of measures) groups.set(m.file_name, [...(groups.get(m.file_name) ?? []), m]);
  return [...groups];
}
