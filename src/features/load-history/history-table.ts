import { formatUkDate } from '../../indicators/periods';
import type { HistoryAction, HistoryEntry } from '../../session/load-history';
import type { CsvValue } from '../../shared/csv';

/** Each action in the words of the page and its CSV. */
export const ACTION_WORDS: Record<HistoryAction, string> = {
  load: 'Loaded',
  replace: 'Loaded again',
  remove: 'Removed',
  clear: 'Cleared',
  keep: 'Kept on this computer',
  lock: 'Locked',
  unlock: 'Unlocked',
  restore: 'Restored',
  suppression: 'Suppression',
  'change-point': 'Change point',
  event: 'Event',
  export: 'Exported',
};

const two = (n: number) => String(n).padStart(2, '0');

/** When an entry happened, on this computer's clock: "07/12/2026 14:05". */
export function historyTime(at: string): string {
  const d = new Date(at);
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Newest first, as the page and its CSV list them. */
export const newestFirst = <T extends HistoryEntry>(entries: readonly T[]): T[] => [...entries].reverse();

/** The history as CSV rows (newest first), the ISO time kept beside the shown one for exactness. */
export function historyCsvRows(entries: readonly HistoryEntry[]): CsvValue[][] {
  return [
    ['Date and time', 'What happened', 'Details', 'File', 'Rows', 'Figures as at', 'Recorded at (ISO, UTC)'],
    ...newestFirst(entries).map((e) => [
      historyTime(e.at),
      ACTION_WORDS[e.action],
      e.summary,
      e.file ?? '',
      e.rows ?? '',
      e.asAt ? formatUkDate(e.asAt) : '',
      e.at,
    ]),
  ];
}
