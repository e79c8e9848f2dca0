import { useCallback, useSyncExternalStore } from 'react';
import { asAtDate, asAtText } from '../board/page-footer';
import { useBoardPack } from './board-pack';
import { usePreparedIndicators } from './indicator-settings';
import { type HistoryEntry, tabHistory } from './load-history';

/** The tab's load history, oldest first; re-renders when an entry is recorded. */
export function useLoadHistory(): readonly HistoryEntry[] {
  return useSyncExternalStore(tabHistory.subscribe, tabHistory.getSnapshot);
}

const suppressionWords = (suppressed: boolean | null) =>
  suppressed === null
    ? 'no counts about children in it'
    : suppressed
      ? 'small numbers suppressed'
      : 'small numbers NOT suppressed (internal use only)';

/**
 * Records a file saved from the figures (a pack, a table, a chart) in the load history, with the date
 * its figures are as at and whether small numbers were hidden in it.
 */
export function useRecordExport(): (
  what: string,
  /** `suppressed: null`: figures with no counts about children, so nothing to hide. */
  options?: { file?: string; suppressed?: boolean | null },
) => void {
  const prepared = usePreparedIndicators().data;
  const { suppress } = useBoardPack();
  return useCallback(
    (what, { file, suppressed = suppress } = {}) => {
      tabHistory.record({
        action: 'export',
        summary: `${what}: figures as at ${asAtText(prepared)}; ${suppressionWords(suppressed)}`,
        file,
        asAt: asAtDate(prepared),
      });
    },
    [prepared, suppress],
  );
}
