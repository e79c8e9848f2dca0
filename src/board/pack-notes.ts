import { z } from 'zod';
import type { ChangePoint } from '../indicators/indicator-spc';
import { isIsoDate } from '../indicators/periods';
import { INDICATORS } from '../indicators/registry';
import { isTrajectory, sameTarget, sortSteps, type TargetSpec, trajectorySchema } from '../indicators/trajectory';

/**
 * What a board pack file carries beside the pack so that the charts read the same on another laptop:
 * the partnership's targets (the assurance icons), the changes marked on charts (limits recalculated
 * from them) and its own minimum numbers of cases (process limits or a run chart). Choices and words,
 * never data. In the file as lists of { indicator, … } (never objects keyed by what the file says);
 * in the app as Maps by indicator id. Every indicator must be one of this tool's.
 */
export interface PackNotes {
  targets: ReadonlyMap<string, TargetSpec>;
  changes: ReadonlyMap<string, readonly ChangePoint[]>;
  minimumCases: ReadonlyMap<string, number>;
}

/** Marked changes kept per indicator, as in the browser's own store. */
export const MAX_CHANGES_PER_INDICATOR = 50;

const indicatorIds = new Set(INDICATORS.map((i) => i.id));
const indicator = z.string().refine((id) => indicatorIds.has(id), { message: 'is not an indicator of this tool' });

/** One value (`value`), or a trajectory (`trajectory`: steps { from, value }); never both. */
export const targetsFileSchema = z
  .array(
    z.union([
      z.object({ indicator, value: z.number().finite().min(-1e9).max(1e9) }).strict(),
      z.object({ indicator, trajectory: trajectorySchema }).strict(),
    ]),
  )
  .max(INDICATORS.length);
export const changesFileSchema = z
  .array(
    z
      .object({
        indicator,
        date: z.string().refine(isIsoDate, { message: 'is not a date (YYYY-MM-DD)' }),
        label: z.string().trim().min(1).max(120),
        /** When the change was marked (the audit of a rebase). */
        markedAt: z.iso.datetime().optional(),
      })
      .strict(),
  )
  .max(INDICATORS.length * MAX_CHANGES_PER_INDICATOR);
export const minimumCasesFileSchema = z
  .array(z.object({ indicator, value: z.number().int().min(1).max(100_000) }).strict())
  .max(INDICATORS.length);

export type NotesInFile = {
  targets?: z.infer<typeof targetsFileSchema>;
  changes?: z.infer<typeof changesFileSchema>;
  minimumCases?: z.infer<typeof minimumCasesFileSchema>;
};

export const NO_NOTES: PackNotes = { targets: new Map(), changes: new Map(), minimumCases: new Map() };

/** The notes of a checked file as Maps, or why they cannot be used (an indicator twice, a change twice). */
export function notesFromFile(file: NotesInFile): { ok: true; notes: PackNotes } | { ok: false; message: string } {
  const targets = new Map<string, TargetSpec>();
  for (const t of file.targets ?? []) {
    if (targets.has(t.indicator)) return { ok: false, message: `The pack gives ${t.indicator} two targets.` };
    targets.set(t.indicator, 'value' in t ? t.value : sortSteps(t.trajectory));
  }
  const minimumCases = new Map<string, number>();
  for (const m of file.minimumCases ?? []) {
    if (minimumCases.has(m.indicator)) {
      return { ok: false, message: `The pack gives ${m.indicator} two minimum numbers of cases.` };
    }
    minimumCases.set(m.indicator, m.value);
  }
  const changes = new Map<string, ChangePoint[]>();
  for (const c of file.changes ?? []) {
    const list = changes.get(c.indicator) ?? [];
    if (list.some((other) => other.date === c.date)) {
      return { ok: false, message: `The pack marks two changes on ${c.indicator} on the same date (${c.date}).` };
    }
    if (list.length === MAX_CHANGES_PER_INDICATOR) {
      return { ok: false, message: `The pack marks more than ${MAX_CHANGES_PER_INDICATOR} changes on ${c.indicator}.` };
    }
    changes.set(c.indicator, [
      ...list,
      { date: c.date, label: c.label, ...(c.markedAt ? { markedAt: c.markedAt } : {}) },
    ]);
  }
  for (const [id, list] of changes) changes.set(id, sortChanges(list));
  return { ok: true, notes: { targets, changes, minimumCases } };
}

const sortChanges = (list: readonly ChangePoint[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));
const byRegistry = (a: string, b: string) =>
  INDICATORS.findIndex((i) => i.id === a) - INDICATORS.findIndex((i) => i.id === b);

