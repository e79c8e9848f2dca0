import { useQuery } from '@tanstack/react-query';
import type { PackFigures, PackRequest } from '../../board/pack-figures';
import type { PackViewId } from '../../board/pack-views';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import { useAppData } from '../../session/app-data';
import { useBoardPack } from '../../session/board-pack';
import { useChartNotes } from '../../session/chart-notes';
import { useCompletePreparation } from '../../session/indicator-settings';
import { useTargets } from '../../session/targets';

/**
 * The figures of a pack (or a yearly report), protected together when suppression is on: computed once
 * for the loaded data, the settings, the targets and the changes marked, and shared by the summary, the
 * slides, the print view and the PowerPoint.
 */
export function usePackFigures(request: {
  indicators: readonly IndicatorDefinition[];
  views: readonly PackViewId[];
  granularity: PackRequest['granularity'];
  to?: string;
  /** Overrides the pack's switch (a table download follows the switch too). */
  suppress?: boolean;
  enabled?: boolean;
}) {
  const { getEngine } = useAppData();
  const prepared = useCompletePreparation();
  const { suppress: switchOn } = useBoardPack();
  const { targets } = useTargets();
  const { notes, changesFor, minDenominatorFor } = useChartNotes();
  const suppress = request.suppress ?? switchOn;
  const ids = request.indicators.map((i) => i.id);
  return useQuery<PackFigures>({
    queryKey: [
      'pack-figures',
      ids,
      request.views,
      request.granularity,
      request.to,
      suppress,
      targets,
      notes,
      prepared.data,
    ],
    queryFn: async () => {
      const { packFigures } = await import('../../board/pack-figures');
      return packFigures(await getEngine(), prepared.data as NonNullable<typeof prepared.data>, {
        indicators: request.indicators,
        views: request.views,
        granularity: request.granularity,
        to: request.to,
        suppress,
        targets,
        changesFor,
        minDenominatorFor,
      });
    },
    enabled: prepared.data !== undefined && (request.enabled ?? true),
  });
}
