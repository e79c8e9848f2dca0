import { useQuery } from '@tanstack/react-query';
import { findPublishedMeasure } from '../../benchmarks/published-pair';
import { compareAuthority, publishedAuthorities, publishedMeasures } from '../../benchmarks/published-store';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import type { IndicatorPoint } from '../../indicators/run-indicator';
import { useDataVersion, useEngine } from '../../session/app-data';
import { useBenchmarkSettings } from '../../session/benchmark-settings';
import { formatValue } from '../../shared/format';

/** The published measure, our authority's name and its comparison (null when nothing to set beside). */
function usePublishedBeside(indicator: IndicatorDefinition) {
  const getEngine = useEngine();
  const dataVersion = useDataVersion();
  const { la, neighboursOf } = useBenchmarkSettings();
  return useQuery({
    queryKey: ['published-beside', indicator.id, la, dataVersion],
    queryFn: async () => {
      const engine = await getEngine();
      const choice = findPublishedMeasure(indicator.published, await publishedMeasures(engine));
      if (!choice) return null;
      if (!la) return { choice, la: null, name: null, points: [] };
      const authority = (await publishedAuthorities(engine)).find((a) => a.old_la_code === la || a.new_la_code === la);
      const direction = indicator.direction;
      const points = await compareAuthority(engine, {
        fileId: choice.file_id,
        measure: choice.measure,
        filters: choice.filters,
        la,
        direction,
        neighbours: neighboursOf(la),
      });
      return { choice, la, name: authority?.la_name ?? la, points };
    },
    enabled: indicator.published !== undefined,
  });
}

/**
 * The local, up-to-date figure beside the DfE's last published one for this authority, its statistical
 * neighbours, its region and England: the comparison boards ask for, offline. It says that the published
 * year and the local period differ, and how the definitions line up.
 */
export function PublishedBeside({
  indicator,
  latest,
}: {
  indicator: IndicatorDefinition;
  latest: IndicatorPoint | undefined;
}) {
  const found = usePublishedBeside(indicator).data;
  const pair = indicator.published;
  if (!pair || !found) return null;
  const f = (v: number | null | undefined) => formatValue(v ?? null, indicator.unit);
  if (!found.la) {
    return (
      <p className="hint" data-testid="published-beside" data-state="no-authority">
        The DfE’s published {pair.label.toLowerCase()} is loaded: choose your authority on the{' '}
        <a href="#/benchmarks">Published statistics</a> page to see this figure beside it.
      </p>
    );
  }
  const last = found.points.findLast((p) => p.laValue !== null || p.laMarker !== null);
  if (!last) return null;
  const ours = last.laValue === null ? (last.laMarker ?? 'not published') : f(last.laValue);
  return (
    <section
      className="inset-text"
      data-testid="published-beside"
      data-state="shown"
      aria-label="Beside the published figures"
    >
      <p>
        <strong>Here:</strong> {latest ? `${f(latest.value)} in ${latest.label}` : 'no complete period yet'}.{' '}
        <strong>Published, {last.timePeriod}:</strong> {found.name} {ours};{' '}
        {last.neighbourCount > 0
          ? `statistical neighbours ${f(last.neighbourAverage)} (average of ${last.neighbourCount})`
          : 'statistical neighbours not loaded'}
        ; region {f(last.regionValue)}; England {f(last.englandValue)}.
      </p>
      <p className="hint">
        {pair.label}, from the DfE’s file “{found.choice.file_name}” ({found.choice.measure}). The published figure is
        for the reporting year {last.timePeriod} (to 31 March); the local one is for{' '}
        {latest?.label ?? 'the latest period'}, from the partners’ own records, counted as the DfE counts it.{' '}
        {pair.note}
      </p>
    </section>
  );
}