/** The notes as the file writes them: in the registry's order of indicators, changes by date. */
export function notesToFile(notes: PackNotes): Required<NotesInFile> {
  const ids = <V>(map: ReadonlyMap<string, V>) => [...map.keys()].filter((id) => indicatorIds.has(id)).sort(byRegistry);
  return {
    targets: ids(notes.targets).map((id) => {
      const target = notes.targets.get(id) as TargetSpec;
      return isTrajectory(target) ? { indicator: id, trajectory: sortSteps(target) } : { indicator: id, value: target };
    }),
    changes: ids(notes.changes).flatMap((id) =>
      sortChanges(notes.changes.get(id) ?? []).map((c) => ({
        indicator: id,
        date: c.date,
        label: c.label,
        ...(c.markedAt ? { markedAt: c.markedAt } : {}),
      })),
    ),
    minimumCases: ids(notes.minimumCases).map((id) => ({
      indicator: id,
      value: notes.minimumCases.get(id) as number,
    })),
  };
}

const changeCount = (notes: PackNotes) => [...notes.changes.values()].reduce((n, list) => n + list.length, 0);

export const isEmpty = (notes: PackNotes) =>
  notes.targets.size === 0 && changeCount(notes) === 0 && notes.minimumCases.size === 0;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 targets, 2 marked changes and 1 minimum number of cases" (what is there only); '' for none. */
export function describeNotes(notes: PackNotes): string {
  const parts = [
    notes.targets.size > 0 ? plural(notes.targets.size, 'target', 'targets') : '',
    changeCount(notes) > 0 ? plural(changeCount(notes), 'marked change', 'marked changes') : '',
    notes.minimumCases.size > 0
      ? plural(notes.minimumCases.size, 'minimum number of cases', 'minimum numbers of cases')
      : '',
  ].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** Where the pack's notes and ours say different things for the same indicator (and date, for a change). */
export interface NotesConflicts {
  targets: { indicator: string; ours: TargetSpec; theirs: TargetSpec }[];
  changes: { indicator: string; date: string; ours: string; theirs: string }[];
  minimumCases: { indicator: string; ours: number; theirs: number }[];
}

export function conflicts(ours: PackNotes, theirs: PackNotes): NotesConflicts {
  const differing = <V extends TargetSpec>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>) =>
    [...b].flatMap(([id, value]) => {
      const mine = a.get(id);
      return mine !== undefined && !sameTarget(mine, value) ? [{ indicator: id, ours: mine, theirs: value }] : [];
    });
  const changes = [...theirs.changes].flatMap(([id, list]) =>
    list.flatMap((c) => {
      const mine = ours.changes.get(id)?.find((o) => o.date === c.date);
      return mine && mine.label !== c.label ? [{ indicator: id, date: c.date, ours: mine.label, theirs: c.label }] : [];
    }),
  );
  return {
    targets: differing(ours.targets, theirs.targets),
    changes,
    minimumCases: differing(ours.minimumCases, theirs.minimumCases),
  };
}

/** Whether every note of `theirs` is already, the same, in `ours` (taking them would change nothing). */
export function alreadyIn(theirs: PackNotes, ours: PackNotes): boolean {
  const same = <V extends TargetSpec>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>) =>
    [...a].every(([id, value]) => b.has(id) && sameTarget(b.get(id), value));
  return (
    same(theirs.targets, ours.targets) &&
    same(theirs.minimumCases, ours.minimumCases) &&
    [...theirs.changes].every(([id, list]) =>
      list.every((c) => ours.changes.get(id)?.some((o) => o.date === c.date && o.label === c.label)),
    )
  );
}

export const conflictCount = (c: NotesConflicts) => c.targets.length + c.changes.length + c.minimumCases.length;

/**
 * Our notes after taking the pack's: `replace` keeps only the pack's; `merge` adds the pack's to ours,
 * keeping ours wherever both say something for the same indicator (or the same indicator and date).
 */
export function combineNotes(ours: PackNotes, theirs: PackNotes, how: 'replace' | 'merge'): PackNotes {
  if (how === 'replace') return theirs;
  const keepOurs = <V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>) => new Map([...b, ...a]);
  const changes = new Map<string, readonly ChangePoint[]>(ours.changes);
  for (const [id, list] of theirs.changes) {
    const mine = ours.changes.get(id) ?? [];
    const added = list.filter((c) => !mine.some((m) => m.date === c.date));
    // Ours are all kept; the pack's fill what room the store has.
    const room = Math.max(0, MAX_CHANGES_PER_INDICATOR - mine.length);
    changes.set(id, sortChanges([...mine, ...added.slice(0, room)]));
  }
  return {
    targets: keepOurs(ours.targets, theirs.targets),
    changes,
    minimumCases: keepOurs(ours.minimumCases, theirs.minimumCases),
  };
}
