import { describe, expect, it } from 'vitest';
import type { LoadProgress } from './load-file';
import { overallFraction, READ_SHARE } from './load-progress';

const at = (fileIndex: number, phase: LoadProgress['phase'], fraction?: number): LoadProgress => ({
  fileName: `f${fileIndex}.csv`,
  phase,
  fraction,
  fileIndex,
  fileCount: 3,
});

describe('overallFraction: the whole load, files weighted by size', () => {
  // A 120 MB extract chosen with two 1 MB files: the bar follows the big one.
  const sizes = [120e6, 1e6, 1e6];

  it('a big file three quarters read is most of the load, not a third of one file', () => {
    // (120 × 0.7 × 0.75) / 122 = 63 / 122
    expect(overallFraction(sizes, at(1, 'reading', 0.75))).toBeCloseTo(63 / 122, 10);
  });

  it('counts a file as read once its later steps start, and the files before it as done', () => {
    expect(overallFraction(sizes, at(1, 'checking'))).toBeCloseTo((120 * READ_SHARE) / 122, 10);
    // File 2 half read: 120 + 1 × 0.7 × 0.5 = 120.35 of 122.
    expect(overallFraction(sizes, at(2, 'reading', 0.5))).toBeCloseTo(120.35 / 122, 10);
    expect(overallFraction(sizes, at(3, 'loading'))).toBeCloseTo((121 + READ_SHARE) / 122, 10);
  });

  it('never goes backwards from one step to the next within a file', () => {
    const steps = [
      at(2, 'reading', 0),
      at(2, 'reading', 0.4),
      at(2, 'reading', 1),
      at(2, 'loading'),
      at(2, 'checking'),
    ];
    const values = steps.map((p) => overallFraction(sizes, p));
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('moves for empty files, and stays within 0–1 whatever it is told', () => {
    expect(overallFraction([0, 0], { ...at(2, 'reading', 0), fileCount: 2 })).toBeCloseTo(0.5, 10);
    expect(overallFraction([10], { ...at(1, 'reading', 7), fileCount: 1 })).toBe(READ_SHARE);
    expect(overallFraction([10], { ...at(1, 'reading', -1), fileCount: 1 })).toBe(0);
  });
});
