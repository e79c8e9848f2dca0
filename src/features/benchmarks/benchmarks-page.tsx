import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { knownDirection } from '../../benchmarks/directions';
import { choiceScale, rateBeside } from '../../benchmarks/measure-scale';
import {
  type Authority,
  type MeasureChoice,
  neighbourCount,
  publishedAuthorities,
  publishedMeasures,
} from '../../benchmarks/published-store';
import { useDataVersion, useEngine } from '../../session/app-data';
import { useBenchmarkSettings } from '../../session/benchmark-settings';
import { AuthorityPicker, NeighbourPicker, OtherAuthorities } from './authority-choice';
import { LatestTable, MeasureDetail } from './measure-comparison';
import { isSampleFile, SampleAttribution, SampleFirstRun, TrySamplePublished } from './sample-published';

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
  const getEngine = useEngine();
  const dataVersion = useDataVersion();
  const [open, setOpen] = useState<string | null>(null);
  const code = authority.new_la_code || authority.old_la_code || '';
  const chosen = settings.neighboursOf(code);
  const neighbours = useQuery({
    queryKey: ['neighbour-count', code, dataVersion],
    queryFn: async () => neighbourCount(await getEngine(), code),
  });
  const directionOf = (measure: string) => settings.directionOf(measure) ?? knownDirection(measure).direction;
  const keyOf = (choice: MeasureChoice) => `${choice.file_id}|${choice.measure}|${choice.filters}`;
  const rateOf = (choice: MeasureChoice) =>
    choiceScale(choice) === 'count' ? rateBeside(choice, measures) : undefined;
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
      <LatestTable
        authority={authority}
        code={code}
        measures={measures}
        neighbours={chosen}
        directionOf={directionOf}
        open={open}
        onOpen={(key) => setOpen(open === key ? null : key)}
      />
      {measures
        .filter((choice) => open === keyOf(choice))
        .map((choice) => {
          const rate = rateOf(choice);
          return (
            <MeasureDetail
              key={open}
              choice={choice}
              la={code}
              neighbours={chosen}
              name={authority.la_name}
              direction={directionOf(choice.measure)}
              onDirection={(d) => settings.setDirection(choice.measure, d)}
              rate={rate}
              onOpenRate={rate ? () => setOpen(keyOf(rate)) : undefined}
            />
          );
        })}
    </section>
  );
}

/** Our authority (and any others the partnership covers) against statistical neighbours, region and England. */
export function BenchmarksPage({ la: addressLa, onLa }: { la?: string; onLa: (la: string) => void }) {
  const getEngine = useEngine();
  const dataVersion = useDataVersion();
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
            “Characteristics of children in need” or “Children’s social work workforce”), with their metadata files (
            <code>.meta.csv</code>, for the measures’ names) and the DfE’s statistical-neighbour file, and drop them on
            the <a href="#/">Data</a> page with your partners’ files. Or try it first with a small public file:
          </p>
          <TrySamplePublished />
        </div>
      )}
      {measures.length > 0 && data.data && (
        <>
          {!authority && measures.some((m) => isSampleFile(m.file_name)) && (
            <SampleFirstRun authorities={authorities} onChoose={choose} />
          )}
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
            (re-referrals and second child protection plans: lower; assessments within 45 working days: higher). A count
            (referrals, children in need) is never ranked, and is drawn on its own scale: it grows with the size of the
            area.
          </p>
          {authority && measures.some((m) => isSampleFile(m.file_name)) && <SampleAttribution />}
        </>
      )}
    </div>
  );
}
