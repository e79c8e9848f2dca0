import { describe, expect, it } from 'vitest';
import type { TargetSpec } from '../indicators/trajectory';
import {
  alreadyIn,
  changesFileSchema,
  combineNotes,
  conflictCount,
  conflicts,
  describeNotes,
  isEmpty,
  NO_NOTES,
  notesFromFile,
  notesToFile,
  type PackNotes,
  targetsFileSchema,
} from './pack-notes';

const ours: PackNotes = {
  targets: new Map([
    ['EH3', 80],
    ['TR7', 90],
  ]),
  changes: new Map([
    [
      'EH3',
      [
        { date: '2023-04-01', label: 'New front door' },
        { date: '2024-10-01', label: 'Family hubs opened' },
      ],
    ],
  ]),
  minimumCases: new Map([['AQ2', 10]]),
};
const theirs: PackNotes = {
  targets: new Map([
    ['EH3', 85],
    ['OB3', 95],
  ]),
  changes: new Map([
    [
      'EH3',
      [
        { date: '2024-10-01', label: 'Hubs opened' },
        { date: '2025-01-01', label: 'Threshold changed' },
      ],
    ],
    ['EH6', [{ date: '2025-01-01', label: 'Threshold changed' }]],
  ]),
  minimumCases: new Map(),
};

describe('what a pack brings, in words', () => {
  it('names what is there, and only that', () => {
    expect(describeNotes(ours)).toBe('2 targets, 2 marked changes and 1 minimum number of cases');
    expect(describeNotes(theirs)).toBe('2 targets and 3 marked changes');
    expect(describeNotes({ ...NO_NOTES, targets: new Map([['EH3', 1]]) })).toBe('1 target');
    expect(describeNotes(NO_NOTES)).toBe('');
    expect(isEmpty(NO_NOTES)).toBe(true);
    // A list emptied by removing its changes is nothing.
    expect(isEmpty({ ...NO_NOTES, changes: new Map([['EH3', []]]) })).toBe(true);
  });

  it('finds where the pack and ours disagree', () => {
    const found = conflicts(ours, theirs);
    expect(found).toEqual({
      targets: [{ indicator: 'EH3', ours: 80, theirs: 85 }],
      changes: [{ indicator: 'EH3', date: '2024-10-01', ours: 'Family hubs opened', theirs: 'Hubs opened' }],
      minimumCases: [],
    });
    expect(conflictCount(found)).toBe(2);
    expect(conflictCount(conflicts(ours, ours))).toBe(0);
  });

  it('knows when the pack brings nothing this browser does not already have', () => {
    expect(alreadyIn(ours, ours)).toBe(true);
    expect(alreadyIn(NO_NOTES, ours)).toBe(true);
    expect(alreadyIn({ ...NO_NOTES, targets: new Map([['EH3', 80]]) }, ours)).toBe(true);
    expect(alreadyIn({ ...NO_NOTES, targets: new Map([['EH3', 81]]) }, ours)).toBe(false);
    expect(alreadyIn(theirs, ours)).toBe(false);
    const sameDateOtherLabel = { ...NO_NOTES, changes: new Map([['EH3', [{ date: '2024-10-01', label: 'Hubs' }]]]) };
    expect(alreadyIn(sameDateOtherLabel, ours)).toBe(false);
  });
});

describe('taking the pack’s notes', () => {
  it('replace: only the pack’s', () => {
    expect(combineNotes(ours, theirs, 'replace')).toBe(theirs);
  });

  it('merge: the pack’s added to ours, ours kept wherever both say something', () => {
    const merged = combineNotes(ours, theirs, 'merge');
    expect([...merged.targets].sort()).toEqual([
      ['EH3', 80],
      ['OB3', 95],
      ['TR7', 90],
    ]);
    expect(merged.changes.get('EH3')).toEqual([
      { date: '2023-04-01', label: 'New front door' },
      { date: '2024-10-01', label: 'Family hubs opened' },
      { date: '2025-01-01', label: 'Threshold changed' },
    ]);
    expect(merged.changes.get('EH6')).toEqual([{ date: '2025-01-01', label: 'Threshold changed' }]);
    expect([...merged.minimumCases]).toEqual([['AQ2', 10]]);
  });

  it('merge keeps every one of ours when the pack’s would pass the limit of 50 changes', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => ({
      date: `${2000 + i}-04-01`,
      label: `Ours ${i}`,
    }));
    const merged = combineNotes(
      { ...NO_NOTES, changes: new Map([['EH3', fifty]]) },
      { ...NO_NOTES, changes: new Map([['EH3', [{ date: '1999-04-01', label: 'Theirs' }]]]) },
      'merge',
    );
    expect(merged.changes.get('EH3')).toEqual(fifty);
  });
});

describe('the audit of a marked change', () => {
  it('travels in the file with when it was marked, and a time that is not one is refused', () => {
    const change = { date: '2024-10-01', label: 'Family hubs opened', markedAt: '2026-12-07T21:00:00.000Z' };
    const notes = { ...NO_NOTES, changes: new Map([['EH3', [change]]]) };
    const file = notesToFile(notes);
    expect(file.changes).toEqual([{ indicator: 'EH3', ...change }]);
    const back = notesFromFile(file);
    expect(back.ok && back.notes.changes.get('EH3')).toEqual([change]);
    expect(
      changesFileSchema.safeParse([{ indicator: 'EH3', date: '2024-10-01', label: 'x', markedAt: 'yesterday' }])
        .success,
    ).toBe(false);
  });
});

describe('a trajectory target in the pack file', () => {
  const trajectory = [
    { from: '2025-07-01', value: 75 },
    { from: '2025-04-01', value: 70 },
  ];
  it('travels as { indicator, trajectory } in date order, and comes back the same', () => {
    const notes = {
      ...NO_NOTES,
      targets: new Map<string, TargetSpec>([
        ['EH3', trajectory],
        ['TR7', 90],
      ]),
    };
    const file = notesToFile(notes);
    expect(file.targets).toEqual([
      { indicator: 'EH3', trajectory: [trajectory[1], trajectory[0]] },
      { indicator: 'TR7', value: 90 },
    ]);
    expect(targetsFileSchema.safeParse(file.targets).success).toBe(true);
    const back = notesFromFile(file);
    expect(back.ok && back.notes.targets.get('EH3')).toEqual([trajectory[1], trajectory[0]]);
  });

  it('refuses a target with both a value and a trajectory, and a trajectory with unknown fields', () => {
    expect(targetsFileSchema.safeParse([{ indicator: 'EH3', value: 1, trajectory }]).success).toBe(false);
    expect(
      targetsFileSchema.safeParse([{ indicator: 'EH3', trajectory: [{ from: '2025-04-01', value: 1, by: 'x' }] }])
        .success,
    ).toBe(false);
  });

  it('compares trajectories whole: the same steps in another order agree, another step differs', () => {
    const mine: PackNotes = { ...NO_NOTES, targets: new Map([['EH3', trajectory]]) };
    const same: PackNotes = { ...NO_NOTES, targets: new Map([['EH3', [...trajectory].reverse()]]) };
    const other: PackNotes = { ...NO_NOTES, targets: new Map([['EH3', [{ from: '2025-04-01', value: 70 }]]]) };
    expect(conflictCount(conflicts(mine, same))).toBe(0);
    expect(alreadyIn(same, mine)).toBe(true);
    expect(conflicts(mine, other).targets).toEqual([
      { indicator: 'EH3', ours: trajectory, theirs: [{ from: '2025-04-01', value: 70 }] },
    ]);
  });
});
