import { useQuery } from '@tanstack/react-query';
import type { BenchmarkItem, PackFigures, PackRequest } from '../../board/pack-figures';
import { PACK_VIEWS } from '../../board/pack-views';
import { INDICATORS } from '../../indicators/registry';
import { useEngine } from '../../session/app-data';
import { useBenchmarkSettings } from '../../session/benchmark-settings';
import { useBoardPack } from '../../session/board-pack';
import { useChartNotes } from '../../session/chart-notes';
import { useCompletePreparation } from '../../session/indicator-settings';
import { useTargets } from '../../session/targets';

/**
 * Everything the tool publishes for a granularity and end date, protected together when suppression is
 * on: every indicator (at month, quarter and year) and every area view, as one disclosure problem, so
 * that the summary, a slide, the PDF, the PowerPoint and a chart or table downloaded from an area page
 * all hide the same counts and none can be worked out from the others. Computed once for the loaded
 * data, the settings, the targets and the changes marked (a costly computation), then shared.
 */
export function usePackFigures(request: {
  granularity: PackRequest['granularity'];
  to?: string;
  /** Published comparisons to show (public figures, for our local authority). */
  benchmarks?: readonly BenchmarkItem[];
  /** Serious incident and rapid review counts shown as they are (a yearly report, by the partnership's choice). */
  reviewCountsShown?: boolean;
  enabled?: boolean;
}) {
  const benchmarkSettings = useBenchmarkSettings();
  const la = benchmarkSettings.la;
  const benchmarks = {
    la,
    neighbours: la ? benchmarkSettings.neighboursOf(la) : [],
    items: request.benchmarks ?? [],
  };
  const getEngine = useEngine();
  const prepared = useCompletePreparation();
  const { suppress } = useBoardPack();
  const reviewCountsShown = request.reviewCountsShown ?? false;
  const { targets } = useTargets();
  const { notes, changesFor, minDenominatorFor, fixAfterFor } = useChartNotes();
  return useQuery<PackFigures>({
    queryKey: [
      'pack-figures',
      request.granularity,
      request.to,
      suppress,
      reviewCountsShown,
      targets,
      notes,
      prepared.data,
      benchmarks,
    ],
    queryFn: async () => {
      const { packFigures } = await import('../../board/pack-figures');
      return packFigures(await getEngine(), prepared.data as NonNullable<typeof prepared.data>, {
        indicators: INDICATORS,
        views: PACK_VIEWS,
        granularity: request.granularity,
        to: request.to,
        suppress,
        reviewCountsShown,
        targets,
        changesFor,
        minDenominatorFor,
        fixAfterFor,
        benchmarks,
      });
    },
    enabled: prepared.data !== undefined && (request.enabled ?? true),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
