import { useCallback, useMemo } from 'react';
import type { PackNotes } from '../board/pack-notes';
import { useChartNotes } from './chart-notes';
import { useTargets } from './targets';

/**
 * The notes a board pack file carries (targets, marked changes, minimum numbers of cases), read from
 * and written to this browser's own stores. Maps in, plain records out: every id has been checked
 * against the indicators of this tool before it gets here (pack-notes.ts).
 */
export function useSavedPackNotes(): { notes: PackNotes; replace(notes: PackNotes): void } {
  const { targets, replaceTargets } = useTargets();
  const { notes: chartNotes, replaceNotes } = useChartNotes();
  const notes = useMemo<PackNotes>(
    () => ({
      targets: new Map(Object.entries(targets)),
      changes: new Map(Object.entries(chartNotes.changes).filter(([, list]) => list.length > 0)),
      minimumCases: new Map(Object.entries(chartNotes.minDenominators)),
    }),
    [targets, chartNotes],
  );
  const replace = useCallback(
    (next: PackNotes) => {
      replaceTargets(Object.fromEntries(next.targets));
      replaceNotes({
        changes: Object.fromEntries([...next.changes].map(([id, list]) => [id, [...list]])),
        minDenominators: Object.fromEntries(next.minimumCases),
        // The pack file does not carry fixed baselines: this browser's stay as they are.
        fixAfter: chartNotes.fixAfter,
      });
    },
    [replaceTargets, replaceNotes, chartNotes.fixAfter],
  );
  return { notes, replace };
}
