import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { z } from 'zod';
import type { ChangePoint } from '../indicators/indicator-spc';
import { formatUkDate, isIsoDate } from '../indicators/periods';
import { ownValue } from '../shared/own';
import { safeRecord } from '../shared/safe-record';
import { tabHistory } from './load-history';
import { readStored, schemaCheck, useStoredReset, writeStored } from './stored';

/**
 * What the partnership notes on its charts, saved in this browser (never data): changes marked on an
 * indicator ("Family hubs opened, October 2024"), from which its limits are recalculated, and its own
 * minimum number of cases per period for process limits and comparisons.
 */
export const NOTES_KEY = 'partnership-insight:chart-notes';

const changeSchema = z.object({
  date: z.string().refine(isIsoDate),
  label: z.string().trim().min(1).max(120),
  markedAt: z.iso.datetime().optional(),
});
const notesSchema = z.object({
  changes: safeRecord(z.string().max(20), z.array(changeSchema).max(50)).default({}),
  minDenominators: safeRecord(z.string().max(20), z.number().int().min(1).max(100_000)).default({}),
  /** Per indicator: process limits fixed after the first N points of each phase (a baseline). */
  fixAfter: safeRecord(z.string().max(20), z.number().int().min(2).max(1000)).default({}),
});
export type ChartNotes = z.infer<typeof notesSchema>;

/** Read back as completely as a file is: a damaged entry is set aside, with a notice (stored.ts). */
const readNotes = (): ChartNotes =>
  readStored(NOTES_KEY, schemaCheck(notesSchema), () => ({ changes: {}, minDenominators: {}, fixAfter: {} }));

interface ChartNotesValue {
  notes: ChartNotes;
  changesFor(indicatorId: string): ChangePoint[];
  minDenominatorFor(indicatorId: string): number | null;
  fixAfterFor(indicatorId: string): number | null;
  setFixAfter(indicatorId: string, points: number | null): void;
  addChange(indicatorIds: readonly string[], change: ChangePoint): void;
  removeChange(indicatorId: string, change: ChangePoint): void;
  setMinDenominator(indicatorId: string, value: number | null): void;
  /** Every change and minimum at once (those of a board pack file the user chose to take). */
  replaceNotes(notes: ChartNotes): void;
}

const ChartNotesContext = createContext<ChartNotesValue | null>(null);

export function ChartNotesProvider({ children }: { children: ReactNode }) {
  const [notes, setNotes] = useState<ChartNotes>(readNotes);
  const update = useCallback((change: (current: ChartNotes) => ChartNotes) => {
    setNotes((current) => {
      const next = change(current);
      writeStored(NOTES_KEY, next);
      return next;
    });
  }, []);
  useStoredReset(NOTES_KEY, () => setNotes({ changes: {}, minDenominators: {}, fixAfter: {} }));
  const value = useMemo<ChartNotesValue>(
    () => ({
      notes,
      changesFor: (id) => ownValue(notes.changes, id) ?? [],
      minDenominatorFor: (id) => ownValue(notes.minDenominators, id) ?? null,
      fixAfterFor: (id) => ownValue(notes.fixAfter, id) ?? null,
      setFixAfter: (id, n) =>
        update((current) => {
          const fixAfter = { ...current.fixAfter };
          if (n === null) delete fixAfter[id];
          else fixAfter[id] = n;
          return { ...current, fixAfter };
        }),
      addChange: (ids, change) => {
        tabHistory.record({
          action: 'change-point',
          summary: `Change marked on ${ids.join(', ')} from ${formatUkDate(change.date)}: “${change.label}” (limits worked out again from there)`,
        });
        update((current) => {
          const changes = { ...current.changes };
          const marked = { ...change, markedAt: change.markedAt ?? new Date().toISOString() };
          for (const id of ids) {
            const list = (ownValue(changes, id) ?? []).filter((c) => c.date !== change.date);
            changes[id] = [...list, marked].sort((a, b) => a.date.localeCompare(b.date));
          }
          return { ...current, changes };
        });
      },
      removeChange: (id, change) => {
        tabHistory.record({
          action: 'change-point',
          summary: `Change on ${id} from ${formatUkDate(change.date)} taken off: “${change.label}”`,
        });
        update((current) => ({
          ...current,
          changes: {
            ...current.changes,
            [id]: (ownValue(current.changes, id) ?? []).filter(
              (c) => c.date !== change.date || c.label !== change.label,
            ),
          },
        }));
      },
      setMinDenominator: (id, min) =>
        update((current) => {
          const minDenominators = { ...current.minDenominators };
          if (min === null) delete minDenominators[id];
          else minDenominators[id] = min;
          return { ...current, minDenominators };
        }),
      replaceNotes: (next) => {
        const checked = notesSchema.parse(next);
        const count = Object.values(checked.changes).reduce((n, list) => n + list.length, 0);
        tabHistory.record({
          action: 'change-point',
          summary: `Changes marked on charts taken from a board pack file: ${count} in all, in place of those marked before`,
        });
        update(() => checked);
      },
    }),
    [notes, update],
  );
  return <ChartNotesContext.Provider value={value}>{children}</ChartNotesContext.Provider>;
}

export function useChartNotes(): ChartNotesValue {
  const value = useContext(ChartNotesContext);
  if (!value) throw new Error('useChartNotes must be used inside ChartNotesProvider');
  return value;
}
